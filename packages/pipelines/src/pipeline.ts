/**
 * A pipeline: jobs, the tables / views / catalogs they share (declared once), `${variables}` and secrets, the
 * platforms it ships to, and environments (dev / test / prod / …) that override settings, resources,
 * parallelism, variable values and target fields. Overrides are typed by the job, variable and environment
 * names the pipeline declares; `build` reports any that do not apply.
 */
import type { ArgumentSchema, Catalog, Table, View } from '@flinkts/core';
import type { ConnectorVersions, FlinkSettingsInput } from '@flinkts/connectors';
import { Job } from './job.js';
import { z } from 'zod';
import { argumentError, checkArgument, didYouMean } from '@flinkts/core/internal';
import { TEXTS } from './codes.js';
import { EMITTERS, TARGET_NAMES } from './emit/emitters.js';
import { LINEAGE_CONFIG } from './targets.js';
import type { Resources } from './resources.js';
import type { TargetOverrides, Targets } from './targets.js';

/** What an environment changes for one job. */
export interface JobOverride {
  readonly parallelism?: number;
  readonly settings?: FlinkSettingsInput;
  readonly resources?: Resources;
}

export interface EnvironmentSpec<JobName extends string = string, Variable extends string = string> {
  readonly description?: string;
  readonly settings?: FlinkSettingsInput;
  readonly resources?: Resources;
  /** A value for every declared variable (credentials are secrets and never get a value here). */
  readonly variables?: { readonly [K in Variable]: string };
  readonly jobs?: { readonly [K in JobName]?: JobOverride };
  readonly targets?: TargetOverrides;
  /** How `flinkts deploy` judges a new version healthy here (defaults: 2 checkpoints, 30 s grace, 300 s timeout). */
  readonly deploy?: {
    readonly health?: { readonly checkpoints?: number; readonly graceSeconds?: number; readonly timeoutSeconds?: number };
    /**
     * Blue-green releases here write to a shadow table until promoted: the new version of every job that writes
     * `sink` runs beside the old one writing `shadow` instead (a declared table no job writes), and replaces the
     * old one writing `sink` once it is healthy.
     */
    readonly shadowSinks?: readonly { readonly sink: Table<string, unknown, string>; readonly shadow: Table<string, unknown, string> }[];
  };
}

type AnyTable = Table<string, unknown, string> | View<string, unknown>;

export interface PipelineSpec<J extends readonly Job[], V extends string, S extends string, E extends string> {
  readonly name: string;
  readonly description?: string;
  /** The Flink version the jobs run on (default 1.20.1): picks the connector builds and checks platform versions. */
  readonly flinkVersion?: string;
  /** Connector releases to ship instead of the default build for the Flink version, e.g. `{ paimon: '0.9.0' }`. */
  readonly connectorVersions?: ConnectorVersions;
  readonly jobs: J;
  /** Every table and view the jobs use, declared once. */
  readonly tables: readonly AnyTable[];
  readonly catalogs?: readonly Catalog[];
  /** Settings every job gets (a job's own settings override them). */
  readonly settings?: FlinkSettingsInput;
  readonly resources?: Resources;
  /** `${NAME}` placeholders with a value per environment, and what each means. */
  readonly variables?: { readonly [K in V]: string };
  /** `${NAME}` placeholders the platform resolves (credentials): never given a value in any artifact. */
  readonly secrets?: { readonly [K in S]: string };
  readonly targets: Targets;
  /** Environments name only declared jobs and variables (NoInfer: an undeclared one is an error at its own line). */
  readonly environments: { readonly [K in E]: EnvironmentSpec<J[number]['name'], NoInfer<V>> };
}

export class Pipeline<J extends readonly Job[] = readonly Job[], V extends string = string, S extends string = string, E extends string = string> {
  readonly kind = 'pipeline' as const;
  readonly spec: PipelineSpec<J, V, S, E>;
  constructor(spec: PipelineSpec<J, V, S, E>) {
    // A frozen snapshot of what the jobs' analysis depends on (jobs, tables, catalogs, secret names): a pipeline
    // is immutable, so that analysis can be shared by its environments (check-pipeline.ts).
    this.spec = Object.freeze({
      ...spec,
      jobs: Object.freeze([...spec.jobs]) as unknown as J,
      tables: Object.freeze([...spec.tables]),
      ...(spec.catalogs === undefined ? {} : { catalogs: Object.freeze([...spec.catalogs]) }),
      ...(spec.secrets === undefined ? {} : { secrets: Object.freeze({ ...spec.secrets }) }),
    });
    Object.freeze(this);
  }
  get name(): string {
    return this.spec.name;
  }
  get environmentNames(): E[] {
    return Object.keys(this.spec.environments) as E[];
  }
}

const nonEmpty = z.string().trim().min(1);
const placeholderName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, { message: 'a placeholder name matching [A-Za-z_][A-Za-z0-9_.-]*' });
const declaration = (kinds: readonly string[], what: string) =>
  z.custom<unknown>((v) => typeof v === 'object' && v !== null && kinds.includes((v as { kind?: unknown }).kind as string), { message: what });
const JOB_OVERRIDE = z.looseObject({ parallelism: z.number().optional(), settings: z.record(z.string(), z.unknown()).optional(), resources: z.record(z.string(), z.unknown()).optional() });
/** What `pipeline()` accepts; unknown keys are kept for newer fields, known ones are checked. */
const PIPELINE_SPEC = z.looseObject({
  name: nonEmpty,
  description: z.string().optional(),
  jobs: z.array(z.instanceof(Job, { message: 'a job declared with job(…)' })).min(1),
  tables: z.array(declaration(['table', 'view'], 'a table or view declared with table(…) / view(…)')),
  catalogs: z.array(declaration(['catalog'], 'a catalog declared with catalog(…)')).optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
  resources: z.record(z.string(), z.unknown()).optional(),
  variables: z.record(placeholderName, z.string()).optional(),
  secrets: z.record(placeholderName, z.string()).optional(),
  targets: z.looseObject({}).refine((t) => TARGET_NAMES.some((n) => t[n] !== undefined), { message: `at least one target (${TARGET_NAMES.join(', ')})` }),
  environments: z.record(nonEmpty, z.looseObject({
    description: z.string().optional(),
    variables: z.record(z.string(), z.string()).optional(),
    jobs: z.record(z.string(), JOB_OVERRIDE.optional()).optional(),
    targets: z.looseObject({}).optional(),
  })),
});

/**
 * Each configured target against its emitter's schema, and each environment's target overrides against the
 * overridable emitters' (an override of a target that cannot be overridden, or of no target, is an error).
 */
function checkTargets(spec: PipelineSpec<readonly Job[], string, string, string>): void {
  const targets = spec.targets as Readonly<Record<string, unknown>>;
  if (targets['lineage'] !== undefined) checkArgument('pipeline()', 'spec.targets.lineage', LINEAGE_CONFIG.whole, targets['lineage'], TEXTS.badArgument);
  for (const e of EMITTERS) {
    if (e.schema !== undefined && targets[e.name] !== undefined) checkArgument('pipeline()', `spec.targets.${e.name}`, e.schema as ArgumentSchema<unknown>, targets[e.name], TEXTS.badArgument);
  }
  const overridable = EMITTERS.filter((e) => 'overrides' in e);
  for (const [env, envSpec] of Object.entries(spec.environments as Readonly<Record<string, EnvironmentSpec>>)) {
    for (const [name, value] of Object.entries((envSpec.targets ?? {}) as Readonly<Record<string, unknown>>)) {
      const e = overridable.find((o) => o.name === name);
      const at = `spec.environments.${env}.targets.${name}`;
      if (e === undefined) {
        const names = overridable.map((o) => o.name);
        throw argumentError('pipeline()', at, `one of the targets an environment can override (${names.join(', ')})`, value, didYouMean(name, names) ?? `environments override ${names.join(', ')}; ${TARGET_NAMES.filter((n) => !names.includes(n as never)).join(', ')} are the same in every environment`, TEXTS.badArgument);
      }
      if (value !== undefined) checkArgument('pipeline()', at, e.overrides as ArgumentSchema<unknown>, value, TEXTS.badArgument);
    }
  }
}

/** Declare a pipeline. Environments can only name its jobs and variables (checked by TypeScript and by `build`). */
export function pipeline<const J extends readonly Job[], const E extends string, const V extends string = never, const S extends string = never>(
  spec: PipelineSpec<J, V, S, E>,
): Pipeline<J, V, S, E> {
  checkArgument('pipeline()', 'spec', PIPELINE_SPEC, spec, TEXTS.badArgument);
  checkTargets(spec);
  return new Pipeline(spec);
}

/** Any pipeline, for functions that accept every pipeline. */
export type AnyPipeline = Pipeline<readonly Job[], string, string, string>;
