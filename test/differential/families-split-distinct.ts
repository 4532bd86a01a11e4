/**
 * `table.optimizer.distinct-agg.split.enabled`: group aggregations with DISTINCT aggregates (and COUNT / SUM / MIN /
 * MAX beside them), which Flink 1.20.1 splits into a partial aggregation per `MOD(HASH_CODE(v), 1024)` bucket and a
 * final one, with an Expand when there are several bucketed arguments; FIRST_VALUE / LAST_VALUE and FILTER clauses; INT (negative and colliding buckets), BIGINT and STRING
 * arguments with NULLs, over append or retracting inputs. One source: the changelog is compared in order.
 */
import fc from 'fast-check';
import type { FamilyCase } from './family-case.js';
import { positionKeyedTable } from './position-keyed-table.js';

const QUERIES = [
  'SELECT k, COUNT(DISTINCT v) AS c FROM t GROUP BY k;',
  'SELECT k, COUNT(DISTINCT v) AS c, COUNT(*) AS n, SUM(v) AS x, MAX(v) AS m FROM t GROUP BY k;',
  'SELECT k, SUM(DISTINCT v) AS sd, MIN(v) AS lo, COUNT(v) AS c FROM t WHERE k IS NOT NULL GROUP BY k;',
  'SELECT COUNT(DISTINCT s) AS c, COUNT(*) AS n FROM t;',
  'SELECT k, COUNT(DISTINCT s) AS c, MAX(DISTINCT s) AS m FROM t GROUP BY k;',
  'SELECT s, COUNT(DISTINCT b) AS c, SUM(DISTINCT b) AS sb FROM t GROUP BY s;',
  // Flink's Expand: several bucketed arguments (DISTINCT, MIN / MAX of different columns), COUNT / SUM in their own set
  'SELECT k, COUNT(DISTINCT v) AS c, COUNT(DISTINCT s) AS d FROM t GROUP BY k;',
  'SELECT k, COUNT(DISTINCT v) AS c, MAX(b) AS m, COUNT(*) AS n FROM t GROUP BY k;',
  'SELECT COUNT(DISTINCT v) AS c, SUM(DISTINCT b) AS d, COUNT(*) AS n FROM t;',
  'SELECT k, COUNT(*) AS n, MIN(b) AS m, SUM(DISTINCT v) AS c FROM t GROUP BY k;',
  'SELECT s, COUNT(DISTINCT v) AS c, COUNT(DISTINCT b) AS d, MAX(k) AS m, SUM(v) AS x FROM t GROUP BY s;',
  'SELECT k, COUNT(DISTINCT s) AS c, COUNT(DISTINCT v) AS d, MIN(s) AS lo FROM t WHERE v IS NULL OR v > -2 GROUP BY k;',
  // AVG: a $SUM0 and a COUNT in both phases, divided after the final aggregation
  'SELECT k, COUNT(DISTINCT v) AS c, AVG(b) AS a FROM t GROUP BY k;',
  'SELECT k, COUNT(DISTINCT s) AS c, AVG(v) AS a, MAX(b) AS m FROM t GROUP BY k;',
  // FIRST_VALUE / LAST_VALUE: bucketed like MIN / MAX, FIRST_VALUE_RETRACT / LAST_VALUE_RETRACT in the final phase
  'SELECT k, COUNT(DISTINCT v) AS c, FIRST_VALUE(s) AS f FROM t GROUP BY k;',
  'SELECT k, COUNT(DISTINCT v) AS c, LAST_VALUE(s) AS l, LAST_VALUE(b) AS lb FROM t GROUP BY k;',
  'SELECT k, FIRST_VALUE(DISTINCT s) AS f, LAST_VALUE(DISTINCT v) AS l FROM t GROUP BY k;',
  'SELECT COUNT(DISTINCT s) AS c, LAST_VALUE(v) AS l FROM t;',
  // FILTER: each partial call filtered by its own FILTER (and its Expand set)
  'SELECT k, COUNT(DISTINCT v) FILTER (WHERE b > 0) AS c, COUNT(*) AS n FROM t GROUP BY k;',
  "SELECT k, COUNT(DISTINCT v) AS c, SUM(v) FILTER (WHERE s = 'a') AS x FROM t GROUP BY k;",
  'SELECT k, COUNT(DISTINCT v) FILTER (WHERE b > 0) AS c, COUNT(DISTINCT v) AS d FROM t GROUP BY k;',
  "SELECT k, COUNT(DISTINCT v) FILTER (WHERE b > 0) AS c, COUNT(DISTINCT s) AS d, MAX(b) FILTER (WHERE v > 1) AS m, AVG(v) FILTER (WHERE s <> 'a') AS a FROM t GROUP BY k;",
  'SELECT k, MAX(s) FILTER (WHERE v > 0) AS m, COUNT(DISTINCT v) AS d, FIRST_VALUE(b) FILTER (WHERE v > 0) AS f FROM t GROUP BY k;',
  'SELECT s, LAST_VALUE(v) FILTER (WHERE b <> 0) AS l, COUNT(DISTINCT k) AS c FROM t WHERE v IS NOT NULL GROUP BY s;',
];

export const splitDistinctCase: fc.Arbitrary<FamilyCase> = fc
  .record({
    changelog: fc.boolean(),
    query: fc.constantFrom(...QUERIES),
    rows: fc.array(fc.tuple(
      fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 3 })),
      fc.oneof(fc.constant(null), fc.constantFrom(-1025, -1, 0, 1, 2, 1024, 1025, 2048, 7)),
      fc.oneof(fc.constant(null), fc.constantFrom('a', 'b', 'a longer string', 'ä数')),
      fc.oneof(fc.constant(null), fc.constantFrom(-1, 0, 1, 4294967296, 40000000000)),
    ), { minLength: 1, maxLength: 12 }),
  })
  .map(({ changelog, query, rows }) => {
    const { ddl, input } = positionKeyedTable(rows, changelog);
    return { family: 'splitdistinct', sql: `SET 'table.optimizer.distinct-agg.split.enabled' = 'true';\n${ddl}\n${query}`, inputs: { t: input as never }, compare: 'order' as const };
  });
