/**
 * Synchronous HTTP to the bridge on 127.0.0.1, so that `runJob(…, { engine: 'flink' })` stays a plain function
 * call like the local engine: the request runs in a short-lived Node child (`spawnSync`), which costs a few tens
 * of milliseconds next to the hundreds a Flink job takes.
 */
import { spawnSync } from 'node:child_process';

const CHILD = `
const [url, method] = process.argv.slice(1);
const chunks = [];
for await (const c of process.stdin) chunks.push(c);
try {
  const r = await fetch(url, { method, body: method === 'GET' ? undefined : Buffer.concat(chunks), headers: { 'content-type': 'application/json' } });
  process.stdout.write(JSON.stringify({ status: r.status, body: await r.text() }));
} catch (e) {
  process.stdout.write(JSON.stringify({ status: 0, body: String(e && e.cause ? e.cause.message || e.cause : e) }));
}
`;

export interface SyncResponse {
  /** HTTP status; 0 when the bridge could not be reached. */
  readonly status: number;
  readonly body: string;
}

export function httpSync(url: string, method: 'GET' | 'POST', body?: string, timeoutMillis = 600_000): SyncResponse {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, url, method], {
    input: body ?? '',
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    timeout: timeoutMillis,
  });
  if (r.status !== 0 || !r.stdout) return { status: 0, body: r.error ? r.error.message : (r.stderr || 'no answer') };
  return JSON.parse(r.stdout) as SyncResponse;
}

export async function httpAsync(url: string, method: 'GET' | 'POST', body?: string): Promise<SyncResponse> {
  try {
    const r = await fetch(url, { method, ...(body === undefined ? {} : { body }), headers: { 'content-type': 'application/json' } });
    return { status: r.status, body: await r.text() };
  } catch (e) {
    const cause = (e as { cause?: { message?: string } }).cause;
    return { status: 0, body: cause?.message ?? String(e) };
  }
}
