/**
 * A contract fake of Ververica Platform 2.x's Application Manager API (v1), from the facts in
 * its documented REST API (Ververica Platform 2.x API reference), restated here:
 *
 * - JSON bodies, `Authorization: Bearer <token>` (401 otherwise); `/api/v1/namespaces/{ns}/…`;
 * - Deployments: POST creates (201; 409 for a name in use), GET / PATCH (merge) by id or name; names of at most
 *   63 `[-0-9a-z]` not starting or ending with `-`; `apiVersion: v1`, `kind: Deployment`, the namespace in the
 *   path and in `metadata.namespace` agree; `spec.state` RUNNING | SUSPENDED | CANCELLED; `upgradeStrategy.kind`
 *   STATEFUL | STATELESS | NONE; `restoreStrategy` is `{kind}` with kind LATEST_SAVEPOINT | LATEST_STATE | NONE only
 *   (the Application Manager API 2.1 model, `DeploymentRestoreStrategy {kind}`; FROM_SAVEPOINT + savepointId and
 *   allowNonRestoredState are Alibaba's 2022-07-18 API and refused here — VVP itself would ignore the flag, so a
 *   client relying on it would silently get no effect); a SQL artifact is `kind: SQLSCRIPT` with `sqlScript`;
 * - a start restores the latest savepoint of the deployment; state that maps to no operator of the new job (a
 *   savepoint marked in `unclaimedState`) fails the job, as Flink does, unless the job's `flinkConfiguration` sets
 *   Flink's `execution.savepoint.ignore-unclaimed-state: 'true'`;
 * - Savepoints: POST `{metadata: {deploymentId}}` triggers one (origin USER_REQUEST), with `spec.savepointLocation`
 *   copies one (origin COPIED); suspending takes one (origin SUSPEND); `status.state` STARTED | COMPLETED | FAILED;
 * - Jobs: GET `?deploymentId` lists the Flink jobs a deployment started (a new one per start);
 * - Events: GET `?deploymentId` lists what happened to it (`ResourceListOfEvent`: `{metadata: {id, deploymentId,
 *   name (an EventMetadata name such as JOB_SUCCESSFULLY_STARTED), createdAt}, spec: {message}}`).
 *
 * Status moves on as it is read: TRANSITIONING → RUNNING / SUSPENDED / CANCELLED.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackFake } from './loopback-fake.js';
import { faultAfter, faultBefore, Faults } from './faults.js';

interface Dep {
  metadata: { id: string; name: string; namespace: string; labels: Record<string, string>; annotations?: Record<string, string> };
  spec: Record<string, unknown> & { state: string; restoreStrategy?: { kind: string; allowNonRestoredState?: boolean } };
  status: { state: string; running?: { jobId: string } };
  target: string;
  restoredFrom?: string;
  /** Whether the last start allowed savepoint state that maps to no operator (Flink's key in flinkConfiguration). */
  allowedNonRestored?: boolean;
  starts: number;
}
interface Sp { metadata: { id: string; deploymentId: string; origin: string; createdAt: number }; spec: { savepointLocation?: string }; status: { state: string } }

const NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

class Http extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}

export class VvpFake extends LoopbackFake {
  readonly faults = new Faults();
  readonly deployments = new Map<string, Dep>();
  readonly savepoints: Sp[] = [];
  readonly jobs: { id: string; deploymentId: string }[] = [];
  /** Savepoint locations holding state that the next job started from them has no operator for. */
  readonly unclaimedState = new Set<string>();
  readonly events: { metadata: { id: string; deploymentId: string; name: string; createdAt: string }; spec: { message: string } }[] = [];
  private n = 0;

  constructor(readonly token = 'vvp-token', readonly namespace = 'default') {
    super();
  }

  named(name: string): Dep[] {
    return [...this.deployments.values()].filter((d) => d.metadata.name === name);
  }

  private id(): string {
    return `00000000-0000-0000-0000-${String(++this.n).padStart(12, '0')}`;
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://x');
    const fault = this.faults.next(url.pathname);
    if (faultBefore(fault, req, res)) return;
    const send = (status: number, body: unknown): void => {
      if (fault !== 'expired-token' && faultAfter(fault, req, res)) return;
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    try {
      if (fault === 'expired-token' || req.headers.authorization !== `Bearer ${this.token}`) throw new Http(401, 'Unauthorized: a valid API token is required');
      const m = /^\/api\/v1\/namespaces\/([^/]+)\/(deployments|savepoints|jobs|events)(?:\/([^/]+))?$/.exec(url.pathname);
      if (m === null) throw new Http(404, `no route for ${req.method} ${url.pathname}`);
      const [, ns, kind, key] = m as unknown as [string, string, string, string | undefined];
      if (ns !== this.namespace) throw new Http(404, `namespace ${ns} not found`);
      let body: Record<string, unknown> = {};
      if (req.method === 'POST' || req.method === 'PATCH') {
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) throw new Http(415, 'Content-Type must be application/json');
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        } catch {
          throw new Http(400, 'the body is not JSON');
        }
      }
      const [status, out] = this.route(req.method ?? 'GET', kind, key, body, url.searchParams);
      this.faults.handled(`${req.method} ${url.pathname} ${JSON.stringify(body)}`);
      send(status, out);
    } catch (e) {
      if (e instanceof Http) send(e.status, { message: e.message });
      else send(500, { message: String(e) });
    }
  }

  private event(d: Dep, name: string, message: string): void {
    this.events.push({ metadata: { id: this.id(), deploymentId: d.metadata.id, name, createdAt: new Date().toISOString() }, spec: { message } });
  }

  private dep(key: string | undefined): Dep {
    const d = [...this.deployments.values()].find((x) => x.metadata.id === key || x.metadata.name === key);
    if (d === undefined) throw new Http(404, `deployment ${key} not found`);
    return d;
  }

  private checkSpec(spec: Record<string, unknown>): void {
    const state = spec.state as string | undefined;
    if (state !== undefined && !['RUNNING', 'SUSPENDED', 'CANCELLED'].includes(state)) throw new Http(400, `spec.state ${state} is not one of RUNNING, SUSPENDED, CANCELLED`);
    const upgrade = (spec.upgradeStrategy as { kind?: string } | undefined)?.kind;
    if (upgrade !== undefined && !['STATEFUL', 'STATELESS', 'NONE'].includes(upgrade)) throw new Http(400, `upgradeStrategy.kind ${upgrade} is unknown`);
    const strategy = spec.restoreStrategy as Record<string, unknown> | undefined;
    const restore = strategy?.kind as string | undefined;
    if (restore !== undefined && !['LATEST_SAVEPOINT', 'LATEST_STATE', 'NONE'].includes(restore)) throw new Http(400, `restoreStrategy.kind ${restore} is unknown`);
    const extra = Object.keys(strategy ?? {}).filter((k) => k !== 'kind');
    if (extra.length > 0) throw new Http(400, `restoreStrategy has no field ${extra.join(', ')} (DeploymentRestoreStrategy is {kind})`);
    const artifact = (spec.template as { spec?: { artifact?: { kind?: string; sqlScript?: unknown } } } | undefined)?.spec?.artifact;
    if (artifact !== undefined && (artifact.kind !== 'SQLSCRIPT' || typeof artifact.sqlScript !== 'string' || artifact.sqlScript === '')) throw new Http(400, 'a SQL artifact needs kind SQLSCRIPT and a sqlScript');
  }

  /** Moves a deployment's status one step towards its desired state. */
  private advance(d: Dep): void {
    if (d.status.state !== 'TRANSITIONING') return;
    if (d.target === 'RUNNING') {
      const kind = d.spec.restoreStrategy?.kind ?? 'LATEST_STATE';
      const mine = this.savepoints.filter((s) => s.metadata.deploymentId === d.metadata.id && s.status.state === 'COMPLETED');
      d.restoredFrom = kind === 'NONE' ? undefined : mine[mine.length - 1]?.spec.savepointLocation;
      const configuration = (d.spec.template as { spec?: { flinkConfiguration?: Record<string, string> } } | undefined)?.spec?.flinkConfiguration ?? {};
      d.allowedNonRestored = configuration['execution.savepoint.ignore-unclaimed-state'] === 'true' || configuration['execution.state-recovery.ignore-unclaimed-state'] === 'true';
      if (d.restoredFrom !== undefined && this.unclaimedState.has(d.restoredFrom) && !d.allowedNonRestored) {
        // Flink: "Cannot map checkpoint/savepoint state for operator … to the new program"
        d.status = { state: 'FAILED' };
        this.event(d, 'TERMINATING_A_JOB_DUE_TO_AN_UNRECOVERABLE_FAILURE', `Job failed: Cannot map checkpoint/savepoint state for operator 20b81e62 to the new program, because the operator is not available in the new program (savepoint ${d.restoredFrom}).`);
        return;
      }
      const jobId = this.id();
      this.jobs.push({ id: jobId, deploymentId: d.metadata.id });
      d.status = { state: 'RUNNING', running: { jobId } };
      d.starts++;
      this.event(d, 'JOB_SUCCESSFULLY_STARTED', `Job ${jobId} started.`);
    } else if (d.target === 'SUSPENDED') {
      this.savepoints.push({ metadata: { id: this.id(), deploymentId: d.metadata.id, origin: 'SUSPEND', createdAt: Date.now() }, spec: { savepointLocation: `s3://vvp/savepoints/${d.metadata.id}/sp-${this.n}` }, status: { state: 'COMPLETED' } });
      d.status = { state: 'SUSPENDED' };
    } else d.status = { state: 'CANCELLED' };
  }

  private desire(d: Dep, state: string): void {
    if (state === d.target && d.status.state !== 'TRANSITIONING') return;
    if (state === 'SUSPENDED' && d.status.state !== 'RUNNING') throw new Http(409, `deployment ${d.metadata.name} is ${d.status.state}: only a running deployment can be suspended`);
    d.target = state;
    d.status = { state: 'TRANSITIONING' };
  }

  private route(method: string, kind: string, key: string | undefined, body: Record<string, unknown>, q: URLSearchParams): [number, unknown] {
    if (kind === 'deployments') {
      if (method === 'POST' && key === undefined) {
        const meta = body.metadata as { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> } | undefined;
        if (body.apiVersion !== 'v1' || body.kind !== 'Deployment') throw new Http(400, 'apiVersion v1 and kind Deployment are required');
        if (meta?.name === undefined || !NAME.test(meta.name)) throw new Http(400, `metadata.name ${meta?.name} must be at most 63 of [-0-9a-z], not starting or ending with '-'`);
        if (meta.namespace !== undefined && meta.namespace !== this.namespace) throw new Http(400, `metadata.namespace ${meta.namespace} differs from the path's ${this.namespace}`);
        if (this.named(meta.name).length > 0) throw new Http(409, `a deployment named ${meta.name} already exists`);
        const spec = body.spec as Dep['spec'];
        this.checkSpec(spec);
        const d: Dep = { metadata: { id: this.id(), name: meta.name, namespace: this.namespace, labels: meta.labels ?? {}, ...(meta.annotations ? { annotations: meta.annotations } : {}) }, spec, status: { state: 'CANCELLED' }, target: 'CANCELLED', starts: 0 };
        this.deployments.set(d.metadata.id, d);
        this.desire(d, spec.state);
        return [201, d];
      }
      if (method === 'GET' && key === undefined) return [200, { kind: 'DeploymentList', items: [...this.deployments.values()] }];
      const d = this.dep(key);
      if (method === 'GET') {
        this.advance(d);
        return [200, d];
      }
      if (method === 'PATCH') {
        const spec = (body.spec ?? {}) as Record<string, unknown>;
        this.checkSpec(spec);
        const labels = (body.metadata as { labels?: Record<string, string> } | undefined)?.labels;
        if (labels) d.metadata.labels = { ...d.metadata.labels, ...labels };
        // a merge patch of the annotations map, as of the labels
        const annotations = (body.metadata as { annotations?: Record<string, string> } | undefined)?.annotations;
        if (annotations) d.metadata.annotations = { ...d.metadata.annotations, ...annotations };
        d.spec = { ...d.spec, ...spec } as Dep['spec'];
        if (typeof spec.state === 'string') this.desire(d, spec.state);
        return [200, d];
      }
    }
    if (kind === 'savepoints') {
      if (method === 'GET' && key === undefined) return [200, { items: this.savepoints.filter((s) => s.metadata.deploymentId === q.get('deploymentId')) }];
      if (method === 'GET') {
        const s = this.savepoints.find((x) => x.metadata.id === key);
        if (s === undefined) throw new Http(404, `savepoint ${key} not found`);
        return [200, s];
      }
      if (method === 'POST') {
        const deploymentId = (body.metadata as { deploymentId?: string } | undefined)?.deploymentId;
        const d = this.dep(deploymentId);
        const location = (body.spec as { savepointLocation?: string } | undefined)?.savepointLocation;
        if (location === undefined && d.status.state !== 'RUNNING') throw new Http(409, 'a savepoint can only be triggered for a running deployment');
        const s: Sp = { metadata: { id: this.id(), deploymentId: d.metadata.id, origin: location === undefined ? 'USER_REQUEST' : 'COPIED', createdAt: Date.now() }, spec: { savepointLocation: location ?? `s3://vvp/savepoints/${d.metadata.id}/sp-${this.n}` }, status: { state: 'COMPLETED' } };
        this.savepoints.push(s);
        return [201, s];
      }
    }
    if (kind === 'events' && method === 'GET' && key === undefined) return [200, { kind: 'EventList', items: this.events.filter((e) => e.metadata.deploymentId === q.get('deploymentId')) }];
    if (kind === 'jobs' && method === 'GET' && key === undefined) return [200, { items: this.jobs.filter((j) => j.deploymentId === q.get('deploymentId')).map((j) => ({ metadata: { id: j.id, deploymentId: j.deploymentId } })) }];
    throw new Http(405, `${method} is not supported here`);
  }
}
