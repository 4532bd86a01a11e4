import { describe, expect, it } from 'vitest';
import { resolveCapabilities } from '@flinkts/connectors';
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

  it('without the connectors\' capabilities an upsert-kafka table is insert-only, as `check` reads it without them', () => {
    const sql = "CREATE TABLE a (id INT, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'upsert-kafka'); SELECT * FROM a";
    expect(() => runJob(sql, { inputs: { a: [{ kind: '-D', row: [1] }] } })).toThrow(/insert-only source but its input contains a -D row/);
    expect(runJob(sql, { capabilities: resolveCapabilities, inputs: { a: [[1], { kind: '-D', row: [1] }] } }).changelog()).toEqual(['+I[1]', '-D[1]']);
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
