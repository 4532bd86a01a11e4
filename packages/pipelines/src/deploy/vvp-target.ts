/**
 * Deploying to Ververica Platform 2.x (Application Manager API v1, JSON, `Authorization: Bearer <token>`): one
 * Deployment per job, by name, from the YAML `build` emits, labelled `flinkts/hash` with the artifact hash. Stop
 * with a savepoint is `spec.state: SUSPENDED` (VVP takes a SUSPEND savepoint); a start from a given savepoint
 * first copies it into a Savepoint resource (`metadata.origin: COPIED`) and restores with `LATEST_SAVEPOINT` —
 * VVP 2.x's restore strategies name no savepoint of their own. VVP 2.x's restore strategy is `{kind}` only (the
 * Application Manager API 2.1 model; `allowNonRestoredState` and `FROM_SAVEPOINT` are Alibaba's): starting with
 * state that maps to no operator is Flink's `execution.savepoint.ignore-unclaimed-state` in `flinkConfiguration`.
 */
import { parseRecordLabels, recordLabels, recordOf } from './platform-record.js';
import type { PlatformRecord } from './platform-record.js';
import { setTimeout as delay } from 'node:timers/promises';
import { parse } from 'yaml';
import { FlinktsError } from '@flinkts/core';
import { textFields } from '@flinkts/core/internal';
import { DEPLOY_TEXTS } from './codes.js';
import { fillSecrets } from './credentials.js';
import { EndpointError, httpJson } from './http.js';
import { DEFAULT_RETRY, retrying } from './retry.js';
import type { RetryPolicy } from './retry.js';
import type { DeployTarget, HealthSample, JobArtifact, RunningJob, StartOptions } from './target.js';

export interface VvpConnection {
  readonly url: string;
  /** An API token (sent as a Bearer token; never logged or recorded). */
  readonly token: string;
  readonly namespace: string;
  readonly timeoutMillis?: number;
}

interface Deployment {
  readonly metadata: { readonly id?: string; readonly name: string; readonly labels?: Record<string, string>; readonly annotations?: Record<string, string> };
  readonly spec: { readonly state: string; readonly template?: unknown };
  readonly status?: { readonly state?: string; readonly running?: { readonly jobId?: string } };
}

interface Savepoint {
  readonly metadata: { readonly id: string; readonly deploymentId?: string; readonly origin?: string; readonly createdAt?: string };
  readonly spec?: { readonly savepointLocation?: string };
  readonly status?: { readonly state?: string };
}

/** Labels `flinkts/hash`, `flinkts/version`; annotations `flinkts/deployed-at`, `flinkts/restored-from`. */
const RECORD_PREFIX = 'flinkts/';
/**
 * Flink's key for starting although some savepoint state maps to no operator (`--allowNonRestoredState`); its
 * pre-1.20 name, which every Flink VVP runs reads (1.20 keeps it as an alias of execution.state-recovery.ignore-unclaimed-state).
 */
const IGNORE_UNCLAIMED_STATE = 'execution.savepoint.ignore-unclaimed-state';

export class VvpTarget implements DeployTarget {
  readonly name = 'vvp';
  readonly resolvesPlaceholders = true;
  readonly submitsPlans = false;

  constructor(private readonly conn: VvpConnection, private readonly retry: RetryPolicy = DEFAULT_RETRY) {}

  private base(): string {
    return `${this.conn.url}/api/v1/namespaces/${encodeURIComponent(this.conn.namespace)}`;
  }

  private req<T>(operation: string, method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
    return httpJson<T>(operation, { method, url: `${this.base()}${path}`, headers: { authorization: `Bearer ${this.conn.token}`, accept: 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }), timeoutMillis: this.conn.timeoutMillis ?? 30_000 });
  }

  private async get(name: string): Promise<Deployment | undefined> {
    try {
      return await retrying('read a VVP deployment', this.retry, () => this.req<Deployment>('read a VVP deployment', 'GET', `/deployments/${encodeURIComponent(name)}`));
    } catch (e) {
      if (e instanceof EndpointError && e.status === 404) return undefined;
      throw e;
    }
  }

  private async byId(id: string): Promise<Deployment> {
    return retrying('read a VVP deployment', this.retry, () => this.req<Deployment>('read a VVP deployment', 'GET', `/deployments/${encodeURIComponent(id)}`));
  }

  async running(job: string): Promise<readonly RunningJob[]> {
    const d = await this.get(job);
    if (d === undefined || d.spec.state !== 'RUNNING' || d.metadata.id === undefined) return [];
    const record = parseRecordLabels(d.metadata.labels, d.metadata.annotations, RECORD_PREFIX);
    return [{ jobId: d.metadata.id, state: d.status?.state ?? 'TRANSITIONING', ...(record ? { hash: record.hash, record } : {}) }];
  }

  private body(artifact: JobArtifact, secrets: ReadonlyMap<string, string> | undefined, record: PlatformRecord): { metadata: Record<string, unknown>; spec: Record<string, unknown> } & Record<string, unknown> {
    if (artifact.spec === undefined) throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.badDeployTarget({ kind: 'noPlatformSpec', target: 'vvp', job: artifact.job })), severity: 'error' }]);
    const doc = parse(artifact.spec) as { metadata: Record<string, unknown>; spec: Record<string, unknown> } & Record<string, unknown>;
    // a restore strategy is set per start (below); VVP 2.x's has `kind` only
    const { allowNonRestoredState: _drop, ...strategy } = (doc.spec.restoreStrategy ?? {}) as Record<string, unknown>;
    doc.spec.restoreStrategy = strategy;
    if (doc.metadata.namespace !== this.conn.namespace) throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.badDeployTarget({ kind: 'otherNamespace', target: 'vvp', job: artifact.job, built: String(doc.metadata.namespace), namespace: this.conn.namespace })), severity: 'error' }]);
    const template = doc.spec.template as { spec: { artifact: { sqlScript: string } } };
    if (secrets !== undefined) template.spec.artifact.sqlScript = fillSecrets([template.spec.artifact.sqlScript], secrets)[0] as string;
    const { labels, annotations } = recordLabels(record, RECORD_PREFIX);
    doc.metadata.labels = { ...(doc.metadata.labels as Record<string, string> | undefined), ...labels };
    // a start without a savepoint clears the one an earlier start recorded (a merge PATCH keeps absent keys)
    doc.metadata.annotations = { ...(doc.metadata.annotations as Record<string, string> | undefined), [`${RECORD_PREFIX}restored-from`]: '', ...annotations };
    return doc;
  }

  async start(artifact: JobArtifact, options: StartOptions): Promise<RunningJob> {
    const doc = this.body(artifact, options.secrets, recordOf(artifact.hash, options.record, options.restoreFrom));
    let d = await this.get(artifact.job);
    const restore = { kind: options.restoreFrom === undefined ? (d === undefined ? 'LATEST_STATE' : 'NONE') : 'LATEST_SAVEPOINT' };
    // VVP 2.x's restore strategy has no allowNonRestoredState: Flink's own key in the job's configuration says it
    // (always set, so a merge PATCH never keeps an earlier start's `true`)
    const template = doc.spec.template as { spec: { flinkConfiguration?: Record<string, string> } };
    template.spec.flinkConfiguration = { ...template.spec.flinkConfiguration, [IGNORE_UNCLAIMED_STATE]: String(options.restoreFrom !== undefined && options.allowNonRestoredState === true) };
    const latest = d === undefined ? undefined : [...(await this.savepoints(d.metadata.id as string))].reverse().find((s) => s.status?.state === 'COMPLETED')?.spec?.savepointLocation;
    if (d !== undefined && options.restoreFrom !== undefined && latest !== options.restoreFrom) {
      // VVP restores a given savepoint as the latest one: copy it into a Savepoint resource of the deployment
      const id = d.metadata.id as string;
      const location = options.restoreFrom;
      await retrying('copy a savepoint into VVP', this.retry,
        () => this.req('copy a savepoint into VVP', 'POST', '/savepoints', { metadata: { deploymentId: id }, spec: { savepointLocation: location } }),
        async () => ((await this.savepoints(id)).some((s) => s.metadata.origin === 'COPIED' && s.spec?.savepointLocation === location) ? {} : undefined));
    }
    const spec = { ...doc.spec, state: 'RUNNING', restoreStrategy: restore };
    if (d === undefined && options.restoreFrom !== undefined) {
      // a new deployment that starts from a savepoint (a shadow version from the running one's): created CANCELLED,
      // given the savepoint as a COPIED Savepoint resource, then started with LATEST_SAVEPOINT — VVP's fork
      const location = options.restoreFrom;
      const created = await retrying('create the VVP deployment', this.retry,
        () => this.req<Deployment>('create the VVP deployment', 'POST', '/deployments', { ...doc, spec: { ...doc.spec, state: 'CANCELLED', restoreStrategy: restore } }),
        () => this.get(artifact.job));
      const id = created.metadata.id as string;
      await retrying('copy a savepoint into VVP', this.retry,
        () => this.req('copy a savepoint into VVP', 'POST', '/savepoints', { metadata: { deploymentId: id }, spec: { savepointLocation: location } }),
        async () => ((await this.savepoints(id)).some((s) => s.metadata.origin === 'COPIED' && s.spec?.savepointLocation === location) ? {} : undefined));
      d = created;
    }
    if (d === undefined) {
      d = await retrying('create the VVP deployment', this.retry,
        () => this.req<Deployment>('create the VVP deployment', 'POST', '/deployments', { ...doc, spec }),
        () => this.get(artifact.job));
    } else {
      const name = artifact.job;
      d = await retrying('update the VVP deployment', this.retry, () => this.req<Deployment>('update the VVP deployment', 'PATCH', `/deployments/${encodeURIComponent(name)}`, { metadata: { labels: doc.metadata.labels, annotations: doc.metadata.annotations }, spec }));
    }
    const id = d.metadata.id as string;
    for (const deadline = Date.now() + 300_000; Date.now() < deadline; await delay(100)) {
      const now = await this.byId(id);
      if (now.status?.state === 'RUNNING') {
        const record = parseRecordLabels(now.metadata.labels, now.metadata.annotations, RECORD_PREFIX);
        return { jobId: id, state: 'RUNNING', hash: artifact.hash.slice(0, 12), ...(record === undefined ? {} : { record }) };
      }
      if (now.status?.state === 'FAILED') {
        const why = await this.lastEvents(id);
        throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.submitFailed({ kind: 'vvpFailed', job: artifact.job, why })), severity: 'error' }]);
      }
    }
    throw new EndpointError('start the VVP deployment', 0, 'not RUNNING within 300 s');
  }

  /** The deployment's latest events' messages (why a start failed), or '' when VVP cannot say. */
  private async lastEvents(deploymentId: string): Promise<string> {
    try {
      const r = await retrying('list VVP events', this.retry, () => this.req<{ items?: { metadata?: { name?: string }; spec?: { message?: string } }[] }>('list VVP events', 'GET', `/events?deploymentId=${encodeURIComponent(deploymentId)}`));
      return (r.items ?? []).slice(-2).map((e) => `${e.metadata?.name ?? 'event'}: ${e.spec?.message ?? ''}`).join('; ');
    } catch {
      return '';
    }
  }

  private async savepoints(deploymentId: string): Promise<readonly Savepoint[]> {
    const r = await retrying('list VVP savepoints', this.retry, () => this.req<{ items?: Savepoint[] }>('list VVP savepoints', 'GET', `/savepoints?deploymentId=${encodeURIComponent(deploymentId)}`));
    return r.items ?? [];
  }

  private async waitState(id: string, states: readonly string[]): Promise<void> {
    for (const deadline = Date.now() + 300_000; Date.now() < deadline; await delay(100)) {
      if (states.includes((await this.byId(id)).status?.state ?? '')) return;
    }
    throw new EndpointError('wait for the VVP deployment', 0, `not ${states.join(' or ')} within 300 s`);
  }

  async stopWithSavepoint(jobId: string): Promise<string> {
    const before = new Set((await this.savepoints(jobId)).map((s) => s.metadata.id));
    const name = (await this.byId(jobId)).metadata.name;
    await retrying('suspend the VVP deployment', this.retry, () => this.req('suspend the VVP deployment', 'PATCH', `/deployments/${encodeURIComponent(name)}`, { spec: { state: 'SUSPENDED' } }));
    await this.waitState(jobId, ['SUSPENDED']);
    const taken = (await this.savepoints(jobId)).filter((s) => !before.has(s.metadata.id) && s.metadata.origin === 'SUSPEND' && s.status?.state === 'COMPLETED');
    const location = taken[taken.length - 1]?.spec?.savepointLocation;
    if (location === undefined) throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.savepointFailed({ kind: 'stoppedWithout', platform: 'vvp', jobId: name })), severity: 'error' }]);
    return location;
  }

  async cancel(jobId: string): Promise<void> {
    const name = (await this.byId(jobId)).metadata.name;
    await retrying('cancel the VVP deployment', this.retry, () => this.req('cancel the VVP deployment', 'PATCH', `/deployments/${encodeURIComponent(name)}`, { spec: { state: 'CANCELLED' } }));
    await this.waitState(jobId, ['CANCELLED', 'FAILED', 'FINISHED']);
  }

  async savepoint(jobId: string): Promise<string> {
    const created = await retrying('trigger a VVP savepoint', this.retry, () => this.req<Savepoint>('trigger a VVP savepoint', 'POST', '/savepoints', { metadata: { deploymentId: jobId } }));
    for (const deadline = Date.now() + 300_000; Date.now() < deadline; await delay(100)) {
      const s = await retrying('read a VVP savepoint', this.retry, () => this.req<Savepoint>('read a VVP savepoint', 'GET', `/savepoints/${encodeURIComponent(created.metadata.id)}`));
      if (s.status?.state === 'COMPLETED' && s.spec?.savepointLocation !== undefined) return s.spec.savepointLocation;
      if (s.status?.state === 'FAILED') throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.savepointFailed({ kind: 'platformFailed', platform: 'VVP', subject: `deployment ${jobId}` })), severity: 'error' }]);
    }
    throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.savepointFailed({ kind: 'timedOut', subject: `deployment ${jobId}`, seconds: 300 })), severity: 'error' }]);
  }

  /** VVP's API reports no checkpoint counts: health is the deployment RUNNING and its jobs (a new one per restart). */
  async health(jobId: string): Promise<HealthSample> {
    const d = await this.byId(jobId);
    const jobs = await retrying('list VVP jobs', this.retry, () => this.req<{ items?: unknown[] }>('list VVP jobs', 'GET', `/jobs?deploymentId=${encodeURIComponent(jobId)}`));
    return { state: d.status?.state ?? 'TRANSITIONING', restarts: Math.max(0, (jobs.items?.length ?? 1) - 1) };
  }

  async deleteSavepoint(): Promise<boolean> {
    // VVP 2.x's documented API has no savepoint deletion: the record keeps it (VVP's own retention applies)
    return false;
  }
}
