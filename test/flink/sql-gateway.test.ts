/**
 * The bridge's SQL Gateway REST endpoint (Flink 1.20.1's own gateway, beside the MiniCluster, on 127.0.0.1), driven
 * by the project's client as deploy drives it: sessions with their properties and isolation, statements (DDL, SET,
 * queries, INSERT jobs), results fetched page by page with their row kinds, and the gateway's errors reported as
 * flinkts diagnostics (a message naming the cause, a hint, no Java stack trace).
 */
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { FlinktsError } from '@flinkts/core';
import { FlinkBridgeClient } from '@flinkts/core/flink';
import { DEPLOY_CODES, EndpointError, FlinkRestClient, GatewayTarget, SqlGatewayClient } from '@flinkts/pipelines';
import { artifactOf } from '@flinkts/pipelines/internal';

// jobs on a shared, loaded machine can take longer than the default 30 s
vi.setConfig({ testTimeout: 180_000 });

const bridge = () => FlinkBridgeClient.connect().bridge;

/** The client, counting the result pages with rows it fetches. */
class CountingClient extends SqlGatewayClient {
  pages = 0;

  override async request<T>(operation: string, method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const r = await super.request<T>(operation, method, path, body);
    const page = r as { resultType?: string; results?: { data?: unknown[] } };
    if (operation === 'fetch a statement result' && (page.results?.data?.length ?? 0) > 0) this.pages++;
    return r;
  }
}
const gateway = () => new SqlGatewayClient(bridge().gatewayUrl as string);

async function failure(p: Promise<unknown>): Promise<FlinktsError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FlinktsError) return e;
    throw e;
  }
  throw new Error('expected the gateway to refuse');
}

describe('the SQL Gateway endpoint of the Flink bridge', () => {
  // the shared bridge may have to be built and started first
  beforeAll(() => {
    FlinkBridgeClient.connect();
  }, 900_000);

  test('answers as Flink 1.20.1 on 127.0.0.1', async () => {
    expect(bridge().gatewayUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await gateway().info()).toEqual({ productName: 'Apache Flink', version: '1.20.1' });
  });

  test('sessions keep their own properties, SET options and tables; a closed session is gone', async () => {
    const g = gateway();
    const a = await g.openSession({ 'table.local-time-zone': 'Asia/Shanghai' }, 'flinkts-test-a');
    const b = await g.openSession({}, 'flinkts-test-b');
    try {
      expect(a.handle).not.toBe(b.handle);
      await a.execute("SET 'table.exec.state.ttl' = '1 h'");
      const props = (s: { handle: string }) => g.request<{ properties: Record<string, string> }>('session config', 'GET', `/v2/sessions/${s.handle}`).then((r) => r.properties);
      expect(await props(a)).toMatchObject({ 'table.local-time-zone': 'Asia/Shanghai', 'table.exec.state.ttl': '1 h' });
      expect((await props(b))['table.exec.state.ttl']).toBeUndefined();
      // the session's time zone applies to its queries
      const tz = await a.execute("SELECT CAST(TO_TIMESTAMP_LTZ(0, 3) AS STRING) AS t");
      expect(tz.rows.map((r) => r.fields)).toEqual([['1970-01-01 08:00:00.000']]);
      await a.execute("CREATE TEMPORARY TABLE only_in_a (x INT) WITH ('connector' = 'datagen', 'number-of-rows' = '1')");
      expect((await a.execute('SHOW TABLES')).rows.map((r) => r.fields[0])).toContain('only_in_a');
      expect((await b.execute('SHOW TABLES')).rows.map((r) => r.fields[0])).not.toContain('only_in_a');
    } finally {
      await b.close();
    }
    await a.close();
    const gone = await failure(a.execute('SELECT 1'));
    expect(gone.diagnostics[0]?.message).toMatch(/does not exist|not found/i);
  });

  test('a query\'s result is fetched page by page to the end, in order, with its column names and types', async () => {
    const client = new CountingClient(bridge().gatewayUrl as string);
    const s = await client.openSession({ 'execution.runtime-mode': 'streaming' });
    try {
      // rows arrive over about 3 s, so the client reads them as several pages
      await s.execute("CREATE TEMPORARY TABLE seq (x INT) WITH ('connector' = 'datagen', 'rows-per-second' = '1000', 'number-of-rows' = '3000', 'fields.x.kind' = 'sequence', 'fields.x.start' = '1', 'fields.x.end' = '3000')");
      client.pages = 0;
      const r = await s.execute('SELECT x, CAST(x AS STRING) AS s FROM seq');
      expect(client.pages).toBeGreaterThan(1);
      expect(r.columns.map((c) => [c.name, c.logicalType?.type])).toEqual([['x', 'INTEGER'], ['s', 'VARCHAR']]);
      expect(r.rows).toHaveLength(3000);
      expect(r.rows.every((row) => row.kind === 'INSERT')).toBe(true);
      expect(r.rows.map((row) => row.fields[0])).toEqual(Array.from({ length: 3000 }, (_, i) => i + 1));
      expect(r.rows[2999]?.fields[1]).toBe('3000');
    } finally {
      await s.close();
    }
  });

  test('a streaming aggregation\'s result carries its changelog row kinds', async () => {
    const s = await gateway().openSession({ 'execution.runtime-mode': 'streaming' });
    try {
      const r = await s.execute('SELECT k, COUNT(*) AS n FROM (VALUES (1), (1), (2)) AS t (k) GROUP BY k');
      expect(r.rows.map((row) => `${row.kind}${JSON.stringify(row.fields)}`)).toEqual(['INSERT[1,1]', 'UPDATE_BEFORE[1,1]', 'UPDATE_AFTER[1,2]', 'INSERT[2,1]']);
    } finally {
      await s.close();
    }
  });

  test('an INSERT submits a job to the MiniCluster: its result is the job id, and the job runs to the end', async () => {
    const s = await gateway().openSession({ 'pipeline.name': 'flinkts-gateway-test' });
    try {
      await s.execute("CREATE TEMPORARY TABLE src (x INT) WITH ('connector' = 'datagen', 'number-of-rows' = '50')");
      await s.execute("CREATE TEMPORARY TABLE snk (x INT) WITH ('connector' = 'blackhole')");
      const r = await s.execute('INSERT INTO snk SELECT x FROM src');
      expect(r.jobId).toMatch(/^[0-9a-f]{32}$/);
      const rest = new FlinkRestClient(bridge().clusterUrl);
      const deadline = Date.now() + 60_000;
      let state = (await rest.job(r.jobId as string)).state;
      while (state !== 'FINISHED' && Date.now() < deadline) {
        await new Promise((done) => setTimeout(done, 200));
        state = (await rest.job(r.jobId as string)).state;
      }
      expect(state).toBe('FINISHED');
      expect((await rest.jobs()).find((j) => j.jid === r.jobId)?.name).toBe('flinkts-gateway-test');
    } finally {
      await s.close();
    }
  });

  test('the gateway\'s errors are diagnostics: the cause in one line, a hint, no Java stack trace', async () => {
    const s = await gateway().openSession();
    try {
      const unknown = await failure(s.execute('SELECT * FROM no_such_table'));
      expect(unknown).toBeInstanceOf(EndpointError);
      const d = unknown.diagnostics[0];
      expect(d?.code).toBe(DEPLOY_CODES.endpointFailed);
      expect(d?.message).toContain("Object 'no_such_table' not found");
      expect(d?.message).not.toMatch(/\n|\bat org\.apache\./);
      expect(d?.hint).toBeTruthy();
      const syntax = await failure(s.execute('SELECT 1 +* 2'));
      expect(syntax.diagnostics[0]?.message).toMatch(/ParseException: Encountered "\+ \*" at line 1, column 10\.$/);
      // a failure while running (here while the planner folds the constant) is reported the same way
      const run = await failure(s.execute("SELECT CAST('x' AS INT)"));
      expect(run.diagnostics[0]?.message).toContain("For input string: 'x'");
      // the session survives a failed statement
      expect((await s.execute('SELECT 1 + 1 AS two')).rows.map((r) => r.fields)).toEqual([[2]]);
    } finally {
      await s.close();
    }
  });

  test('deploy\'s gateway target reports a rejected statement of a job by its number and the planner\'s cause', async () => {
    const target = new GatewayTarget(bridge().gatewayUrl as string, bridge().clusterUrl);
    const job = artifactOf('gateway-test', [
      "CREATE TEMPORARY TABLE src (x INT) WITH ('connector' = 'datagen', 'number-of-rows' = '5')",
      "CREATE TEMPORARY TABLE snk (x STRING NOT NULL) WITH ('connector' = 'blackhole')",
      'INSERT INTO snk SELECT y FROM src',
    ]);
    const e = await failure(target.start(job, {}));
    expect(e.diagnostics[0]?.code).toBe(DEPLOY_CODES.submitFailed);
    expect(e.diagnostics[0]?.message).toMatch(/^Flink rejected statement 3 of job 'gateway-test': .*Column 'y' not found/);
  });
});
