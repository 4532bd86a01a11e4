/**
 * JSON over HTTP for the deploy clients: one timeout per request, and failures as FTS8101 diagnostics that name the
 * endpoint and the operation but never a header or a credential.
 */
import { FlinktsError } from '@flinkts/core';
import { textFields } from '@flinkts/core/internal';
import { DEPLOY_TEXTS } from './codes.js';
import { argumentError } from '@flinkts/core/internal';
import { TEXTS } from '../codes.js';

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly url: string;
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMillis?: number;
}

export interface HttpResult {
  readonly status: number;
  readonly text: string;
}

/** The failure a caller builds from a response: an operation, an HTTP status (0: no response), its detail and body. */
function checkEndpointError(operation: unknown, status: unknown, detail: unknown, body: unknown): void {
  const call = 'new EndpointError()';
  for (const [argument, value] of [['operation', operation], ['detail', detail], ['body', body]] as const) {
    if (typeof value !== 'string') throw argumentError(call, argument, 'a string', value, undefined, TEXTS.badArgument);
  }
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 0) throw argumentError(call, 'status', 'an HTTP status (a whole number, 0 for no response)', status, undefined, TEXTS.badArgument);
}

/** What a failure was: no answer (connection refused / reset, timeout) or an HTTP error status. */
export class EndpointError extends FlinktsError {
  /** The answer's body, for clients that read a platform's own error shape (never shown whole). */
  readonly body: string;

  constructor(readonly operation: string, readonly status: number, detail: string, body = '') {
    checkEndpointError(operation, status, detail, body);
    super([{
      ...textFields(DEPLOY_TEXTS.endpointFailed({ operation, status, detail })),
      severity: 'error',
    }]);
    this.body = body;
  }

  /** Worth retrying: no answer, or a server-side error. */
  get transient(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

/** A short, single-line excerpt of an error body (never a request header). */
export function excerpt(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 300 ? `${one.slice(0, 300)}…` : one;
}

export async function http(operation: string, req: HttpRequest): Promise<HttpResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), req.timeoutMillis ?? 30_000);
  try {
    const r = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body, signal: controller.signal });
    return { status: r.status, text: await r.text() };
  } catch (e) {
    const err = e as { name?: string; cause?: { code?: string; message?: string } };
    const detail = err.name === 'AbortError' ? `no answer within ${Math.round((req.timeoutMillis ?? 30_000) / 1000)} s` : (err.cause?.code ?? err.cause?.message ?? 'connection failed');
    throw new EndpointError(operation, 0, detail);
  } finally {
    clearTimeout(timer);
  }
}

/** A JSON request whose 2xx answer is parsed; any other status is an EndpointError. */
export async function httpJson<T>(operation: string, req: HttpRequest): Promise<T> {
  const r = await http(operation, { ...req, headers: { 'content-type': 'application/json', ...req.headers } });
  if (r.status < 200 || r.status >= 300) throw new EndpointError(operation, r.status, excerpt(r.text), r.text);
  try {
    return (r.text === '' ? {} : JSON.parse(r.text)) as T;
  } catch {
    throw new EndpointError(operation, r.status, `not JSON: ${excerpt(r.text)}`);
  }
}
