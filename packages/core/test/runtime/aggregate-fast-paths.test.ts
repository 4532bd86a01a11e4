/**
 * The aggregation fast paths give exactly the general results: COUNT and SUM over BIGINT as 64-bit wrapped
 * BigInts (Java's long overflow), single-column group keys without key arrays, and the sink's no-copy path
 * for rows that need no conversion.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Expression } from '../../src/ast/expression.js';
import type { Query } from '../../src/ast/query.js';
import type { CreateTable, Script } from '../../src/ast/statement.js';
import type { DataType } from '../../src/types/data-type.js';
import { AggregateSet } from '../../src/runtime/operators/aggregates.js';
import type { AggregateSpec } from '../../src/runtime/operators/aggregates.js';
import { formatChange, LocalJob } from '../../src/runtime/job.js';
import { T } from '../../src/runtime/types.js';
import { toBigint } from '../../src/runtime/values/bigint.js';
import { Decimal } from '../../src/runtime/values/decimal.js';

const LONG_MAX = 2n ** 63n - 1n;
const LONG_MIN = -(2n ** 63n);
const wrap = (x: bigint): bigint => BigInt.asIntN(64, x);

function sumSet(name: 'SUM' | 'SUM0'): AggregateSet {
  const spec: AggregateSpec = { name, arg: (r) => r[0] ?? null, argType: T.bigint(), distinct: false, resultType: name === 'SUM' ? T.bigint() : T.bigint(false) };
  const count: AggregateSpec = { name: 'COUNT', distinct: false, resultType: T.bigint(false) };
  return new AggregateSet([spec, count]);
}

/**
 * Feeds (value, retract) steps; returns [SUM, COUNT(*)] after every step, each BIGINT as a bigint (the
 * accumulators may give one as a safe-integer number: values/bigint.ts; `forms` checks that).
 */
function run(name: 'SUM' | 'SUM0', steps: readonly (readonly [bigint | null, boolean])[]): unknown[][] {
  return raw(name, steps).map((r) => r.map(toBigint));
}

function raw(name: 'SUM' | 'SUM0', steps: readonly (readonly [bigint | null, boolean])[]): unknown[][] {
  const set = sumSet(name);
  const accs = set.create();
  return steps.map(([v, retract]) => {
    set.accumulate(accs, [v], retract);
    return set.values(accs);
  });
}

/** A BIGINT result is a bigint, or a number only when it is a safe integer. */
const heldExactly = (v: unknown): boolean => v === null || typeof v === 'bigint' || (typeof v === 'number' && Number.isSafeInteger(v));

/** The reference: BigInt arithmetic wrapped to 64 bits after every step, as Java's long sum does. */
function reference(name: 'SUM' | 'SUM0', steps: readonly (readonly [bigint | null, boolean])[]): unknown[][] {
  let sum = 0n;
  let n = 0;
  let rows = 0n;
  return steps.map(([v, retract]) => {
    rows += retract ? -1n : 1n;
    if (v !== null) {
      sum = wrap(retract ? sum - v : sum + v);
      n += retract ? -1 : 1;
    }
    return [n === 0 && name === 'SUM' ? null : sum, rows];
  });
}

describe('SUM over BIGINT', () => {
  it('wraps on overflow like Java long arithmetic', () => {
    expect(run('SUM', [[LONG_MAX, false], [1n, false]]).map((r) => r[0])).toEqual([LONG_MAX, LONG_MIN]);
    expect(run('SUM', [[LONG_MIN, false], [-1n, false]]).map((r) => r[0])).toEqual([LONG_MIN, LONG_MAX]);
    expect(run('SUM', [[LONG_MAX, false], [LONG_MAX, false], [LONG_MAX, true]]).map((r) => r[0])).toEqual([LONG_MAX, -2n, LONG_MAX]);
  });

  it('stays exact across 2^53 in both directions', () => {
    const big = 2n ** 53n;
    const steps: [bigint, boolean][] = [[big - 1n, false], [1n, false], [1n, false], [3n, true], [big, false], [big, true], [-(big * 3n), false]];
    expect(run('SUM', steps)).toEqual(reference('SUM', steps));
    expect(raw('SUM', steps).flat().every(heldExactly)).toBe(true);
  });

  it('is NULL without non-NULL values (SUM) and 0 for SUM0; NULL values do not count', () => {
    expect(run('SUM', [[null, false], [5n, false], [5n, true]])).toEqual([[null, 1n], [5n, 2n], [null, 1n]]);
    expect(run('SUM0', [[null, false], [5n, false], [5n, true]])).toEqual([[0n, 1n], [5n, 2n], [0n, 1n]]);
  });

  it('matches the wrapped BigInt reference on random add/retract sequences', () => {
    const value = fc.oneof(
      fc.bigInt({ min: -100n, max: 100n }),
      fc.bigInt({ min: -(2n ** 54n), max: 2n ** 54n }),
      fc.bigInt({ min: LONG_MIN, max: LONG_MAX }),
      fc.constantFrom(LONG_MAX, LONG_MIN, 2n ** 53n, -(2n ** 53n), 2n ** 53n - 1n, null),
    );
    const steps = fc.array(fc.tuple(value, fc.boolean()), { maxLength: 40 });
    fc.assert(fc.property(steps, fc.constantFrom('SUM' as const, 'SUM0' as const), (st, name) => {
      expect(run(name, st)).toEqual(reference(name, st));
      expect(raw(name, st).flat().every(heldExactly)).toBe(true);
    }), { numRuns: 1000 });
  });
});

describe('COUNT', () => {
  it('counts up and down as BIGINT values', () => {
    const set = new AggregateSet([{ name: 'COUNT', distinct: false, resultType: T.bigint(false), arg: (r) => r[0] ?? null }]);
    const accs = set.create();
    const out: unknown[] = [];
    for (const [v, retract] of [[1n, false], [null, false], [2n, false], [1n, true], [5000n, false]] as const) {
      set.accumulate(accs, [v], retract);
      out.push(set.values(accs)[0]);
    }
    expect(out.map(toBigint)).toEqual([1n, 1n, 2n, 1n, 2n]);
    expect(out.every(heldExactly)).toBe(true);
  });
});

const col = (name: string): Expression => ({ kind: 'ColumnRef', name });
const BIGINT: DataType = { kind: 'BIGINT', nullable: true };
const INT: DataType = { kind: 'INT', nullable: true };
const STRING: DataType = { kind: 'VARCHAR', length: 2147483647, nullable: true };

function table(name: string, cols: [string, DataType][], pk?: string[], options: [string, string][] = []): CreateTable {
  return {
    kind: 'CreateTable', path: [name], temporary: false, ifNotExists: false, partitionedBy: [],
    columns: cols.map(([n, type]) => ({ kind: 'PhysicalColumn', name: n, type })),
    options: [{ key: 'connector', value: 'values' }, ...options.map(([key, value]) => ({ key, value }))],
    ...(pk ? { primaryKey: { columns: pk } } : {}),
  };
}

function aggregate(keys: string[], keyType: DataType, sinkPk: boolean, rows: unknown[][], changelog = false): string[] {
  const query: Query = {
    kind: 'Select', distinct: false, from: { kind: 'TableRef', path: ['src'] },
    items: [
      ...keys.map((k) => ({ kind: 'SelectExpr' as const, expr: col(k) })),
      { kind: 'SelectExpr', expr: { kind: 'FunctionCall', name: ['COUNT'], args: [], star: true }, alias: 'cnt' },
      { kind: 'SelectExpr', expr: { kind: 'FunctionCall', name: ['SUM'], args: [col('v')] }, alias: 'total' },
    ],
    groupBy: keys.map(col),
  };
  const srcCols: [string, DataType][] = [['k1', keyType], ['k2', INT], ['v', BIGINT]];
  const sinkCols: [string, DataType][] = [...keys.map((k): [string, DataType] => [k, k === 'k1' ? keyType : INT]), ['cnt', BIGINT], ['total', BIGINT]];
  const script: Script = {
    kind: 'Script',
    statements: [
      table('src', srcCols, undefined, changelog ? [['changelog-mode', 'I,UB,UA,D']] : []),
      table('snk', sinkCols, sinkPk ? keys : undefined),
      { kind: 'Insert', target: ['snk'], overwrite: false, query },
    ],
  };
  const job = new LocalJob(script);
  const res = job.run(new Map([['src', [rows as never]]])).sinks.get('snk');
  if (!res) throw new Error('no sink');
  return res.changelog.map((c) => formatChange(c, res.columns));
}

describe('group aggregation with one key column', () => {
  it('emits an update per input row, keys of every primitive kind and NULL kept apart', () => {
    const rows = [['a', 1, 10n], ['b', 1, 5n], ['a', 2, null], [null, 1, 7n], ['a', 1, 1n], [null, 2, 1n]];
    expect(aggregate(['k1'], STRING, false, rows)).toEqual([
      '+I[a, 1, 10]', '+I[b, 1, 5]', '-U[a, 1, 10]', '+U[a, 2, 10]', '+I[null, 1, 7]', '-U[a, 2, 10]', '+U[a, 3, 11]', '-U[null, 1, 7]', '+U[null, 2, 8]',
    ]);
  });

  it('retractions to zero rows delete the key; an upsert sink receives no -U', () => {
    const rows = [
      { kind: '+I', row: [1, 0, 3n] }, { kind: '+I', row: [1, 0, 4n] }, { kind: '-D', row: [1, 0, 3n] }, { kind: '-D', row: [1, 0, 4n] }, { kind: '-D', row: [2, 0, 1n] },
    ];
    expect(aggregate(['k1'], INT, true, rows as never, true)).toEqual(['+I[1, 1, 3]', '+U[1, 2, 7]', '+U[1, 1, 4]', '-D[1, 1, 4]']);
  });

  it('gives the same changelog as the two-column path when the second key is constant', () => {
    const rows = Array.from({ length: 50 }, (_, i) => [i % 7, 0, BigInt(i % 5) * 2n ** 60n]);
    const one = aggregate(['k1'], INT, false, rows);
    const two = aggregate(['k1', 'k2'], INT, false, rows).map((l) => l.replace(/^([+-][IUD]\[-?\d+), 0,/, '$1,'));
    expect(one).toEqual(two);
  });

  it('a NULL key written into the sink primary key (NOT NULL) still fails', () => {
    expect(() => aggregate(['k1'], INT, true, [[null, 0, 1n]])).toThrow(/NOT NULL/);
  });
});

describe('MIN / MAX with retraction', () => {
  const minMax = (type: DataType, steps: readonly (readonly [unknown, boolean])[]): unknown[][] => {
    const set = new AggregateSet([
      { name: 'MIN', arg: (r) => r[0] ?? null, argColumn: 0, argType: type, distinct: false, resultType: type },
      { name: 'MAX', arg: (r) => r[0] ?? null, argColumn: 0, argType: type, distinct: false, resultType: type },
    ]);
    const accs = set.create();
    return steps.map(([v, retract]) => {
      set.accumulate(accs, [v], retract);
      return set.values(accs).map((x) => (x instanceof Object ? String(x) : x));
    });
  };

  it('keeps a multiset in which both forms of one value are one (BIGINT number / bigint, DECIMAL 1.0 / 1.00)', () => {
    expect(minMax(T.bigint(), [[5, false], [7n, false], [5n, true], [7, true]]).map((r) => r.map(String))).toEqual([['5', '5'], ['5', '7'], ['7', '7'], ['null', 'null']]);
    const d = (t: string) => Decimal.fromString(t);
    expect(minMax(T.decimal(10, 2), [[d('1.0'), false], [d('2.5'), false], [d('1.00'), true], [d('2.50'), true]])).toEqual([['1.0', '1.0'], ['1.0', '2.5'], ['2.5', '2.5'], [null, null]]);
  });

  it('counts a value added twice until both are retracted; -0.0 is below 0.0 and NaN above all (Java\'s compareTo, as Flink 1.20.1\'s retracting MIN / MAX); strings by their text', () => {
    expect(minMax(T.double(), [[-0, false], [0, false], [3, false], [0, true], [-0, true]])).toEqual([[-0, -0], [-0, 0], [-0, 3], [-0, 3], [3, 3]]);
    expect(minMax(T.double(), [[NaN, false], [1, false], [-Infinity, false], [NaN, true]])).toEqual([[NaN, NaN], [1, NaN], [-Infinity, NaN], [-Infinity, 1]]);
    expect(minMax(T.string(), [['b', false], ['a', false], ['a', false], ['a', true], ['a', true]])).toEqual([['b', 'b'], ['a', 'b'], ['a', 'b'], ['a', 'b'], ['b', 'b']]);
  });
});
