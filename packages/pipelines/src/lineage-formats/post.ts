/**
 * POSTs OpenLineage events to a lineage endpoint (Marquez and DataHub accept one event per request at
 * `/api/v1/lineage`), through undici with its retry interceptor: connection errors and 408 / 429 / 5xx answers are
 * retried with exponential backoff (honouring Retry-After). An API key goes in the `Authorization` header, never in
 * the payload; a URL with a user or password in it is refused. The events carry no connector options.
 */
import type { Diagnostic } from '@flinkts/core';
import { textFields } from '@flinkts/core/internal';
import { LINEAGE_TEXTS } from './codes.js';
import type { OpenLineageEvent } from './openlineage.js';

export interface PostOptions {
  /** The endpoint, e.g. `http://marquez:5000/api/v1/lineage`. */
  readonly url: string;
  /** Sent as `Authorization: Bearer <apiKey>`. */
  readonly apiKey?: string;
  /** Retries after the first attempt of each event (default 3). */
  readonly retries?: number;
  /** Wait before the first retry, doubled each time (default 500 ms). */
  readonly minBackoffMs?: number;
  /** Time allowed for one attempt's answer (default 30 s). */
  readonly timeoutMs?: number;
}

export interface PostResult {
  /** Events the endpoint accepted. */
  readonly posted: number;
  readonly diagnostics: readonly Diagnostic[];
}

const RETRY_STATUS = [408, 429, 500, 502, 503, 504];

/** A problem with the endpoint URL itself, or undefined when it can be used. */
export function endpointProblem(url: string, path: string): Diagnostic | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ...textFields(LINEAGE_TEXTS.badLineageTarget({ kind: 'notUrl', url })), severity: 'error', path };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { ...textFields(LINEAGE_TEXTS.badLineageTarget({ kind: 'notHttp', protocol: parsed.protocol })), severity: 'error', path };
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return { ...textFields(LINEAGE_TEXTS.badLineageTarget({ kind: 'credentials' })), severity: 'error', path };
  }
  return undefined;
}

/** `--openlineage-api-key-env VAR` naming a variable that is not set, or undefined when it is (or none is named). */
export function apiKeyProblem(variable: string | undefined, env: Readonly<Record<string, string | undefined>>): Diagnostic | undefined {
  if (variable === undefined || env[variable] !== undefined) return undefined;
  return { ...textFields(LINEAGE_TEXTS.badLineageTarget({ kind: 'keyNotSet', variable })), severity: 'error', path: '--openlineage-api-key-env' };
}

export async function postOpenLineage(events: readonly OpenLineageEvent[], options: PostOptions): Promise<PostResult> {
  const problem = endpointProblem(options.url, 'openlineage-url');
  if (problem !== undefined) return { posted: 0, diagnostics: [problem] };
  // undici is imported here, not at the top: every command that loads the pipelines package would pay for it.
  const { Agent, interceptors, request } = await import('undici');
  const timeout = options.timeoutMs ?? 30_000;
  const dispatcher = new Agent({ headersTimeout: timeout, bodyTimeout: timeout }).compose(
    interceptors.retry({
      maxRetries: options.retries ?? 3,
      minTimeout: options.minBackoffMs ?? 500,
      maxTimeout: 30_000,
      timeoutFactor: 2,
      methods: ['POST'],
      statusCodes: RETRY_STATUS,
    }),
  );
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.apiKey !== undefined) headers['authorization'] = `Bearer ${options.apiKey}`;
  const diagnostics: Diagnostic[] = [];
  let posted = 0;
  try {
    for (const event of events) {
      const where = `job ${event.job.name}`;
      try {
        const res = await request(options.url, { method: 'POST', headers, body: JSON.stringify(event), dispatcher });
        const text = await res.body.text();
        if (res.statusCode >= 200 && res.statusCode < 300) posted++;
        else diagnostics.push(failed(options.url, `answered ${res.statusCode}${text.trim() === '' ? '' : `: ${text.trim().slice(0, 200)}`}`, where));
      } catch (e) {
        diagnostics.push(failed(options.url, (e as Error).message, where));
      }
    }
  } finally {
    await dispatcher.close();
  }
  return { posted, diagnostics };
}

function failed(url: string, why: string, path: string): Diagnostic {
  return { ...textFields(LINEAGE_TEXTS.openLineagePostFailed({ url, event: path, why })), severity: 'error', path };
}
