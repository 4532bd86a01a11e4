/**
 * Regular joins keep their state per equi-join key (as Flink's join state does). Keys only narrow which rows
 * are compared: for every join type, every changelog (retractions, NULL keys, keys of two numeric types) the
 * changelog must be exactly the one of the same join whose condition hides its keys (`(a = b) IS TRUE` has no
 * equi-join conjunct, so every row is compared with every row), which is how the runtime joined before.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runJob } from '../../src/testing/index.js';
import type { TestEntry } from '../../src/testing/index.js';

type L = { k: number | null; j: number | null; a: string };
type R = { k: string | null; j: number | null; b: string };
type Entry<T> = { kind: '+I' | '-U' | '+U' | '-D'; row: T };

/** A valid changelog: retractions only of rows that are live, updates as -U/+U pairs. */
function changelog<T>(row: fc.Arbitrary<T>): fc.Arbitrary<Entry<T>[]> {
  return fc
    .array(fc.record({ op: fc.constantFrom('insert', 'insert', 'insert', 'delete', 'update'), pick: fc.nat(), row }), { maxLength: 25 })
    .map((steps) => {
      const live: T[] = [];
      const out: Entry<T>[] = [];
      for (const s of steps) {
        if (s.op === 'insert' || live.length === 0) {
          live.push(s.row);
          out.push({ kind: '+I', row: s.row });
          continue;
        }
        const [old] = live.splice(s.pick % live.length, 1) as [T];
        if (s.op === 'delete') out.push({ kind: '-D', row: old });
        else {
          live.push(s.row);
          out.push({ kind: '-U', row: old }, { kind: '+U', row: s.row });
        }
      }
      return out;
    });
}

const key = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 3 }));
const leftRows = changelog(fc.record({ k: key, j: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 1 })), a: fc.constantFrom('x', 'y') }));
// the right key is a DECIMAL: the comparison brings both keys to DECIMAL, and so must the join key (as a BIGINT, both
// keys are BIGINTs, kept by array index)
const rightRows = changelog(fc.record({ k: fc.oneof(key.map((k) => (k === null ? null : `${k}.00`)), fc.constant('1.50')), j: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 1 })), b: fc.constantFrom('p', 'q') }));

const ddl = (rightKey: string) => `
  CREATE TABLE l (k INT, j INT, a STRING) WITH ('connector' = 'values', 'changelog-mode' = 'I,UB,UA,D');
  CREATE TABLE r (k ${rightKey}, j INT, b STRING) WITH ('connector' = 'values', 'changelog-mode' = 'I,UB,UA,D');
  CREATE TABLE snk (lk INT, a STRING, rk ${rightKey}, b STRING) WITH ('connector' = 'values');`;

const job = (type: string, on: string, rightKey = 'DECIMAL(10, 2)') => `${ddl(rightKey)} INSERT INTO snk SELECT l.k, l.a, r.k, r.b FROM l ${type} JOIN r ON ${on};`;

function changes(sql: string, l: Entry<L>[], r: Entry<R>[]): readonly string[] {
  return runJob(sql, { inputs: { l: l as unknown as TestEntry[], r: r as unknown as TestEntry[] } }).changelog('snk');
}

describe('regular joins keyed by their equi-join keys', () => {
  for (const type of ['INNER', 'LEFT', 'RIGHT', 'FULL']) {
    for (const [what, keyed, unkeyed] of [
      ['one key', 'l.k = r.k', '(l.k = r.k) IS TRUE'],
      ['two keys and a residual condition', 'r.k = l.k AND l.j = r.j AND l.a <> r.b', '(r.k = l.k AND l.j = r.j) IS TRUE AND l.a <> r.b'],
    ] as const) {
      it(`${type} JOIN, ${what}: the changelog of the unkeyed join`, () => {
        fc.assert(fc.property(leftRows, rightRows, (l, r) => {
          expect(changes(job(type, keyed), l, r)).toEqual(changes(job(type, unkeyed), l, r));
        }), { numRuns: 60 });
        const integral = (r: Entry<R>[]) => r.filter((e) => e.row.k !== '1.50').map((e) => ({ ...e, row: { ...e.row, k: e.row.k === null ? null : e.row.k.replace('.00', '') } }));
        fc.assert(fc.property(leftRows, rightRows, (l, r) => {
          expect(changes(job(type, keyed, 'BIGINT'), l, integral(r))).toEqual(changes(job(type, unkeyed, 'BIGINT'), l, integral(r)));
        }), { numRuns: 40 });
      });
    }
  }

  for (const type of ['INNER', 'LEFT', 'RIGHT', 'FULL']) {
    it(`${type} JOIN: a projection of plain columns fused into the join gives the changelog of a Calc after it`, () => {
      // \`a || ''\` is the same value, but no plain column: that projection stays a Calc after the join
      const calc = (on: string) => `${ddl('DECIMAL(10, 2)')} INSERT INTO snk SELECT l.k, l.a || '', r.k, r.b || '' FROM l ${type} JOIN r ON ${on};`;
      for (const on of ['l.k = r.k', 'r.k = l.k AND l.a <> r.b', '(l.k = r.k) IS TRUE']) {
        fc.assert(fc.property(leftRows, rightRows, (l, r) => {
          expect(changes(job(type, on), l, r)).toEqual(changes(calc(on), l, r));
        }), { numRuns: 30 });
      }
    });
  }

  it('INNER JOIN into a final-table sink (its output handed on as columns): the table of the changelog-kept run', () => {
    // insert-only inputs travel in batches; a final-table sink without a key takes the join's output as columns,
    // the changelog-kept sink takes rows: the same rows in the same order, across batches (the arrays are reused)
    const inserts = <T>(rows: fc.Arbitrary<T>) => fc.array(rows, { maxLength: 40 });
    const lk = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 5 }));
    const lrow = fc.record({ k: lk, j: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 1 })), a: fc.constantFrom('x', 'y', 'z') });
    const rrow = fc.record({ k: lk.map((k) => (k === null ? null : `${k}.00`)), j: fc.integer({ min: 0, max: 1 }), b: fc.constantFrom('p', 'q') });
    const sqls = [job('INNER', 'l.k = r.k'), `${ddl('DECIMAL(10, 2)')} INSERT INTO snk SELECT l.k, r.b, r.k, l.a FROM l JOIN r ON l.k = r.k;`];
    const table = (sql: string, l: L[], r: R[], keepChangelog: boolean) => runJob(sql, { inputs: { l, r }, keepChangelog }).table('snk');
    fc.assert(fc.property(inserts(lrow), inserts(rrow), fc.nat({ max: 3 }), (l, r, repeat) => {
      // repeated, so that batches of more than 4,096 rows and several batches meet
      const ls = Array.from({ length: 1 + repeat * 40 }, () => l).flat();
      const rs = Array.from({ length: 1 + repeat * 40 }, () => r).flat();
      for (const sql of sqls) expect(table(sql, ls, rs, false)).toEqual(table(sql, ls, rs, true));
    }), { numRuns: 40 });
  });

  it('joins run one after another give their own answers (a finished join hands its state\'s chunks on)', () => {
    const n = 20_000;
    const sql = job('INNER', 'l.k = r.k', 'BIGINT');
    const run = (m: number, a: string) => runJob(sql, {
      inputs: { l: Array.from({ length: m }, (_, i) => ({ k: i, j: 0, a })), r: Array.from({ length: m }, (_, i) => ({ k: m - 1 - i, j: 0, b: 'p' })) },
      keepChangelog: false,
    }).table('snk');
    expect(run(n, 'x')).toHaveLength(n);
    // fewer keys than the first job's chunks hold: the second job's heads and columns must read as new
    const second = run(3 * 8192 + 7, 'y');
    expect(second).toHaveLength(3 * 8192 + 7);
    expect(second.every((line) => line.includes(', y, '))).toBe(true);
    expect(second[0]).toBe(`${3 * 8192 + 6}, y, ${3 * 8192 + 6}, p`);
  });

  it('a DOUBLE key still evaluates its condition: NaN keys are one Map key, but NaN = NaN is false', () => {
    const sql = `CREATE TABLE l (k DOUBLE, a STRING) WITH ('connector' = 'values');
      CREATE TABLE r (k DOUBLE, b STRING) WITH ('connector' = 'values');
      SELECT l.k, a, b FROM l JOIN r ON l.k = r.k;`;
    const inputs = { l: [[NaN, 'x'], [1.5, 'y']], r: [[NaN, 'p'], [1.5, 'q']] };
    expect(runJob(sql, { inputs }).changelog()).toEqual(['+I[1.5, y, q]']);
  });

  it('a join of 20,000 rows per side on distinct keys compares each row with its one partner', () => {
    const n = 20_000;
    const l = Array.from({ length: n }, (_, i) => ({ k: i, j: 0, a: 'x' }));
    const r = Array.from({ length: n }, (_, i) => ({ k: `${n - 1 - i}.00`, j: 0, b: 'p' }));
    const out = runJob(job('INNER', 'l.k = r.k'), { inputs: { l, r }, keepChangelog: false }).table('snk');
    expect(out.length).toBe(n);
    expect(out[0]).toBe('19999, x, 19999.00, p');
  });
});
