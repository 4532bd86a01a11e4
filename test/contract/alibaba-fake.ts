/**
 * A contract fake of Alibaba Cloud Realtime Compute's ververica 2022-07-18 API, from the facts in
 * its documented API (Alibaba Cloud OpenAPI reference, version 2022-07-18), restated here:
 *
 * - every call carries the `workspace` header and an AccessKey signature; this fake checks the V3 signature
 *   (ACS3-HMAC-SHA256 over the canonical request) with its own implementation of the documented algorithm
 *   (the client's signatures equal those of Alibaba's @alicloud/openapi-util: acs-signature.test.ts);
 * - `/api/v2/namespaces/{ns}/deployments` (POST create, GET list `?name&pageIndex&pageSize`), `/deployments/{id}`
 *   (GET, PUT = replace), `/jobs:start` (deploymentId, restoreStrategy `{kind, allowNonRestoredState,
 *   savepointId}`; FROM_SAVEPOINT needs the savepointId of a completed savepoint of the namespace — also another
 *   deployment's: the state-set docs let a job restore from another job's savepoint), `/jobs/{id}:stop` (`stopStrategy` NONE |
 *   STOP_WITH_SAVEPOINT | STOP_WITH_DRAIN), `/jobs` (`?deploymentId`), `/jobs/{id}`, `/savepoints` (GET
 *   `?deploymentId`, POST), `/savepoints/{id}` (GET, DELETE);
 * - answers `{requestId, success, httpCode, errorCode, errorMessage, data}`; a deployment is
 *   `artifact.kind: SQLSCRIPT` with `sqlArtifact.sqlScript`, `executionMode` STREAMING | BATCH;
 * - the older `POST /jobs` (deprecated) is not served.
 */
import { createHash, createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackFake } from './loopback-fake.js';
import { faultAfter, faultBefore, Faults } from './faults.js';

interface Dep { deploymentId: string; name: string; labels: Record<string, string>; body: Record<string, unknown> }
interface Job { jobId: string; deploymentId: string; state: string; restoredFrom?: string; restarts: number; reads: number }
interface Sp { savepointId: string; deploymentId: string; jobId?: string; savepointLocation: string; savepointOrigin: string; state: string }

class Fail extends Error {
  constructor(readonly http: number, readonly errorCode: string, message: string) { super(message); }
}

const hex = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');
const pct = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export class AlibabaFake extends LoopbackFake {
  readonly faults = new Faults();
  readonly deployments = new Map<string, Dep>();
  readonly jobs: Job[] = [];
  readonly savepoints: Sp[] = [];
  private n = 0;

  constructor(readonly accessKeyId = 'LTAI-test', readonly accessKeySecret = 'test-secret', readonly workspace = 'ws-1234', readonly namespace = 'wrongbook-default') {
    super();
  }

  named(name: string): Dep[] {
    return [...this.deployments.values()].filter((d) => d.name === name);
  }

  /** Checks the ACS3-HMAC-SHA256 signature as the documented algorithm computes it. */
  private verify(req: IncomingMessage, body: string): void {
    const auth = req.headers.authorization ?? '';
    const m = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(auth);
    if (m === null) throw new Fail(401, 'InvalidAuthorization', 'the Authorization header is not an ACS3-HMAC-SHA256 signature');
    if (m[1] !== this.accessKeyId) throw new Fail(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
    const signed = (m[2] as string).split(';');
    for (const h of ['host', 'x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256']) if (!signed.includes(h)) throw new Fail(400, 'MissingSignedHeader', `${h} must be signed`);
    if (req.headers['x-acs-version'] !== '2022-07-18') throw new Fail(400, 'InvalidVersion', `API version ${String(req.headers['x-acs-version'])} is not 2022-07-18`);
    if (req.headers['x-acs-content-sha256'] !== hex(body)) throw new Fail(400, 'ContentSha256Mismatch', 'x-acs-content-sha256 does not match the body');
    const url = new URL(req.url ?? '/', 'http://x');
    const query = [...url.searchParams].map(([k, v]) => `${pct(k)}=${pct(v)}`).sort().join('&');
    const headerLines = signed.map((h) => `${h}:${String(req.headers[h] ?? '').trim()}\n`).join('');
    const canonical = `${req.method}\n${url.pathname.split('/').map((s) => pct(decodeURIComponent(s))).join('/')}\n${query}\n${headerLines}\n${signed.join(';')}\n${hex(body)}`;
    const expected = createHmac('sha256', this.accessKeySecret).update(`ACS3-HMAC-SHA256\n${hex(canonical)}`).digest('hex');
    if (expected !== m[3]) throw new Fail(400, 'IncompleteSignature', 'The request signature does not conform to Aliyun standards.');
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://x');
    const fault = this.faults.next(decodeURIComponent(url.pathname));
    if (faultBefore(fault, req, res)) return;
    const send = (http: number, out: Record<string, unknown>): void => {
      if (fault !== 'expired-token' && faultAfter(fault, req, res)) return;
      res.writeHead(http, { 'content-type': 'application/json' }).end(JSON.stringify({ requestId: `req-${++this.n}`, ...out }));
    };
    try {
      if (fault === 'expired-token') throw new Fail(400, 'InvalidSecurityToken.Expired', 'Specified SecurityToken is expired.');
      this.verify(req, body);
      if (req.headers.workspace !== this.workspace) throw new Fail(400, 'InvalidWorkspace', req.headers.workspace === undefined ? 'the workspace header is required' : `workspace ${String(req.headers.workspace)} not found`);
      // routed on the decoded path (a client sends `:` encoded, as the SDKs do)
      const m = /^\/api\/v2\/namespaces\/([^/]+)\/(.+)$/.exec(url.pathname.split('/').map((seg) => decodeURIComponent(seg)).join('/'));
      if (m === null || m[1] !== this.namespace) throw new Fail(404, 'NamespaceNotFound', `no namespace in ${url.pathname}`);
      const json = body === '' ? {} : (JSON.parse(body) as Record<string, unknown>);
      const data = this.route(req.method ?? 'GET', m[2] as string, json, url.searchParams);
      this.faults.handled(`${req.method} ${decodeURIComponent(url.pathname)}`);
      send(200, { success: true, httpCode: 200, data });
    } catch (e) {
      if (e instanceof Fail) send(e.http, { success: false, httpCode: e.http, errorCode: e.errorCode, errorMessage: e.message });
      else send(500, { success: false, httpCode: 500, errorCode: 'InternalError', errorMessage: String(e) });
    }
  }

  private dep(id: string): Dep {
    const d = this.deployments.get(id);
    if (d === undefined) throw new Fail(404, 'DeploymentNotFound', `deployment ${id} not found`);
    return d;
  }

  private job(id: string): Job {
    const j = this.jobs.find((x) => x.jobId === id);
    if (j === undefined) throw new Fail(404, 'JobNotFound', `job ${id} not found`);
    return j;
  }

  private checkDeployment(b: Record<string, unknown>): void {
    const artifact = b.artifact as { kind?: string; sqlArtifact?: { sqlScript?: unknown } } | undefined;
    if (typeof b.name !== 'string' || b.name === '') throw new Fail(400, 'InvalidParameter', 'name is required');
    if (artifact?.kind !== 'SQLSCRIPT' || typeof artifact.sqlArtifact?.sqlScript !== 'string') throw new Fail(400, 'InvalidParameter', 'a SQL deployment needs artifact.kind SQLSCRIPT and artifact.sqlArtifact.sqlScript');
    if (!['STREAMING', 'BATCH'].includes(String(b.executionMode))) throw new Fail(400, 'InvalidParameter', `executionMode ${String(b.executionMode)} is not STREAMING or BATCH`);
  }

  private view(j: Job): Record<string, unknown> {
    return { jobId: j.jobId, deploymentId: j.deploymentId, status: { currentJobStatus: j.state, ...(j.state === 'RUNNING' ? { running: { observedFlinkJobRestarts: j.restarts } } : {}) } };
  }

  private route(method: string, path: string, b: Record<string, unknown>, q: URLSearchParams): unknown {
    const id = () => `${++this.n}`.padStart(8, '0');
    if (path === 'deployments' && method === 'POST') {
      this.checkDeployment(b);
      if (this.named(b.name as string).length > 0) throw new Fail(409, 'DeploymentNameConflict', `a deployment named ${String(b.name)} exists`);
      const d: Dep = { deploymentId: `dep-${id()}`, name: b.name as string, labels: (b.labels ?? {}) as Record<string, string>, body: b };
      this.deployments.set(d.deploymentId, d);
      return { deploymentId: d.deploymentId, name: d.name, labels: d.labels };
    }
    if (path === 'deployments' && method === 'GET') return [...this.deployments.values()].filter((d) => !q.has('name') || d.name === q.get('name')).map((d) => ({ deploymentId: d.deploymentId, name: d.name, labels: d.labels }));
    let m = /^deployments\/([^/]+)$/.exec(path);
    if (m && method === 'GET') { const d = this.dep(m[1] as string); return { deploymentId: d.deploymentId, name: d.name, labels: d.labels }; }
    if (m && method === 'PUT') {
      const d = this.dep(m[1] as string);
      this.checkDeployment(b);
      if (b.name !== d.name) throw new Fail(400, 'InvalidParameter', 'a deployment cannot be renamed');
      d.labels = (b.labels ?? {}) as Record<string, string>;
      d.body = b;
      return { deploymentId: d.deploymentId, name: d.name, labels: d.labels };
    }
    if (path === 'jobs:start' && method === 'POST') {
      const d = this.dep(String(b.deploymentId));
      if (this.jobs.some((j) => j.deploymentId === d.deploymentId && ['STARTING', 'RUNNING'].includes(j.state))) throw new Fail(409, 'JobAlreadyRunning', `deployment ${d.name} already has a running job`);
      const rs = (b.restoreStrategy ?? {}) as { kind?: string; savepointId?: string };
      if (!['NONE', 'LATEST_SAVEPOINT', 'FROM_SAVEPOINT', 'LATEST_STATE'].includes(String(rs.kind))) throw new Fail(400, 'InvalidParameter', `restoreStrategy.kind ${String(rs.kind)} is unknown`);
      let restoredFrom: string | undefined;
      if (rs.kind === 'FROM_SAVEPOINT') {
        // a savepoint of any deployment of the namespace (the state-set docs: a job restores from another job's savepoint)
        const sp = this.savepoints.find((s) => s.savepointId === rs.savepointId && s.state === 'COMPLETED');
        if (sp === undefined) throw new Fail(400, 'SavepointNotFound', `savepoint ${String(rs.savepointId)} not found`);
        restoredFrom = sp.savepointLocation;
      }
      const j: Job = { jobId: `job-${id()}`, deploymentId: d.deploymentId, state: 'STARTING', restarts: 0, reads: 0, ...(restoredFrom ? { restoredFrom } : {}) };
      this.jobs.push(j);
      return this.view(j);
    }
    if (path === 'jobs' && method === 'POST') throw new Fail(400, 'Deprecated', 'POST /jobs is deprecated: use jobs:start');
    if (path === 'jobs' && method === 'GET') return this.jobs.filter((j) => j.deploymentId === q.get('deploymentId')).map((j) => this.view(j));
    m = /^jobs\/([^/:]+):stop$/.exec(path);
    if (m && method === 'POST') {
      const j = this.job(m[1] as string);
      if (!['NONE', 'STOP_WITH_SAVEPOINT', 'STOP_WITH_DRAIN'].includes(String(b.stopStrategy))) throw new Fail(400, 'InvalidParameter', `stopStrategy ${String(b.stopStrategy)} is unknown`);
      if (j.state !== 'RUNNING') throw new Fail(409, 'JobNotRunning', `job ${j.jobId} is ${j.state}`);
      if (b.stopStrategy !== 'NONE') this.savepoints.push({ savepointId: `sp-${id()}`, deploymentId: j.deploymentId, jobId: j.jobId, savepointLocation: `oss://flink/savepoints/${j.deploymentId}/sp-${this.n}`, savepointOrigin: 'STOP_WITH_SAVEPOINT', state: 'COMPLETED' });
      j.state = 'CANCELLING';
      return this.view(j);
    }
    m = /^jobs\/([^/:]+)$/.exec(path);
    if (m && method === 'GET') {
      const j = this.job(m[1] as string);
      // time passes as the job is looked at
      if (j.state === 'STARTING') j.state = 'RUNNING';
      else if (j.state === 'CANCELLING') j.state = 'CANCELLED';
      return this.view(j);
    }
    if (path === 'savepoints' && method === 'GET') return this.savepoints.filter((s) => s.deploymentId === q.get('deploymentId')).map((s) => ({ ...s, status: { state: s.state } }));
    if (path === 'savepoints' && method === 'POST') {
      const d = this.dep(String(b.deploymentId));
      const running = this.jobs.find((j) => j.deploymentId === d.deploymentId && j.state === 'RUNNING');
      if (running === undefined) throw new Fail(409, 'JobNotRunning', 'no running job to take a savepoint of');
      const sp: Sp = { savepointId: `sp-${id()}`, deploymentId: d.deploymentId, jobId: running.jobId, savepointLocation: `oss://flink/savepoints/${d.deploymentId}/sp-${this.n}`, savepointOrigin: 'USER_REQUEST', state: 'COMPLETED' };
      this.savepoints.push(sp);
      return { ...sp, status: { state: sp.state } };
    }
    m = /^savepoints\/([^/]+)$/.exec(path);
    if (m) {
      const i = this.savepoints.findIndex((s) => s.savepointId === m![1]);
      if (i < 0) throw new Fail(404, 'SavepointNotFound', `savepoint ${m[1]} not found`);
      const sp = this.savepoints[i] as Sp;
      if (method === 'DELETE') { this.savepoints.splice(i, 1); return true; }
      return { ...sp, status: { state: sp.state } };
    }
    throw new Fail(404, 'NotFound', `no API ${method} ${path}`);
  }
}
