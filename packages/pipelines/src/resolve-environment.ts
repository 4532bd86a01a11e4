/**
 * One environment of a pipeline, resolved: per job the effective settings, parallelism, resources, jars and
 * declarations, plus the environment's variable values and the target fields. Overrides that do not apply
 * (an unknown job or variable) are diagnostics, never silently dropped.
 */
import type { Diagnostic, Insert, MavenArtifact } from '@flinkts/core';
import { didYouMean, textFields } from '@flinkts/core/internal';
import { DEFAULT_FLINK_VERSION } from '@flinkts/connectors';
import { declaredArtifactProblem, embeddedCredential, resolveArtifacts } from '@flinkts/connectors/internal';
import type { ConnectorPiece } from '@flinkts/connectors';
import { CODES, TEXTS } from './codes.js';
import type { JobDeclarations, Registry } from './declarations.js';
import { buildRegistry, collectDeclarations } from './declarations.js';
import type { Job } from './job.js';
import type { AnyPipeline, EnvironmentSpec, JobOverride } from './pipeline.js';
import type { ResolvedResources } from './resources.js';
import { mergeResources, resolveResources } from './resources.js';
import type { SettingEntry } from './settings-layers.js';
import { mergeSettings, settingsLayer } from './settings-layers.js';
import { EMITTERS } from './emit/emitters.js';
import type { EmitterTargets } from './targets.js';

export interface ResolvedJob {
  readonly name: string;
  readonly description?: string;
  readonly job: Job;
  readonly inserts: readonly Insert[];
  readonly declarations: JobDeclarations;
  /** Effective Flink settings (1.20 keys), `parallelism.default` included when set. */
  readonly settings: readonly SettingEntry[];
  readonly parallelism?: number;
  readonly resources: ResolvedResources;
  /** Connector, format and catalog jars for the pipeline's Flink version plus the job's own, de-duplicated and sorted. */
  readonly dependencies: readonly MavenArtifact[];
  /** The connector release each piece the job uses ships as. */
  readonly releases: ReadonlyMap<ConnectorPiece, string>;
  /** The pipeline's secret names (their options are never stored in a catalog). */
  readonly secrets: ReadonlySet<string>;
  /** The Flink version the job runs on. */
  readonly flinkVersion: string;
}

export interface ResolvedEnvironment {
  readonly pipeline: AnyPipeline;
  readonly name: string;
  /** The Flink version the jobs run on (`flinkVersion`, default 1.20.1). */
  readonly flinkVersion: string;
  readonly jobs: readonly ResolvedJob[];
  /** Non-secret variables with this environment's values. */
  readonly variables: ReadonlyMap<string, string>;
  readonly variableDescriptions: ReadonlyMap<string, string>;
  /** Secret names and descriptions: placeholders only. */
  readonly secrets: ReadonlyMap<string, string>;
  /** Each configured emitter target with this environment's overrides applied. */
  readonly targets: EmitterTargets;
  readonly registry: Registry;
}

const artifactKey = (a: MavenArtifact): string => `${a.groupId}:${a.artifactId}:${a.version}`;

/** The jars the job's connectors and catalogs ask for (before choosing builds for the Flink version). */
function connectorArtifacts(job: Job, d: JobDeclarations): MavenArtifact[] {
  const all = new Map<string, MavenArtifact>();
  for (const t of d.tables) for (const a of t.connector?.artifacts ?? []) all.set(artifactKey(a), a);
  for (const c of d.catalogs) for (const a of c.connector.artifacts) all.set(artifactKey(a), a);
  for (const a of job.spec.use?.catalog.connector.artifacts ?? []) all.set(artifactKey(a), a);
  return [...all.values()];
}

function withOwn(resolved: readonly MavenArtifact[], job: Job): MavenArtifact[] {
  const all = new Map<string, MavenArtifact>();
  for (const a of resolved) all.set(artifactKey(a), a);
  for (const a of job.spec.dependencies ?? []) all.set(artifactKey(a), a);
  return [...all.values()].sort((a, b) => artifactKey(a).localeCompare(artifactKey(b)));
}

function parallelismLayer(parallelism: number | undefined, path: string, diagnostics: Diagnostic[]): SettingEntry[] {
  if (parallelism === undefined) return [];
  if (!Number.isInteger(parallelism) || parallelism < 1) {
    diagnostics.push({ ...textFields(TEXTS.badResources({ kind: 'notPositive', field: 'parallelism', integer: true, value: parallelism })), severity: 'error', path });
    return [];
  }
  return [{ key: 'parallelism.default', value: String(parallelism) }];
}

interface Resolution {
  readonly env?: ResolvedEnvironment;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Each environment of a pipeline is resolved once (the pipeline and the result are immutable): `flinkts build`
 * resolves it for the build and again for the lineage, `check` for the check and the emitters' validation. Weak
 * keys: nothing is kept once the pipeline is gone.
 */
const resolutions = new WeakMap<AnyPipeline, Map<string, Resolution>>();

/** Resolve `env` of `p`. Unknown environment names are a diagnostic (the result is then undefined). */
export function resolveEnvironment(p: AnyPipeline, env: string, diagnostics: Diagnostic[]): ResolvedEnvironment | undefined {
  let byName = resolutions.get(p);
  if (byName === undefined) resolutions.set(p, (byName = new Map()));
  let r = byName.get(env);
  if (r === undefined) {
    const found: Diagnostic[] = [];
    const resolved = resolveOnce(p, env, found);
    byName.set(env, (r = resolved === undefined ? { diagnostics: found } : { env: resolved, diagnostics: found }));
  }
  diagnostics.push(...r.diagnostics);
  return r.env;
}

/**
 * What an environment resolves that does not depend on the environment — the registry of declarations, each job's
 * declarations and connector jars — worked out once per pipeline (1,000 tables in 3 environments: the same work
 * three times before). The diagnostics found on the way are kept and reported by every environment again, in the
 * same place, exactly as when each environment worked them out itself.
 */
interface Shared<T> {
  readonly value: T;
  readonly diagnostics: readonly Diagnostic[];
}

const sharedByPipeline = new WeakMap<AnyPipeline, Map<unknown, Shared<unknown>>>();

function shared<T>(p: AnyPipeline, key: unknown, compute: (diagnostics: Diagnostic[]) => T, diagnostics: Diagnostic[]): T {
  let known = sharedByPipeline.get(p);
  if (known === undefined) sharedByPipeline.set(p, (known = new Map()));
  let entry = known.get(key) as Shared<T> | undefined;
  if (entry === undefined) {
    const found: Diagnostic[] = [];
    known.set(key, (entry = { value: compute(found), diagnostics: found }));
  }
  diagnostics.push(...entry.diagnostics);
  return entry.value;
}

const REGISTRY = Symbol('registry');
const SECRET_NAMES = Symbol('secret names');

function resolveOnce(p: AnyPipeline, env: string, diagnostics: Diagnostic[]): ResolvedEnvironment | undefined {
  const spec = (p.spec.environments as Readonly<Record<string, EnvironmentSpec>>)[env];
  if (spec === undefined) {
    diagnostics.push({ ...textFields(TEXTS.unknownEnvironment({ pipeline: p.name, env, suggestion: didYouMean(env, p.environmentNames), environments: p.environmentNames })), severity: 'error', path: 'environments' });
    return undefined;
  }
  const at = `environments.${env}`;
  const registry = shared(p, REGISTRY, (found) => buildRegistry(p, found), diagnostics);
  const jobNames = p.spec.jobs.map((j) => j.name);
  const seenNames = new Set<string>();
  p.spec.jobs.forEach((j, i) => {
    if (seenNames.has(j.name)) diagnostics.push({ ...textFields(TEXTS.badJobName({ job: j.name })), severity: 'error', path: `jobs[${i}]` });
    seenNames.add(j.name);
  });
  for (const name of Object.keys(spec.jobs ?? {})) {
    if (!jobNames.includes(name)) {
      diagnostics.push({ ...textFields(TEXTS.overrideDoesNotApply({ kind: 'job', env, pipeline: p.name, job: name, suggestion: didYouMean(name, jobNames), jobs: jobNames })), severity: 'error', path: `${at}.jobs.${name}` });
    }
  }
  const declared = new Map(Object.entries((p.spec.variables ?? {}) as Readonly<Record<string, string>>));
  const secrets = new Map(Object.entries((p.spec.secrets ?? {}) as Readonly<Record<string, string>>));
  // One set for every environment: it keys the per-table credential split (catalog-credentials.ts).
  const secretNames: ReadonlySet<string> = shared(p, SECRET_NAMES, () => new Set(secrets.keys()), diagnostics);
  const values = new Map<string, string>();
  for (const [name, value] of Object.entries((spec.variables ?? {}) as Readonly<Record<string, string>>)) {
    if (secrets.has(name)) {
      diagnostics.push({ ...textFields(TEXTS.plaintextCredential({ kind: 'secretValue', env, name })), severity: 'error', path: `${at}.variables.${name}` });
    } else if (!declared.has(name)) {
      diagnostics.push({ ...textFields(TEXTS.overrideDoesNotApply({ kind: 'variable', env, pipeline: p.name, name, suggestion: didYouMean(name, declared.keys()) })), severity: 'error', path: `${at}.variables.${name}` });
    } else {
      const credential = typeof value === 'string' ? embeddedCredential(value) : undefined;
      if (credential !== undefined) {
        diagnostics.push({ ...textFields(TEXTS.plaintextCredential({ kind: 'variableCredential', env, name, credential })), severity: 'error', path: `${at}.variables.${name}` });
      }
      values.set(name, value);
    }
  }
  for (const name of declared.keys()) {
    if (!values.has(name)) diagnostics.push({ ...textFields(TEXTS.missingVariable({ env, name })), severity: 'error', path: `${at}.variables` });
  }
  const flinkVersion = p.spec.flinkVersion ?? DEFAULT_FLINK_VERSION;
  const pinned = p.spec.connectorVersions ?? {};
  const versionProblems = new Set<string>();
  const pipelineSettings = settingsLayer(p.spec.settings, 'settings', diagnostics);
  const envSettings = settingsLayer(spec.settings, `${at}.settings`, diagnostics);
  const jobs: ResolvedJob[] = p.spec.jobs.map((j, i) => {
    const override = (spec.jobs as Readonly<Record<string, JobOverride>> | undefined)?.[j.name];
    const jobPath = `jobs.${j.name}`;
    if (j.inserts.length === 0) diagnostics.push({ ...textFields(TEXTS.badStatements({ job: j.name })), severity: 'error', path: `${jobPath}.statements` });
    const { declarations, jars } = shared(
      p,
      j,
      (found) => {
        const declarations = collectDeclarations(j.inserts, registry, jobPath, found);
        return { declarations, jars: resolveArtifacts(connectorArtifacts(j, declarations), flinkVersion, pinned) };
      },
      diagnostics,
    );
    const parallelism = override?.parallelism ?? j.spec.parallelism;
    const settings = mergeSettings(
      pipelineSettings,
      settingsLayer(j.spec.settings, `${jobPath}.settings`, diagnostics),
      parallelismLayer(j.spec.parallelism, `jobs[${i}].parallelism`, diagnostics),
      envSettings,
      settingsLayer(override?.settings, `${at}.jobs.${j.name}.settings`, diagnostics),
      parallelismLayer(override?.parallelism, `${at}.jobs.${j.name}.parallelism`, diagnostics),
    );
    for (const problem of jars.problems) {
      const text = TEXTS.badVersion({ kind: 'resolved', problem });
      if (versionProblems.has(text.message)) continue;
      versionProblems.add(text.message);
      diagnostics.push({ ...textFields(text), severity: 'error', path: problem.piece === 'flink' ? 'flinkVersion' : `connectorVersions.${problem.piece}` });
    }
    (j.spec.dependencies ?? []).forEach((a, k) => {
      const problem = declaredArtifactProblem(a, flinkVersion);
      if (problem !== undefined) diagnostics.push({ ...textFields(TEXTS.badVersion({ kind: 'jobJar', job: j.name, problem })), severity: 'error', path: `jobs[${i}].dependencies[${k}]` });
    });
    const resources = resolveResources(mergeResources(p.spec.resources, j.spec.resources, spec.resources, override?.resources), `${at}.jobs.${j.name}.resources`, diagnostics);
    return {
      name: j.name,
      ...(j.spec.description === undefined ? {} : { description: j.spec.description }),
      job: j,
      inserts: j.inserts,
      declarations,
      settings,
      ...(parallelism === undefined ? {} : { parallelism }),
      resources,
      dependencies: withOwn(jars.artifacts, j),
      releases: jars.releases,
      secrets: secretNames,
      flinkVersion,
    };
  });
  const targets = resolveTargets(p, env, spec, diagnostics);
  return { pipeline: p, name: env, flinkVersion, jobs, variables: values, variableDescriptions: declared, secrets, targets, registry };
}

/** The pipeline's emitter targets with the environment's overrides applied field by field. */
function resolveTargets(p: AnyPipeline, env: string, spec: EnvironmentSpec, diagnostics: Diagnostic[]): EmitterTargets {
  const t = p.spec.targets as Readonly<Record<string, object | undefined>>;
  const o = (spec.targets ?? {}) as Readonly<Record<string, object | undefined>>;
  const out: Record<string, object> = {};
  for (const e of EMITTERS) {
    const base = t[e.name];
    const override = 'overrides' in e ? o[e.name] : undefined;
    if (override !== undefined && base === undefined) {
      diagnostics.push({ ...textFields(TEXTS.overrideDoesNotApply({ kind: 'target', env, pipeline: p.name, target: e.name })), severity: 'error', path: `environments.${env}.targets.${e.name}` });
    }
    if (base !== undefined) out[e.name] = override === undefined ? base : { ...base, ...override };
  }
  return out as EmitterTargets;
}
