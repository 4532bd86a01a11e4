/**
 * Mini-batch group aggregations (`table.exec.mini-batch.*`, bundles ended by count, the allow-latency timer long
 * enough never to fire during the job): one or two phases, INT / BIGINT / STRING keys (short strings inline in
 * Flink's binary key, long ones not, NULL keys), over append or retracting inputs, nested aggregations; deduplication
 * on processing time (keep first / last) and TopN over bundled aggregations. The
 * changelog is compared in order: within a bundle, keys leave in the order of Flink's HashMap of binary keys.
 *
 * With a WATERMARK (`timedCase`): window TVF aggregations (TUMBLE, HOP, CUMULATE; two phases, or one), a group
 * aggregation over a window aggregation, deduplications on event time (keep first / last), and a group aggregation
 * over the watermarked table (whose watermarks Flink's ProcTime assigner drops). Times span a few hours and the
 * `allow-latency` intervals (10 min to 1 h) are shorter, so the watermarks Flink holds back to interval boundaries
 * fire windows, end bundles and make rows late in the middle of the input.
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

const plainCase: fc.Arbitrary<FamilyCase> = fc
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

const TIMED_QUERIES: readonly { readonly sql: string; readonly compare: FamilyCase['compare'] }[] = [
  // window aggregations: different keys' windows fire at one watermark in no order the local runtime fixes
  { sql: "SELECT k, window_start, window_end, COUNT(*) AS c, SUM(v) AS x, MAX(v) AS m FROM TABLE(TUMBLE(TABLE ev, DESCRIPTOR(ts), INTERVAL '20' MINUTE)) GROUP BY k, window_start, window_end;", compare: 'key' },
  { sql: "SELECT k, window_start, window_end, COUNT(v) AS c, MIN(v) AS lo FROM TABLE(HOP(TABLE ev, DESCRIPTOR(ts), INTERVAL '15' MINUTE, INTERVAL '45' MINUTE)) GROUP BY k, window_start, window_end;", compare: 'key' },
  { sql: "SELECT k, window_start, window_end, SUM(v) AS x, AVG(v) AS av FROM TABLE(CUMULATE(TABLE ev, DESCRIPTOR(ts), INTERVAL '10' MINUTE, INTERVAL '30' MINUTE)) GROUP BY k, window_start, window_end;", compare: 'key' },
  { sql: "SELECT window_start, window_end, COUNT(*) AS c, MAX(v) AS m FROM TABLE(TUMBLE(TABLE ev, DESCRIPTOR(ts), INTERVAL '30' MINUTE)) GROUP BY window_start, window_end;", compare: 'order' },
  { sql: "SELECT window_start, FIRST_VALUE(v) AS f, LAST_VALUE(v) AS l FROM TABLE(TUMBLE(TABLE ev, DESCRIPTOR(ts), INTERVAL '30' MINUTE)) GROUP BY window_start, window_end;", compare: 'order' },
  { sql: "SELECT c, COUNT(*) AS n FROM (SELECT window_start, COUNT(*) AS c FROM TABLE(TUMBLE(TABLE ev, DESCRIPTOR(ts), INTERVAL '20' MINUTE)) GROUP BY window_start, window_end) GROUP BY c;", compare: 'key' },
  // deduplication on event time, in bundles that watermarks also end
  { sql: 'SELECT k, v, ts FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY ts DESC) AS rn FROM ev) WHERE rn = 1;', compare: 'order' },
  { sql: 'SELECT k, v, ts FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY ts) AS rn FROM ev) WHERE rn = 1;', compare: 'order' },
  { sql: 'SELECT v, k, ts FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY v ORDER BY ts DESC) AS rn FROM ev) WHERE rn = 1;', compare: 'order' },
  // a group aggregation over a watermarked table (ProcTime assigner: its watermarks do not end bundles)
  { sql: 'SELECT k, COUNT(*) AS c, SUM(v) AS x FROM ev GROUP BY k;', compare: 'order' },
];

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
/** A time `sec` seconds after 2024-01-01 00:00 (within a day). */
const time = (sec: number): string => `2024-01-01 ${pad(Math.floor(sec / 3600))}:${pad(Math.floor(sec / 60) % 60)}:${pad(sec % 60)}.000`;

const timedCase: fc.Arbitrary<FamilyCase> = fc
  .record({
    size: fc.integer({ min: 1, max: 5 }),
    onePhase: fc.boolean(),
    latency: fc.constantFrom('1 h', '30 min', '10 min'),
    delay: fc.constantFrom(0, 5, 20),
    query: fc.constantFrom(...TIMED_QUERIES),
    rows: fc.array(fc.tuple(
      fc.integer({ min: 1, max: 4 }),
      fc.oneof(fc.constant(null), fc.integer({ min: -2, max: 9 })),
      // minutes over four hours, some repeated, some out of order
      fc.oneof(fc.integer({ min: 0, max: 16 }).map((q) => q * 900), fc.integer({ min: 0, max: 14_400 })),
    ), { minLength: 1, maxLength: 14 }),
  })
  .map(({ size, onePhase, latency, delay, query, rows }) => {
    const set = (k: string, v: string) => `SET '${k}' = '${v}';`;
    const sets = [
      set('table.exec.mini-batch.enabled', 'true'), set('table.exec.mini-batch.allow-latency', latency), set('table.exec.mini-batch.size', String(size)),
      ...(onePhase ? [set('table.optimizer.agg-phase-strategy', 'ONE_PHASE')] : []),
    ];
    const ddl = `CREATE TABLE ev (k INT, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '${delay}' MINUTE) WITH ('connector' = 'values');`;
    return { family: 'minibatch', sql: `${sets.join('\n')}\n${ddl}\n${query.sql}`, inputs: { ev: rows.map(([k, v, sec]) => [k, v, time(sec)]) }, compare: query.compare };
  });

export const miniBatchCase: fc.Arbitrary<FamilyCase> = fc.oneof(plainCase, timedCase);
