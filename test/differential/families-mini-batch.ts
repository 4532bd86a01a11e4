/**
 * Mini-batch group aggregations (`table.exec.mini-batch.*`, bundles ended by count, the allow-latency timer long
 * enough never to fire during the job): one or two phases, INT / BIGINT / STRING keys (short strings inline in
 * Flink's binary key, long ones not, NULL keys), over append or retracting inputs, nested aggregations; deduplication
 * on processing time (keep first / last) and TopN over bundled aggregations. The
 * changelog is compared in order: within a bundle, keys leave in the order of Flink's HashMap of binary keys.
 */
import fc from 'fast-check';
import type { FamilyCase } from './family-case.js';
import { positionKeyedTable } from './position-keyed-table.js';

const QUERIES = [
  'SELECT k, COUNT(*) AS c, SUM(v) AS x FROM t GROUP BY k;',
  'SELECT k, MIN(v) AS lo, MAX(v) AS hi, AVG(v) AS av FROM t WHERE v IS NULL OR v > 0 GROUP BY k;',
  'SELECT s, COUNT(DISTINCT v) AS d, COUNT(v) AS c FROM t GROUP BY s;',
  'SELECT s, k, SUM(v) AS x FROM t GROUP BY s, k;',
  'SELECT b, FIRST_VALUE(v) AS f, LAST_VALUE(s) AS l FROM t GROUP BY b;',
  'SELECT COUNT(*) AS c, MAX(v) AS m FROM t;',
  'SELECT DISTINCT k, s FROM t;',
  'SELECT c, COUNT(*) AS n FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k) GROUP BY c;',
  'SELECT k, LISTAGG(s) AS l FROM t WHERE s IS NOT NULL GROUP BY k HAVING COUNT(*) > 1;',
  // deduplication on processing time (Flink's mini-batch deduplication) and TopN over bundled inputs
  'SELECT id, k, v FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY PROCTIME()) AS rn FROM t) WHERE rn = 1;',
  'SELECT id, s, v FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY s ORDER BY PROCTIME() DESC) AS rn FROM t) WHERE rn = 1;',
  'SELECT k, s FROM (SELECT k, s, ROW_NUMBER() OVER (PARTITION BY k, s ORDER BY PROCTIME() DESC) AS rn FROM t WHERE v IS NOT NULL) WHERE rn = 1;',
  'SELECT k, c FROM (SELECT k, c, ROW_NUMBER() OVER (ORDER BY c DESC, k) AS rn FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k)) WHERE rn <= 2;',
  'SELECT id, k, v, rn FROM (SELECT id, k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC) AS rn FROM t) WHERE rn <= 2;',
  'SELECT s, c, n FROM (SELECT s, c, n, ROW_NUMBER() OVER (PARTITION BY c ORDER BY n DESC) AS rn FROM (SELECT s, COUNT(*) AS c, SUM(v) AS n FROM t GROUP BY s)) WHERE rn = 1;',
];

const STRINGS = ['a', 'bc', 'seven77', 'eight888', 'a longer key than eight bytes', 'ä数'];

export const miniBatchCase: fc.Arbitrary<FamilyCase> = fc
  .record({
    changelog: fc.boolean(),
    size: fc.integer({ min: 1, max: 5 }),
    onePhase: fc.boolean(),
    query: fc.constantFrom(...QUERIES),
    rows: fc.array(fc.tuple(
      fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 7 })),
      fc.oneof(fc.constant(null), fc.integer({ min: -2, max: 9 })),
      fc.oneof(fc.constant(null), fc.constantFrom(...STRINGS)),
      fc.integer({ min: -3, max: 40_000_000_000 }),
    ), { minLength: 1, maxLength: 14 }),
  })
  .map(({ changelog, size, onePhase, query, rows }) => {
    const set = (k: string, v: string) => `SET '${k}' = '${v}';`;
    const sets = [
      set('table.exec.mini-batch.enabled', 'true'), set('table.exec.mini-batch.allow-latency', '1 h'), set('table.exec.mini-batch.size', String(size)),
      ...(onePhase ? [set('table.optimizer.agg-phase-strategy', 'ONE_PHASE')] : []),
    ];
    const { ddl, input } = positionKeyedTable(rows, changelog);
    return { family: 'minibatch', sql: `${sets.join('\n')}\n${ddl}\n${query}`, inputs: { t: input as never }, compare: 'order' as const };
  });
