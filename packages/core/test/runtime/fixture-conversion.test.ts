/**
 * `runJob` converts test values with an inline fast path for the common ones. Whatever it converts inline must
 * be exactly what the general conversion gives (same value, same JavaScript type, -0 as 0), and every value it
 * does not convert inline still meets the general conversion's checks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DataType } from '../../src/types/data-type.js';
import { asIsRun, convertedRun, fastConverter, toRuntimeValue, usableAsIs } from '../../src/testing/values.js';
import { runJob } from '../../src/testing/index.js';

const TYPES: DataType[] = [
  { kind: 'TINYINT', nullable: true }, { kind: 'SMALLINT', nullable: true }, { kind: 'INT', nullable: true },
  { kind: 'BIGINT', nullable: true }, { kind: 'DOUBLE', nullable: true }, { kind: 'FLOAT', nullable: true },
  { kind: 'VARCHAR', length: 10, nullable: true }, { kind: 'CHAR', length: 3, nullable: true }, { kind: 'BOOLEAN', nullable: true },
  { kind: 'DECIMAL', precision: 10, scale: 2, nullable: true }, { kind: 'DATE', nullable: true },
  { kind: 'TIMESTAMP', precision: 3, nullable: true }, { kind: 'TIMESTAMP', precision: 0, nullable: true }, { kind: 'TIMESTAMP_LTZ', precision: 3, nullable: true },
];

const value = fc.oneof(
  fc.integer(), fc.double(), fc.constantFrom(-0, 127, 128, -129, 2 ** 31, -(2 ** 31), 2 ** 53, Number.MAX_SAFE_INTEGER, NaN, Infinity, 0.5),
  fc.string({ maxLength: 4 }), fc.constantFrom('12', ' 7', '1.5', 'NULL', 'true'), fc.boolean(), fc.constant(null), fc.constant(undefined),
  fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }),
  fc.date({ noInvalidDate: false }), fc.constantFrom('2024-01-01 10:00:00.123'),
);

function general(v: unknown, t: DataType): { value: unknown } | { error: string } {
  try {
    return { value: toRuntimeValue(v, t, 'UTC', { column: 'x' }) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe('test values converted inline', () => {
  it('are exactly what the general conversion gives', () => {
    fc.assert(fc.property(fc.constantFrom(...TYPES), value, (t, v) => {
      const x = fastConverter(t)(v);
      if (x === undefined) return;
      const g = general(v, t);
      expect(g).toEqual({ value: x });
      expect(typeof x).toBe(typeof (g as { value: unknown }).value);
      if (typeof x === 'number') expect(Object.is(x, -0)).toBe(false);
    }), { numRuns: 5000 });
  });

  it('leave bad values to the general checks, which name the row and column', () => {
    const sql = "CREATE TABLE t (a INT, b BIGINT, c STRING) WITH ('connector' = 'values'); SELECT a, b, c FROM t";
    expect(() => runJob(sql, { inputs: { t: [[1, 2, 'x'], [1.5, 2, 'x']] } })).toThrow(/inputs\.t\[1\]\.a/);
    expect(() => runJob(sql, { inputs: { t: [{ a: 1, b: 2 ** 60, c: 'x' }] } })).toThrow(/inputs\.t\[0\]\.b/);
    expect(() => runJob(sql, { inputs: { t: [{ a: 1, b: 2, c: 'x', d: 1 }] } })).toThrow(/unknown column 'd'/);
    expect(runJob(sql, { inputs: { t: [[-0, 5, 'x'], { a: 3, c: null }] } }).changelog()).toEqual(['+I[0, 5, x]', '+I[3, null, null]']);
    // an array row whose values are all held as they are is used as it is, except that -0 becomes 0
    const dbl = "CREATE TABLE t (d DOUBLE) WITH ('connector' = 'values'); SELECT d, CAST(d AS STRING) FROM t";
    expect(runJob(dbl, { inputs: { t: [[-0], { d: -0 }] } }).changelog()).toEqual(['+I[0.0, 0.0]', '+I[0.0, 0.0]']);
  });
});

describe('array rows used as they are', () => {
  it('are rows whose every value the inline conversion gives back unchanged', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...TYPES), { minLength: 1, maxLength: 4 }).chain((types) =>
      fc.tuple(fc.constant(types), fc.tuple(...types.map(() => value)))), ([types, row]) => {
      const asIs = usableAsIs(types)(row);
      const unchanged = row.every((v, i) => {
        const x = fastConverter(types[i] as DataType)(v);
        return x === v && !Object.is(v, -0);
      });
      // used as it is only when no value would change (it may be converted although none changes: never wrong)
      if (asIs) expect(unchanged).toBe(true);
      if (unchanged && row.every((v) => v === null || typeof v !== 'object')) expect(asIs).toBe(true);
    }), { numRuns: 5000 });
    expect(usableAsIs([TYPES[2] as DataType])([1, 2])).toBe(false); // a row of another width is converted (and rejected)
  });
});

describe('runs of array rows checked at once', () => {
  it('stop at the first entry that is not a row usable as it is with its key columns set', () => {
    const entry = (types: readonly DataType[]) => fc.oneof(
      fc.tuple(...types.map(() => value)),
      fc.constantFrom<unknown>(undefined, null, { watermark: 1 }, [1], [], 'row'),
    );
    fc.assert(fc.property(fc.array(fc.constantFrom(...TYPES), { minLength: 1, maxLength: 4 }).chain((types) =>
      fc.tuple(fc.constant(types), fc.subarray(types.map((_, i) => i)), fc.array(entry(types), { maxLength: 6 }), fc.nat(3))), ([types, keys, rows, from]) => {
      const one = usableAsIs(types);
      const usable = (r: unknown): boolean => Array.isArray(r) && one(r) && keys.every((k) => r[k] !== null);
      const start = Math.min(from, rows.length);
      let expected = start;
      while (expected < rows.length && usable(rows[expected])) expected++;
      expect(asIsRun(types, keys)(rows, start, rows.length)).toBe(expected);
    }), { numRuns: 5000 });
  });

  it('convert, when compiled per table, what the columns\' converters give row by row, up to the same entry', () => {
    /** The reference: each value through its column's converter, a row copied once a value changes. */
    const byRow = (types: readonly DataType[], keys: readonly number[], rows: readonly unknown[], from: number): unknown[][] => {
      const fast = types.map((t) => fastConverter(t));
      const out: unknown[][] = [];
      for (let i = from; i < rows.length; i++) {
        const r = rows[i];
        if (!Array.isArray(r) || r.length !== types.length) break;
        const x = r.map((v, c) => (fast[c] as (v: unknown) => unknown)(v));
        if (x.some((v) => v === undefined) || keys.some((k) => x[k] === null)) break;
        out.push(x.every((v, c) => Object.is(v, r[c])) ? r : x);
      }
      return out;
    };
    const entry = (types: readonly DataType[]) => fc.oneof(
      { weight: 4, arbitrary: fc.tuple(...types.map(() => value)) },
      fc.constantFrom<unknown>(undefined, null, { watermark: 1 }, [1], [], 'row'),
    );
    fc.assert(fc.property(fc.array(fc.constantFrom(...TYPES), { minLength: 1, maxLength: 4 }).chain((types) =>
      fc.tuple(fc.constant(types), fc.subarray(types.map((_, i) => i)), fc.array(entry(types), { maxLength: 6 }), fc.nat(3))), ([types, keys, rows, from]) => {
      const start = Math.min(from, rows.length);
      const out: unknown[][] = [];
      convertedRun(types.map((t) => fastConverter(t)), keys)(rows, start, rows.length, out);
      const expected = byRow(types, keys, rows, start);
      expect(out).toEqual(expected);
      // the entry itself where nothing changed, a new row where something did
      out.forEach((r, i) => expect(r === rows[start + i]).toBe(expected[i] === rows[start + i]));
    }), { numRuns: 5000 });
  });

  it('give the same job results as entries read one by one, with other entries between the runs', () => {
    const sql = "CREATE TABLE t (a INT, b BIGINT, c STRING, PRIMARY KEY (a) NOT ENFORCED) WITH ('connector' = 'values', 'changelog-mode' = 'I,UA,D'); SELECT a, b + 1, c FROM t";
    const rows: unknown[] = [];
    for (let i = 0; i < 10_000; i++) rows.push(i % 1000 === 7 ? { a: i, b: String(i), c: 'o' } : i % 2500 === 3 ? { kind: '-D', row: [i - 3, i - 3, 'x'] } : [i, i, `r${i}`]);
    const fromIterable = runJob(sql, { inputs: { t: new Set(rows) as Iterable<never> } }).changelog();
    expect(runJob(sql, { inputs: { t: rows as never[] } }).changelog()).toEqual(fromIterable);
    expect(fromIterable.filter((c) => c.startsWith('-D'))).toHaveLength(4);
    // a NULL key in a run is named by its position, as row by row
    const bad = [...rows.slice(0, 5000), [null, 1, 'x']];
    expect(() => runJob(sql, { inputs: { t: bad as never[] } })).toThrow(/inputs\.t\[5000\]\.a: primary key column 'a'/);
  });
});

describe('iterable inputs', () => {
  const sql = "CREATE TABLE t (a INT, b BIGINT, c STRING) WITH ('connector' = 'values'); SELECT a, b + 1, c FROM t";
  function* rows(n: number, bad?: number): Generator<unknown[] | Record<string, unknown>> {
    for (let i = 0; i < n; i++) yield i === bad ? [1.5, i, 'x'] : i % 2 === 0 ? [i, i, `r${i}`] : { a: i, b: i, c: `r${i}` };
  }

  it('give what the same entries in an array give, read once as the job reads them', () => {
    const fromArray = runJob(sql, { inputs: { t: [...rows(10_000)] } }).changelog();
    let read = 0;
    const counted = {
      *[Symbol.iterator]() {
        for (const r of rows(10_000)) {
          read++;
          yield r;
        }
      },
    };
    expect(runJob(sql, { inputs: { t: counted } }).changelog()).toEqual(fromArray);
    expect(read).toBe(10_000);
    // with watermarks and changelog entries too
    const events = "CREATE TABLE e (k INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'values');"
      + " SELECT k, window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE e, DESCRIPTOR(ts), INTERVAL '1' SECOND)) GROUP BY k, window_start, window_end";
    const entries = [[1, new Date(0)], [1, new Date(500)], { watermark: 1500 }, [2, new Date(1200)], [1, new Date(2500)]];
    expect(runJob(events, { inputs: { e: new Set(entries) } }).changelog()).toEqual(runJob(events, { inputs: { e: entries } }).changelog());
  });

  it('name a bad entry by its position', () => {
    expect(() => runJob(sql, { inputs: { t: rows(10, 7) } })).toThrow(/inputs\.t\[7\]\.a/);
    expect(() => runJob(sql, { inputs: { t: 'abc' as never } })).toThrow(/an array or an iterable of entries/);
  });
});

describe('result rows as plain objects', () => {
  it('are keyed by the column names whatever characters they hold, with values converted by type', () => {
    const sql = "CREATE TABLE t (a INT, b BIGINT, c STRING, ts TIMESTAMP(3)) WITH ('connector' = 'values');"
      + ' SELECT a AS `x"y`, b AS `back\\slash`, c AS `new\nline`, ts AS `é`, CAST(b AS DECIMAL(20, 2)) AS `d`, a AS `constructor` FROM t';
    const rows = runJob(sql, { inputs: { t: [[1, 2 ** 53 - 1, 's', new Date(Date.UTC(2024, 0, 1))], [null, null, null, null]] } }).rows();
    expect(rows).toEqual([
      { 'x"y': 1, 'back\\slash': 2 ** 53 - 1, 'new\nline': 's', 'é': '2024-01-01 00:00:00.000', d: '9007199254740991.00', constructor: 1 },
      { 'x"y': null, 'back\\slash': null, 'new\nline': null, 'é': null, d: null, constructor: null },
    ]);
    expect(Object.keys(rows[0] as object)).toEqual(['x"y', 'back\\slash', 'new\nline', 'é', 'd', 'constructor']);
  });

  it('are converted by each job\'s own session: a later job of the same columns in another time zone prints its own times', () => {
    // the builders of two jobs share their compiled code (one per column list), not their conversions
    const sql = "CREATE TABLE t (ts TIMESTAMP_LTZ(3)) WITH ('connector' = 'values'); SELECT ts FROM t";
    const at = new Date(Date.UTC(2024, 0, 1, 12));
    const rows = (zone: string) => runJob(sql, { inputs: { t: [[at]] }, config: { 'table.local-time-zone': zone } }).rows();
    expect(rows('UTC')).toEqual([{ ts: '2024-01-01 12:00:00.000' }]);
    expect(rows('Asia/Shanghai')).toEqual([{ ts: '2024-01-01 20:00:00.000' }]);
    expect(rows('UTC')).toEqual([{ ts: '2024-01-01 12:00:00.000' }]);
  });
});
