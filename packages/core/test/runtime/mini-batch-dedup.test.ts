/**
 * Mini-batch (`table.exec.mini-batch.*`) with deduplication on processing time and TopN, with the changelog kept,
 * and the keep-last deduplication's equal rows: the changelogs Flink 1.20.1 printed for the same jobs and rows
 * (test/differential family `minibatch` checks such cases on Flink).
 */
import { describe, expect, test } from 'vitest';
import { runJob } from '@flinkts/core/testing';
import { code } from './error-code.js';

const MB = "SET 'table.exec.mini-batch.enabled' = 'true'; SET 'table.exec.mini-batch.allow-latency' = '1 h'; SET 'table.exec.mini-batch.size' = '3';\n";
const T = "CREATE TABLE t (id INT NOT NULL, k INT, v INT, s STRING, b BIGINT) WITH ('connector' = 'values');\n";
const rows = [[0, 1, 1, 'a', 0], [1, 2, 2, 'b', 0], [2, 1, 3, 'a', 0], [3, 3, 4, 'c', 0], [4, 1, 5, 'b', 0], [5, 2, 6, 'a', 0], [6, 1, 7, 'c', 0], [7, 3, 8, 'a', 0], [8, 2, 9, 'b', 0], [9, 1, 10, 'a', 0]];
const changelog = (sql: string, t: unknown[][] = rows): readonly string[] => runJob(sql, { inputs: { t } }).changelog();

describe('mini-batch deduplication and TopN', () => {
  test('keep-last on processing time: each key\'s last row of a bundle of 3 at its end, keys in the order of Flink\'s HashMap', () => {
    expect(changelog(`${MB}${T}SELECT k, id, v FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY PROCTIME() DESC) AS rn FROM t) WHERE rn = 1;`)).toEqual([
      '+I[2, 1, 2]', '+I[1, 2, 3]', '+I[3, 3, 4]', '-U[2, 1, 2]', '+U[2, 5, 6]', '-U[1, 2, 3]', '+U[1, 4, 5]', '-U[3, 3, 4]', '+U[3, 7, 8]',
      '-U[2, 5, 6]', '+U[2, 8, 9]', '-U[1, 4, 5]', '+U[1, 6, 7]', '-U[1, 6, 7]', '+U[1, 9, 10]',
    ]);
  });

  test('keep-first on processing time: a key\'s first row once, at the end of its bundle', () => {
    expect(changelog(`${MB}${T}SELECT s, id FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY s ORDER BY PROCTIME()) AS rn FROM t) WHERE rn = 1;`))
      .toEqual(['+I[b, 1]', '+I[a, 0]', '+I[c, 3]']);
  });

  test('a TopN reads the mini-batch aggregation\'s bundled changes', () => {
    expect(changelog(`${MB}${T}SELECT k, c FROM (SELECT k, c, ROW_NUMBER() OVER (ORDER BY c DESC, k) AS rn FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k)) WHERE rn <= 2;`)).toEqual([
      '+I[3, 1]', '+I[2, 1]', '-D[3, 1]', '+I[1, 2]', '-D[2, 1]', '+I[3, 2]', '-D[3, 2]', '+I[2, 2]', '-U[1, 2]', '+U[1, 3]', '-U[2, 2]', '+U[2, 3]', '-U[1, 3]', '+U[1, 5]',
    ]);
  });

  test('a regular join under mini-batch stays FTS7001 with the changelog kept, and says why', () => {
    expect(code(() => runJob(`${MB}${T}SELECT a.id, b.id FROM t a JOIN t b ON a.k = b.k;`, { inputs: { t: rows } }))).toBe('FTS7001');
    expect(() => runJob(`${MB}${T}SELECT a.id, b.id FROM t a JOIN t b ON a.k = b.k;`, { inputs: { t: rows } })).toThrow(/arrival order|order they arrive/);
  });
});

describe('keep-last deduplication on processing time, without mini-batch', () => {
  test('a last row equal to the kept one on the columns the query reads emits nothing (Flink prunes the others)', () => {
    // b is selected inside but not read above: rows 2 and 3 are equal on (k, s, v), as Flink keeps them
    const t = [[0, null, 1, null, 0], [1, null, 2, null, 0], [2, 1, 3, 'a', 0], [3, 1, 3, 'a', 5], [4, 1, 4, 'b', 0]];
    expect(changelog(`${T}SELECT k, s, v FROM (SELECT k, s, v, b, ROW_NUMBER() OVER (PARTITION BY k ORDER BY PROCTIME() DESC) AS rn FROM t) WHERE rn = 1;`, t))
      .toEqual(['+I[null, null, 1]', '-U[null, null, 1]', '+U[null, null, 2]', '+I[1, a, 3]', '-U[1, a, 3]', '+U[1, b, 4]']);
  });
});
