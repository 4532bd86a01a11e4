/**
 * The Flink engine of the testing API, on real Flink 1.20.1 (the bridge is built and started on demand, and
 * stopped at the end of the run): the same job and fixtures as the local engine, Flink's own changelog back.
 */
import { describe, expect, test } from 'vitest';
import { FlinktsError } from '@flinkts/core';
import { resolveCapabilities } from '@flinkts/connectors';
import { runJob, runJobAsync } from '@flinkts/core/testing';
import { FlinkBridgeClient } from '@flinkts/core/flink';

const codes = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof FlinktsError) return e.diagnostics.map((d) => d.code);
    throw e;
  }
  return [];
};

const GROUP = `
CREATE TABLE orders (id BIGINT, customer STRING, amount DECIMAL(10, 2), PRIMARY KEY (id) NOT ENFORCED)
  WITH ('connector' = 'kafka', 'topic' = 'orders', 'format' = 'debezium-json', 'properties.bootstrap.servers' = 'k:9092');
CREATE TABLE totals (customer STRING, n BIGINT, total DECIMAL(38, 2)) WITH ('connector' = 'print');
INSERT INTO totals SELECT customer, COUNT(*), SUM(amount) FROM orders GROUP BY customer;`;

describe("engine: 'flink'", () => {
  test('a changelog source through a group aggregation: the same retractions on both engines', () => {
    const inputs = {
      orders: [
        { id: 1n, customer: 'a', amount: '10.00' },
        { id: 2n, customer: 'a', amount: '5.50' },
        { kind: '-U' as const, row: { id: 1n, customer: 'a', amount: '10.00' } },
        { kind: '+U' as const, row: { id: 1n, customer: 'b', amount: '10.00' } },
        { kind: '-D' as const, row: { id: 2n, customer: 'a', amount: '5.50' } },
      ],
    };
    const flink = runJob(GROUP, { capabilities: resolveCapabilities, inputs, engine: 'flink' });
    const local = runJob(GROUP, { capabilities: resolveCapabilities, inputs, engine: 'local' });
    expect(flink.changelog('totals')).toEqual([
      '+I[a, 1, 10.00]', '-U[a, 1, 10.00]', '+U[a, 2, 15.50]', '-U[a, 2, 15.50]', '+U[a, 1, 5.50]',
      '+I[b, 1, 10.00]', '-D[a, 1, 5.50]',
    ]);
    expect(local.changelog('totals')).toEqual(flink.changelog('totals'));
    expect(flink.rows('totals')).toEqual([{ customer: 'b', n: 1, total: '10.00' }]);
  });

  test('an upsert source (upsert-kafka) reaches Flink as an upsert changelog: ChangelogNormalize makes the -U, as locally', () => {
    const sql = `
CREATE TABLE latest (product STRING, price INT, PRIMARY KEY (product) NOT ENFORCED)
  WITH ('connector' = 'upsert-kafka', 'topic' = 'p', 'properties.bootstrap.servers' = 'k:9092', 'key.format' = 'json', 'value.format' = 'json');
CREATE TABLE per_price (price INT, n BIGINT) WITH ('connector' = 'print');
INSERT INTO per_price SELECT price, COUNT(*) FROM latest GROUP BY price;`;
    const inputs = {
      latest: [
        { product: 'a', price: 1 },
        { product: 'b', price: 1 },
        { kind: '+U' as const, row: { product: 'a', price: 2 } },
        { kind: '-D' as const, row: { product: 'b', price: 1 } },
      ],
    };
    const flink = runJob(sql, { capabilities: resolveCapabilities, inputs, engine: 'flink' });
    expect(flink.changelog('per_price')).toEqual([
      '+I[1, 1]', '-U[1, 1]', '+U[1, 2]', '-U[1, 2]', '+U[1, 1]', '+I[2, 1]', '-D[1, 1]',
    ]);
    expect(runJob(sql, { capabilities: resolveCapabilities, inputs, engine: 'local' }).changelog('per_price')).toEqual(flink.changelog('per_price'));
  });

  test('watermarks follow the WATERMARK clause row by row; the bounded input ends with a MAX watermark', async () => {
    const sql = `
CREATE TABLE clicks (u STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'datagen');
CREATE TABLE per_window (ws TIMESTAMP(3), n BIGINT) WITH ('connector' = 'blackhole');
INSERT INTO per_window SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end;`;
    const inputs = { clicks: [['a', '2024-01-01 00:00:01'], ['b', '2024-01-01 00:00:12'], ['late', '2024-01-01 00:00:05'], ['c', '2024-01-01 00:00:13']] };
    const flink = await runJobAsync(sql, { inputs, engine: 'flink' });
    expect(flink.changelog()).toEqual(['+I[2024-01-01T00:00, 1]', '+I[2024-01-01T00:00:10, 2]']);
    expect(runJob(sql, { capabilities: resolveCapabilities, inputs, engine: 'local' }).changelog()).toEqual(flink.changelog());
  });

  test("the job's SET options apply and PROCTIME() reads the fixed clock", () => {
    const sql = `
SET 'table.local-time-zone' = 'Asia/Shanghai';
CREATE TABLE ev (id INT, pt AS PROCTIME()) WITH ('connector' = 'datagen');
CREATE TABLE out_t (id INT, t STRING) WITH ('connector' = 'blackhole');
INSERT INTO out_t SELECT id, CAST(pt AS STRING) FROM ev;`;
    const r = runJob(sql, { inputs: { ev: [[1]] }, now: () => Date.UTC(2024, 0, 1), engine: 'flink' });
    expect(r.changelog()).toEqual(['+I[1, 2024-01-01 08:00:00.000]']);
  });

  test('planner rejections and job failures are diagnostics; explicit watermarks cannot be fed to Flink', () => {
    const base = `CREATE TABLE s (x STRING) WITH ('connector' = 'datagen');
CREATE TABLE t (y INT NOT NULL) WITH ('connector' = 'blackhole');`;
    expect(codes(() => runJob(`${base}\nINSERT INTO t SELECT CAST(x AS INT) FROM s;`, { inputs: { s: [['1'], ['x']] }, engine: 'flink' }))).toEqual(['FTS7606']);
    expect(codes(() => runJob(`${base}\nINSERT INTO t SELECT 1 FROM s GROUP BY x;`, { inputs: { s: [['1']] }, engine: 'flink' }))).toEqual([]);
    const wm = `CREATE TABLE w (ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen');
CREATE TABLE o (ts TIMESTAMP(3)) WITH ('connector' = 'blackhole');
INSERT INTO o SELECT ts FROM w;`;
    expect(codes(() => runJob(wm, { inputs: { w: [{ watermark: '2024-01-01 00:00:00' }] }, engine: 'flink' }))).toEqual(['FTS7608']);
  });

  test('a real SQL Gateway REST endpoint runs beside the MiniCluster, on 127.0.0.1', async () => {
    const b = FlinkBridgeClient.connect().bridge;
    expect(b.gatewayUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const info = (await (await fetch(`${b.gatewayUrl}/v1/info`)).json()) as { productName: string; version: string };
    expect(info).toEqual({ productName: 'Apache Flink', version: '1.20.1' });
  });
});
