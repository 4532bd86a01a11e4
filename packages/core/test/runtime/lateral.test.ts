/**
 * Correlated sub-queries on the local runtime, decorrelated as Flink 1.20.1 plans them (a join with the sub-query's
 * rows on the correlation keys; test/differential/families-lateral.ts compares them with Flink): LATERAL sub-queries,
 * LEFT JOIN LATERAL … ON a condition, correlated scalar sub-queries, and what is refused.
 */
import { describe, expect, test } from 'vitest';
import { runJob } from '../../src/testing/index.js';

const DDL = `
CREATE TABLE a (id INT NOT NULL, x INT, s STRING) WITH ('connector' = 'values');
CREATE TABLE b (id INT NOT NULL, x INT, s STRING) WITH ('connector' = 'values');
`;
const A = [[1, 1, 'p'], [2, 2, 'q'], [3, null, 'p'], [4, 1, null]];
const B = [[1, 1, 'p'], [2, 1, 'q'], [3, 3, 'p'], [5, null, 'q']];

const final = (query: string): string[] => [...runJob(`${DDL}${query}`, { inputs: { a: A, b: B }, engine: 'local' }).table('result')].map(String).sort();

function code(query: string): string {
  try {
    runJob(`${DDL}${query}`, { inputs: { a: A, b: B }, engine: 'local' });
  } catch (e) {
    return `${(e as { diagnostics?: { code: string }[] }).diagnostics?.[0]?.code}: ${(e as Error).message}`;
  }
  return 'ran';
}

describe('LATERAL sub-queries', () => {
  test('an inner LATERAL join keeps the outer rows with sub-query rows for their key (a NULL key matches nothing)', () => {
    expect(final('SELECT a.id, t.bid FROM a, LATERAL (SELECT id AS bid FROM b WHERE b.x = a.x) t;')).toEqual(['1, 1', '1, 2', '4, 1', '4, 2']);
  });

  test('an aggregating LATERAL sub-query is grouped by the keys: an outer row whose key has no rows is dropped by the inner join', () => {
    // a.id 2 (x = 2, no b rows) and 3 (x NULL) have no row, as in Flink's plan (GroupAggregate by x, inner join)
    expect(final('SELECT a.id, t.c FROM a, LATERAL (SELECT COUNT(*) AS c FROM b WHERE b.x = a.x) t;')).toEqual(['1, 2', '4, 2']);
  });

  test('LEFT JOIN LATERAL … ON TRUE pads; the sub-query\'s select list is computed before the join (COUNT reads NULL there)', () => {
    expect(final('SELECT a.id, t.c, t.c1 FROM a LEFT JOIN LATERAL (SELECT COUNT(*) AS c, COUNT(*) + 1 AS c1 FROM b WHERE b.x = a.x) t ON TRUE;'))
      .toEqual(['1, 2, 3', '2, null, null', '3, null, null', '4, 2, 3']);
  });

  test('LEFT JOIN LATERAL … ON a condition joins only the sub-query rows that satisfy it, padding the others', () => {
    expect(final('SELECT a.id, t.bid FROM a LEFT JOIN LATERAL (SELECT id AS bid FROM b WHERE b.x = a.x) t ON t.bid > a.id;'))
      .toEqual(['1, 2', '2, null', '3, null', '4, null']);
  });

  test('a correlation other than equalities is FTS7001 (Flink joins the outer rows\' distinct values)', () => {
    expect(code('SELECT a.id, t.bid FROM a, LATERAL (SELECT id AS bid FROM b WHERE b.x > a.x) t;'))
      .toMatch(/^FTS7001: .*a sub-query correlated other than by equalities/);
    expect(code('SELECT a.id, t.y FROM a, LATERAL (SELECT a.x + b.id AS y FROM b WHERE b.x = a.x) t;'))
      .toMatch(/^FTS7001: .*a column of the enclosing query in the sub-query's select list/);
  });
});

describe('correlated scalar sub-queries', () => {
  test('a LEFT join with the aggregation by the keys: NULL for a key without rows, COUNT 0, the expression evaluated after the join', () => {
    expect(final('SELECT a.id, (SELECT COUNT(*) FROM b WHERE b.x = a.x) AS c, (SELECT SUM(id) FROM b WHERE b.x = a.x) AS t, (SELECT COUNT(*) + 1 FROM b WHERE b.x = a.x) AS c1, (SELECT COALESCE(MAX(id), 7) FROM b WHERE b.x = a.x AND b.s = a.s) AS m FROM a;'))
      .toEqual(['1, 2, 3, 3, 1', '2, 0, null, 1, 7', '3, 0, null, 1, 7', '4, 2, 3, 3, 7']);
  });

  test('in the select list of an aggregating query it is FTS7001 (Flink 1.20.1 fails to plan it)', () => {
    expect(code('SELECT a.x, (SELECT COUNT(*) FROM b WHERE b.x = a.x) AS c FROM a GROUP BY a.x;')).toMatch(/^FTS7001: .*aggregating query/);
  });
});

describe('LEFT JOIN UNNEST … ON a condition', () => {
  test('joins the elements that satisfy it; a row none satisfies is padded once', () => {
    const sql = `CREATE TABLE t (k INT, arr ARRAY<INT>) WITH ('connector' = 'values');
      SELECT k, e FROM t LEFT JOIN UNNEST(arr) AS u(e) ON e > 1;`;
    const run = runJob(sql, { inputs: { t: [[1, [1, 2, 3]], [2, []], [3, null], [4, [0, 1]]] }, engine: 'local' });
    expect(run.changelog('result')).toEqual(['+I[1, 2]', '+I[1, 3]', '+I[2, null]', '+I[3, null]', '+I[4, null]']);
  });
});
