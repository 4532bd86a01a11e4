import { describe, expect, it } from 'vitest';
import { LocalJob } from '../../src/runtime/job.js';
import { sqlScript } from '../../src/testing/oracle/sql-front-end.js';
import { runJob } from '../../src/testing/index.js';

const DDL = `
  CREATE TABLE t (k STRING, v INT, d DECIMAL(10, 2), r ROW<x INT, y STRING>, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'values');
  CREATE TABLE u (k STRING, w BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'values');
`;

const plannedFrom = (sql: string): readonly string[] => new LocalJob(sqlScript(DDL + sql)).plannedFrom;

describe('the runtime plans from the bound plan (plan/)', () => {
  it.each([
    ['a projection and a filter', 'SELECT k, v + 1 AS v1, UPPER(k) FROM t WHERE v > 0'],
    ['a ROW field read as r.x', 'SELECT t.r.x, r.y FROM t'],
    ['SELECT *', 'SELECT * FROM t'],
    ['SELECT without FROM', 'SELECT 1, CAST(NULL AS INT)'],
    ['VALUES', 'SELECT * FROM (VALUES (1, \'a\'), (2, \'bc\')) AS x(a, b)'],
    ['a group aggregation with HAVING', 'SELECT k, COUNT(*), SUM(d), LISTAGG(k, \'-\') FILTER (WHERE v > 1) FROM t GROUP BY k HAVING MAX(v) > 2'],
    ['a global aggregation', 'SELECT COUNT(DISTINCT k), AVG(v) FROM t'],
    ['SELECT DISTINCT', 'SELECT DISTINCT k FROM t'],
  ])('%s', (_, sql) => {
    expect(plannedFrom(`${sql};`)).toEqual(['plan']);
  });

  it.each([
    ['a window TVF aggregation', 'SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL \'1\' MINUTE)) GROUP BY window_start, window_end'],
    ['an OVER window', 'SELECT k, SUM(v) OVER (PARTITION BY k ORDER BY ts) FROM t'],
    ['an EXISTS sub-query', 'SELECT k FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.k = t.k)'],
    ['GROUPING SETS', 'SELECT k, v, COUNT(*) FROM t GROUP BY GROUPING SETS ((k), (v))'],
  ])('not yet: %s is planned from its AST', (_, sql) => {
    expect(plannedFrom(`${sql};`)).toEqual(['ast']);
  });

  it('types come from the binder: TRY_CAST is nullable and a DECIMAL cast keeps its nullability, as `check` types them', () => {
    const sql = `${DDL}SELECT TRY_CAST(v AS BIGINT) AS a, CAST(k AS DECIMAL(3, 1)) AS b FROM t;`;
    const job = new LocalJob(sqlScript(sql));
    expect(job.plannedFrom).toEqual(['plan']);
    const columns = job.run(new Map()).sinks.get('result')?.columns;
    expect(columns?.map((c) => [c.name, c.type.kind, c.type.nullable])).toEqual([['a', 'BIGINT', true], ['b', 'DECIMAL', true]]);
    expect(runJob(sql, { inputs: { t: [['1.5', 7, '1.50', null, '2024-01-01 00:00:00']] } }).table('result')).toEqual(['7, 1.5']);
  });
});
