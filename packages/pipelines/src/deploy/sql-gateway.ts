/**
 * A client of the Flink SQL Gateway REST API v2 (Flink 1.20): sessions, statements, results. A statement's
 * result is fetched from token 0 along `nextResultUri` until EOS; rows come as `{kind, fields}` under `columns`.
 */
import { excerpt, EndpointError, httpJson } from './http.js';
import { setTimeout as delay } from 'node:timers/promises';
import { checkEndpointUrl, checkMillis } from '../arguments.js';

export interface GatewayColumn {
  readonly name: string;
  readonly logicalType?: { readonly type?: string };
}

export interface GatewayRow {
  readonly kind: 'INSERT' | 'UPDATE_BEFORE' | 'UPDATE_AFTER' | 'DELETE';
  readonly fields: readonly unknown[];
}

export interface StatementResult {
  readonly jobId?: string;
  readonly columns: readonly GatewayColumn[];
  readonly rows: readonly GatewayRow[];
}

interface ResultPage {
  readonly resultType: 'NOT_READY' | 'PAYLOAD' | 'EOS';
  readonly jobID?: string;
  readonly results?: { readonly columns?: readonly GatewayColumn[]; readonly data?: readonly GatewayRow[] };
  readonly nextResultUri?: string;
}

interface GatewayErrors {
  readonly errors?: readonly string[];
}

/** The first line of the gateway's error that names the cause (its body is a Java stack trace). */
function gatewayCause(text: string): string {
  try {
    const errs = (JSON.parse(text) as GatewayErrors).errors ?? [];
    const lines = errs.join('\n').split('\n').map((l) => l.trim());
    const caused = lines.filter((l) => l.startsWith('Caused by:')).pop();
    return excerpt((caused ?? lines.find((l) => l.length > 0 && !l.startsWith('at ')) ?? text).replace(/^Caused by:\s*/, ''));
  } catch {
    return excerpt(text);
  }
}

export class SqlGatewayClient {
  constructor(readonly url: string, private readonly timeoutMillis = 60_000) {
    checkEndpointUrl('new SqlGatewayClient()', 'url', url);
    checkMillis('new SqlGatewayClient()', 'timeoutMillis', timeoutMillis);
  }

  private async call<T>(operation: string, method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    try {
      return await httpJson<T>(operation, { method, url: `${this.url}${path}`, body: body === undefined ? undefined : JSON.stringify(body), timeoutMillis: this.timeoutMillis });
    } catch (e) {
      if (e instanceof EndpointError && e.status >= 400) {
        throw new EndpointError(operation, e.status, gatewayCause(e.body), e.body);
      }
      throw e;
    }
  }

  async info(): Promise<{ productName: string; version: string }> {
    return this.call('SQL Gateway info', 'GET', '/v2/info');
  }

  async openSession(properties: Readonly<Record<string, string>> = {}, name = 'flinkts'): Promise<GatewaySession> {
    const r = await this.call<{ sessionHandle: string }>('open a SQL Gateway session', 'POST', '/v2/sessions', { sessionName: name, properties });
    return new GatewaySession(this, r.sessionHandle);
  }

  /** @internal */
  async request<T>(operation: string, method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    return this.call<T>(operation, method, path, body);
  }
}

export class GatewaySession {
  constructor(private readonly client: SqlGatewayClient, readonly handle: string) {}

  /** Runs one statement and reads its whole result (an INSERT's result is its job id). */
  async execute(statement: string, timeoutMillis = 120_000): Promise<StatementResult> {
    const op = await this.client.request<{ operationHandle: string }>('submit a statement', 'POST', `/v2/sessions/${this.handle}/statements`, { statement });
    const columns: GatewayColumn[] = [];
    const rows: GatewayRow[] = [];
    let jobId: string | undefined;
    let next: string | undefined = `/v2/sessions/${this.handle}/operations/${op.operationHandle}/result/0?rowFormat=JSON`;
    const deadline = Date.now() + timeoutMillis;
    while (next !== undefined) {
      const page: ResultPage = await this.client.request<ResultPage>('fetch a statement result', 'GET', next.startsWith('/v') ? next : `/${next.replace(/^\//, '')}`);
      jobId ??= page.jobID;
      if (page.resultType === 'NOT_READY') {
        if (Date.now() > deadline) throw new EndpointError('fetch a statement result', 0, `no result within ${timeoutMillis / 1000} s`);
        await delay(200);
        continue;
      }
      if (columns.length === 0) columns.push(...(page.results?.columns ?? []));
      rows.push(...(page.results?.data ?? []));
      if (page.resultType === 'EOS') break;
      next = page.nextResultUri;
    }
    await this.client.request('close an operation', 'DELETE', `/v2/sessions/${this.handle}/operations/${op.operationHandle}/close`).catch(() => undefined);
    return { ...(jobId === undefined ? {} : { jobId }), columns, rows };
  }

  async close(): Promise<void> {
    await this.client.request('close a SQL Gateway session', 'DELETE', `/v2/sessions/${this.handle}`).catch(() => undefined);
  }
}
