import { describe, expect, it } from 'vitest';
import { resolveCapabilities } from '@flinkts/connectors';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { FlinktsError } from '../../src/diagnostics/diagnostic.js';
import { runJob } from '../../src/testing/index.js';

describe('upsert sources', () => {
  it('upserts keyed by the primary key are normalized into a changelog before aggregation', () => {
    const run = runJob(`
      CREATE TABLE accounts (id INT, region STRING, balance BIGINT, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'upsert-kafka');
      CREATE TABLE totals (region STRING, total BIGINT, PRIMARY KEY (region) NOT ENFORCED) WITH ('connector' = 'jdbc');
      INSERT INTO totals SELECT region, SUM(balance) FROM accounts GROUP BY region;
    `, {
      capabilities: resolveCapabilities,
      inputs: {
        accounts: [
          { kind: '+U', row: [1, 'eu', 10] },
          { kind: '+U', row: [2, 'eu', 5] },
          { kind: '+U', row: [1, 'eu', 30] },
          { kind: '-D', row: [2, null, null] },
        ],
      },
    });
    expect(run.table('totals')).toEqual(['eu, 30']);
    expect(run.changelog('totals')).toEqual(['+I[eu, 10]', '+U[eu, 15]', '+U[eu, 5]', '+U[eu, 35]', '+U[eu, 30]']);
  });

  it('without the connectors\' capabilities a source whose changelog core cannot tell is refused (FTS7008), never read as insert-only', () => {
    const codeOf = (f: () => unknown): Diagnostic | undefined => { try { f(); return undefined; } catch (e) { return e instanceof FlinktsError ? e.diagnostics[0] : undefined; } };
    const sql = "CREATE TABLE a (id INT, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'upsert-kafka');\nSELECT * FROM a";
    const d = codeOf(() => runJob(sql, { inputs: { a: [[1]] } }));
    expect(d).toMatchObject({ code: 'FTS7008', path: 'statements[0]', span: { start: { line: 1 } } });
    expect(d?.message).toContain("table 'a' (connector 'upsert-kafka')");
    expect(d?.hint).toContain('resolveCapabilities');
    // a CDC format on kafka, and a catalog's table without a connector option, alike
    expect(codeOf(() => runJob("CREATE TABLE k (id INT) WITH ('connector' = 'kafka', 'format' = 'debezium-json'); SELECT * FROM k", { inputs: { k: [] } }))?.code).toBe('FTS7008');
    expect(codeOf(() => runJob("CREATE TABLE f (id INT) WITH ('connector' = 'filesystem', 'path' = '/x', 'format' = 'debezium-json'); SELECT * FROM f", { inputs: { f: [] } }))?.code).toBe('FTS7008');
    // with them, the table is read as the connector emits it
    expect(runJob(sql, { capabilities: resolveCapabilities, inputs: { a: [[1], { kind: '-D', row: [1] }] } }).changelog()).toEqual(['+I[1]', '-D[1]']);
  });

  it('without capabilities, the sources core knows keep running: values (by its changelog-mode), datagen, filesystem with a plain format; any connector as a sink', () => {
    const sink = "CREATE TABLE out_k (id INT, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'upsert-kafka');\n";
    expect(runJob(`${sink}CREATE TABLE d (id INT) WITH ('connector' = 'datagen');\nINSERT INTO out_k SELECT id FROM d;`, { inputs: { d: [[1]] } }).changelog('out_k')).toEqual(['+I[1]']);
    expect(runJob("CREATE TABLE f (id INT) WITH ('connector' = 'filesystem', 'path' = '/x', 'format' = 'csv'); SELECT * FROM f", { inputs: { f: [[2]] } }).changelog()).toEqual(['+I[2]']);
    expect(runJob("CREATE TABLE v (id INT, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'values', 'changelog-mode' = 'I,UA,D'); SELECT * FROM v", { inputs: { v: [[3], { kind: '-D', row: [3] }] } }).changelog()).toEqual(['+I[3]', '-D[3]']);
  });

  it('UNION ALL merges inputs and keeps their changes', () => {
    const run = runJob(`
      CREATE TABLE a (x INT) WITH ('connector' = 'values');
      CREATE TABLE b (x INT) WITH ('connector' = 'values');
      CREATE TABLE out_t (x INT) WITH ('connector' = 'values');
      INSERT INTO out_t SELECT x FROM a UNION ALL SELECT x * 10 FROM b;
    `, { inputs: { a: [[1], [2]], b: [[3]] } });
    expect([...run.changelog('out_t')].sort()).toEqual(['+I[1]', '+I[2]', '+I[30]']);
  });
});
