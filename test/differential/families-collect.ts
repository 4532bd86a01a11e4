/**
 * fast-check generator of the collecting aggregates (COLLECT, ARRAY_AGG, JSON_ARRAYAGG, JSON_OBJECTAGG) in a group
 * aggregation over a table or a changelog (retractions), and in a window TVF aggregation.
 */
import fc from 'fast-check';
import type { FamilyCase } from './family-case.js';
import { asChangelog } from './families-stateful.js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const time = (ms: number) => `2024-01-01 00:00:${pad(Math.floor(ms / 1000))}.${pad(ms % 1000, 3)}`;
const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof(fc.constant(null), a);

const AGGS = [
  'COLLECT(s)', 'COLLECT(v)', 'COLLECT(DISTINCT v)', 'ARRAY_AGG(v)', 'ARRAY_AGG(s IGNORE NULLS)', 'ARRAY_AGG(DISTINCT s)',
  'JSON_ARRAYAGG(v)', 'JSON_ARRAYAGG(s NULL ON NULL)', 'JSON_ARRAYAGG(d)', 'ARRAY_AGG(d RESPECT NULLS)', 'COLLECT(v) FILTER (WHERE v > 2)',
  'COUNT(*)', 'JSON_OBJECTAGG(KEY CAST(id AS STRING) VALUE s)', 'JSON_OBJECTAGG(KEY CAST(id AS STRING) VALUE v ABSENT ON NULL)',
];

/** Rows (id, k, v, s, d, ts): ids unique per live row (JSON_OBJECTAGG keys), strings whose Java hashes share buckets ('a' and 'xy'). */
const rows = fc.array(
  fc.tuple(
    fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 2 }), maybe(fc.integer({ min: -3, max: 20 })),
    maybe(fc.constantFrom('a', 'b', 'xy', 'Aa', 'BB', 'é"')), maybe(fc.constantFrom(0.5, -2.25, 1e22, 0.1, 3)),
    fc.integer({ min: 0, max: 12 }).map((s) => time(s * 500)),
  ),
  { minLength: 1, maxLength: 9 },
);

export const collectCase: fc.Arbitrary<FamilyCase> = fc
  .record({
    shape: fc.constantFrom('table', 'changelog', 'window'),
    rows,
    deletes: fc.array(fc.boolean(), { maxLength: 9 }),
    aggs: fc.subarray(AGGS, { minLength: 1, maxLength: 3 }),
  })
  .map(({ shape, rows: rs, deletes, aggs }) => {
    const changelog = shape === 'changelog';
    const ddl = `CREATE TABLE t (id INT NOT NULL, k INT, v INT, s STRING, d DOUBLE, ts TIMESTAMP(3)${changelog ? ', PRIMARY KEY (id) NOT ENFORCED' : ", WATERMARK FOR ts AS ts - INTERVAL '1' SECOND"}) WITH ('connector' = 'values'${changelog ? ", 'changelog-mode' = 'I,UB,UA,D'" : ''});`;
    const items = aggs.map((a, i) => `${a} AS a${i}`).join(', ');
    if (shape === 'window') {
      // insert-only rows in time order (a window aggregation's input); ids unique so JSON_OBJECTAGG keys are
      const inOrder = [...rs].sort((a, b) => a[5].localeCompare(b[5])).map((r, i) => [i + 1, ...r.slice(1)]);
      const sql = `${ddl}\nSELECT k, window_start, ${items} FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '2' SECOND)) GROUP BY k, window_start, window_end;`;
      return { family: 'collect', sql, inputs: { t: inOrder }, compare: 'key' as const };
    }
    const input = changelog ? asChangelog(rs, deletes) : rs.map((r, i) => [i + 1, ...r.slice(1)]);
    return { family: 'collect', sql: `${ddl}\nSELECT k, ${items} FROM t GROUP BY k;`, inputs: { t: input as never }, compare: 'key' as const };
  });
