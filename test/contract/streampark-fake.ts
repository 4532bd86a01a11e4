/**
 * A contract fake of the Apache StreamPark 2.1.5–2.1.7 console API, built from the console's sources (its
 * controllers and the RestResponse envelope), restated here:
 *
 * - every call is a POST with `application/x-www-form-urlencoded` fields (a JSON body binds nothing: the
 *   required fields are then missing); `Authorization: <token>` with no scheme; `teamId` on every call;
 * - the `{status, code, data, message}` envelope; `ApiAlertException` answers HTTP 500 with code 501; an
 *   unauthenticated or expired token HTTP 401 with code 401; `/flink/app/start` catches everything and answers
 *   HTTP 200 `{status: 'success', code: 200, data: false, message}`; sign-in success is only `{data}`;
 * - create needs teamId, jobType 2 with flinkSql (plain text), a job name of `[.\u4e00-\u9fa5A-Za-z\d_\-\s]` with
 *   single spaces, unique in the team; update needs `sqlId` once a version was released, and an unchanged SQL
 *   with an older sqlId is a rollback (NEED_ROLLBACK); build is asynchronous (release RELEASING → DONE, or FAILED
 *   for `EXECUTE STATEMENT SET`, which StreamPark's parser refuses); start needs a build and a DONE release;
 *   2.1.5+ start/cancel field names (`restoreOrTriggerSavepoint`, `savepointPath`); starting an application that
 *   runs starts it again (apache/streampark#2488), which the fake counts as a duplicate;
 * - `t_flink_app.description` is varchar(255) (utf8mb4): a longer description is not checked by the API and fails
 *   in MySQL (strict mode), HTTP 500 with `Data too long for column 'description'`;
 * - savepoint history rows `{id, appId, chkId, latest, type (1 checkpoint, 2 savepoint), path, triggerTime}`;
 * - OpenAPI (access) tokens, 2.1.5 (`OpenAPIAspect`, `OpenAPIController`, `ShiroRealm`): a token from
 *   `/token/create` never expires; a disabled one answers HTTP 401. It may call only the `@OpenAPI` methods —
 *   `/openapi/app/start` (`id`, `restoreFromSavepoint`, `savepointPath`, `allowNonRestored`) and
 *   `/openapi/app/cancel` (`id`, `triggerSavepoint`, `savepointPath`, `drain`) — and the URLs in the console's
 *   `streampark.openapi.white-list`; anything else is an `UnsupportedOperationException("Openapi unsupported:
 *   <url>")`, which the global handler answers with HTTP 500, code 500, "internal server error: …". The
 *   `restoreFromSavepoint` / `triggerSavepoint` names are bound (to `restoreOrTriggerSavepoint`) only for an API
 *   token: a signed-in user calling `/openapi/app/*` gets them ignored.
 *
 * A running job completes a checkpoint each time it is looked at. Faults come from a Faults schedule.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackFake } from './loopback-fake.js';
import { faultAfter, faultBefore, Faults } from './faults.js';

interface SqlVersion { readonly id: number; readonly sql: string; readonly createTime: number }
interface SavepointRow { id: number; appId: number; chkId: number; latest: boolean; type: 1 | 2; path: string; triggerTime: number }

export interface FakeApp {
  readonly id: number;
  readonly teamId: string;
  jobName: string;
  description: string;
  fields: Record<string, string>;
  state: number;
  release: number;
  versions: SqlVersion[];
  /** The effective (released) SQL version. */
  sqlId?: number;
  /** The version the next build releases. */
  candidate?: number;
  built: boolean;
  restartCount: number;
  restoredFrom?: string;
  /** How many times a job was started while one already ran. */
  duplicateStarts: number;
  starts: number;
}

const JOB_NAME = /^[.\u4e00-\u9fa5A-Za-z\d_\-\s]+$/;
const ACTIVE = new Set([1, 2, 3, 4, 5, 6, 12]);

/**
 * `t_flink_app.description` is varchar(255) in utf8mb4: StreamPark does not check the length, MySQL (strict mode)
 * refuses a longer value and the global exception handler answers HTTP 500 with the driver's message.
 */
function descriptionFits(description: string | undefined): void {
  if (description !== undefined && [...description].length > 255) {
    throw new Error("\n### Error updating database.  Cause: com.mysql.cj.jdbc.exceptions.MysqlDataTruncation: Data truncation: Data too long for column 'description' at row 1");
  }
}

class Alert extends Error {
  constructor(message: string, readonly http = 500, readonly code = 501) { super(message); }
}

export class StreamparkFake extends LoopbackFake {
  readonly faults = new Faults();
  readonly apps = new Map<number, FakeApp>();
  readonly history: SavepointRow[] = [];
  readonly requests: string[] = [];
  private readonly tokens = new Set<string>();
  /** OpenAPI tokens (`/token/create`) and whether each is enabled. */
  readonly apiTokens = new Map<string, boolean>();
  /** The console's `streampark.openapi.white-list`: URLs an API token may call beyond the `@OpenAPI` methods. */
  readonly openapiWhitelist = new Set<string>();
  private ids = 100000;
  private now = 1_800_000_000_000;

  constructor(readonly users: Readonly<Record<string, string>> = { admin: 'streampark' }, readonly teamId = '100000') {
    super();
  }

  /** Every token issued so far stops working (as after `server.session.ttl`). */
  expireTokens(): void {
    this.tokens.clear();
  }

  /** A token as `/token/create` makes one for a user (OpenAPI, never expires). */
  createApiToken(): string {
    const token = `api-${Math.random().toString(36).slice(2)}`;
    this.apiTokens.set(token, true);
    return token;
  }

  appsNamed(name: string): FakeApp[] {
    return [...this.apps.values()].filter((a) => a.jobName === name);
  }

  effectiveSql(app: FakeApp): string | undefined {
    return app.versions.find((v) => v.id === app.sqlId)?.sql;
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const path = (req.url ?? '/').split('?')[0] as string;
    this.requests.push(path);
    const fault = this.faults.next(path);
    if (fault === 'expired-token') this.expireTokens();
    if (faultBefore(fault, req, res)) return;
    const send = (http: number, body: unknown): void => {
      if (faultAfter(fault, req, res)) return;
      res.writeHead(http, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (req.method !== 'POST') return send(405, { status: 'error', code: 500, message: `Request method '${req.method}' not supported` });
    // Spring binds request parameters only from a form body; anything else binds nothing
    const form = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') ? new URLSearchParams(Buffer.concat(chunks).toString('utf8')) : new URLSearchParams();
    const f = (k: string): string | undefined => form.get(k) ?? undefined;
    try {
      if (path === '/passport/signin') {
        const user = f('username');
        if (user === undefined || this.users[user] !== f('password') || f('loginType') !== 'PASSWORD') return send(200, { status: 'error', code: 0, message: 'username or password error' });
        const token = `tok-${Math.random().toString(36).slice(2)}`;
        this.tokens.add(token);
        return send(200, { data: { token, expire: '2099-01-01 00:00:00', user: { username: user, lastTeamId: Number(this.teamId) }, permissions: [] } });
      }
      const auth = req.headers.authorization;
      const api = auth !== undefined && this.apiTokens.has(auth);
      if (auth === undefined || (!this.tokens.has(auth) && !api)) return send(401, { code: 401, message: auth?.startsWith('Bearer ') ? 'invalid token (no scheme is expected)' : 'Unauthenticated' });
      if (api && this.apiTokens.get(auth) !== true) return send(401, { status: 'error', code: 401, message: 'Permission denied.' });
      const openapi = path === '/openapi/app/start' || path === '/openapi/app/cancel';
      if (api && !openapi && !this.openapiWhitelist.has(path)) throw new Error(`java.lang.UnsupportedOperationException: Openapi unsupported: ${path}\n\tat org.apache.streampark.console.core.aspect.OpenAPIAspect.openAPIPointcut(OpenAPIAspect.java:92)`);
      // the @OpenAPI start / cancel need no team (the curl StreamPark hands out carries none)
      if (!openapi && f('teamId') !== this.teamId) throw new Alert(f('teamId') === undefined ? "The teamId can't be null" : 'the user is not a member of this team', 500, 403);
      const data = this.route(path, (k) => {
        if (!openapi) return f(k);
        // OpenAPIAspect binds these names only for an API token; Spring binds the entity's own field names
        if (k === 'restoreOrTriggerSavepoint') return api ? f(path.endsWith('start') ? 'restoreFromSavepoint' : 'triggerSavepoint') : f(k);
        if (k === 'restoreFromSavepoint' || k === 'triggerSavepoint') return undefined;
        return f(k);
      });
      this.faults.handled(`POST ${path}`);
      return send(200, { status: 'success', code: 200, data });
    } catch (e) {
      // /flink/app/start catches everything (HTTP 200, data false); the @OpenAPI start lets the global handler answer
      if (e instanceof StartFailure) return path === '/flink/app/start' ? send(200, { status: 'success', code: 200, data: false, message: e.message }) : send(500, { status: 'error', code: 501, message: e.message });
      if (e instanceof Alert) return send(e.http, { status: 'error', code: e.code, message: e.message });
      return send(500, { status: 'error', code: 500, message: `internal server error: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  private app(id: string | undefined): FakeApp {
    const app = id === undefined ? undefined : this.apps.get(Number(id));
    if (app === undefined) throw new Alert(`The application not found, id: ${id}`);
    return app;
  }

  /** Time passes: a starting job runs, a cancelling one stops, a running one completes a checkpoint, a build ends. */
  private tick(app: FakeApp): void {
    this.now += 1000;
    if (app.release === 2) {
      const sql = app.versions.find((v) => v.id === app.candidate)?.sql ?? '';
      if (/EXECUTE\s+STATEMENT\s+SET/i.test(sql)) app.release = -1;
      else {
        app.release = 0;
        app.sqlId = app.candidate;
        app.built = true;
      }
    }
    if (app.state === 3) app.state = 5;
    else if (app.state === 8) app.state = 9;
    else if (app.state === 5) this.history.push({ id: this.ids++, appId: app.id, chkId: this.history.length + 1, latest: true, type: 1, path: `hdfs:///flink/checkpoints/${app.id}/chk-${this.history.length + 1}`, triggerTime: this.now });
  }

  private savepoint(app: FakeApp): string {
    const path = `hdfs:///flink/savepoints/${app.id}/savepoint-${this.ids}`;
    this.history.push({ id: this.ids++, appId: app.id, chkId: 0, latest: true, type: 2, path, triggerTime: this.now });
    return path;
  }

  private route(path: string, f: (k: string) => string | undefined): unknown {
    switch (path) {
      case '/flink/app/list': {
        const name = f('jobName');
        const records = [...this.apps.values()].filter((a) => a.teamId === f('teamId') && (name === undefined || a.jobName.includes(name)));
        return { records: records.map((a) => this.view(a)), total: records.length, size: Number(f('pageSize') ?? 10), current: Number(f('pageNum') ?? 1) };
      }
      case '/flink/app/get': {
        const app = this.app(f('id'));
        this.tick(app);
        return this.view(app);
      }
      case '/flink/app/create': {
        descriptionFits(f('description'));
        const name = f('jobName');
        if (f('jobType') !== '2' || f('flinkSql') === undefined) throw new Alert('Flink SQL is required for a SQL job (jobType 2)');
        if (name === undefined || !JOB_NAME.test(name) || /\s{2,}/.test(name)) throw new Alert(`The job name is invalid: ${name}`);
        if (f('versionId') === undefined || !/^\d+$/.test(f('versionId') as string)) throw new Alert('The flink version can\'t be null');
        if (!/^\d+$/.test(f('executionMode') ?? '')) throw new Alert('The execution mode is invalid');
        // Spring binds the Long / Integer fields: a value that is not a number fails binding (HTTP 400, code 500)
        for (const k of ['alertId', 'resolveOrder', 'restartSize', 'cpMaxFailureInterval', 'cpFailureRateInterval', 'cpFailureAction', 'flinkClusterId']) {
          const v = f(k);
          if (v !== undefined && !/^-?\d+$/.test(v)) throw new Alert(`Failed to convert value '${v}' of field '${k}' to a number`, 400, 500);
        }
        if ([...this.apps.values()].some((a) => a.jobName === name && a.teamId === f('teamId'))) throw new Alert(`The application name already exists: ${name}`);
        const id = this.ids++;
        const version: SqlVersion = { id: this.ids++, sql: f('flinkSql') as string, createTime: this.now };
        this.apps.set(id, { id, teamId: f('teamId') as string, jobName: name, description: f('description') ?? '', fields: {}, state: 0, release: 1, versions: [version], candidate: version.id, built: false, restartCount: 0, duplicateStarts: 0, starts: 0 });
        return true;
      }
      case '/flink/app/update': {
        descriptionFits(f('description'));
        const app = this.app(f('id'));
        const sql = f('flinkSql');
        if (sql === undefined) throw new Alert('Flink SQL is required');
        const sqlId = f('sqlId');
        if (app.sqlId !== undefined && (sqlId === undefined || sqlId === '')) throw new Alert('The sqlId can\'t be null for a released SQL application');
        const named = app.versions.find((v) => v.id === Number(sqlId));
        if (sqlId !== undefined && sqlId !== '' && named === undefined) throw new Alert(`SQL version ${sqlId} not found`);
        if (named !== undefined && named.sql === sql && named.id !== app.sqlId) {
          app.candidate = named.id;
          app.release = 4; // NEED_ROLLBACK
        } else if (sql !== this.effectiveSql(app)) {
          const v: SqlVersion = { id: this.ids++, sql, createTime: this.now };
          app.versions.push(v);
          app.candidate = v.id;
          app.release = 1;
        }
        app.description = f('description') ?? app.description;
        return true;
      }
      case '/flink/pipe/build': {
        const app = this.app(f('appId'));
        if (ACTIVE.has(app.state) && f('forceBuild') !== 'true') throw new Alert('The application is running, the build is refused');
        app.release = 2;
        return true;
      }
      case '/openapi/app/start':
      case '/flink/app/start': {
        const app = this.app(f('id'));
        if (!app.built) throw new StartFailure('The build pipeline of the application is null: build it first');
        if (app.release !== 0 && app.release !== 3) throw new StartFailure(`The application is not released (release ${app.release})`);
        const restore = f('restoreOrTriggerSavepoint') === 'true';
        const sp = f('savepointPath');
        // the path goes to Flink (`-s`): any savepoint Flink wrote, also another application's (a shadow's start)
        if (restore && (sp === undefined || !this.history.some((h) => h.type === 2 && h.path === sp))) throw new StartFailure(`Could not restore: savepoint ${sp} does not exist`);
        if (ACTIVE.has(app.state)) app.duplicateStarts++;
        app.starts++;
        app.state = 3;
        app.restoredFrom = restore ? sp : undefined;
        return true;
      }
      case '/openapi/app/cancel':
      case '/flink/app/cancel': {
        const app = this.app(f('id'));
        if (!ACTIVE.has(app.state)) throw new Alert('The application is not running, it cannot be cancelled');
        if (f('restoreOrTriggerSavepoint') === 'true') this.savepoint(app);
        app.state = 8;
        return null;
      }
      case '/flink/savepoint/history': {
        const appId = Number(f('appId'));
        const rows = this.history.filter((h) => h.appId === appId).sort((a, b) => b.triggerTime - a.triggerTime || b.id - a.id);
        return { records: rows, total: rows.length };
      }
      case '/flink/savepoint/trigger': {
        const app = this.app(f('appId'));
        if (app.state !== 5) throw new Alert('The application is not running');
        this.savepoint(app);
        return true;
      }
      case '/flink/savepoint/delete': {
        const i = this.history.findIndex((h) => h.id === Number(f('id')));
        if (i < 0) throw new Alert('savepoint not found');
        this.history.splice(i, 1);
        return true;
      }
      case '/flink/sql/history': {
        const app = this.app(f('appId'));
        return { records: app.versions.map((v) => ({ id: v.id, appId: app.id, sql: Buffer.from(v.sql).toString('base64'), effective: v.id === app.sqlId, createTime: v.createTime })), total: app.versions.length };
      }
      default:
        throw new Alert(`No handler found for POST ${path}`, 404, 404);
    }
  }

  private view(app: FakeApp): Record<string, unknown> {
    const sql = this.effectiveSql(app);
    return { id: app.id, teamId: Number(app.teamId), jobName: app.jobName, jobType: 2, state: app.state, release: app.release, sqlId: app.sqlId, flinkSql: sql === undefined ? undefined : Buffer.from(sql).toString('base64'), description: app.description, restartCount: app.restartCount };
  }
}

class StartFailure extends Error {}
