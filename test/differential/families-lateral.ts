/**
 * Correlated sub-queries as Flink 1.20.1 decorrelates them: LATERAL sub-queries (CROSS JOIN / comma / LEFT JOIN …
 * ON TRUE or ON a condition), plain and aggregating (global or grouped), and correlated scalar sub-queries in the
 * select list or in WHERE (COUNT reads 0 for a key without rows), correlated by equalities or otherwise (a value
 * generator), and EXISTS / NOT EXISTS / IN / NOT IN correlated otherwise than by equalities (semi / anti joins on
 * the condition), EXISTS / NOT EXISTS under OR (a LEFT JOIN with the distinct correlation keys), over append or
 * changelog inputs, and an outer NOT NULL column the correlation does not read in a LATERAL sub-query's select
 * list, a derived table in the sub-query's FROM correlated in its WHERE, and LEFT JOIN LATERAL … ON TRUE of one
 * aggregate column (a scalar sub-query to Flink). Two sources interleave as Flink does not fix, so the final tables
 * are compared.
 */
import fc from 'fast-check';
import type { FamilyCase } from './family-case.js';

const QUERIES = [
  'SELECT a.id, a.x, t.bid, t.bs FROM a, LATERAL (SELECT id AS bid, s AS bs FROM b WHERE b.x = a.x) t;',
  "SELECT a.id, t.bid FROM a CROSS JOIN LATERAL (SELECT id AS bid FROM b WHERE b.x = a.x AND b.s = a.s AND b.id <> 3) AS t;",
  'SELECT a.id, t.bid, t.y FROM a LEFT JOIN LATERAL (SELECT id AS bid, x * 10 AS y FROM b WHERE a.x = b.x) t ON TRUE;',
  'SELECT a.id, t.bid FROM a LEFT JOIN LATERAL (SELECT id AS bid FROM b WHERE b.x = a.x) t ON t.bid > a.id;',
  'SELECT a.id, t.c, t.m FROM a, LATERAL (SELECT COUNT(*) AS c, MAX(id) AS m FROM b WHERE b.x = a.x) t;',
  'SELECT a.id, t.c, t.c1, t.m FROM a LEFT JOIN LATERAL (SELECT COUNT(*) AS c, COUNT(*) + 1 AS c1, MAX(id) AS m FROM b WHERE b.x = a.x) t ON TRUE;',
  'SELECT a.id, t.bs, t.n FROM a LEFT JOIN LATERAL (SELECT s AS bs, SUM(id) AS n FROM b WHERE b.x = a.x GROUP BY s) t ON t.n > 2;',
  'SELECT a.id, (SELECT COUNT(*) FROM b WHERE b.x = a.x) AS c, (SELECT SUM(id) FROM b WHERE b.x = a.x) AS t FROM a;',
  'SELECT a.id, (SELECT COUNT(*) + 1 FROM b WHERE b.x = a.x AND b.s = a.s) AS c, (SELECT COALESCE(MAX(b.id), -1) FROM b WHERE b.id < 5 AND b.x = a.x) AS m FROM a WHERE a.id > 1;',
  'SELECT a.id, a.x FROM a WHERE a.id > (SELECT MAX(b.id) FROM b WHERE b.x = a.x);',
  'SELECT a.id, a.x FROM a WHERE a.x = (SELECT COUNT(*) FROM b WHERE b.s = a.s) OR a.id = 1;',
  'SELECT a.id, a.s FROM a WHERE a.id < (SELECT SUM(b.id) FROM b) AND a.s IS NOT NULL;',
  // correlations other than equalities: Flink joins the sub-query with the outer rows' distinct values (LATERAL,
  // scalar) or runs a semi / anti join on the condition (EXISTS, IN)
  'SELECT a.id, t.bid FROM a, LATERAL (SELECT id AS bid FROM b WHERE b.x > a.x) t;',
  'SELECT a.id, t.bid, t.bs FROM a LEFT JOIN LATERAL (SELECT id AS bid, s AS bs FROM b WHERE b.x >= a.x AND b.s = a.s) t ON TRUE;',
  'SELECT a.id, t.c, t.m FROM a, LATERAL (SELECT COUNT(*) AS c, MAX(id) AS m FROM b WHERE b.x BETWEEN a.x AND a.id) t;',
  'SELECT a.id, t.bs, t.n FROM a LEFT JOIN LATERAL (SELECT s AS bs, SUM(id) AS n FROM b WHERE b.id < a.id GROUP BY s) t ON t.n > 1;',
  'SELECT a.id, (SELECT COUNT(*) FROM b WHERE b.x < a.x OR b.s = a.s) AS c FROM a;',
  'SELECT a.id, (SELECT MAX(b.id) FROM b WHERE b.x < a.x AND b.s = a.s) AS m FROM a WHERE a.id > 1;',
  'SELECT a.id, a.x FROM a WHERE a.id >= (SELECT MIN(b.id) FROM b WHERE b.x <> a.x);',
  'SELECT a.id FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.x > a.x);',
  'SELECT a.id, a.s FROM a WHERE NOT EXISTS (SELECT 1 FROM b WHERE b.x BETWEEN a.x AND a.id AND b.s = a.s);',
  'SELECT a.id FROM a WHERE a.x IN (SELECT b.x FROM b WHERE b.id > a.id);',
  'SELECT a.id, a.x FROM a WHERE a.x NOT IN (SELECT b.x FROM b WHERE b.id < a.id) AND a.id <> 2;',
  'SELECT a.id FROM a WHERE a.s IN (SELECT b.s FROM b WHERE b.x = a.x) AND EXISTS (SELECT 1 FROM b WHERE b.id <> a.id AND b.s = a.s);',
  // EXISTS / NOT EXISTS under OR: a LEFT JOIN with the sub-query's distinct correlation keys, read as "a key matched"
  'SELECT a.id FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.x = a.x) OR a.id = 4;',
  'SELECT a.id, a.s FROM a WHERE a.id = 4 OR NOT EXISTS (SELECT 1 FROM b WHERE b.x = a.x AND b.s = a.s);',
  'SELECT a.id FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.x = a.x) OR EXISTS (SELECT 1 FROM b WHERE b.s = a.s AND b.id > 2);',
  'SELECT a.id, a.x FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.x > a.x) OR a.id = 4;',
  "SELECT a.id FROM a WHERE a.x > 0 AND (a.s = 'q' OR NOT EXISTS (SELECT b.id FROM b WHERE b.x < a.x AND b.s = a.s));",
  // an outer NOT NULL column the correlation does not read, in a LATERAL sub-query's select list (where Flink is right)
  'SELECT a.id, t.y FROM a, LATERAL (SELECT b.id + a.id AS y FROM b WHERE b.x = a.x) t;',
  'SELECT a.id, t.y, t.bs FROM a, LATERAL (SELECT b.id * 10 + a.id AS y, b.s AS bs FROM b WHERE b.x > a.x) t;',
  "SELECT a.id, t.y FROM a, LATERAL (SELECT a.id * 10 AS y FROM b WHERE b.s = 'q') t;",
  'SELECT a.id, t.y, t.z FROM a LEFT JOIN LATERAL (SELECT b.id + a.id AS y, CAST(a.id AS STRING) AS z FROM b WHERE b.x = a.x AND b.s = a.s) t ON TRUE;',
  // a derived table in the sub-query's FROM correlated in its WHERE
  'SELECT a.id, t.bid FROM a, LATERAL (SELECT u.id AS bid FROM (SELECT * FROM b WHERE b.x = a.x) u WHERE u.id > 1) t;',
  'SELECT a.id, t.c FROM a LEFT JOIN LATERAL (SELECT COUNT(*) AS c FROM (SELECT * FROM b WHERE b.x = a.x) u) t ON TRUE;',
  'SELECT a.id, (SELECT MAX(u.id) FROM (SELECT * FROM b WHERE b.s = a.s) u WHERE u.x > 0) AS m FROM a;',
  'SELECT a.id FROM a WHERE EXISTS (SELECT 1 FROM (SELECT * FROM b WHERE b.x = a.x) u WHERE u.s IS NOT NULL);',
  'SELECT a.id FROM a WHERE NOT EXISTS (SELECT 1 FROM (SELECT * FROM b WHERE b.x > a.x) u) OR a.id = 1;',
  // LEFT JOIN LATERAL … ON TRUE of one aggregate column: Flink plans it as a scalar sub-query (COUNT reads 0)
  'SELECT a.id, t.c FROM a LEFT JOIN LATERAL (SELECT COUNT(*) AS c FROM b WHERE b.x = a.x) t ON TRUE;',
  'SELECT a.id, t.c FROM a LEFT JOIN LATERAL (SELECT COUNT(*) + 1 AS c FROM b WHERE b.x > a.x AND b.s = a.s) t ON TRUE;',
  'SELECT a.id, t.m FROM a LEFT JOIN LATERAL (SELECT MAX(id) AS m FROM b WHERE b.x = a.x) t ON TRUE;',
];

const side = fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 2 })), fc.oneof(fc.constant(null), fc.constantFrom('p', 'q'))), { maxLength: 7 });

/** Rows as a changelog keyed by the first field: a repeated key updates the previous row. */
function keyed(rows: readonly (readonly unknown[])[]): unknown[] {
  const live = new Map<unknown, readonly unknown[]>();
  const out: unknown[] = [];
  for (const r of rows) {
    const old = live.get(r[0]);
    if (old) out.push({ kind: '-U', row: old }, { kind: '+U', row: r });
    else out.push({ kind: '+I', row: r });
    live.set(r[0], r);
  }
  return out;
}

export const lateralCase: fc.Arbitrary<FamilyCase> = fc
  .record({ changelog: fc.boolean(), a: side, b: side, query: fc.constantFrom(...QUERIES) })
  .map(({ changelog, a, b, query }) => {
    const table = (name: string) => `CREATE TABLE ${name} (id INT NOT NULL, x INT, s STRING${changelog ? ', PRIMARY KEY (id) NOT ENFORCED' : ''}) WITH ('connector' = 'values'${changelog ? ", 'changelog-mode' = 'I,UB,UA,D'" : ''});`;
    const rows = (rs: readonly (readonly unknown[])[]) => (changelog ? keyed(rs) : rs);
    return { family: 'lateral', sql: `${table('a')}\n${table('b')}\n${query}`, inputs: { a: rows(a) as never, b: rows(b) as never }, compare: 'final' as const };
  });
