/**
 * A job: a name, its INSERTs (one, or several compiled into one statement set), typed Flink settings,
 * resources, parallelism and extra jars. The tables, views and catalogs it needs are not listed here: they are
 * collected from what its statements read and write (see `collect-declarations.ts`).
 */
import type { Catalog, Insert, MavenArtifact, StatementSet } from '@flinkts/core';
import type { FlinkSettingsInput } from '@flinkts/connectors';
import type { Resources } from './resources.js';
import { z } from 'zod';
import { checkArgument } from '@flinkts/core/internal';
import { TEXTS } from './codes.js';

const isInsert = (v: unknown): boolean => typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'Insert';
const isStatementSet = (v: unknown): boolean => typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'StatementSet';
const INSERTS = 'an INSERT (insertInto(…)), a statementSet(…) or a list of INSERTs';
/** What `job()` accepts (shapes only: counts and values are checked by `build`, FTS8003 / FTS8020). Unknown keys are kept for newer fields. */
const JOB_SPEC = z.looseObject({
  description: z.string().optional(),
  statements: z.union([
    z.custom<unknown>((v) => isInsert(v) || isStatementSet(v)),
    z.array(z.custom<unknown>(isInsert, { message: 'an INSERT built with insertInto(…)' })),
  ], { error: INSERTS }),
  parallelism: z.number().optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
  resources: z.record(z.string(), z.unknown()).optional(),
  use: z.looseObject({ catalog: z.looseObject({}), database: z.string().min(1).optional() }).optional(),
  dependencies: z.array(z.looseObject({ groupId: z.string().min(1), artifactId: z.string().min(1), version: z.string().min(1) })).optional(),
});

/** A job's name: built once, not per call (a schema costs more to build than to check a name with). */
const JOB_NAME = z.string().trim().min(1);

export interface JobSpec {
  /** One line on what the job does (StreamPark `description`, VVP annotation). */
  readonly description?: string;
  /** One INSERT, a statement set, or several INSERTs (compiled into one statement set). */
  readonly statements: Insert | StatementSet | readonly Insert[];
  /** `parallelism.default` of the job. */
  readonly parallelism?: number;
  /** Flink 1.20 settings, typed and validated against the option catalog. */
  readonly settings?: FlinkSettingsInput;
  readonly resources?: Resources;
  /**
   * `USE CATALOG` / `USE` before the job's DDL, so one-part names (temporary tables) live in that catalog and
   * database. Platforms without USE in a deployment (VVP, Alibaba) get the catalog in the setup script.
   */
  readonly use?: { readonly catalog: Catalog; readonly database?: string };
  /** Jars beyond the connectors' own (UDFs, drivers). */
  readonly dependencies?: readonly MavenArtifact[];
}

export class Job<Name extends string = string> {
  readonly kind = 'job' as const;
  /** The INSERTs in order. */
  readonly inserts: readonly Insert[];
  constructor(readonly name: Name, readonly spec: JobSpec) {
    const s = spec.statements;
    this.inserts = Object.freeze(Array.isArray(s) ? [...(s as readonly Insert[])] : (s as Insert | StatementSet).kind === 'StatementSet' ? [...(s as StatementSet).inserts] : [s as Insert]);
    Object.freeze(this);
  }
}

/** Declare a job. Its name is kept as a literal type, so environments can only override jobs that exist. */
export function job<const Name extends string>(name: Name, spec: JobSpec): Job<Name> {
  checkArgument('job()', 'name', JOB_NAME, name, TEXTS.badArgument);
  checkArgument(`job('${name}')`, 'spec', JOB_SPEC, spec, TEXTS.badArgument);
  return new Job(name, spec);
}
