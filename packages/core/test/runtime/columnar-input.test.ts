/**
 * A columnar fixture (`columnar({ col: values })`) is the same input as its rows: every job gives the same
 * changelog and final table from either, whichever operators read the columns directly (a folding group
 * aggregation) or get rows made from them; its values are checked as rows' values are, naming the entry and the
 * column; and it is loaded once: later changes to the caller's arrays change nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnar, runJob } from '../../src/testing/index.js';
import type { ColumnValues } from '../../src/testing/index.js';
import { code } from './error-code.js';

const SOURCE = "CREATE TABLE ev (k INT, v BIGINT, s STRING, d DOUBLE) WITH ('connector' = 'values');";

const JOBS: Record<string, string> = {
  'COUNT / SUM by one INT key into a sink keyed by it (updates folded)': `CREATE TABLE snk (k INT, c BIGINT, t BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'values');
    INSERT INTO snk SELECT k, COUNT(*), SUM(v) FROM ev GROUP BY k;`,
  'SUM0 / COUNT of a column / MIN / AVG of a DOUBLE by key (folded)': `CREATE TABLE snk (k INT, c BIGINT, m DOUBLE, a DOUBLE, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'values');
    INSERT INTO snk SELECT k, COUNT(d), MIN(d), AVG(d) FROM ev GROUP BY k;`,
  'grouped by the STRING column (folded)': `CREATE TABLE snk (s STRING, c BIGINT, t BIGINT, PRIMARY KEY (s) NOT ENFORCED) WITH ('connector' = 'values');
    INSERT INTO snk SELECT s, COUNT(*), SUM(v) FROM ev GROUP BY s;`,
  'a filtered aggregate (rows made from the columns)': `CREATE TABLE snk (k INT, c BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'values');
    INSERT INTO snk SELECT k, COUNT(*) FILTER (WHERE v > 2) FROM ev GROUP BY k;`,
  'filter and project': `CREATE TABLE snk (k INT, x BIGINT, s STRING) WITH ('connector' = 'values');
    INSERT INTO snk SELECT k, v * 2, UPPER(s) FROM ev WHERE d IS NULL OR d > 0;`,
  'an aggregation into a sink without a key (the full changelog)': `CREATE TABLE snk (k INT, t BIGINT) WITH ('connector' = 'values');
    INSERT INTO snk SELECT k, SUM(v) FROM ev GROUP BY k;`,
  'a self-join on the key': `CREATE TABLE snk (k INT, a STRING, b STRING) WITH ('connector' = 'values');
    INSERT INTO snk SELECT x.k, x.s, y.s FROM ev x JOIN ev y ON x.k = y.k AND x.v < y.v;`,
};

const BIG = [2n ** 53n, -(2n ** 62n), 2n ** 63n - 1n];
const row = fc.record({
  k: fc.option(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: -3, max: 70_000 })), { nil: null, freq: 8 }),
  v: fc.option(fc.oneof(fc.integer({ min: -10, max: 10 }), fc.constantFrom(...BIG), fc.constant(2 ** 40)), { nil: null, freq: 8 }),
  s: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: null, freq: 8 }),
  d: fc.option(fc.double({ noNaN: true, min: -5, max: 5 }), { nil: null, freq: 6 }),
});
type Row = { k: number | null; v: number | bigint | null; s: string | null; d: number | null };

/** The rows as columns: `k` as an Int32Array when it has no NULL, the rest as arrays. */
function asColumns(rows: readonly Row[]): Record<string, ColumnValues> {
  const k = rows.map((r) => r.k);
  return {
    k: k.every((x) => x !== null && x === (x | 0)) ? Int32Array.from(k as number[]) : k,
    v: rows.map((r) => r.v),
    s: rows.map((r) => r.s),
    d: rows.map((r) => r.d),
  };
}

function outcome(sql: string, input: unknown, keepChangelog: boolean): unknown {
  try {
    const run = runJob(SOURCE + sql, { inputs: { ev: input as Row[] }, keepChangelog });
    return { ...(keepChangelog ? { changelog: run.changelog('snk') } : {}), table: run.table('snk'), rows: run.rows('snk') };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe('columnar fixtures', () => {
  for (const [name, sql] of Object.entries(JOBS)) {
    it(`give the answer of the same rows: ${name}`, () => {
      // long enough to span several runs of rows (4,096 each) now and then (not for the join: its matches grow
      // with the square of the rows per key)
      const short = fc.array(row, { maxLength: 30 });
      const rows = sql.includes('JOIN') ? short : fc.oneof({ weight: 4, arbitrary: short }, { weight: 1, arbitrary: fc.array(row, { minLength: 4000, maxLength: 9000 }) });
      fc.assert(fc.property(rows, fc.boolean(), (rs, keep) => {
        expect(outcome(sql, columnar(asColumns(rs)), keep)).toEqual(outcome(sql, rs, keep));
      }), { numRuns: 25 });
    });
  }

  it('sum BIGINTs exactly over many runs of rows, mixing small values with ones beyond 2^53 and wrapping as Java longs', () => {
    const n = 150_000;
    const k = new Int32Array(n).map((_, i) => i % 3);
    const v: (number | bigint)[] = Array.from({ length: n }, (_, i) => (i % 1000 === 7 ? 2n ** 62n : i % 2 === 0 ? 2147483647 : -2147483646));
    const sql = "CREATE TABLE snk (k INT, c BIGINT, t BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'values'); INSERT INTO snk SELECT k, COUNT(*), SUM(v) FROM ev GROUP BY k;";
    const expected = [0, 1, 2].map((key) => {
      let t = 0n;
      let c = 0;
      for (let i = key; i < n; i += 3) {
        t = BigInt.asIntN(64, t + BigInt(v[i] as number | bigint));
        c++;
      }
      return { k: key, c, t: Number.isSafeInteger(Number(t)) ? Number(t) : t };
    });
    expect(runJob(SOURCE + sql, { inputs: { ev: columnar({ k, v }) }, keepChangelog: false }).rows('snk')).toEqual(expected);
  });

  it('are read again by a second job (with other column types) as by the first', () => {
    const input = columnar({ k: [1, 2, 1], v: [10, 20, 30], s: ['7', '8', '9'] });
    const sum = "CREATE TABLE snk (k INT, t BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'values'); INSERT INTO snk SELECT k, SUM(v) FROM ev GROUP BY k;";
    const first = runJob(SOURCE + sum, { inputs: { ev: input }, keepChangelog: false }).rows('snk');
    expect(runJob(SOURCE + sum, { inputs: { ev: input }, keepChangelog: false }).rows('snk')).toEqual(first);
    expect(first).toEqual([{ k: 1, t: 40 }, { k: 2, t: 20 }]);
    // the same column names under other types: `s` read as an INT
    const other = "CREATE TABLE ev (k BIGINT, v DOUBLE, s INT) WITH ('connector' = 'values'); CREATE TABLE snk (k BIGINT, x DOUBLE) WITH ('connector' = 'values'); INSERT INTO snk SELECT k, v + s FROM ev;";
    expect(runJob(other, { inputs: { ev: input } }).rows('snk')).toEqual([{ k: 1, x: 17 }, { k: 2, x: 28 }, { k: 1, x: 39 }]);
  });

  it('are copied when made: changing the arrays afterwards changes nothing', () => {
    const k = Int32Array.from([1, 2]);
    const v = [5, 6];
    const input = columnar({ k, v });
    k[0] = 9;
    v[1] = 100;
    const sql = "CREATE TABLE snk (k INT, v BIGINT) WITH ('connector' = 'values'); INSERT INTO snk SELECT k, v FROM ev;";
    expect(runJob(SOURCE + sql, { inputs: { ev: input } }).rows('snk')).toEqual([{ k: 1, v: 5 }, { k: 2, v: 6 }]);
  });

  it('leave a column they do not give NULL, as rows do', () => {
    const sql = "CREATE TABLE snk (k INT, s STRING) WITH ('connector' = 'values'); INSERT INTO snk SELECT k, s FROM ev;";
    expect(runJob(SOURCE + sql, { inputs: { ev: columnar({ k: [1] }) } }).rows('snk')).toEqual([{ k: 1, s: null }]);
  });

  it('check every value as a row value is checked, naming the entry and the column', () => {
    const sql = "CREATE TABLE snk (k INT, v BIGINT) WITH ('connector' = 'values'); INSERT INTO snk SELECT k, v FROM ev;";
    const run = (cols: Record<string, ColumnValues>) => () => runJob(SOURCE + sql, { inputs: { ev: columnar(cols) } });
    expect(run({ k: [1, 2.5] })).toThrow(/inputs\.ev\[1\]\.k: a number \(2\.5\) is not an INT value/);
    expect(code(run({ k: [1, 2.5] }))).toBe('FTS7005');
    expect(run({ k: Float64Array.from([1, 3e9]) })).toThrow(/inputs\.ev\[1\]\.k/);
    expect(run({ v: [1, 2 ** 60] })).toThrow(/inputs\.ev\[1\]\.v/);
    expect(run({ s: ['a', 5] as unknown[] })).toThrow(/inputs\.ev\[1\]\.s/);
    expect(run({ x: [1] })).toThrow(/unknown column 'x' of table 'ev'/);
    expect(run({ k: [1, 2, 3], v: [1, 2] })).toThrow(/column 'v' has 2 values, the columns before it 3/);
    expect(code(() => columnar({ k: 'abc' as unknown as number[] }))).toBe('FTS2305');
  });

  it('refuse a NULL primary key, as rows do', () => {
    const sql = `CREATE TABLE kv (k INT, v BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'values');
      CREATE TABLE snk (k INT, v BIGINT) WITH ('connector' = 'values'); INSERT INTO snk SELECT k, v FROM kv;`;
    expect(() => runJob(sql, { inputs: { kv: columnar({ k: [1, null], v: [1, 2] }) } })).toThrow(/inputs\.kv\[1\]\.k: primary key column 'k' of table 'kv' is NULL/);
    expect(() => runJob(sql, { inputs: { kv: columnar({ v: [1, 2] }) } })).toThrow(/inputs\.kv\[0\]\.k: primary key column 'k'/);
  });

  it('name the source row of a failing expression, in any run of rows', () => {
    const k = Array.from({ length: 10_000 }, (_, i) => i);
    const s = k.map((i) => (i === 6000 ? 'x' : String(i)));
    const sql = "CREATE TABLE snk (k INT, n INT) WITH ('connector' = 'values'); INSERT INTO snk SELECT k, CAST(s AS INT) FROM ev;";
    expect(() => runJob(SOURCE + sql, { inputs: { ev: columnar({ k, s }) } })).toThrow(/while processing a \+I row of 'ev': \[6000,null,"x",null\]/);
    const agg = "CREATE TABLE snk (k INT, t BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'values'); INSERT INTO snk SELECT MOD(k, 7), SUM(CAST(s AS BIGINT)) FROM ev GROUP BY MOD(k, 7);";
    expect(() => runJob(SOURCE + agg, { inputs: { ev: columnar({ k, s }) }, keepChangelog: false })).toThrow(/\[6000,null,"x",null\]/);
  });

  it('are an iterable of rows keyed by column name (how other readers see them)', () => {
    expect([...columnar({ k: Int32Array.from([1, 2]), s: ['a', null] })]).toEqual([{ k: 1, s: 'a' }, { k: 2, s: null }]);
  });
});
