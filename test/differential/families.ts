/**
 * fast-check generators of family cases (see family-case.ts), one per runtime family the local runtime adds:
 * each draws a query shape of the family and fixture rows (NULLs, equal times, late rows) for it.
 */
import fc from 'fast-check';
import type { FamilyCase } from './family-case.js';
import { collectCase } from './families-collect.js';
import { matchCase } from './families-match.js';
import { lateralCase } from './families-lateral.js';
import { miniBatchCase } from './families-mini-batch.js';
import { splitDistinctCase } from './families-split-distinct.js';
import { rankUpdatingCase } from './families-rank-updating.js';
import { STATEFUL_FAMILIES } from './families-stateful.js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** A time in the first minute of 2024-01-01, with milliseconds. */
const time = (ms: number) => `2024-01-01 00:00:${pad(Math.floor(ms / 1000))}.${pad(ms % 1000, 3)}`;

const EVENTS = (delay: number) => `CREATE TABLE ev (k INT, v INT, s STRING, ts TIMESTAMP(3), pt AS PROCTIME(), WATERMARK FOR ts AS ts - INTERVAL '${delay}' SECOND) WITH ('connector' = 'values');`;

/** Event rows: few keys, small values with NULLs, times that repeat and arrive out of order. */
const events = fc.array(
  fc.tuple(
    fc.integer({ min: 1, max: 3 }),
    fc.oneof(fc.constant(null), fc.integer({ min: -3, max: 20 })),
    fc.oneof(fc.constant(null), fc.constantFrom('a', 'b', 'c', 'xy')),
    fc.oneof(fc.integer({ min: 0, max: 20 }).map((s) => s * 500), fc.integer({ min: 0, max: 9999 })),
  ).map(([k, v, s, ms]) => [k, v, s, time(ms)]),
  { minLength: 1, maxLength: 10 },
);

const OVER_AGGS = ['SUM(v)', 'COUNT(*)', 'COUNT(v)', 'MIN(v)', 'MAX(v)', 'AVG(v)', 'MAX(s)', 'FIRST_VALUE(v)', 'LAST_VALUE(s)', 'COUNT(DISTINCT v)', 'SUM(v + k)'];

export const overCase: fc.Arbitrary<FamilyCase> = fc
  .record({
    delay: fc.constantFrom(0, 1, 2),
    rows: events,
    partitioned: fc.boolean(),
    time: fc.constantFrom('ts', 'ts', 'pt'),
    frame: fc.constantFrom('', 'ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW', 'ROWS BETWEEN 1 PRECEDING AND CURRENT ROW', 'ROWS 2 PRECEDING', 'RANGE BETWEEN INTERVAL \'1\' SECOND PRECEDING AND CURRENT ROW', 'RANGE BETWEEN INTERVAL \'2.5\' SECOND PRECEDING AND CURRENT ROW', 'RANGE UNBOUNDED PRECEDING', 'ranking'),
    aggs: fc.subarray(OVER_AGGS, { minLength: 1, maxLength: 3 }),
    ranking: fc.constantFrom('ROW_NUMBER()', 'RANK()', 'DENSE_RANK()', 'LAG(v)', 'LAG(s, 2)', 'LAG(v, 1, -1)', 'COUNT(*)'),
    where: fc.constantFrom('', '', ' WHERE v > 2', ' WHERE s IS NOT NULL'),
  })
  .map(({ delay, rows, partitioned, time: t, frame, aggs, ranking, where }) => {
    const win = `${partitioned ? 'PARTITION BY k ' : ''}ORDER BY ${t}${frame === 'ranking' ? '' : frame ? ` ${frame}` : ''}`;
    const calls = frame === 'ranking' ? [ranking] : aggs;
    const sql = `${EVENTS(delay)}\nSELECT k, v, s, ${calls.map((a, i) => `${a} OVER (${win}) AS o${i}`).join(', ')} FROM ev${where};`;
    return { family: 'over', sql, inputs: { ev: rows }, compare: partitioned ? 'key' as const : 'order' as const };
  });

const LITERAL = {
  INT: fc.oneof(fc.constantFrom('CAST(NULL AS INT)', 'CAST(NULL AS BIGINT)'), fc.integer({ min: -5, max: 100 }).map(String)),
  STRING: fc.oneof(fc.constant('CAST(NULL AS STRING)'), fc.constantFrom("'a'", "'bc'", "''", "'Hello'", "'ä数'", "'it''s'")),
  DECIMAL: fc.oneof(fc.constant('CAST(NULL AS DECIMAL(10, 3))'), fc.constantFrom('1.5', '-2.25', '10', '0.001', '3')),
  BOOLEAN: fc.constantFrom('TRUE', 'FALSE', 'CAST(NULL AS BOOLEAN)'),
};
type LitType = keyof typeof LITERAL;

/** VALUES as a source, SELECT without FROM, INSERT INTO with a partial column list. */
export const valuesCase: fc.Arbitrary<FamilyCase> = fc
  .record({
    types: fc.array(fc.constantFrom<LitType>('INT', 'STRING', 'DECIMAL', 'BOOLEAN'), { minLength: 1, maxLength: 3 }),
    shape: fc.constantFrom('select', 'where', 'group', 'no-from', 'insert-partial', 'union'),
    n: fc.integer({ min: 1, max: 5 }),
  })
  .chain(({ types, shape, n }) => fc.record({
    rows: fc.array(fc.tuple(...types.map((t) => LITERAL[t])), { minLength: n, maxLength: n }),
    pk: fc.boolean(),
  }).map(({ rows, pk }) => {
    const names = types.map((_, i) => `c${i}`);
    const values = `(VALUES ${rows.map((r) => `(${r.join(', ')})`).join(', ')}) AS t(${names.join(', ')})`;
    let sql: string;
    let sink = 'result';
    // Calcite turns a VALUES with non-literal rows (CAST(NULL AS …)) into a UNION ALL of one-row sources, whose
    // interleaving Flink does not fix
    let compare: FamilyCase['compare'] = rows.some((r) => r.some((v) => v.startsWith('CAST'))) ? 'bag' : 'order';
    switch (shape) {
      case 'select': sql = `SELECT * FROM ${values};`; break;
      case 'where': sql = `SELECT c0, ${names.map((c) => `${c} IS NULL`).join(', ')} FROM ${values} WHERE c0 IS NOT NULL;`; break;
      case 'group': sql = `SELECT c0, COUNT(*) AS n FROM ${values} GROUP BY c0;`; compare = 'key'; break;
      case 'no-from': sql = `SELECT ${(rows[0] as string[]).map((v, i) => `${v} AS e${i}`).join(', ')};`; break;
      case 'union': sql = `SELECT * FROM ${values} UNION ALL SELECT ${(rows[0] as string[]).join(', ')};`; compare = 'bag'; break;
      default: {
        const ddlTypes: Record<LitType, string> = { INT: 'INT', STRING: 'STRING', DECIMAL: 'DECIMAL(10, 3)', BOOLEAN: 'BOOLEAN' };
        const cols = [...names.map((c, i) => `${c} ${ddlTypes[types[i] as LitType]}`), 'extra INT', 'note STRING'];
        const key = pk ? ', PRIMARY KEY (extra) NOT ENFORCED' : '';
        sql = `CREATE TABLE o (${cols.join(', ')}${key}) WITH ('connector' = 'blackhole');\nINSERT INTO o (${[...names].reverse().join(', ')}) SELECT ${[...names].reverse().join(', ')} FROM ${values};`;
        sink = 'o';
      }
    }
    return { family: 'values', sql, inputs: {}, sink, compare };
  }));

/** A table with arrays of INT and of ROWs, insert-only or a changelog keyed by k, and UNNEST queries over it. */
export const unnestCase: fc.Arbitrary<FamilyCase> = fc
  .record({
    changelog: fc.boolean(),
    rows: fc.array(fc.tuple(
      fc.integer({ min: 1, max: 4 }),
      fc.oneof(fc.constant(null), fc.array(fc.oneof(fc.constant(null), fc.integer({ min: -2, max: 9 })), { maxLength: 3 })),
      fc.oneof(fc.constant(null), fc.array(fc.oneof(fc.constant(null), fc.record({ a: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 5 })), b: fc.oneof(fc.constant(null), fc.constantFrom('x', 'yz')) })), { maxLength: 3 })),
    ), { minLength: 1, maxLength: 5 }),
    shape: fc.constantFrom(
      'SELECT k, x FROM t CROSS JOIN UNNEST(t.arr) AS u (x);',
      'SELECT k, x, n FROM t CROSS JOIN UNNEST(arr) WITH ORDINALITY AS u (x, n);',
      'SELECT t.k, u.x FROM t, UNNEST(t.arr) AS u (x) WHERE u.x > 1;',
      'SELECT t.k, u.x FROM t JOIN UNNEST(t.arr) AS u (x) ON u.x > 1;',
      'SELECT k, x FROM t LEFT JOIN UNNEST(t.arr) AS u (x) ON TRUE;',
      'SELECT k, x FROM t LEFT JOIN UNNEST(t.arr) AS u (x) ON u.x > 1;',
      'SELECT k, a, b FROM t LEFT JOIN UNNEST(t.rs) AS r (a, b) ON r.b IS NOT NULL OR r.a = 0;',
      'SELECT k, a, b FROM t CROSS JOIN UNNEST(t.rs) AS r (a, b);',
      'SELECT k, b, a + 1, pos FROM t LEFT JOIN UNNEST(t.rs) WITH ORDINALITY AS r (a, b, pos) ON TRUE;',
      'SELECT k, SUM(x) AS total, COUNT(*) AS n FROM t CROSS JOIN UNNEST(t.arr) AS u (x) GROUP BY k;',
      'SELECT x FROM UNNEST(ARRAY[3, 1, 2]) AS u (x);',
    ),
  })
  .map(({ changelog, rows, shape }) => {
    const ddl = `CREATE TABLE t (k INT${changelog ? ' NOT NULL' : ''}, arr ARRAY<INT>, rs ARRAY<ROW<a INT, b STRING>>${changelog ? ', PRIMARY KEY (k) NOT ENFORCED' : ''}) WITH ('connector' = 'values'${changelog ? ", 'changelog-mode' = 'I,UB,UA,D'" : ''});`;
    // a changelog keyed by k: a repeated key updates the previous row
    const live = new Map<number, unknown[]>();
    const input: unknown[] = [];
    for (const r of rows) {
      const k = r[0];
      const old = live.get(k);
      if (changelog && old) input.push({ kind: '-U', row: old }, { kind: '+U', row: r });
      else input.push(changelog ? { kind: '+I', row: r } : r);
      live.set(k, r);
    }
    return { family: 'unnest', sql: `${ddl}\n${shape}`, inputs: { t: input as never }, compare: shape.includes('GROUP BY') ? 'key' as const : 'order' as const };
  });

/**
 * UNION / INTERSECT / EXCEPT (ALL and distinct) over two tables or two branches of one. Flink scans a table once per
 * branch, so the branches' interleaving is not fixed: the final tables are compared.
 */
export const setOpCase: fc.Arbitrary<FamilyCase> = fc
  .record({
    op: fc.constantFrom('UNION', 'UNION ALL', 'INTERSECT', 'INTERSECT ALL', 'EXCEPT', 'EXCEPT ALL'),
    oneSource: fc.boolean(),
    changelog: fc.boolean(),
    a: fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 2 })), fc.oneof(fc.constant(null), fc.constantFrom('p', 'q'))), { maxLength: 8 }),
    b: fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 2 })), fc.oneof(fc.constant(null), fc.constantFrom('p', 'q'))), { maxLength: 8 }),
    cols: fc.constantFrom('x', 'x, s', 's'),
  })
  .map(({ op, oneSource, changelog, a, b, cols }) => {
    const table = (name: string) => `CREATE TABLE ${name} (id INT NOT NULL, x INT, s STRING${changelog ? ', PRIMARY KEY (id) NOT ENFORCED' : ''}) WITH ('connector' = 'values'${changelog ? ", 'changelog-mode' = 'I,UB,UA,D'" : ''});`;
    const rows = (rs: readonly (readonly unknown[])[]) => {
      if (!changelog) return rs;
      const live = new Map<unknown, readonly unknown[]>();
      const out: unknown[] = [];
      for (const r of rs) {
        const old = live.get(r[0]);
        if (old) out.push({ kind: '-U', row: old }, { kind: '+U', row: r });
        else out.push({ kind: '+I', row: r });
        live.set(r[0], r);
      }
      return out;
    };
    const right = oneSource ? `SELECT ${cols} FROM a WHERE id > 3` : `SELECT ${cols} FROM b`;
    const sql = `${table('a')}\n${oneSource ? '' : `${table('b')}\n`}SELECT ${cols} FROM a ${op} ${right};`;
    const inputs: FamilyCase['inputs'] = oneSource ? { a: rows(a) as never } : { a: rows(a) as never, b: rows(b) as never };
    return { family: 'setops', sql, inputs, compare: 'final' as const };
  });

/** ORDER BY with LIMIT / OFFSET (global TopN), LIMIT alone, temporal sort, and sorts Flink rejects. */
export const sortCase: fc.Arbitrary<FamilyCase> = fc
  .record({
    delay: fc.constantFrom(0, 1),
    rows: events,
    query: fc.constantFrom(
      'SELECT k, v FROM ev ORDER BY v DESC LIMIT 3;',
      'SELECT k, v, s FROM ev ORDER BY v, s NULLS LAST LIMIT 2 OFFSET 1;',
      'SELECT k, v FROM ev LIMIT 2;',
      'SELECT k, v, ts FROM ev ORDER BY ts;',
      'SELECT k, v, ts FROM ev ORDER BY ts, v DESC;',
      'SELECT k, v FROM ev ORDER BY k;',
      'SELECT k, SUM(v) AS total FROM ev GROUP BY k ORDER BY total DESC LIMIT 2;',
      'SELECT k, COUNT(*) AS n FROM ev GROUP BY k ORDER BY n, k LIMIT 1;',
      'SELECT k, v FROM ev WHERE v IS NOT NULL ORDER BY v LIMIT 4;',
    ),
  })
  .map(({ delay, rows, query }) => ({ family: 'sort', sql: `${EVENTS(delay)}\n${query}`, inputs: { ev: rows }, compare: 'order' as const }));

/** [NOT] EXISTS, correlated by equalities or not, over two tables (final tables: two sources interleave freely). */
export const existsCase: fc.Arbitrary<FamilyCase> = fc
  .record({
    changelog: fc.boolean(),
    a: fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 2 })), fc.oneof(fc.constant(null), fc.constantFrom('p', 'q'))), { maxLength: 7 }),
    b: fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 2 })), fc.oneof(fc.constant(null), fc.constantFrom('p', 'q'))), { maxLength: 7 }),
    not: fc.boolean(),
    cond: fc.constantFrom('b.x = a.x', 'a.x = b.x AND b.s = a.s', "b.x = a.x AND b.s = 'p'", 'b.x > 1', 'b.id = a.id AND b.x IS NULL'),
  })
  .map(({ changelog, a, b, not, cond }) => {
    const table = (name: string) => `CREATE TABLE ${name} (id INT NOT NULL, x INT, s STRING${changelog ? ', PRIMARY KEY (id) NOT ENFORCED' : ''}) WITH ('connector' = 'values'${changelog ? ", 'changelog-mode' = 'I,UB,UA,D'" : ''});`;
    const rows = (rs: readonly (readonly unknown[])[]) => {
      if (!changelog) return rs;
      const live = new Map<unknown, readonly unknown[]>();
      const out: unknown[] = [];
      for (const r of rs) {
        const old = live.get(r[0]);
        if (old) out.push({ kind: '-U', row: old }, { kind: '+U', row: r });
        else out.push({ kind: '+I', row: r });
        live.set(r[0], r);
      }
      return out;
    };
    const sql = `${table('a')}\n${table('b')}\nSELECT a.id, a.x, a.s FROM a WHERE ${not ? 'NOT ' : ''}EXISTS (SELECT 1 FROM b WHERE ${cond});`;
    const inputs: FamilyCase['inputs'] = { a: rows(a) as never, b: rows(b) as never };
    return { family: 'exists', sql, inputs, compare: 'final' as const };
  });

/** Legacy group windows: GROUP BY TUMBLE / HOP / SESSION with their auxiliary functions. */
export const groupWindowCase: fc.Arbitrary<FamilyCase> = fc
  .record({
    delay: fc.constantFrom(0, 1, 2),
    rows: events,
    window: fc.constantFrom(
      ['TUMBLE', "INTERVAL '2' SECOND"], ['TUMBLE', "INTERVAL '5' SECOND"], ['HOP', "INTERVAL '1' SECOND, INTERVAL '3' SECOND"],
      ['HOP', "INTERVAL '2' SECOND, INTERVAL '4' SECOND"], ['SESSION', "INTERVAL '1' SECOND"], ['SESSION', "INTERVAL '3' SECOND"],
    ),
    keyed: fc.boolean(),
    aggs: fc.subarray(['COUNT(*)', 'SUM(v)', 'MAX(s)', 'MIN(v)', 'COUNT(DISTINCT s)', 'AVG(v)'], { minLength: 1, maxLength: 3 }),
    aux: fc.subarray(['START', 'END', 'ROWTIME'], { minLength: 1 }),
  })
  .map(({ delay, rows, window: [fn, args], keyed, aggs, aux }) => {
    const w = `${fn}(ts, ${args})`;
    const items = [...(keyed ? ['k'] : []), ...aux.map((a) => `${fn}_${a}(ts, ${args}) AS w_${a.toLowerCase()}`), ...aggs];
    const sql = `${EVENTS(delay)}\nSELECT ${items.join(', ')} FROM ev GROUP BY ${keyed ? 'k, ' : ''}${w};`;
    return { family: 'groupwindow', sql, inputs: { ev: rows }, compare: keyed ? 'key' as const : 'order' as const };
  });

/** Scalar subqueries (global aggregations, uncorrelated or correlated by an equality) in the select list, over two tables (final tables). */
export const scalarCase: fc.Arbitrary<FamilyCase> = fc
  .record({
    a: fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 9 })), fc.oneof(fc.constant(null), fc.constantFrom('p', 'q'))), { maxLength: 6 }),
    b: fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 9 })), fc.oneof(fc.constant(null), fc.constantFrom('p', 'q'))), { maxLength: 6 }),
    query: fc.constantFrom(
      'SELECT id, x, (SELECT MAX(x) FROM b) AS m FROM a;',
      'SELECT id, x - (SELECT MIN(x) FROM b) AS d FROM a WHERE x IS NOT NULL;',
      "SELECT id, (SELECT COUNT(*) FROM b WHERE b.s = 'p') AS n, (SELECT SUM(x) FROM b) AS t FROM a;",
      'SELECT id, (SELECT MAX(b.x) FROM b WHERE b.id = a.id) AS m FROM a;',
    ),
  })
  .map(({ a, b, query }) => {
    const table = (name: string) => `CREATE TABLE ${name} (id INT NOT NULL, x INT, s STRING) WITH ('connector' = 'values');`;
    return { family: 'scalar', sql: `${table('a')}\n${table('b')}\n${query}`, inputs: { a, b }, compare: 'final' as const };
  });


const WINDOW_TVFS = [
  "TUMBLE(TABLE ev, DESCRIPTOR(ts), INTERVAL '2' SECOND)",
  "TUMBLE(TABLE ev, DESCRIPTOR(ts), INTERVAL '5' SECOND)",
  "HOP(TABLE ev, DESCRIPTOR(ts), INTERVAL '1' SECOND, INTERVAL '3' SECOND)",
  "CUMULATE(TABLE ev, DESCRIPTOR(ts), INTERVAL '1' SECOND, INTERVAL '3' SECOND)",
];

/**
 * Window TopN and window deduplication: ROW_NUMBER partitioned by window_start, window_end (and k) over a window
 * TVF or over a window aggregation, with row-number ranges; keyed cases put k first (Flink fires different keys'
 * windows in its timer order).
 */
export const windowRankCase: fc.Arbitrary<FamilyCase> = fc
  .record({
    delay: fc.constantFrom(0, 1, 2),
    // out of order: late rows, also rows whose window ends at the watermark, are dropped as Flink drops them
    rows: events,
    tvf: fc.constantFrom(...WINDOW_TVFS),
    keyed: fc.boolean(),
    shape: fc.constantFrom('topn', 'topn', 'dedup', 'after-agg'),
    order: fc.constantFrom('v DESC', 'v', 'v DESC NULLS FIRST, s', 's NULLS LAST, v DESC'),
    dedupOrder: fc.constantFrom('ts', 'ts DESC'),
    range: fc.constantFrom('rn <= 2', 'rn <= 1', 'rn < 4', 'rn BETWEEN 2 AND 3', 'rn = 1'),
    withRn: fc.boolean(),
  })
  .map(({ delay, rows, tvf, keyed, shape, order, dedupOrder, range, withRn }) => {
    const part = `PARTITION BY window_start, window_end${keyed ? ', k' : ''}`;
    const rn = withRn ? ', rn' : '';
    let query: string;
    if (shape === 'after-agg') {
      const agg = `SELECT ${keyed ? 'k, ' : ''}window_start, window_end, SUM(v) AS total, COUNT(*) AS n, MAX(s) AS ms FROM TABLE(${tvf}) GROUP BY window_start, window_end${keyed ? ', k' : ''}`;
      query = `SELECT ${keyed ? 'k, ' : ''}window_start, window_end, total, n, ms${rn} FROM (SELECT *, ROW_NUMBER() OVER (${part} ORDER BY total DESC, n, ms, window_start) AS rn FROM (${agg})) WHERE ${range};`;
    } else {
      const ord = shape === 'dedup' ? dedupOrder : order;
      query = `SELECT k, v, s, ts, window_start, window_end${rn} FROM (SELECT *, ROW_NUMBER() OVER (${part} ORDER BY ${ord}) AS rn FROM TABLE(${tvf})) WHERE ${shape === 'dedup' ? 'rn = 1' : range};`;
    }
    const compare = keyed ? 'key' as const : 'order' as const;
    return { family: 'windowrank', sql: `${EVENTS(delay)}\n${query}`, inputs: { ev: rows }, compare };
  });

/** A changelog keyed by the first field: a repeated key updates the previous row, `null` in the list deletes the last row. */
function keyedChangelog(rows: readonly (readonly unknown[] | null)[]): unknown[] {
  const live = new Map<unknown, readonly unknown[]>();
  const out: unknown[] = [];
  let last: unknown;
  for (const r of rows) {
    if (r === null) {
      const old = live.get(last);
      if (old) {
        out.push({ kind: '-D', row: old });
        live.delete(last);
      }
      continue;
    }
    const old = live.get(r[0]);
    if (old) out.push({ kind: '-U', row: old }, { kind: '+U', row: r });
    else out.push({ kind: '+I', row: r });
    live.set(r[0], r);
    last = r[0];
  }
  return out;
}

const AGGREGATES = [
  'STDDEV_POP(i)', 'STDDEV_SAMP(i)', 'VAR_POP(i)', 'VAR_SAMP(i)', 'STDDEV(d)', 'VARIANCE(d)', 'STDDEV_POP(d)', 'VAR_SAMP(m)',
  'STDDEV_SAMP(m)', 'VAR_POP(b)', 'STDDEV_POP(b)', 'STDDEV_POP(DISTINCT i)', 'VAR_SAMP(d) FILTER (WHERE i > 2)', 'COUNT(*)', 'SUM(i)', 'AVG(d)',
  // the accumulators that keep their values for retraction (MIN / MAX, FIRST_VALUE / LAST_VALUE, LISTAGG)
  'MIN(i)', 'MAX(m)', 'MAX(DISTINCT d)', 'MIN(b) FILTER (WHERE i > 2)', 'FIRST_VALUE(b)', 'LAST_VALUE(i)', 'LISTAGG(CAST(b AS STRING))',
];

/** Group aggregations with Flink's statistical aggregates (and the plain ones beside them), over a table or a changelog. */
export const aggregateCase: fc.Arbitrary<FamilyCase> = fc
  .record({
    changelog: fc.boolean(),
    rows: fc.array(fc.oneof(
      { weight: 8, arbitrary: fc.tuple(
        fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 }),
        fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 40 })),
        fc.oneof(fc.constant(null), fc.constantFrom(0, 1.5, -2.25, 0.1, 3, 1e3, 7.75)),
        fc.oneof(fc.constant(null), fc.constantFrom('0.00', '1.50', '-2.25', '10.01', '3.33')),
        fc.oneof(fc.constant(null), fc.integer({ min: -9, max: 99 })),
      ) },
      { weight: 1, arbitrary: fc.constant(null) },
    ), { minLength: 1, maxLength: 9 }),
    aggs: fc.subarray(AGGREGATES, { minLength: 1, maxLength: 4 }),
    having: fc.constantFrom('', '', ' HAVING COUNT(*) > 1'),
  })
  .map(({ changelog, rows, aggs, having }) => {
    const ddl = `CREATE TABLE t (id INT NOT NULL, k INT, i INT, d DOUBLE, m DECIMAL(10, 2), b BIGINT${changelog ? ', PRIMARY KEY (id) NOT ENFORCED' : ''}) WITH ('connector' = 'values'${changelog ? ", 'changelog-mode' = 'I,UB,UA,D'" : ''});`;
    const input = changelog ? keyedChangelog(rows) : rows.filter((r) => r !== null);
    const sql = `${ddl}\nSELECT k, ${aggs.map((a, n) => `${a} AS a${n}`).join(', ')} FROM t GROUP BY k${having};`;
    return { family: 'aggregate', sql, inputs: { t: input as never }, compare: 'key' as const };
  });

/** GROUPING SETS / ROLLUP / CUBE outside windows, with GROUPING() / GROUPING_ID(), over a table or a changelog. */
export const groupingSetsCase: fc.Arbitrary<FamilyCase> = fc
  .record({
    changelog: fc.boolean(),
    rows: fc.array(fc.oneof(
      { weight: 6, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 2 })), fc.oneof(fc.constant(null), fc.constantFrom('x', 'y')), fc.oneof(fc.constant(null), fc.integer({ min: -3, max: 9 }))) },
      { weight: 1, arbitrary: fc.constant(null) },
    ), { minLength: 1, maxLength: 7 }),
    groupBy: fc.constantFrom('ROLLUP (a, b)', 'CUBE (a, b)', 'GROUPING SETS ((a), (b), ())', 'GROUPING SETS ((a, b), (a))', 'a, ROLLUP (b)', 'GROUPING SETS ((b), (a, b))', 'ROLLUP (b, a)'),
    aggs: fc.subarray(['COUNT(*)', 'SUM(v)', 'MAX(b)', 'COUNT(DISTINCT v)', 'MIN(a)'], { minLength: 1, maxLength: 3 }),
    grouping: fc.constantFrom('', ', GROUPING(a) AS ga', ', GROUPING_ID(a, b) AS gid', ', GROUPING(b, a) AS gba, GROUPING(b) AS gb'),
    having: fc.constantFrom('', '', ' HAVING COUNT(*) > 1'),
  })
  .map(({ changelog, rows, groupBy, aggs, grouping, having }) => {
    const ddl = `CREATE TABLE t (id INT NOT NULL, a INT, b STRING, v INT${changelog ? ', PRIMARY KEY (id) NOT ENFORCED' : ''}) WITH ('connector' = 'values'${changelog ? ", 'changelog-mode' = 'I,UB,UA,D'" : ''});`;
    const input = changelog ? keyedChangelog(rows) : rows.filter((r) => r !== null);
    const sql = `${ddl}\nSELECT a, b, ${aggs.map((x, n) => `${x} AS a${n}`).join(', ')}${grouping} FROM t GROUP BY ${groupBy}${having};`;
    return { family: 'groupingsets', sql, inputs: { t: input as never }, compare: 'order' as const };
  });

/**
 * Two event tables, few keys: the sides of window joins. Rows arrive out of order within the watermark (`delay`
 * seconds behind the latest time so far); a row behind the watermark is left out, because its fate depends on the
 * other side's watermark, which Flink advances on its own schedule (an empty side finishes at once, with the
 * final watermark) and the local runtime only at the end of that side's input. Times are on a 500 ms grid, so no
 * row sits one millisecond from a window's end.
 */
const sideRows = (delay: number) => fc.array(
  fc.tuple(fc.integer({ min: 1, max: 3 }), fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 9 })), fc.integer({ min: 0, max: 16 }).map((s) => s * 500)),
  { maxLength: 7 },
).map((rs) => {
  let max = -Infinity;
  return rs.filter(([, , ms]) => {
    if (ms < max - delay * 1000) return false;
    max = Math.max(max, ms);
    return true;
  }).map(([k, v, ms]) => [k, v, time(ms)] as const);
});

/** For each window of the window-join family, two other windows that share some of its windows. */
const OTHER_WINDOWS: Readonly<Record<string, readonly [string, string]>> = {
  "TUMBLE(TABLE %, DESCRIPTOR(ts), INTERVAL '2' SECOND)": ["HOP(TABLE %, DESCRIPTOR(ts), INTERVAL '1' SECOND, INTERVAL '2' SECOND)", "CUMULATE(TABLE %, DESCRIPTOR(ts), INTERVAL '1' SECOND, INTERVAL '2' SECOND)"],
  "HOP(TABLE %, DESCRIPTOR(ts), INTERVAL '1' SECOND, INTERVAL '2' SECOND)": ["TUMBLE(TABLE %, DESCRIPTOR(ts), INTERVAL '2' SECOND)", "TUMBLE(TABLE %, DESCRIPTOR(ts), INTERVAL '2' SECOND, INTERVAL '1' SECOND)"],
  "CUMULATE(TABLE %, DESCRIPTOR(ts), INTERVAL '1' SECOND, INTERVAL '3' SECOND)": ["TUMBLE(TABLE %, DESCRIPTOR(ts), INTERVAL '1' SECOND)", "TUMBLE(TABLE %, DESCRIPTOR(ts), INTERVAL '3' SECOND)"],
  "SESSION(TABLE %, DESCRIPTOR(ts), INTERVAL '1' SECOND)": ["SESSION(TABLE % PARTITION BY k, DESCRIPTOR(ts), INTERVAL '1' SECOND)", "SESSION(TABLE %, DESCRIPTOR(ts), INTERVAL '1.5' SECOND)"],
  "SESSION(TABLE % PARTITION BY k, DESCRIPTOR(ts), INTERVAL '1' SECOND)": ["SESSION(TABLE %, DESCRIPTOR(ts), INTERVAL '1' SECOND)", "SESSION(TABLE % PARTITION BY v, DESCRIPTOR(ts), INTERVAL '1' SECOND)"],
};

/**
 * Window joins (INNER / LEFT / RIGHT / FULL) of two window TVFs (SESSION too, partitioned or not) on equal
 * window_start and window_end, with equi keys and an extra condition; rows out of order within the watermark on both
 * sides (see sideRows), compared per key. Two cases in five put another window on the right (OTHER_WINDOWS: TUMBLE
 * against HOP, another size, a partitioned SESSION against an unpartitioned one): Flink plans a regular join there, whose rows
 * leave as they match (compared as multisets: Flink interleaves the two sources as it likes; outer joins, which
 * retract their padded rows, by their final tables). Half the inner joins, and half the cases on two windows, are
 * counted per window, which tells a window join (one row per window) from a regular one (an update per match).
 */
export const windowJoinCase: fc.Arbitrary<FamilyCase> = fc
  .constantFrom(0, 1, 2)
  .chain((delay) => fc.record({
    delay: fc.constant(delay),
    a: sideRows(delay),
    b: sideRows(delay),
    tvf: fc.constantFrom(
      "TUMBLE(TABLE %, DESCRIPTOR(ts), INTERVAL '2' SECOND)", "HOP(TABLE %, DESCRIPTOR(ts), INTERVAL '1' SECOND, INTERVAL '2' SECOND)",
      "CUMULATE(TABLE %, DESCRIPTOR(ts), INTERVAL '1' SECOND, INTERVAL '3' SECOND)", "SESSION(TABLE %, DESCRIPTOR(ts), INTERVAL '1' SECOND)",
      "SESSION(TABLE % PARTITION BY k, DESCRIPTOR(ts), INTERVAL '1' SECOND)",
    ),
    type: fc.constantFrom('JOIN', 'LEFT JOIN', 'RIGHT JOIN', 'FULL JOIN'),
    extra: fc.constantFrom('', ' AND L.v < R.v', ' AND R.v IS NOT NULL'),
    // another window on the right, one that shares some windows with the left's (so that rows match)
    other: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: fc.nat(1) }),
    count: fc.boolean(),
  }))
  .map(({ delay, a, b, tvf, type: drawn, extra, other, count }) => {
    // another window on the right, counted: an inner join (the case that tells a regular join from a window join)
    const type = other !== undefined && count ? 'JOIN' : drawn;
    const table = (n: string) => `CREATE TABLE ${n} (k INT, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '${delay}' SECOND) WITH ('connector' = 'values');`;
    const key = type === 'RIGHT JOIN' ? 'R.k' : type === 'FULL JOIN' ? 'COALESCE(L.k, R.k)' : 'L.k';
    const right = other === undefined ? tvf : OTHER_WINDOWS[tvf]![other]!;
    const counted = count && type === 'JOIN';
    // counted: table a on both sides, joined on the windows alone (many matches per window)
    const from = `(SELECT * FROM TABLE(${tvf.replace('%', 'a')})) L ${type} (SELECT * FROM TABLE(${right.replace('%', counted ? 'a' : 'b')})) R ON L.window_start = R.window_start AND L.window_end = R.window_end${counted ? '' : ' AND L.k = R.k'}${extra}`;
    if (counted) {
      // counted per left window: a window aggregation over a window join (one row per window), a group aggregation
      // with an update per match over a regular join (the counts per window are the same whatever the interleaving)
      const query = `SELECT CONCAT(CAST(lws AS STRING), '/', CAST(lwe AS STRING)) AS w, COUNT(*) AS n FROM (SELECT L.window_start AS lws, L.window_end AS lwe FROM ${from}) GROUP BY lws, lwe;`;
      return { family: 'windowjoin', sql: `${table('a')}\n${table('b')}\n${query}`, inputs: { a, b }, compare: 'key' as const };
    }
    const sql = `${table('a')}\n${table('b')}\nSELECT ${key} AS jk, L.v AS lv, R.v AS rv, L.ts AS lts, L.window_start AS lws, R.window_end AS rwe FROM ${from};`;
    const compare = right === tvf ? 'key' as const : type === 'JOIN' ? 'bag' as const : 'final' as const;
    return { family: 'windowjoin', sql, inputs: { a, b }, compare };
  });

/** IN / NOT IN subqueries (semi / anti joins; NOT IN is null-aware) over two tables or a changelog (final tables). */
export const inSubqueryCase: fc.Arbitrary<FamilyCase> = fc
  .record({
    changelog: fc.boolean(),
    a: fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 3 })), fc.oneof(fc.constant(null), fc.constantFrom('p', 'q'))), { maxLength: 7 }),
    b: fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 3 })), fc.oneof(fc.constant(null), fc.constantFrom('p', 'q'))), { maxLength: 7 }),
    query: fc.constantFrom(
      'SELECT id, x FROM a WHERE x IN (SELECT x FROM b);',
      'SELECT id, x FROM a WHERE x NOT IN (SELECT x FROM b);',
      "SELECT id, s FROM a WHERE s IN (SELECT s FROM b WHERE x > 1) AND id > 2;",
      'SELECT id, x FROM a WHERE x NOT IN (SELECT x FROM b WHERE x IS NOT NULL);',
      'SELECT id, x FROM a WHERE x + 1 IN (SELECT id FROM b);',
      "SELECT id, s FROM a WHERE s NOT IN (SELECT s FROM b WHERE id < 4);",
    ),
  })
  .map(({ changelog, a, b, query }) => {
    const table = (name: string) => `CREATE TABLE ${name} (id INT NOT NULL, x INT, s STRING${changelog ? ', PRIMARY KEY (id) NOT ENFORCED' : ''}) WITH ('connector' = 'values'${changelog ? ", 'changelog-mode' = 'I,UB,UA,D'" : ''});`;
    const rows = (rs: readonly (readonly unknown[])[]) => (changelog ? keyedChangelog(rs) : rs);
    return { family: 'insubquery', sql: `${table('a')}\n${table('b')}\n${query}`, inputs: { a: rows(a) as never, b: rows(b) as never }, compare: 'final' as const };
  });

/**
 * The SESSION window TVF (aggregated, also through a sub-query, grouped by more or fewer keys than its PARTITION BY,
 * projected, ranked, with DISTINCT) and legacy GROUP BY SESSION (keyed or not) over rows out of order (late rows merge into open sessions).
 */
export const sessionCase: fc.Arbitrary<FamilyCase> = fc
  .record({
    delay: fc.constantFrom(0, 1, 2),
    rows: events,
    gap: fc.constantFrom("INTERVAL '1' SECOND", "INTERVAL '2' SECOND", "INTERVAL '0.5' SECOND"),
    legacy: fc.boolean(),
    keyed: fc.boolean(),
    aggs: fc.subarray(['COUNT(*)', 'SUM(v)', 'MAX(s)', 'MIN(v)', 'AVG(v)'], { minLength: 1, maxLength: 3 }),
    // the SESSION TVF read other than by a window aggregation: projected (and filtered), ranked, grouped by more or
    // fewer keys than its PARTITION BY (Flink's TVF operator, then a group aggregation with updates)
    shape: fc.constantFrom('aggregate', 'aggregate', 'subquery', 'project', 'topn', 'distinct'),
    filter: fc.constantFrom('', ' WHERE v > 2'),
    partitioned: fc.boolean(),
  })
  // DISTINCT aggregates over legacy sessions are FTS7001 (Flink emits updates there, not reproduced)
  .map((r) => ({ ...r, keyed: r.keyed && (r.legacy || r.shape !== 'distinct') }))
  .map(({ delay, rows, gap, legacy, keyed, aggs, shape, filter, partitioned }) => {
    const tvf = `TABLE(SESSION(TABLE ev${partitioned ? ' PARTITION BY k' : ''}, DESCRIPTOR(ts), ${gap}))`;
    // per key where sessions of several keys close at one watermark (Flink fires them in its timer heap's order)
    let compare: FamilyCase['compare'] = keyed || (partitioned && !legacy) ? 'key' : 'order';
    let query: string;
    if (legacy) query = `SELECT ${keyed ? 'k, ' : ''}SESSION_START(ts, ${gap}) AS ws, SESSION_END(ts, ${gap}) AS we, ${aggs.join(', ')} FROM ev GROUP BY ${keyed ? 'k, ' : ''}SESSION(ts, ${gap});`;
    else if (shape === 'project') query = `SELECT k, v, s, window_start, window_end, window_time FROM ${tvf}${filter};`;
    else if (shape === 'topn') {
      const byKey = keyed || partitioned;
      query = `SELECT ${byKey ? 'k, ' : ''}v, s, window_start, window_end, rn FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end${byKey ? ', k' : ''} ORDER BY v DESC NULLS LAST, s) AS rn FROM ${tvf}) WHERE rn <= 2;`;
    } else if (shape === 'distinct') {
      query = `SELECT ${partitioned ? 'k, ' : ''}window_start, window_end, COUNT(DISTINCT v) AS dv, ${aggs.join(', ')} FROM ${tvf} GROUP BY ${partitioned ? 'k, ' : ''}window_start, window_end;`;
    } else {
      // grouped by k besides an unpartitioned window, or partitioned and grouped by the window alone: the TVF's
      // rows, then a group aggregation with updates (whose order across keys Flink does not fix: final tables);
      // 'subquery': through a projection that drops the time column (Flink still filters before the sessions form)
      const from = shape === 'subquery' ? `(SELECT k, v, s, window_start AS ws, window_end AS we FROM ${tvf}${filter})` : `${tvf}${filter}`;
      const [ws, we] = shape === 'subquery' ? ['ws', 'we'] : ['window_start', 'window_end'];
      query = `SELECT ${keyed ? 'k, ' : ''}${ws}, ${we}, ${aggs.join(', ')} FROM ${from} GROUP BY ${keyed ? 'k, ' : ''}${ws}, ${we};`;
      if (partitioned && !keyed) compare = 'final';
    }
    return { family: 'session', sql: `${EVENTS(delay)}\n${query}`, inputs: { ev: rows }, compare };
  });

/** Every family's generator, by name. */
export const FAMILIES: Readonly<Record<string, fc.Arbitrary<FamilyCase>>> = {
  over: overCase, values: valuesCase, unnest: unnestCase, setops: setOpCase, sort: sortCase, exists: existsCase, groupwindow: groupWindowCase, scalar: scalarCase,
  ...STATEFUL_FAMILIES,
  windowrank: windowRankCase, aggregate: aggregateCase, groupingsets: groupingSetsCase, windowjoin: windowJoinCase, insubquery: inSubqueryCase, session: sessionCase,
  collect: collectCase, rankupdating: rankUpdatingCase, match: matchCase,
  lateral: lateralCase, minibatch: miniBatchCase, splitdistinct: splitDistinctCase,
};
