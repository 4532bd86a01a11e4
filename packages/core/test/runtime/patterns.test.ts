import { describe, expect, it } from 'vitest';
import { runJob } from '../../src/testing/index.js';

describe('streaming patterns', () => {
  it('TopN with a rank range emits only ranks in the range', () => {
    const run = runJob(`
      CREATE TABLE t (k STRING, v INT) WITH ('connector' = 'values');
      CREATE TABLE out_t (k STRING, v INT, rn BIGINT) WITH ('connector' = 'values');
      INSERT INTO out_t SELECT * FROM (SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC) AS rn FROM t) WHERE rn BETWEEN 2 AND 3;
    `, { inputs: { t: [['a', 1], ['a', 5], ['a', 3]] } });
    expect(run.changelog('out_t')).toEqual(['+I[a, 1, 2]', '-U[a, 1, 2]', '+U[a, 3, 2]', '+I[a, 1, 3]']);
  });

  it('LISTAGG / FIRST_VALUE / LAST_VALUE with retraction', () => {
    const run = runJob(`
      CREATE TABLE t (k STRING, v STRING) WITH ('connector' = 'values', 'changelog-mode' = 'I,UB,UA,D');
      CREATE TABLE out_t (k STRING, l STRING, f STRING, x STRING, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'values');
      INSERT INTO out_t SELECT k, LISTAGG(v), FIRST_VALUE(v), LAST_VALUE(v) FROM t GROUP BY k;
    `, { inputs: { t: [['a', 'x'], ['a', 'y'], { kind: '-D', row: ['a', 'x'] }] } });
    expect(run.table('out_t')).toEqual(['a, y, y, y']);
    expect(run.changelog('out_t')).toEqual(['+I[a, x, x, x]', '+U[a, x,y, x, y]', '+U[a, y, y, y]']);
  });

  it('SESSION windows merge rows closer than the gap and fire on the watermark', () => {
    const run = runJob(`
      CREATE TABLE t (k STRING, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'values');
      CREATE TABLE out_t (k STRING, ws TIMESTAMP(3), we TIMESTAMP(3), s INT) WITH ('connector' = 'values');
      INSERT INTO out_t SELECT k, SESSION_START(ts, INTERVAL '5' SECOND), SESSION_END(ts, INTERVAL '5' SECOND), SUM(v) FROM t GROUP BY k, SESSION(ts, INTERVAL '5' SECOND);
    `, { inputs: { t: [['a', 1, '2024-01-01 00:00:01'], ['a', 2, '2024-01-01 00:00:04'], ['a', 4, '2024-01-01 00:00:20']] } });
    expect(run.changelog('out_t')).toEqual(['+I[a, 2024-01-01T00:00:01, 2024-01-01T00:00:09, 3]', '+I[a, 2024-01-01T00:00:20, 2024-01-01T00:00:25, 4]']);
  });

  it('a keep-last deduplication on processing time replaces the kept row (-U/+U on a retract sink)', () => {
    const run = runJob(`
      CREATE TABLE t (k STRING, v INT, p AS PROCTIME()) WITH ('connector' = 'values');
      CREATE TABLE out_t (k STRING, v INT) WITH ('connector' = 'values');
      INSERT INTO out_t SELECT k, v FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY p DESC) AS rn FROM t) WHERE rn = 1;
    `, { inputs: { t: [['a', 1], ['a', 2]] } });
    expect(run.changelog('out_t')).toEqual(['+I[a, 1]', '-U[a, 1]', '+U[a, 2]']);
  });
});
