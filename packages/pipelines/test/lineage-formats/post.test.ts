/**
 * POSTing OpenLineage events to a real local HTTP server that fails the first attempt: the event is retried and
 * accepted once, the API key travels in the Authorization header and never in the body.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { openLineageEvents, postOpenLineage } from '@flinkts/pipelines/internal';
import { REALTIME_DW, WRONGBOOK } from './fixtures.js';

interface Received {
  readonly path: string;
  readonly authorization?: string;
  readonly body: string;
}

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** A lineage endpoint on a free port of 127.0.0.1 that answers `status(n)` to its n-th request (0-based). */
async function endpoint(status: (n: number) => number): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const n = received.length;
      received.push({ path: req.url ?? '', ...(req.headers.authorization === undefined ? {} : { authorization: req.headers.authorization }), body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = status(n);
      res.end(res.statusCode < 300 ? '' : 'try again');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/lineage`, received };
}

const OPTIONS = { eventTime: '2026-12-06T12:00:00.000Z', producer: 'urn:flinkts:0.1.0' };

describe('postOpenLineage', () => {
  test('a failed first attempt is retried; each event is accepted once; the key is a header, not payload', async () => {
    const server = await endpoint((n) => (n === 0 ? 503 : 201));
    const events = openLineageEvents(REALTIME_DW, OPTIONS);
    const r = await postOpenLineage(events, { url: server.url, apiKey: 'k3y-not-in-body', minBackoffMs: 10 });
    expect(r).toEqual({ posted: 4, diagnostics: [] });
    expect(server.received).toHaveLength(5);
    expect(server.received.map((x) => x.path)).toEqual(Array(5).fill('/api/v1/lineage'));
    expect(server.received[0]!.body).toBe(server.received[1]!.body);
    expect(server.received.slice(1).map((x) => JSON.parse(x.body) as unknown)).toEqual(JSON.parse(JSON.stringify(events)));
    for (const x of server.received) {
      expect(x.authorization).toBe('Bearer k3y-not-in-body');
      expect(x.body).not.toContain('k3y-not-in-body');
      expect(x.body).not.toMatch(/password|username|\$\{/i);
    }
  });

  test('an endpoint that keeps failing is a diagnostic after the retries, per event', async () => {
    const server = await endpoint(() => 500);
    const r = await postOpenLineage(openLineageEvents(WRONGBOOK, OPTIONS), { url: server.url, retries: 2, minBackoffMs: 5 });
    expect(r.posted).toBe(0);
    expect(server.received).toHaveLength(3);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'FTS8075', severity: 'error', path: 'job wrongbook-wide-table' });
  });

  test('a client error is not retried; an unreachable endpoint and a URL with credentials are diagnostics', async () => {
    const server = await endpoint(() => 400);
    const r = await postOpenLineage(openLineageEvents(WRONGBOOK, OPTIONS), { url: server.url, minBackoffMs: 5 });
    expect(server.received).toHaveLength(1);
    expect(r.diagnostics[0]?.message).toContain('answered 400: try again');
    const closed = await endpoint(() => 200);
    servers.pop()!.close();
    const down = await postOpenLineage(openLineageEvents(WRONGBOOK, OPTIONS), { url: closed.url, retries: 1, minBackoffMs: 5 });
    expect(down.diagnostics[0]?.code).toBe('FTS8075');
    const creds = await postOpenLineage([], { url: 'http://user:secret@127.0.0.1:1/api/v1/lineage' });
    expect(creds.diagnostics[0]).toMatchObject({ code: 'FTS8076', message: 'the OpenLineage endpoint URL carries a user or password' });
  });
});
