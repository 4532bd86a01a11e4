/**
 * Shadow sinks for blue-green releases (an environment's `deploy.shadowSinks`): while a new version runs beside
 * the old one it writes to a shadow table instead of the real sink, so the real sink only ever sees one writer.
 * Each pair is checked — both declared tables, the sink written by a job, the shadow by none — and the shadow
 * version of every job that writes a shadowed sink is built and checked like any job (its INSERT now targets the
 * shadow table, so the shadow's columns must take the query's), then printed as the statements the deploy ships.
 * The shadow reads Kafka as its own consumer group (`<group>-shadow`, shadow-group-ids.ts).
 */
import { FlinktsError, Table } from '@flinkts/core';
import { textFields } from '@flinkts/core/internal';
import type { Diagnostic, Insert } from '@flinkts/core';
import { splitStatements } from '@flinkts/core/flink';
import { printJob } from '../build.js';
import { checkEnvironment } from '../check-pipeline.js';
import { Job } from '../job.js';
import { Pipeline } from '../pipeline.js';
import type { AnyPipeline, EnvironmentSpec, JobOverride } from '../pipeline.js';
import { resolveEnvironment } from '../resolve-environment.js';
import type { ResolvedJob } from '../resolve-environment.js';
import { DEPLOY_TEXTS } from './codes.js';
import type { BadShadowSink } from './codes.js';
import { artifactOf } from './deploy.js';
import { withShadowGroupIds } from './shadow-group-ids.js';
import { shadowJobName } from './target.js';
import type { ShadowRelease } from './target.js';

const samePath = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
const shown = (path: readonly string[]): string => path.map((p) => `\`${p}\``).join('.');
/** One statement without the comment lines flinkts prints above it. */
const strip = (text: string): string => text.split('\n').filter((l) => !/^\s*--/.test(l)).join('\n').trim();

interface ShadowPair { readonly sink: Table<string, unknown, string>; readonly shadow: Table<string, unknown, string> }

/** The checked pairs of an environment (none when it declares none). */
function shadowPairs(p: AnyPipeline, env: string, jobs: readonly ResolvedJob[]): ShadowPair[] {
  const declared = p.spec.environments[env]?.deploy?.shadowSinks;
  if (declared === undefined) return [];
  const at = `environments.${env}.deploy.shadowSinks`;
  const problem = (payload: BadShadowSink, path: string): FlinktsError => new FlinktsError([{ ...textFields(DEPLOY_TEXTS.badShadowSink({ ...payload, env })), severity: 'error', path }]);
  if (!Array.isArray(declared)) throw problem({ kind: 'notList' }, at);
  const written = jobs.flatMap((j) => j.inserts.map((i) => ({ job: j.name, path: i.target })));
  const pairs: ShadowPair[] = [];
  declared.forEach((entry: Partial<ShadowPair> | null, i) => {
    for (const side of ['sink', 'shadow'] as const) {
      const t = entry?.[side];
      if (!(t instanceof Table)) throw problem({ kind: 'notTable', entry: `shadowSinks[${i}].${side}` }, `${at}.${i}.${side}`);
      if (!p.spec.tables.includes(t)) throw problem({ kind: 'notPipelineTable', entry: `shadowSinks[${i}].${side}`, table: shown(t.path) }, `${at}.${i}.${side}`);
    }
    const { sink, shadow } = entry as ShadowPair;
    if (samePath(sink.path, shadow.path)) throw problem({ kind: 'itself', entry: `shadowSinks[${i}]`, table: shown(sink.path) }, `${at}.${i}.shadow`);
    if (!written.some((w) => samePath(w.path, sink.path))) throw problem({ kind: 'notWritten', table: shown(sink.path), written: [...new Set(written.map((w) => shown(w.path)))] }, `${at}.${i}.sink`);
    const writer = written.find((w) => samePath(w.path, shadow.path));
    if (writer !== undefined) throw problem({ kind: 'shadowWritten', table: shown(shadow.path), job: writer.job }, `${at}.${i}.shadow`);
    if (pairs.some((q) => samePath(q.sink.path, sink.path))) throw problem({ kind: 'twoShadows', table: shown(sink.path) }, `${at}.${i}.sink`);
    if (pairs.some((q) => samePath(q.shadow.path, shadow.path))) throw problem({ kind: 'shadowsTwo', table: shown(shadow.path) }, `${at}.${i}.shadow`);
    pairs.push({ sink, shadow });
  });
  return pairs;
}

/** What a target ships for a job: the platform spec `build` writes for it (undefined for the gateway, which takes SQL). */
export type SpecBuilder = (p: AnyPipeline, job: string) => string | undefined;

/**
 * Per job that writes a shadowed sink: its shadow release — the job renamed `<job>-shadow` (its own application
 * or deployment on every platform, so it runs beside the job's) with its statements writing the shadow tables,
 * and the platform spec built for it. Throws FTS8109 for a declaration that does not hold, with the checker's
 * diagnostics when the shadow job fails.
 */
export function shadowReleases(p: AnyPipeline, env: string, jobs: readonly ResolvedJob[], specOf: SpecBuilder = () => undefined): Map<string, ShadowRelease> {
  const pairs = shadowPairs(p, env, jobs);
  const out = new Map<string, ShadowRelease>();
  const at = `environments.${env}.deploy.shadowSinks`;
  for (const j of jobs) {
    const used = pairs.filter((q) => j.inserts.some((i) => samePath(i.target, q.sink.path)));
    if (used.length === 0) continue;
    const name = shadowJobName(j.name);
    if (jobs.some((x) => x.name === name)) {
      throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.badShadowSink({ kind: 'nameTaken', env, job: j.name, name })), severity: 'error', path: at }]);
    }
    // the shadow writes the shadow tables, and reads Kafka as a consumer group of its own (shadow-group-ids.ts)
    const inserts = withShadowGroupIds(p, env, j.name, j.inserts.map((i): Insert => {
      const pair = used.find((q) => samePath(i.target, q.sink.path));
      return pair === undefined ? i : Object.freeze({ ...i, target: pair.shadow.path });
    }));
    const shadowJob = new Job(name, { ...j.job.spec, statements: inserts.length === 1 ? inserts[0] as Insert : inserts });
    // the environment's overrides of the job apply to its shadow version too
    const environments = Object.fromEntries(Object.entries(p.spec.environments).map(([e, spec]): [string, EnvironmentSpec] => {
      const overrides = (spec.jobs ?? {}) as Readonly<Record<string, JobOverride | undefined>>;
      return [e, overrides[j.name] === undefined ? spec : { ...spec, jobs: { ...overrides, [name]: overrides[j.name] } }];
    }));
    const shadowPipeline = new Pipeline({ ...p.spec, jobs: p.spec.jobs.map((x) => (x === j.job ? shadowJob : x)), environments }) as AnyPipeline;
    const diagnostics: Diagnostic[] = [];
    const resolved = resolveEnvironment(shadowPipeline, env, diagnostics);
    if (resolved !== undefined) diagnostics.push(...checkEnvironment(resolved));
    const printed = diagnostics.some((d) => d.severity === 'error') ? undefined : printJob(shadowPipeline, env, name);
    const errors = [...diagnostics, ...(printed?.diagnostics ?? [])].filter((d) => d.severity === 'error');
    if (printed?.text === undefined || errors.length > 0) {
      throw new FlinktsError([
        { ...textFields(DEPLOY_TEXTS.badShadowSink({ kind: 'doesNotCheck', env, job: j.name, writes: used.map((q) => `${shown(q.shadow.path)} instead of ${shown(q.sink.path)}`).join(', ') })), severity: 'error' as const, path: at },
        ...errors,
      ]);
    }
    out.set(j.name, {
      artifact: artifactOf(name, splitStatements(printed.text).map((s) => strip(s.text)).filter((s) => s !== ''), specOf(shadowPipeline, name)),
      tables: used.map((q) => ({ sink: q.sink.path.join('.'), shadow: q.shadow.path.join('.') })),
    });
  }
  return out;
}
