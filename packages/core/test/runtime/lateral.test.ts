/**
 * Correlated sub-queries on the local runtime, decorrelated as Flink 1.20.1 plans them (a join with the sub-query's
 * rows on the correlation keys; test/differential/families-lateral.ts compares them with Flink): LATERAL sub-queries,
 * LEFT JOIN LATERAL … ON a condition, correlated scalar sub-queries, EXISTS under OR, and what is refused.
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

  test('LEFT JOIN LATERAL … ON TRUE of one aggregate column is a scalar sub-query to Flink 1.20.1: COUNT reads 0 without rows', () => {
    // as Flink gave it; with two columns (above) or an ON condition it pads with NULL
    expect(final('SELECT a.id, t.c FROM a LEFT JOIN LATERAL (SELECT COUNT(*) AS c FROM b WHERE b.x = a.x) t ON TRUE;')).toEqual(['1, 2', '2, 0', '3, 0', '4, 2']);
    expect(final('SELECT a.id, t.c FROM a LEFT JOIN LATERAL (SELECT COUNT(*) + 1 AS c FROM b WHERE b.x = a.x) t ON TRUE;')).toEqual(['1, 3', '2, 1', '3, 1', '4, 3']);
    expect(final('SELECT a.id, t.c FROM a LEFT JOIN LATERAL (SELECT COUNT(*) AS c FROM b WHERE b.x = a.x) t ON t.c < 5;')).toEqual(['1, 2', '2, null', '3, null', '4, 2']);
  });

  test('a derived table in the sub-query\'s FROM correlated in its WHERE is merged into the sub-query (as Flink 1.20.1 answered)', () => {
    expect(final('SELECT a.id, t.bid FROM a, LATERAL (SELECT u.id AS bid FROM (SELECT * FROM b WHERE b.x = a.x) u WHERE u.id > 1) t;')).toEqual(['1, 2', '4, 2']);
    expect(final('SELECT a.id FROM a WHERE EXISTS (SELECT 1 FROM (SELECT * FROM b WHERE b.x = a.x) u);')).toEqual(['1', '4']);
    // a sibling of the derived table in the same FROM stays out of its reach, as in Flink (which needs LATERAL)
    expect(code('SELECT a.id, u.x FROM a, (SELECT * FROM b WHERE b.x = a.x) u;')).toMatch(/^FTS4004: /);
  });

  test('LEFT JOIN LATERAL … ON a condition joins only the sub-query rows that satisfy it, padding the others', () => {
    expect(final('SELECT a.id, t.bid FROM a LEFT JOIN LATERAL (SELECT id AS bid FROM b WHERE b.x = a.x) t ON t.bid > a.id;'))
      .toEqual(['1, 2', '2, null', '3, null', '4, null']);
  });

  test('a correlation other than equalities joins the outer rows\' distinct values first (Flink\'s value generator)', () => {
    // a.id 3 (x NULL) matches nothing: its generator value is joined back on x = x0
    expect(final('SELECT a.id, t.bid FROM a, LATERAL (SELECT id AS bid FROM b WHERE b.x > a.x) t;')).toEqual(['1, 3', '2, 3', '4, 3']);
    expect(final('SELECT a.id, t.bid FROM a LEFT JOIN LATERAL (SELECT id AS bid FROM b WHERE b.x > a.x) t ON TRUE;')).toEqual(['1, 3', '2, 3', '3, null', '4, 3']);
    // mixed with an equality: both are the generator join's condition (a.id 4, s NULL, matches nothing)
    expect(final('SELECT a.id, t.bid FROM a, LATERAL (SELECT id AS bid FROM b WHERE b.x >= a.x AND b.s = a.s) t;')).toEqual(['1, 1', '1, 3']);
  });

  test('an aggregating sub-query correlated otherwise is grouped by the generator\'s values (the inner join drops a value without rows)', () => {
    expect(final('SELECT a.id, t.c FROM a, LATERAL (SELECT COUNT(*) AS c FROM b WHERE b.x > a.x) t;')).toEqual(['1, 1', '2, 1', '4, 1']);
    expect(final('SELECT a.id, t.c FROM a, LATERAL (SELECT COUNT(*) AS c FROM b WHERE b.x < a.x) t;')).toEqual(['2, 2']);
  });

  test('an outer NOT NULL column the correlation does not read, in the select list: computed after the join (as Flink 1.20.1 gave it)', () => {
    expect(final('SELECT a.id, t.y FROM a, LATERAL (SELECT b.id + a.id AS y FROM b WHERE b.x = a.x) t;')).toEqual(['1, 2', '1, 3', '4, 5', '4, 6']);
    expect(final('SELECT a.id, t.y FROM a, LATERAL (SELECT b.id + a.id AS y FROM b WHERE b.x > a.x) t;')).toEqual(['1, 4', '2, 5', '4, 7']);
    expect(final('SELECT a.id, t.y FROM a LEFT JOIN LATERAL (SELECT b.id + a.id AS y FROM b WHERE b.x = a.x) t ON TRUE;')).toEqual(['1, 2', '1, 3', '2, null', '3, null', '4, 5', '4, 6']);
  });

  test('where Flink 1.20.1 answers an outer column in the select list wrongly, it is FTS7001 and says why', () => {
    // Flink: a.x both in the select list and the WHERE drops or repeats rows; a nullable a.x loses an outer row whose x is NULL
    expect(code('SELECT a.id, t.y FROM a, LATERAL (SELECT a.x + b.id AS y FROM b WHERE b.x = a.x) t;'))
      .toMatch(/^FTS7001: .*column x both in the sub-query's select list and in its WHERE/);
    expect(code('SELECT a.id, t.y FROM a, LATERAL (SELECT b.id * 10 + a.x AS y FROM b WHERE b.s = a.s) t;'))
      .toMatch(/^FTS7001: .*nullable column x in the sub-query's select list .*NULL/);
  });
});

describe('correlated scalar sub-queries', () => {
  test('a LEFT join with the aggregation by the keys: NULL for a key without rows, COUNT 0, the expression evaluated after the join', () => {
    expect(final('SELECT a.id, (SELECT COUNT(*) FROM b WHERE b.x = a.x) AS c, (SELECT SUM(id) FROM b WHERE b.x = a.x) AS t, (SELECT COUNT(*) + 1 FROM b WHERE b.x = a.x) AS c1, (SELECT COALESCE(MAX(id), 7) FROM b WHERE b.x = a.x AND b.s = a.s) AS m FROM a;'))
      .toEqual(['1, 2, 3, 3, 1', '2, 0, null, 1, 7', '3, 0, null, 1, 7', '4, 2, 3, 3, 7']);
  });

  test('in WHERE: joined in the same way, the condition read over the value (COUNT 0 for a key without rows)', () => {
    expect(final('SELECT a.id FROM a WHERE a.id > (SELECT MAX(b.id) FROM b WHERE b.x = a.x);')).toEqual(['4']);
    expect(final('SELECT a.id FROM a WHERE a.id <= (SELECT MAX(b.id) FROM b WHERE b.x = a.x);')).toEqual(['1']);
    expect(final("SELECT a.id FROM a WHERE (SELECT COUNT(*) FROM b WHERE b.s = a.s) = 0;")).toEqual(['4']);
  });

  test('correlated otherwise than by equalities: the generator\'s values LEFT JOINed back, COUNT 0 without rows', () => {
    expect(final('SELECT a.id, (SELECT COUNT(*) FROM b WHERE b.x < a.x) AS c FROM a;')).toEqual(['1, 0', '2, 2', '3, 0', '4, 0']);
    expect(final('SELECT a.id, (SELECT MAX(b.id) FROM b WHERE b.x < a.x AND b.s = a.s) AS c FROM a;')).toEqual(['1, null', '2, 2', '3, null', '4, null']);
    expect(final('SELECT a.id FROM a WHERE a.id > (SELECT MAX(b.id) FROM b WHERE b.x > a.x);')).toEqual(['4']);
  });

  test('in the select list of an aggregating query it is FTS7001 (Flink 1.20.1 fails to plan it)', () => {
    expect(code('SELECT a.x, (SELECT COUNT(*) FROM b WHERE b.x = a.x) AS c FROM a GROUP BY a.x;')).toMatch(/^FTS7001: .*aggregating query/);
  });
});

describe('EXISTS / IN sub-queries correlated otherwise than by equalities', () => {
  test('a semi / anti join on the condition (equalities key it; a NULL key matches nothing)', () => {
    expect(final('SELECT a.id FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.x > a.x);')).toEqual(['1', '2', '4']);
    expect(final('SELECT a.id FROM a WHERE NOT EXISTS (SELECT 1 FROM b WHERE b.x BETWEEN a.x AND a.id AND b.s = a.s);')).toEqual(['2', '3', '4']);
  });

  test('a correlated IN is a semi join on x = y and the correlation; NOT IN keeps no row whose set holds a NULL', () => {
    expect(final('SELECT a.id FROM a WHERE a.x IN (SELECT b.x FROM b WHERE b.id > a.id);')).toEqual(['1']);
    // a.id 4's set is {NULL} (b.id 5), a.id 2's {3, NULL}: neither is kept; a.id 3's x is NULL
    expect(final('SELECT a.id FROM a WHERE a.x NOT IN (SELECT b.x FROM b WHERE b.id > a.id);')).toEqual([]);
    // a.id 4 (s NULL) has an empty set: kept
    expect(final('SELECT a.id FROM a WHERE a.x NOT IN (SELECT b.x FROM b WHERE b.s = a.s);')).toEqual(['4']);
  });

  test('the changelog of a semi join: a right row giving a left row its first match emits it once', () => {
    const run = runJob(`${DDL}SELECT a.id FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.x >= a.x);`, { inputs: { a: A, b: B }, engine: 'local' });
    // a's rows arrive first, unmatched; b.id 1 (x 1) matches a.id 1 and 4, b.id 3 (x 3) a.id 2
    expect(run.changelog('result')).toEqual(['+I[1]', '+I[4]', '+I[2]']);
  });
});

describe('EXISTS / NOT EXISTS under OR', () => {
  test('a LEFT JOIN with the distinct correlation keys, read as "a key matched" (final tables as Flink 1.20.1 gave them)', () => {
    expect(final('SELECT a.id FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.x = a.x) OR a.id = 3;')).toEqual(['1', '3', '4']);
    expect(final('SELECT a.id FROM a WHERE a.id = 1 OR NOT EXISTS (SELECT 1 FROM b WHERE b.x = a.x AND b.s = a.s);')).toEqual(['1', '2', '3', '4']);
    // correlated otherwise: the value generator's distinct outer values, as for LATERAL
    expect(final('SELECT a.id FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.x > a.x) OR a.s IS NULL;')).toEqual(['1', '2', '4']);
  });

  test('the changelog on the local engine (a, then b): an outer row joined padded is filtered out, and passes once its key gets a match', () => {
    const run = runJob(`${DDL}SELECT a.id FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.x = a.x) OR a.id = 3;`, { inputs: { a: A, b: B }, engine: 'local' });
    expect(run.changelog('result')).toEqual(['+I[3]', '+I[1]', '+I[4]']);
  });

  test('an uncorrelated EXISTS under OR stays FTS7001', () => {
    expect(code('SELECT a.id FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.x = 3) OR a.id = 3;')).toMatch(/^FTS7001: .*uncorrelated EXISTS/);
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
