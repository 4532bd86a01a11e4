/**
 * fast-check generators of the stateful families (see family-case.ts): window TVF aggregations, regular, interval
 * and temporal joins, TopN / deduplication, and changelogs into upsert sinks. Each draws a query shape and fixture
 * rows (NULLs, repeated and out-of-order times, late rows, updates and deletes) for it.
 */
import fc from 'fast-check';
import type { FamilyCase } from './family-case.js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** A time in the first minute of 2024-01-01, with milliseconds. */
const time = (ms: number) => `2024-01-01 00:00:${pad(Math.floor(ms / 1000))}.${pad(ms % 1000, 3)}`;
/** Times that repeat (whole half seconds) and arbitrary ones, so windows and intervals get edges and ties. */
const millis = fc.oneof(fc.integer({ min: 0, max: 20 }).map((s) => s * 500), fc.integer({ min: 0, max: 9999 }));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof(fc.constant(null), a);

/** Rows as a changelog keyed by their first field: a repeated key updates the live row, `del` deletes it. */
export function asChangelog(rows: readonly (readonly unknown[])[], deletes: readonly boolean[] = []): unknown[] {
  const live = new Map<unknown, readonly unknown[]>();
  const out: unknown[] = [];
  rows.forEach((r, i) => {
    const old = live.get(r[0]);
    if (old && deletes[i]) {
      out.push({ kind: '-D', row: old });
      live.delete(r[0]);
    } else if (old) {
      out.push({ kind: '-U', row: old }, { kind: '+U', row: r });
      live.set(r[0], r);
    } else {
      out.push({ kind: '+I', row: r });
      live.set(r[0], r);
    }
  });
  return out;
}

const changelogMode = ", 'changelog-mode' = 'I,UB,UA,D'";

/** Event rows (k, v, s, ts): few keys, small values with NULLs, times that repeat and arrive out of order. */
const events = fc.array(
  fc.tuple(fc.integer({ min: 1, max: 3 }), maybe(fc.integer({ min: -3, max: 20 })), maybe(fc.constantFrom('a', 'b', 'c', 'xy')), millis)
    .map(([k, v, s, ms]) => [k, v, s, time(ms)]),
  { minLength: 1, maxLength: 10 },
);

/** Window TVF aggregations (TUMBLE, HOP, CUMULATE, with an offset) and a window TVF as a plain projection. */
export const windowTvfCase: fc.Arbitrary<FamilyCase> = fc
  .record({
    delay: fc.constantFrom(0, 1, 2),
    rows: events,
    window: fc.constantFrom(
      "TUMBLE(TABLE ev, DESCRIPTOR(ts), INTERVAL '2' SECOND)",
      "TUMBLE(TABLE ev, DESCRIPTOR(ts), INTERVAL '5' SECOND)",
      "TUMBLE(TABLE ev, DESCRIPTOR(ts), INTERVAL '2' SECOND, INTERVAL '1' SECOND)",
      "HOP(TABLE ev, DESCRIPTOR(ts), INTERVAL '1' SECOND, INTERVAL '3' SECOND)",
      "HOP(TABLE ev, DESCRIPTOR(ts), INTERVAL '2' SECOND, INTERVAL '4' SECOND)",
      "CUMULATE(TABLE ev, DESCRIPTOR(ts), INTERVAL '1' SECOND, INTERVAL '4' SECOND)",
      "CUMULATE(TABLE ev, DESCRIPTOR(ts), INTERVAL '2' SECOND, INTERVAL '6' SECOND)",
    ),
    keyed: fc.boolean(),
    aggs: fc.subarray(['COUNT(*)', 'SUM(v)', 'MAX(s)', 'MIN(v)', 'COUNT(DISTINCT s)', 'AVG(v)', 'COUNT(v)'], { minLength: 1, maxLength: 3 }),
    cols: fc.subarray(['window_start', 'window_end', 'window_time'], { minLength: 1 }),
    where: fc.constantFrom('', '', ' WHERE v IS NOT NULL', " WHERE s <> 'a'"),
    project: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
  })
  .map(({ delay, rows, window, keyed, aggs, cols, where, project }) => {
    const ddl = `CREATE TABLE ev (k INT, v INT, s STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '${delay}' SECOND) WITH ('connector' = 'values');`;
    if (project) {
      // a window TVF without aggregation assigns windows row by row (and drops nothing)
      return { family: 'windowtvf', sql: `${ddl}\nSELECT k, v, window_start, window_end, window_time FROM TABLE(${window})${where};`, inputs: { ev: rows }, compare: 'order' as const };
    }
    const group = [...(keyed ? ['k'] : []), 'window_start', 'window_end', ...(cols.includes('window_time') ? ['window_time'] : [])];
    const items = [...(keyed ? ['k'] : []), ...cols, ...aggs.map((a, i) => `${a} AS a${i}`)];
    const sql = `${ddl}\nSELECT ${items.join(', ')} FROM TABLE(${window})${where} GROUP BY ${group.join(', ')};`;
    return { family: 'windowtvf', sql, inputs: { ev: rows }, compare: keyed ? 'key' as const : 'order' as const };
  });

const sideRow = fc.tuple(fc.integer({ min: 1, max: 6 }), maybe(fc.integer({ min: 1, max: 3 })), maybe(fc.integer({ min: -1, max: 5 })), maybe(fc.constantFrom('p', 'q', 'r')));

/**
 * Regular joins (INNER / LEFT / RIGHT / FULL, equi-joins with and without a further condition, and an aggregation
 * over a join) of two tables, insert-only or changelogs with updates and deletes. Two sources interleave freely in
 * Flink, which changes the intermediate changes: the final tables are compared.
 */
export const joinCase: fc.Arbitrary<FamilyCase> = fc
  .record({
    changelog: fc.boolean(),
    a: fc.array(fc.tuple(sideRow, fc.boolean()), { maxLength: 7 }),
    b: fc.array(fc.tuple(sideRow, fc.boolean()), { maxLength: 7 }),
    join: fc.constantFrom('JOIN', 'LEFT JOIN', 'RIGHT JOIN', 'FULL OUTER JOIN'),
    on: fc.constantFrom('a.k = b.k', 'a.k = b.k AND a.v > 0', "a.k = b.k AND b.s <> 'p'", 'a.k = b.k AND a.v < b.v', 'a.k = b.k AND a.s = b.s', 'a.id = b.id'),
    shape: fc.constantFrom('rows', 'rows', 'aggregate', 'where'),
  })
  .map(({ changelog, a, b, join, on, shape }) => {
    const table = (name: string) => `CREATE TABLE ${name} (id INT NOT NULL, k INT, v INT, s STRING${changelog ? ', PRIMARY KEY (id) NOT ENFORCED' : ''}) WITH ('connector' = 'values'${changelog ? changelogMode : ''});`;
    const from = `a ${join} b ON ${on}`;
    const query = shape === 'aggregate'
      ? `SELECT a.k, COUNT(*) AS n, SUM(b.v) AS total, MAX(a.s) AS m FROM ${from} GROUP BY a.k;`
      : `SELECT a.id, a.k, a.v, a.s, b.id AS bid, b.v AS bv, b.s AS bs FROM ${from}${shape === 'where' ? ' WHERE a.v IS NULL OR b.v IS NULL OR a.v <> b.v' : ''};`;
    const rows = (side: readonly (readonly [readonly unknown[], boolean])[]) => (changelog ? asChangelog(side.map(([r]) => r), side.map(([, d]) => d)) : side.map(([r]) => r));
    return { family: 'join', sql: `${table('a')}\n${table('b')}\n${query}`, inputs: { a: rows(a) as never, b: rows(b) as never }, compare: 'final' as const };
  });

/**
 * Interval joins on event time (inner and outer, bounds on either side, equal times). Which rows a late row still
 * meets depends on how far the other input's watermark has come, and Flink interleaves two sources freely: so each
 * side's rows come in time order and the watermark delay covers the bounds — the regime where Flink's answer is
 * fixed. Only one rowtime attribute may reach a sink: the right side's time is selected as a plain TIMESTAMP, and
 * now and then as it is (which both engines must refuse).
 */
const inTimeOrder = <T extends readonly unknown[]>(rows: T[]): T[] => [...rows].sort((a, b) => String(a[2]).localeCompare(String(b[2])));

export const intervalJoinCase: fc.Arbitrary<FamilyCase> = fc
  .record({
    delay: fc.constantFrom(2, 3),
    l: fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), maybe(fc.integer({ min: 0, max: 9 })), millis).map(([k, v, ms]) => [k, v, time(ms)] as const), { maxLength: 7 }).map(inTimeOrder),
    r: fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), maybe(fc.constantFrom('x', 'y')), millis).map(([k, w, ms]) => [k, w, time(ms)] as const), { maxLength: 7 }).map(inTimeOrder),
    join: fc.constantFrom('JOIN', 'JOIN', 'LEFT JOIN', 'RIGHT JOIN', 'FULL OUTER JOIN'),
    bounds: fc.constantFrom(
      "l.ts BETWEEN r.ts - INTERVAL '1' SECOND AND r.ts + INTERVAL '1' SECOND",
      "l.ts BETWEEN r.ts AND r.ts + INTERVAL '2' SECOND",
      "l.ts >= r.ts - INTERVAL '2' SECOND AND l.ts < r.ts",
      "r.ts BETWEEN l.ts - INTERVAL '0.5' SECOND AND l.ts + INTERVAL '1.5' SECOND",
      'l.ts = r.ts',
    ),
    bothTimes: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
  })
  .map(({ delay, l, r, join, bounds, bothTimes }) => {
    const table = (name: string, col: string) => `CREATE TABLE ${name} (k INT, ${col}, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '${delay}' SECOND) WITH ('connector' = 'values');`;
    const sql = `${table('l', 'v INT')}\n${table('r', 'w STRING')}\nSELECT l.k, l.v, l.ts AS lts, r.k AS rk, r.w, ${bothTimes ? 'r.ts' : 'CAST(r.ts AS TIMESTAMP(3))'} AS rts FROM l ${join} r ON l.k = r.k AND ${bounds};`;
    return { family: 'intervaljoin', sql, inputs: { l, r }, compare: 'final' as const };
  });

/** Event-time temporal joins against a versioned table (a changelog with a primary key and a watermark). */
export const temporalJoinCase: fc.Arbitrary<FamilyCase> = fc
  .record({
    delay: fc.constantFrom(0, 1),
    // orders in time order: a late order finds its version only if no watermark since cleaned it up (Flink keeps the
    // latest version before the watermark), and when that watermark came depends on the interleaving (seed 1208101)
    orders: fc.array(fc.tuple(fc.integer({ min: 1, max: 9 }), maybe(fc.constantFrom('EUR', 'USD', 'JPY')), millis).map(([id, cur, ms]) => [id, cur, time(ms)] as const), { maxLength: 7 }).map(inTimeOrder),
    rates: fc.array(fc.tuple(fc.constantFrom('EUR', 'USD', 'JPY'), maybe(fc.integer({ min: 90, max: 120 })), fc.integer({ min: 0, max: 20 }).map((s) => s * 500), fc.boolean()), { maxLength: 6 }),
    join: fc.constantFrom('JOIN', 'LEFT JOIN'),
    select: fc.constantFrom('o.id, o.cur, r.rate, o.ts', 'o.id, r.rate * 2 AS doubled, r.ts AS version'),
  })
  .map(({ delay, orders, rates, join, select }) => {
    // Versions arrive in time order (a changelog keyed by cur), each at its own instant, a delete dated when it
    // happens: Flink interleaves the two sources freely, and the right watermark passes a time after the first
    // version at that time — an order at that time met a second version at the same time, or a delete carrying an
    // older time that arrived after the watermark had moved on, or not, as the threads ran (seed 1208101).
    const sorted = [...rates].sort((x, y) => x[2] - y[2]);
    let last = -1;
    const unique = sorted.map(([cur, rate, ms, del]) => {
      last = Math.max(ms, last + 1);
      return [cur, rate, last, del] as const;
    });
    const versions = asChangelog(unique.map(([cur, rate, ms]) => [cur, rate, time(ms)]), unique.map(([, , , d]) => d))
      .map((c, i, all) => {
        const ch = c as { kind: string; row: readonly unknown[] };
        if (ch.kind !== '-D') return c;
        // the delete replaced the row at position i in `unique` order: date it with that row's time
        const at = all.slice(0, i + 1).filter((x) => (x as { kind: string }).kind !== '-U').length - 1;
        return { kind: '-D', row: [ch.row[0], ch.row[1], time(unique[at]![2])] };
      });
    const sql = [
      `CREATE TABLE orders (id INT, cur STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '${delay}' SECOND) WITH ('connector' = 'values');`,
      `CREATE TABLE rates (cur STRING NOT NULL, rate INT, ts TIMESTAMP(3), PRIMARY KEY (cur) NOT ENFORCED, WATERMARK FOR ts AS ts) WITH ('connector' = 'values'${changelogMode});`,
      `SELECT ${select} FROM orders AS o ${join} rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.cur = r.cur;`,
    ].join('\n');
    return { family: 'temporaljoin', sql, inputs: { orders, rates: versions as never }, compare: 'final' as const };
  });

/** TopN and deduplication (ROW_NUMBER / RANK / DENSE_RANK over a partition), over insert-only rows or a changelog. */
export const topNCase: fc.Arbitrary<FamilyCase> = fc
  .record({
    changelog: fc.boolean(),
    rows: fc.array(fc.tuple(fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 3 }), maybe(fc.integer({ min: 0, max: 6 })), millis), fc.boolean()), { minLength: 1, maxLength: 9 }),
    // Flink 1.20 plans RANK / DENSE_RANK as TopN only in some shapes (both engines reject the rest alike)
    fn: fc.constantFrom('ROW_NUMBER()', 'ROW_NUMBER()', 'ROW_NUMBER()', 'ROW_NUMBER()', 'RANK()', 'DENSE_RANK()'),
    order: fc.constantFrom('v DESC', 'v', 'v DESC, id', 'ts', 'ts DESC'),
    partitioned: fc.boolean(),
    filter: fc.constantFrom('rn <= 2', 'rn = 1', 'rn < 3', 'rn BETWEEN 2 AND 3'),
    withRank: fc.boolean(),
  })
  .map(({ changelog, rows, fn, order, partitioned, filter, withRank }) => {
    const ddl = `CREATE TABLE t (id INT NOT NULL, k INT, v INT, ts TIMESTAMP(3)${changelog ? ', PRIMARY KEY (id) NOT ENFORCED' : ''}, WATERMARK FOR ts AS ts) WITH ('connector' = 'values'${changelog ? changelogMode : ''});`;
    const data = rows.map(([[id, k, v, ms]]) => [id, k, v, time(ms)]);
    const inner = `SELECT *, ${fn} OVER (${partitioned ? 'PARTITION BY k ' : ''}ORDER BY ${order}) AS rn FROM t`;
    const sql = `${ddl}\nSELECT k, id, v${withRank ? ', rn' : ''} FROM (${inner}) WHERE ${filter};`;
    const input = changelog ? asChangelog(data, rows.map(([, d]) => d)) : data;
    return { family: 'topn', sql, inputs: { t: input as never }, compare: partitioned ? 'key' as const : 'order' as const };
  });

/**
 * Changelogs into upsert sinks (a sink with a primary key): aggregations keyed by the sink's key or by another
 * column, a HAVING that drops updated rows, a changelog source passed through, and a join. Compared per sink key.
 */
export const upsertSinkCase: fc.Arbitrary<FamilyCase> = fc
  .record({
    changelog: fc.boolean(),
    rows: fc.array(fc.tuple(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 3 }), maybe(fc.integer({ min: -2, max: 9 })), maybe(fc.constantFrom('p', 'q'))), fc.boolean()), { minLength: 1, maxLength: 9 }),
    query: fc.constantFrom(
      'INSERT INTO o SELECT k, COUNT(*), SUM(v), MAX(s) FROM t GROUP BY k;',
      'INSERT INTO o SELECT k, COUNT(*), SUM(v), MAX(s) FROM t GROUP BY k HAVING COUNT(*) < 3;',
      'INSERT INTO o SELECT k, COUNT(*), SUM(v), MAX(s) FROM t WHERE v > 0 GROUP BY k;',
      'INSERT INTO o SELECT v, COUNT(*), MAX(k), MIN(s) FROM t WHERE v IS NOT NULL GROUP BY v;',
      'INSERT INTO o SELECT id, k, v, s FROM t;',
      'INSERT INTO o SELECT id, k, v, s FROM t WHERE v > 1;',
      'INSERT INTO o SELECT k, n, total, m FROM (SELECT k, COUNT(*) AS n, SUM(v) AS total, MAX(s) AS m FROM t GROUP BY k) WHERE n > 1;',
      'INSERT INTO o SELECT s_n, COUNT(*), SUM(v), MAX(s) FROM (SELECT CAST(CHAR_LENGTH(s) AS INT) AS s_n, v, s FROM t) WHERE s_n IS NOT NULL GROUP BY s_n;',
    ),
  })
  .map(({ changelog, rows, query }) => {
    const ddl = `CREATE TABLE t (id INT NOT NULL, k INT, v INT, s STRING${changelog ? ', PRIMARY KEY (id) NOT ENFORCED' : ''}) WITH ('connector' = 'values'${changelog ? changelogMode : ''});`;
    const sink = "CREATE TABLE o (pk INT NOT NULL, a BIGINT, b BIGINT, c STRING, PRIMARY KEY (pk) NOT ENFORCED) WITH ('connector' = 'blackhole');";
    const data = rows.map(([r]) => r);
    const input = changelog ? asChangelog(data, rows.map(([, d]) => d)) : data;
    return { family: 'upsertsink', sql: `${ddl}\n${sink}\n${query}`, inputs: { t: input as never }, sink: 'o', compare: 'key' as const };
  });

/** The stateful families' generators, by name. */
export const STATEFUL_FAMILIES: Readonly<Record<string, fc.Arbitrary<FamilyCase>>> = {
  windowtvf: windowTvfCase, join: joinCase, intervaljoin: intervalJoinCase, temporaljoin: temporalJoinCase, topn: topNCase, upsertsink: upsertSinkCase,
};
