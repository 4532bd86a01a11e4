/**
 * TopN over an updating input (ORDER BY … LIMIT and ROW_NUMBER filters over an aggregation or a changelog): Flink
 * 1.20.1 picks its update-fast algorithm when every sort key moves only towards the top (COUNT / MAX DESC, MIN
 * ASC over an insert-only input), its retracting algorithm otherwise. Each expected changelog is what real Flink
 * printed for the same job (tier 3's `rankupdating` family generates more).
 */
import { describe, expect, test } from 'vitest';
import { runJob } from '@flinkts/core/testing';
import { code } from './error-code.js';

const TABLE = "CREATE TABLE t (id INT NOT NULL, k INT, v INT, s STRING) WITH ('connector' = 'values');\n";
const CHANGES = "CREATE TABLE t (id INT NOT NULL, k INT, v INT, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'values', 'changelog-mode' = 'I,UB,UA,D');\n";
const ROWS = [[1, 1, 5, 'x'], [2, 2, 3, 'y'], [3, 3, 4, 'x'], [4, 2, 3, 'x'], [5, 3, 9, 'a'], [6, 1, -10, 'b'], [7, 4, 1, 'c']];
const COUNTS = [...ROWS, [8, 3, 1, 'c']];
const run = (sql: string, rows: readonly unknown[]) => runJob(sql, { inputs: { t: rows as never } }).changelog();
describe('TopN over an updating input', () => {
  test('SUM is not monotonic: the retracting algorithm, each -U and +U on its own', () => {
    expect(run(`${TABLE}SELECT k, SUM(v) AS total FROM t GROUP BY k ORDER BY total DESC LIMIT 2;`, ROWS))
      .toEqual(['+I[1, 5]', '+I[2, 3]', '-D[2, 3]', '+I[3, 4]', '-D[3, 4]', '+I[2, 6]', '-D[1, 5]', '+I[3, 13]']);
    expect(run(`${TABLE}SELECT k, total, rn FROM (SELECT k, total, ROW_NUMBER() OVER (ORDER BY total DESC) AS rn FROM (SELECT k, SUM(v) AS total FROM t GROUP BY k)) WHERE rn <= 3;`, ROWS)).toEqual([
      '+I[1, 5, 1]', '+I[2, 3, 2]', '-U[2, 3, 2]', '+U[3, 4, 2]', '+I[2, 3, 3]', '-D[2, 3, 3]', '-U[1, 5, 1]', '+U[2, 6, 1]', '-U[3, 4, 2]', '+U[1, 5, 2]',
      '+I[3, 4, 3]', '-D[3, 4, 3]', '-U[2, 6, 1]', '+U[3, 13, 1]', '-U[1, 5, 2]', '+U[2, 6, 2]', '+I[1, 5, 3]', '-D[1, 5, 3]', '+I[1, -5, 3]', '-U[1, -5, 3]', '+U[4, 1, 3]',
    ]);
  });

  test('COUNT DESC is monotonic: the update-fast algorithm updates a row that stays in place', () => {
    const expected = ['+I[1, 1]', '+I[2, 1]', '-U[2, 1]', '+U[2, 2]', '-D[1, 1]', '+I[3, 2]', '-U[3, 2]', '+U[3, 3]'];
    expect(run(`${TABLE}SELECT k, COUNT(*) AS n FROM t GROUP BY k ORDER BY n DESC LIMIT 2;`, COUNTS)).toEqual(expected);
    expect(run(`${TABLE}SELECT k, n FROM (SELECT k, n, ROW_NUMBER() OVER (ORDER BY n DESC) AS rn FROM (SELECT k, COUNT(*) AS n FROM t GROUP BY k)) WHERE rn <= 2;`, COUNTS)).toEqual(expected);
  });

  test('COUNT DESC with row numbers: a row moving up past several retracts the row at its new rank and itself, then shifts each rank in turn', () => {
    // Flink 1.20.1's UpdatableTopNFunction order (differential rankupdating seed 1208303 found every -U emitted first)
    const q = (n: number) => `${TABLE}SELECT k, n, rn FROM (SELECT k, n, ROW_NUMBER() OVER (ORDER BY n DESC, k) AS rn FROM (SELECT k, COUNT(*) AS n FROM t GROUP BY k)) WHERE rn <= ${n};`;
    expect(run(q(3), [[1, 2, null, null], [1, 1, null, null], [1, 4, 0, null], [1, 4, 0, null]])).toEqual([
      '+I[2, 1, 1]', '-U[2, 1, 1]', '+U[1, 1, 1]', '+I[2, 1, 2]', '+I[4, 1, 3]', '-U[1, 1, 1]', '-U[4, 1, 3]', '+U[4, 2, 1]', '-U[2, 1, 2]', '+U[1, 1, 2]', '+U[2, 1, 3]',
    ]);
    const keys = [1, 2, 3, 4, 5, 4, 3].map((k, i) => [i, k, 0, null]);
    expect(run(q(4), keys)).toEqual([
      '+I[1, 1, 1]', '+I[2, 1, 2]', '+I[3, 1, 3]', '+I[4, 1, 4]', '-U[1, 1, 1]', '-U[4, 1, 4]', '+U[4, 2, 1]', '-U[2, 1, 2]', '+U[1, 1, 2]', '-U[3, 1, 3]', '+U[2, 1, 3]', '+U[3, 1, 4]',
      '-U[4, 2, 1]', '-U[3, 1, 4]', '+U[3, 2, 1]', '-U[1, 1, 2]', '+U[4, 2, 2]', '-U[2, 1, 3]', '+U[1, 1, 3]', '+U[2, 1, 4]',
    ]);
    // a row that left the top N comes back as a new row: each rank's -U/+U in turn, no retraction of its old rank
    expect(run(q(3), keys)).toEqual([
      '+I[1, 1, 1]', '+I[2, 1, 2]', '+I[3, 1, 3]', '-U[1, 1, 1]', '+U[4, 2, 1]', '-U[2, 1, 2]', '+U[1, 1, 2]', '-U[3, 1, 3]', '+U[2, 1, 3]',
      '-U[4, 2, 1]', '+U[3, 2, 1]', '-U[1, 1, 2]', '+U[4, 2, 2]', '-U[2, 1, 3]', '+U[1, 1, 3]',
    ]);
  });

  test('an insert-only top 1 without a row number replaces its row with -U/+U (Flink\'s fast top-1), a top 2 with -D/+I', () => {
    // Flink 1.20.1 printed these (differential topn seed 1208505 found -D/+I for the top 1)
    const rows = [[1, 1, null, null], [1, 1, 0, null], [2, 1, 5, null], [3, 1, 3, null]];
    const ranked = (filter: string, partition = '') => `${TABLE}SELECT k, id, v FROM (SELECT *, ROW_NUMBER() OVER (${partition}ORDER BY v DESC) AS rn FROM t) WHERE ${filter};`;
    const top1 = ['+I[1, 1, null]', '-U[1, 1, null]', '+U[1, 1, 0]', '-U[1, 1, 0]', '+U[1, 2, 5]'];
    expect(run(ranked('rn = 1'), rows)).toEqual(top1);
    expect(run(ranked('rn = 1', 'PARTITION BY k '), rows)).toEqual(top1);
    expect(run(`${TABLE}SELECT k, id, v FROM t ORDER BY v DESC LIMIT 1;`, rows)).toEqual(top1);
    expect(run(ranked('rn <= 2'), rows)).toEqual(['+I[1, 1, null]', '+I[1, 1, 0]', '-D[1, 1, null]', '+I[1, 2, 5]', '-D[1, 1, 0]', '+I[1, 3, 3]']);
  });

  test('a changelog source: the retracting algorithm', () => {
    const rows = [
      { kind: '+I', row: [1, 1, 5] }, { kind: '+I', row: [2, 1, 3] }, { kind: '+I', row: [3, 1, 4] },
      { kind: '-U', row: [2, 1, 3] }, { kind: '+U', row: [2, 1, 8] }, { kind: '-D', row: [2, 1, 8] }, { kind: '+I', row: [4, 1, 1] },
    ];
    expect(run(`${CHANGES}SELECT id, v FROM t ORDER BY v DESC LIMIT 2;`, rows)).toEqual(['+I[1, 5]', '+I[2, 3]', '-D[2, 3]', '+I[3, 4]', '-D[3, 4]', '+I[2, 8]', '-D[2, 8]', '+I[3, 4]']);
    expect(run(`${CHANGES}SELECT id, v FROM t ORDER BY v DESC LIMIT 1;`, rows)).toEqual(['+I[1, 5]', '-D[1, 5]', '+I[2, 8]', '-D[2, 8]', '+I[1, 5]']);
    const ranked = [{ kind: '+I', row: [4, 1, 3] }, { kind: '+I', row: [1, 1, 5] }, { kind: '+I', row: [2, 1, 2] }, { kind: '-U', row: [4, 1, 3] }, { kind: '+U', row: [4, 1, 9] }];
    expect(run(`${CHANGES}SELECT id, k, v, rn FROM (SELECT *, ROW_NUMBER() OVER (ORDER BY v, id) AS rn FROM t) WHERE rn BETWEEN 2 AND 3;`, ranked))
      .toEqual(['+I[1, 1, 5, 2]', '-U[1, 1, 5, 2]', '+U[4, 1, 3, 2]', '+I[1, 1, 5, 3]', '-U[4, 1, 3, 2]', '+U[1, 1, 5, 2]', '-D[1, 1, 5, 3]', '+I[4, 1, 9, 3]']);
  });

  test('what Flink 1.20.1 does differently and is not reproduced is FTS7001', () => {
    // an offset without a row-number column: Flink emits no change for a retraction inside the range
    expect(code(() => run(`${CHANGES}SELECT id, k, v FROM t ORDER BY v, id LIMIT 2 OFFSET 1;`, []))).toBe('FTS7001');
    expect(code(() => run(`${CHANGES}SELECT id, k, v FROM (SELECT *, ROW_NUMBER() OVER (ORDER BY v, id) AS rn FROM t) WHERE rn BETWEEN 2 AND 3;`, []))).toBe('FTS7001');
    // the update-fast top 1 replaces its row with -U/+U; offsets there are not reproduced
    expect(code(() => run(`${TABLE}SELECT k, COUNT(*) AS n FROM t GROUP BY k ORDER BY n DESC, k LIMIT 1;`, []))).toBe('FTS7001');
    expect(code(() => run(`${TABLE}SELECT k, COUNT(*) AS n FROM t GROUP BY k ORDER BY n DESC LIMIT 2 OFFSET 1;`, []))).toBe('FTS7001');
    // SUM under a WHERE: Flink derives the sign of its values from the filter, the local planner cannot
    expect(code(() => run(`${TABLE}SELECT k, SUM(v) AS total FROM t WHERE v > 0 GROUP BY k ORDER BY total DESC LIMIT 2;`, []))).toBe('FTS7001');
  });
});
