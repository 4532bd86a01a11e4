/**
 * Deploying to Alibaba Cloud Realtime Compute for Apache Flink (API ververica 2022-07-18): requests signed with
 * the AccessKey (ACS3-HMAC-SHA256), the `workspace` header on every call, answers in the `{success, httpCode,
 * errorCode, errorMessage, data}` envelope. One deployment per job (found by name before one is created),
 * labelled with the deployment record (`flinkts-hash`, `-version`, `-deployed-at`, `-restored-from`); an update replaces it (PUT); `jobs:start` with a restore strategy (`FROM_SAVEPOINT`
 * names the savepoint by id — also one of another deployment, as a shadow version starts from the running one's:
 * Realtime Compute's state-set docs let a job restore from another job's savepoint), `jobs/{id}:stop` with
 * `STOP_WITH_SAVEPOINT`.
 */
import { parseRecordLabels, recordLabels, recordOf } from './platform-record.js';
import type { PlatformRecord } from './platform-record.js';
import { setTimeout as delay } from 'node:timers/promises';
import { FlinktsError } from '@flinkts/core';
import { textFields } from '@flinkts/core/internal';
import type { AccessKey } from './acs-signature.js';
import { enc, encodePath, signAcs3 } from './acs-signature.js';
import { DEPLOY_TEXTS } from './codes.js';
import { fillSecrets } from './credentials.js';
import { EndpointError, excerpt, http } from './http.js';
import { DEFAULT_RETRY, retrying } from './retry.js';
import type { RetryPolicy } from './retry.js';
import type { DeployTarget, HealthSample, JobArtifact, RunningJob, StartOptions } from './target.js';

export interface AlibabaConnection {
  /** e.g. `https://ververica.cn-hangzhou.aliyuncs.com`. */
  readonly url: string;
  readonly accessKey: AccessKey;
  readonly workspace: string;
  readonly namespace: string;
  readonly timeoutMillis?: number;
}

interface Envelope<T> {
  readonly success?: boolean;
  readonly httpCode?: number;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly data?: T;
}

interface Deployment { readonly deploymentId: string; readonly name: string; readonly labels?: Record<string, string> }
interface Job { readonly jobId: string; readonly deploymentId: string; readonly status?: { readonly currentJobStatus?: string; readonly running?: { readonly observedFlinkJobRestarts?: number } } }
interface Savepoint { readonly savepointId: string; readonly savepointLocation?: string; readonly savepointOrigin?: string; readonly status?: { readonly state?: string }; readonly jobId?: string }

/** Labels `flinkts-hash`, `flinkts-version`, `flinkts-deployed-at`, `flinkts-restored-from` (a deployment has labels, no annotations; an update replaces them all). */
const RECORD_PREFIX = 'flinkts-';
const ACTIVE = new Set(['STARTING', 'RUNNING', 'RESTARTING']);
const VERSION = '2022-07-18';

export class AlibabaTarget implements DeployTarget {
  readonly name = 'alibaba';
  readonly resolvesPlaceholders = true;
  readonly submitsPlans = false;

  constructor(private readonly conn: AlibabaConnection, private readonly retry: RetryPolicy = DEFAULT_RETRY) {}

  private async call<T>(action: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown, query: Record<string, string> = {}): Promise<T> {
    // the path and query encoded as Alibaba's SDKs send them: what arrives is what was signed
    const search = Object.entries(query).map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
    const url = new URL(`${this.conn.url}${encodePath(`/api/v2/namespaces/${this.conn.namespace}${path}`)}${search === '' ? '' : `?${search}`}`);
    const text = body === undefined ? '' : JSON.stringify(body);
    const headers = signAcs3(this.conn.accessKey, method, url.toString(), action, VERSION, { 'content-type': 'application/json', workspace: this.conn.workspace, accept: 'application/json' }, text);
    const { host: _host, ...sent } = headers;
    const res = await http(action, { method, url: url.toString(), headers: sent, ...(body === undefined ? {} : { body: text }), timeoutMillis: this.conn.timeoutMillis ?? 30_000 });
    let env: Envelope<T>;
    try {
      env = JSON.parse(res.text) as Envelope<T>;
    } catch {
      throw new EndpointError(action, res.status === 200 ? 502 : res.status, `not JSON: ${excerpt(res.text)}`, res.text);
    }
    if (res.status !== 200 || env.success !== true) throw new EndpointError(action, res.status === 200 ? 400 : res.status, `${env.errorCode ?? ''} ${excerpt(env.errorMessage ?? '')}`.trim(), res.text);
    return env.data as T;
  }

  private async find(job: string): Promise<Deployment | undefined> {
    const list = await retrying('ListDeployments', this.retry, () => this.call<Deployment[]>('ListDeployments', 'GET', '/deployments', undefined, { name: job, pageIndex: '1', pageSize: '100' }));
    return list.find((d) => d.name === job);
  }

  private async jobs(deploymentId: string): Promise<readonly Job[]> {
    return retrying('ListJobs', this.retry, () => this.call<Job[]>('ListJobs', 'GET', '/jobs', undefined, { deploymentId, pageIndex: '1', pageSize: '100' }));
  }

  private async job(jobId: string): Promise<Job> {
    return retrying('GetJob', this.retry, () => this.call<Job>('GetJob', 'GET', `/jobs/${jobId}`));
  }

  async running(job: string): Promise<readonly RunningJob[]> {
    const d = await this.find(job);
    if (d === undefined) return [];
    const record = parseRecordLabels(d.labels, d.labels, RECORD_PREFIX);
    return (await this.jobs(d.deploymentId)).filter((j) => ACTIVE.has(j.status?.currentJobStatus ?? '')).map((j) => ({ jobId: j.jobId, state: j.status?.currentJobStatus as string, ...(record ? { hash: record.hash, record } : {}) }));
  }

  private body(artifact: JobArtifact, secrets: ReadonlyMap<string, string> | undefined, record: PlatformRecord): Record<string, unknown> {
    if (artifact.spec === undefined) throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.badDeployTarget({ kind: 'noPlatformSpec', target: 'alibaba', job: artifact.job })), severity: 'error' }]);
    const request = JSON.parse(artifact.spec) as { endpoint?: string; body: Record<string, unknown> & { artifact?: { sqlArtifact?: { sqlScript?: string } } } };
    if (request.endpoint !== undefined && !request.endpoint.includes(`/namespaces/${this.conn.namespace}/`)) {
      throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.badDeployTarget({ kind: 'otherNamespace', target: 'alibaba', job: artifact.job, built: request.endpoint, namespace: this.conn.namespace })), severity: 'error' }]);
    }
    const body = request.body;
    const sql = body.artifact?.sqlArtifact;
    if (sql?.sqlScript !== undefined && secrets !== undefined) sql.sqlScript = fillSecrets([sql.sqlScript], secrets)[0] as string;
    const { labels, annotations } = recordLabels(record, RECORD_PREFIX);
    return { ...body, labels: { ...(body.labels as Record<string, string> | undefined), ...labels, ...annotations } };
  }

  async start(artifact: JobArtifact, options: StartOptions): Promise<RunningJob> {
    const body = this.body(artifact, options.secrets, recordOf(artifact.hash, options.record, options.restoreFrom));
    let d = await this.find(artifact.job);
    if (d === undefined) {
      d = await retrying('CreateDeployment', this.retry, () => this.call<Deployment>('CreateDeployment', 'POST', '/deployments', body), () => this.find(artifact.job));
    } else {
      const id = d.deploymentId;
      d = await retrying('UpdateDeployment', this.retry, () => this.call<Deployment>('UpdateDeployment', 'PUT', `/deployments/${id}`, { ...body, deploymentId: id }));
    }
    const deploymentId = d.deploymentId;
    let restoreStrategy: Record<string, unknown> = { kind: 'NONE' };
    if (options.restoreFrom !== undefined) {
      // a savepoint of another deployment (a shadow version starting from the running one's) is named by its id
      // too: Realtime Compute restores a deployment from another deployment's savepoint
      const owner = options.savepointOf === undefined || options.savepointOf === artifact.job ? undefined : await this.find(options.savepointOf);
      const sp = [...(await this.savepoints(deploymentId)), ...(owner === undefined ? [] : await this.savepoints(owner.deploymentId))].find((s) => s.savepointLocation === options.restoreFrom);
      if (sp === undefined) throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.savepointFailed({ kind: 'noSavepointAt', deployment: options.savepointOf ?? artifact.job, location: options.restoreFrom })), severity: 'error' }]);
      restoreStrategy = { kind: 'FROM_SAVEPOINT', savepointId: sp.savepointId, allowNonRestoredState: options.allowNonRestoredState === true };
    }
    // a start whose answer was lost: the deployment's job is found starting before another start is sent
    const started = await retrying('StartJobWithParams', this.retry,
      () => this.call<Job>('StartJobWithParams', 'POST', '/jobs:start', { deploymentId, restoreStrategy }),
      async () => (await this.jobs(deploymentId)).find((j) => ACTIVE.has(j.status?.currentJobStatus ?? '')));
    for (const deadline = Date.now() + 300_000; Date.now() < deadline; await delay(100)) {
      const j = await this.job(started.jobId);
      const state = j.status?.currentJobStatus;
      if (state === 'RUNNING') {
        const record = parseRecordLabels(d.labels, d.labels, RECORD_PREFIX);
        return { jobId: j.jobId, state, hash: artifact.hash.slice(0, 12), ...(record === undefined ? {} : { record }) };
      }
      if (state === 'FAILED') throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.submitFailed({ kind: 'alibabaFailed', job: artifact.job, jobId: j.jobId })), severity: 'error' }]);
    }
    throw new EndpointError('StartJobWithParams', 0, 'the job was not RUNNING within 300 s');
  }

  private async savepoints(deploymentId: string): Promise<readonly Savepoint[]> {
    return retrying('ListSavepoints', this.retry, () => this.call<Savepoint[]>('ListSavepoints', 'GET', '/savepoints', undefined, { deploymentId, pageIndex: '1', pageSize: '100' }));
  }

  private async waitStopped(jobId: string): Promise<void> {
    for (const deadline = Date.now() + 300_000; Date.now() < deadline; await delay(100)) {
      if (!ACTIVE.has((await this.job(jobId)).status?.currentJobStatus ?? '') && (await this.job(jobId)).status?.currentJobStatus !== 'CANCELLING') return;
    }
    throw new EndpointError('StopJob', 0, `job ${jobId} did not stop within 300 s`);
  }

  async stopWithSavepoint(jobId: string): Promise<string> {
    const j = await this.job(jobId);
    await retrying('StopJob', this.retry,
      () => this.call('StopJob', 'POST', `/jobs/${jobId}:stop`, { stopStrategy: 'STOP_WITH_SAVEPOINT' }),
      async () => (ACTIVE.has((await this.job(jobId)).status?.currentJobStatus ?? '') ? undefined : {}));
    await this.waitStopped(jobId);
    const sp = (await this.savepoints(j.deploymentId)).filter((s) => s.jobId === jobId && s.savepointOrigin === 'STOP_WITH_SAVEPOINT' && s.status?.state === 'COMPLETED').pop();
    if (sp?.savepointLocation === undefined) throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.savepointFailed({ kind: 'stoppedWithout', platform: 'alibaba', jobId })), severity: 'error' }]);
    return sp.savepointLocation;
  }

  async cancel(jobId: string): Promise<void> {
    if (!ACTIVE.has((await this.job(jobId)).status?.currentJobStatus ?? '')) return;
    await retrying('StopJob', this.retry, () => this.call('StopJob', 'POST', `/jobs/${jobId}:stop`, { stopStrategy: 'NONE' }), async () => (ACTIVE.has((await this.job(jobId)).status?.currentJobStatus ?? '') ? undefined : {}));
    await this.waitStopped(jobId);
  }

  async savepoint(jobId: string): Promise<string> {
    const j = await this.job(jobId);
    const created = await retrying('CreateSavepoint', this.retry, () => this.call<Savepoint>('CreateSavepoint', 'POST', '/savepoints', { deploymentId: j.deploymentId, nativeFormat: false, description: 'flinkts savepoint' }));
    for (const deadline = Date.now() + 300_000; Date.now() < deadline; await delay(100)) {
      const s = await retrying('GetSavepoint', this.retry, () => this.call<Savepoint>('GetSavepoint', 'GET', `/savepoints/${created.savepointId}`));
      if (s.status?.state === 'COMPLETED' && s.savepointLocation !== undefined) return s.savepointLocation;
      if (s.status?.state === 'FAILED') break;
    }
    throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.savepointFailed({ kind: 'platformFailed', platform: 'Realtime Compute', subject: `job ${jobId}` })), severity: 'error' }]);
  }

  /** Realtime Compute's API reports no checkpoint counts: RUNNING and Flink's observed restarts decide. */
  async health(jobId: string): Promise<HealthSample> {
    const j = await this.job(jobId);
    return { state: j.status?.currentJobStatus ?? 'STARTING', restarts: j.status?.running?.observedFlinkJobRestarts ?? 0 };
  }

  async deleteSavepoint(job: string, path: string): Promise<boolean> {
    const d = await this.find(job);
    const sp = d === undefined ? undefined : (await this.savepoints(d.deploymentId)).find((s) => s.savepointLocation === path);
    if (sp === undefined) return true;
    await retrying('DeleteSavepoint', this.retry, () => this.call('DeleteSavepoint', 'DELETE', `/savepoints/${sp.savepointId}`));
    return true;
  }
}
