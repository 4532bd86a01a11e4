/**
 * fast-check generator of TopNs over updating inputs: ORDER BY … LIMIT [OFFSET] and ROW_NUMBER filters over a
 * group aggregation (Flink's update-fast or retract algorithm, chosen by the sort keys' monotonicity) or over a
 * changelog source (retract).
 */
import fc from 'fast-check';
import type { FamilyCase } from './family-case.js';
import { asChangelog } from './families-stateful.js';

const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof(fc.constant(null), a);

const QUERIES = [
  'SELECT k, COUNT(*) AS n FROM t GROUP BY k ORDER BY n DESC LIMIT 2;',
  'SELECT k, COUNT(*) AS n FROM t GROUP BY k ORDER BY n DESC, k LIMIT 1;',
  'SELECT k, COUNT(*) AS n FROM t GROUP BY k ORDER BY n, k LIMIT 2;',
  'SELECT k, MAX(v) AS m FROM t GROUP BY k ORDER BY m DESC LIMIT 2;',
  'SELECT k, MIN(v) AS m FROM t GROUP BY k ORDER BY m LIMIT 2;',
  'SELECT k, SUM(v) AS total FROM t GROUP BY k ORDER BY total DESC LIMIT 2;',
  'SELECT k, SUM(v) AS total FROM t GROUP BY k ORDER BY total DESC LIMIT 2 OFFSET 1;',
  'SELECT k, AVG(v) AS a FROM t GROUP BY k ORDER BY a LIMIT 1;',
  'SELECT k, n, rn FROM (SELECT k, n, ROW_NUMBER() OVER (ORDER BY n DESC) AS rn FROM (SELECT k, SUM(v) AS n FROM t GROUP BY k)) WHERE rn <= 2;',
  'SELECT k, n FROM (SELECT k, n, ROW_NUMBER() OVER (ORDER BY n DESC) AS rn FROM (SELECT k, COUNT(*) AS n FROM t GROUP BY k)) WHERE rn <= 2;',
  'SELECT k, n FROM (SELECT k, n, ROW_NUMBER() OVER (ORDER BY n) AS rn FROM (SELECT k, MAX(v) AS n FROM t GROUP BY k)) WHERE rn <= 2;',
];

export const rankUpdatingCase: fc.Arbitrary<FamilyCase> = fc
  .record({
    changelog: fc.boolean(),
    rows: fc.array(fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 4 }), maybe(fc.integer({ min: -5, max: 9 }))), { minLength: 1, maxLength: 10 }),
    deletes: fc.array(fc.boolean(), { maxLength: 10 }),
    query: fc.constantFrom(...QUERIES, 'SELECT id, v FROM t ORDER BY v DESC LIMIT 2;', 'SELECT id, k, v, rn FROM (SELECT *, ROW_NUMBER() OVER (ORDER BY v, id) AS rn FROM t) WHERE rn BETWEEN 2 AND 3;'),
  })
  .map(({ changelog, rows, deletes, query }) => {
    const ddl = `CREATE TABLE t (id INT NOT NULL, k INT, v INT${changelog ? ', PRIMARY KEY (id) NOT ENFORCED' : ''}) WITH ('connector' = 'values'${changelog ? ", 'changelog-mode' = 'I,UB,UA,D'" : ''});`;
    const input = changelog ? asChangelog(rows, deletes) : rows;
    return { family: 'rankupdating', sql: `${ddl}\n${query}`, inputs: { t: input as never }, compare: 'order' as const };
  });
