/**
 * Deploying to Apache StreamPark 2.1.5+ (console API: form-encoded POSTs, `Authorization: <token>` without a
 * scheme, the `{status, code, data, message}` envelope — including `/flink/app/start`'s HTTP 200 with
 * `data: false` on failure). One application per job, found by its exact name before anything is created; the
 * deployment record (artifact hash, version, start time, savepoint) is kept in the application's description (`[flinkts <hash> v<n> <time> from <savepoint>]`). Stop is cancel with a
 * savepoint, start builds first, and a rollback to an earlier SQL text uses StreamPark's own SQL-version
 * rollback (update with that version's `sqlId` and identical SQL).
 *
 * Two ways to authorize: a user's sign-in (`/passport/signin`; its token expires and is renewed on HTTP 401),
 * or an OpenAPI access token made in the console (`/token/create`; it never expires, and a 401 means it was
 * disabled). An access token may call only StreamPark's `@OpenAPI` methods — start and cancel, under
 * `/openapi/app/*` with their own field names — plus the URLs the console's `streampark.openapi.white-list`
 * names: the others a deploy needs (OPENAPI_WHITELIST) must be listed there.
 */
import { describeWithin, parseRecordText, RECORD_TEXT, recordOf, STREAMPARK_DESCRIPTION_MAX } from './platform-record.js';
import type { PlatformRecord } from './platform-record.js';
import { setTimeout as delay } from 'node:timers/promises';
import { FlinktsError } from '@flinkts/core';
import { textFields } from '@flinkts/core/internal';
import type { Diagnostic } from '@flinkts/core';
import { decodeForm, encodeForm } from '../emit/form-body.js';
import { DEPLOY_TEXTS } from './codes.js';
import { fillSecrets } from './credentials.js';
import { EndpointError, excerpt, http } from './http.js';
import { DEFAULT_RETRY, retrying } from './retry.js';
import type { RetryPolicy } from './retry.js';
import type { DeployTarget, HealthSample, JobArtifact, RunningJob, StartOptions } from './target.js';

/** The console URLs besides `/openapi/app/start|cancel` a deploy with an OpenAPI token calls (for `streampark.openapi.white-list`). */
export const OPENAPI_WHITELIST = ['/flink/app/list', '/flink/app/get', '/flink/app/create', '/flink/app/update', '/flink/pipe/build', '/flink/sql/history', '/flink/savepoint/history', '/flink/savepoint/trigger', '/flink/savepoint/delete'] as const;

export interface StreamparkConnection {
  readonly url: string;
  /** A user who signs in (with `password`); or leave both out and give `token`. */
  readonly username?: string;
  readonly password?: string;
  /** An OpenAPI access token from the console's token management (then `teamId` is required). */
  readonly token?: string;
  /** The team; default the signed-in user's last team (required with an access token). */
  readonly teamId?: string;
  /** The Flink environment id (`/flink/env/list`) the emitted form's `${STREAMPARK_VERSION_ID}` stands for. */
  readonly versionId?: string;
  /** The alert configuration id (`/flink/alert/list`) for `${STREAMPARK_ALERT_ID}` (jobs with checkpoint-failure alerts). */
  readonly alertId?: string;
  readonly timeoutMillis?: number;
}

interface Envelope<T> {
  readonly status?: string;
  readonly code?: number;
  readonly data?: T;
  readonly message?: string;
}

interface App {
  readonly id: number;
  readonly jobName: string;
  readonly state: number;
  readonly release?: number;
  readonly sqlId?: number;
  readonly flinkSql?: string;
  readonly description?: string;
  readonly restartCount?: number;
}

interface SavepointRow {
  readonly id: number;
  readonly type: number;
  readonly path: string;
  readonly triggerTime: number;
}

/** FlinkAppState: ADDED 0, INITIALIZING 1, CREATED 2, STARTING 3, RESTARTING 4, RUNNING 5, FAILING 6, FAILED 7, CANCELLING 8, CANCELED 9, FINISHED 10 … */
const STATE_NAMES: Record<number, string> = { 0: 'ADDED', 1: 'INITIALIZING', 2: 'CREATED', 3: 'STARTING', 4: 'RESTARTING', 5: 'RUNNING', 6: 'FAILING', 7: 'FAILED', 8: 'CANCELLING', 9: 'CANCELED', 10: 'FINISHED', 11: 'SUSPENDED', 12: 'RECONCILING', 13: 'LOST' };
const ACTIVE = new Set([1, 2, 3, 4, 5, 6, 12]);
const LABEL = RECORD_TEXT;

export class StreamparkTarget implements DeployTarget {
  readonly name = 'streampark';
  readonly resolvesPlaceholders = true;
  readonly submitsPlans = false;
  private token: string | undefined;
  private teamId: string | undefined;

  constructor(private readonly conn: StreamparkConnection, private readonly retry: RetryPolicy = DEFAULT_RETRY) {
    if (conn.token === undefined && (conn.username === undefined || conn.password === undefined)) {
      throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.missingConnection({ kind: 'noStreamparkCredentials' })), severity: 'error' }]);
    }
    if (conn.token !== undefined && conn.teamId === undefined) {
      throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.missingConnection({ kind: 'tokenWithoutTeam' })), severity: 'error' }]);
    }
  }

  /** Whether calls carry an OpenAPI access token (else a signed-in user's token). */
  private get openapi(): boolean {
    return this.conn.token !== undefined;
  }

  private async signIn(): Promise<void> {
    if (this.conn.token !== undefined) {
      this.token = this.conn.token;
      this.teamId = this.conn.teamId;
      return;
    }
    const r = await retrying('StreamPark sign-in', this.retry, async () => {
      const res = await http('StreamPark sign-in', { method: 'POST', url: `${this.conn.url}/passport/signin`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: encodeForm([['username', this.conn.username ?? ''], ['password', this.conn.password ?? ''], ['loginType', 'PASSWORD']]), timeoutMillis: this.conn.timeoutMillis ?? 30_000 });
      if (res.status >= 500 || res.status === 0) throw new EndpointError('StreamPark sign-in', res.status, excerpt(res.text));
      return res;
    });
    let body: Envelope<{ token?: string; user?: { lastTeamId?: number } }>;
    try {
      body = JSON.parse(r.text) as typeof body;
    } catch {
      throw new EndpointError('StreamPark sign-in', r.status, 'the answer is not JSON');
    }
    // success answers only {data}; a `code` means a failure (0 bad credentials, 1 locked, 403 no team)
    if (body.code !== undefined || body.data?.token === undefined) {
      throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.missingConnection({ kind: 'signInRefused', user: String(this.conn.username), detail: body.message })), severity: 'error' }]);
    }
    this.token = body.data.token;
    this.teamId = this.conn.teamId ?? (body.data.user?.lastTeamId === undefined ? undefined : String(body.data.user.lastTeamId));
    if (this.teamId === undefined) throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.missingConnection({ kind: 'noTeam' })), severity: 'error' }]);
  }

  /** One console call: form body with teamId, the raw token, the envelope checked; an expired token signs in again. */
  private async call<T>(operation: string, path: string, fields: readonly (readonly [string, string])[]): Promise<Envelope<T>> {
    if (this.token === undefined) await this.signIn();
    for (let fresh = false; ; fresh = true) {
      const res = await http(operation, {
        method: 'POST', url: `${this.conn.url}${path}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: this.token as string },
        body: encodeForm([['teamId', this.teamId as string], ...fields.filter(([k]) => k !== 'teamId')]),
        timeoutMillis: this.conn.timeoutMillis ?? 30_000,
      });
      if (res.status === 401 && this.openapi) {
        throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.missingConnection({ kind: 'tokenRefused', operation })), severity: 'error' }]);
      }
      if (res.status === 401 && !fresh) {
        await this.signIn();
        continue;
      }
      let body: Envelope<T>;
      try {
        body = JSON.parse(res.text) as Envelope<T>;
      } catch {
        throw new EndpointError(operation, res.status === 200 ? 502 : res.status, `not JSON: ${excerpt(res.text)}`, res.text);
      }
      const unsupported = /Openapi unsupported: (\S+)/i.exec(body.message ?? '');
      if (unsupported !== null) {
        throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.missingConnection({ kind: 'tokenNotAllowed', call: String(unsupported[1]), operation, allowed: OPENAPI_WHITELIST })), severity: 'error' }]);
      }
      if (res.status !== 200 || body.code !== 200) throw new EndpointError(operation, res.status === 200 ? 400 : res.status, excerpt(body.message ?? res.text), res.text);
      return body;
    }
  }

  private async findApp(job: string): Promise<App | undefined> {
    const page = await retrying('list StreamPark applications', this.retry, () => this.call<{ records: App[] }>('list StreamPark applications', '/flink/app/list', [['jobName', job], ['pageNum', '1'], ['pageSize', '100']]));
    return page.data?.records.find((a) => a.jobName === job);
  }

  private async app(id: string): Promise<App> {
    const r = await retrying('read a StreamPark application', this.retry, () => this.call<App>('read a StreamPark application', '/flink/app/get', [['id', id]]));
    if (r.data === undefined) throw new EndpointError('read a StreamPark application', 404, `application ${id} not found`);
    return r.data;
  }

  async running(job: string): Promise<readonly RunningJob[]> {
    const app = await this.findApp(job);
    if (app === undefined || !ACTIVE.has(app.state)) return [];
    const record = parseRecordText(app.description);
    return [{ jobId: String(app.id), state: STATE_NAMES[app.state] ?? String(app.state), ...(record ? { hash: record.hash, record } : {}) }];
  }

  private form(artifact: JobArtifact, secrets: ReadonlyMap<string, string> | undefined, record: PlatformRecord): { readonly fields: [string, string][]; readonly warnings: readonly Diagnostic[] } {
    if (artifact.spec === undefined) throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.badDeployTarget({ kind: 'noPlatformSpec', target: 'streampark', job: artifact.job })), severity: 'error' }]);
    // the .form file ends with a newline, which is not part of the last field
    const filled = decodeForm(artifact.spec.trimEnd()).map(([k, v]): [string, string] => {
      if (v === '${STREAMPARK_TEAM_ID}') return [k, this.teamId as string];
      if (v === '${STREAMPARK_VERSION_ID}') {
        if (this.conn.versionId === undefined) throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.missingConnection({ kind: 'noVersionId' })), severity: 'error' }]);
        return [k, this.conn.versionId];
      }
      if (v === '${STREAMPARK_ALERT_ID}') {
        if (this.conn.alertId === undefined) throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.missingConnection({ kind: 'noAlertId', job: artifact.job })), severity: 'error' }]);
        return [k, this.conn.alertId];
      }
      return [k, k === 'flinkSql' && secrets !== undefined ? (fillSecrets([v], secrets)[0] as string) : v];
    });
    // the deployment record rides on the description, which a form without one gets; both fit StreamPark's column
    const own = filled.find(([k]) => k === 'description')?.[1] ?? '';
    const { text, cuts } = describeWithin(own, record, STREAMPARK_DESCRIPTION_MAX);
    const fields: [string, string][] = filled.some(([k]) => k === 'description')
      ? filled.map(([k, v]): [string, string] => (k === 'description' ? [k, text] : [k, v]))
      : [...filled, ['description', text]];
    const warnings = cuts.map((c): Diagnostic => ({
      ...textFields(DEPLOY_TEXTS.recordShortened(c.kind === 'description'
        ? { kind: 'description', job: artifact.job, kept: c.kept, of: c.of, max: STREAMPARK_DESCRIPTION_MAX }
        : { kind: 'savepoint', job: artifact.job, savepoint: c.savepoint, max: STREAMPARK_DESCRIPTION_MAX })),
      severity: 'warning',
    }));
    return { fields, warnings };
  }

  async start(artifact: JobArtifact, options: StartOptions): Promise<RunningJob> {
    if (this.token === undefined) await this.signIn();
    const record = recordOf(artifact.hash, options.record, options.restoreFrom);
    const { fields, warnings } = this.form(artifact, options.secrets, record);
    const sql = fields.find(([k]) => k === 'flinkSql')?.[1] ?? '';
    let app = await this.findApp(artifact.job);
    if (app === undefined) {
      // create only after a fresh look; a create whose answer was lost is found by name before it is sent again
      app = await retrying('create the StreamPark application', this.retry,
        async () => {
          await this.call('create the StreamPark application', '/flink/app/create', fields);
          const created = await this.findApp(artifact.job);
          if (created === undefined) throw new EndpointError('create the StreamPark application', 502, 'the application is not listed after create');
          return created;
        },
        () => this.findApp(artifact.job));
    } else {
      const current = await this.app(String(app.id));
      const deployedSql = current.flinkSql === undefined ? undefined : Buffer.from(current.flinkSql, 'base64').toString('utf8');
      if (deployedSql !== sql || !LABEL.test(current.description ?? '') || LABEL.exec(current.description ?? '')?.[1] !== artifact.hash.slice(0, 12)) {
        // an earlier SQL version with the same text is rolled back to (StreamPark's own mechanism), else a new version
        const history = await retrying('read the SQL versions', this.retry, () => this.call<{ records: { id: number; sql: string }[] }>('read the SQL versions', '/flink/sql/history', [['appId', String(app!.id)], ['pageNum', '1'], ['pageSize', '100']]));
        const earlier = history.data?.records.find((v) => Buffer.from(v.sql, 'base64').toString('utf8') === sql);
        const sqlId = String(earlier?.id ?? current.sqlId ?? '');
        const update = fields.filter(([k]) => !['jobType', 'appType'].includes(k));
        await retrying('update the StreamPark application', this.retry, () => this.call('update the StreamPark application', '/flink/app/update', [['id', String(app!.id)], ['sqlId', sqlId], ...update]));
      }
    }
    const id = String(app.id);
    await this.build(id);
    const before = await this.app(id);
    if (!ACTIVE.has(before.state)) {
      // an access token starts through the @OpenAPI method, whose restore flag is named restoreFromSavepoint
      const startFields: [string, string][] = [['id', id], [this.openapi ? 'restoreFromSavepoint' : 'restoreOrTriggerSavepoint', String(options.restoreFrom !== undefined)], ['allowNonRestored', String(options.allowNonRestoredState === true)]];
      if (options.restoreFrom !== undefined) startFields.push(['savepointPath', options.restoreFrom]);
      // a start whose answer was lost is not sent again once the application is starting (StreamPark would start it twice)
      const started = await retrying('start the StreamPark application', this.retry,
        () => this.call<boolean>('start the StreamPark application', this.openapi ? '/openapi/app/start' : '/flink/app/start', startFields),
        async () => (ACTIVE.has((await this.app(id)).state) ? { code: 200, data: true } : undefined));
      if (started.data !== true) {
        throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.submitFailed({ kind: 'streamparkNotStarted', job: artifact.job, detail: started.message ?? 'data: false' })), severity: 'error' }]);
      }
    }
    const now = await this.app(id);
    return { jobId: id, state: STATE_NAMES[now.state] ?? 'STARTING', hash: artifact.hash.slice(0, 12), ...(parseRecordText(now.description) === undefined ? {} : { record: parseRecordText(now.description)! }), ...(warnings.length === 0 ? {} : { warnings }) };
  }

  /** `/flink/pipe/build` then waits for the release state: DONE, or FAILED with the reason. */
  private async build(id: string): Promise<void> {
    await retrying('build the StreamPark application', this.retry, () => this.call('build the StreamPark application', '/flink/pipe/build', [['appId', id], ['forceBuild', 'true']]));
    for (const deadline = Date.now() + 300_000; Date.now() < deadline; await delay(100)) {
      const app = await this.app(id);
      if (app.release === 0 || app.release === 3) return;
      if (app.release === -1) throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.submitFailed({ kind: 'streamparkBuildFailed', id: String(id) })), severity: 'error' }]);
    }
    throw new EndpointError('build the StreamPark application', 0, 'the build did not finish within 300 s');
  }

  private async savepoints(id: string): Promise<SavepointRow[]> {
    const r = await retrying('read the savepoint history', this.retry, () => this.call<{ records: SavepointRow[] }>('read the savepoint history', '/flink/savepoint/history', [['appId', id], ['pageNum', '1'], ['pageSize', '1000']]));
    return r.data?.records ?? [];
  }

  private async latestSavepoint(id: string, after: number): Promise<string | undefined> {
    return (await this.savepoints(id)).filter((s) => s.type === 2 && s.id > after).sort((a, b) => b.id - a.id)[0]?.path;
  }

  private async lastSavepointId(id: string): Promise<number> {
    return (await this.savepoints(id)).reduce((m, s) => Math.max(m, s.id), 0);
  }

  /** The cancel endpoint and fields (an access token cancels through the @OpenAPI method, whose flag is triggerSavepoint). */
  private cancelCall(id: string, savepoint: boolean): [string, [string, string][]] {
    return this.openapi
      ? ['/openapi/app/cancel', [['id', id], ['triggerSavepoint', String(savepoint)], ['drain', 'false']]]
      : ['/flink/app/cancel', [['id', id], ['restoreOrTriggerSavepoint', String(savepoint)], ['drain', 'false']]];
  }

  async stopWithSavepoint(jobId: string): Promise<string> {
    const mark = await this.lastSavepointId(jobId);
    await retrying('cancel with a savepoint', this.retry,
      () => this.call('cancel with a savepoint', ...this.cancelCall(jobId, true)),
      async () => (ACTIVE.has((await this.app(jobId)).state) ? undefined : { code: 200 }));
    for (const deadline = Date.now() + 300_000; Date.now() < deadline; await delay(100)) {
      const app = await this.app(jobId);
      if (!ACTIVE.has(app.state) && app.state !== 8) {
        const path = await this.latestSavepoint(jobId, mark);
        if (path !== undefined) return path;
        throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.savepointFailed({ kind: 'stoppedWithout', platform: 'streampark', jobId })), severity: 'error' }]);
      }
    }
    throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.savepointFailed({ kind: 'notStopped', subject: `application ${jobId}`, seconds: 300 })), severity: 'error' }]);
  }

  async cancel(jobId: string): Promise<void> {
    if (!ACTIVE.has((await this.app(jobId)).state)) return;
    await retrying('cancel', this.retry,
      () => this.call('cancel', ...this.cancelCall(jobId, false)),
      async () => (ACTIVE.has((await this.app(jobId)).state) ? undefined : { code: 200 }));
  }

  async savepoint(jobId: string): Promise<string> {
    const mark = await this.lastSavepointId(jobId);
    await retrying('trigger a savepoint', this.retry, () => this.call('trigger a savepoint', '/flink/savepoint/trigger', [['appId', jobId]]), async () => ((await this.latestSavepoint(jobId, mark)) === undefined ? undefined : { code: 200 }));
    for (const deadline = Date.now() + 300_000; Date.now() < deadline; await delay(100)) {
      const path = await this.latestSavepoint(jobId, mark);
      if (path !== undefined) return path;
    }
    throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.savepointFailed({ kind: 'timedOut', subject: `application ${jobId}`, seconds: 300 })), severity: 'error' }]);
  }

  async health(jobId: string): Promise<HealthSample> {
    const app = await this.app(jobId);
    const checkpoints = (await this.savepoints(jobId)).filter((s) => s.type === 1).length;
    return { state: STATE_NAMES[app.state] ?? String(app.state), completedCheckpoints: checkpoints, restarts: app.restartCount ?? 0 };
  }

  async deleteSavepoint(job: string, path: string): Promise<boolean> {
    const app = await this.findApp(job);
    const row = app === undefined ? undefined : (await this.savepoints(String(app.id))).find((s) => s.path === path);
    if (row === undefined) return true;
    await retrying('delete a savepoint', this.retry, () => this.call('delete a savepoint', '/flink/savepoint/delete', [['id', String(row.id)]]));
    return true;
  }
}
