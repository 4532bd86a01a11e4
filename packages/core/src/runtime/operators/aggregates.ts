/**
 * Retract-capable aggregate functions (COUNT, SUM, SUM0, AVG, MIN, MAX) with DISTINCT and FILTER, and their
 * Flink result types (SUM(INT) = INT, AVG(INT) = INT with truncating division, SUM(DECIMAL(p,s)) = DECIMAL(38,s)…).
 */
import { inferFunctionType } from '../../functions/infer.js';
import type { DataType } from '../../types/data-type.js';
import type { Evaluator, Row } from '../compiled.js';
import { T, withNullable } from '../types.js';
import { comparatorFor, exactKey, javaFloatCompare } from '../values/compare.js';
import type { Comparator } from '../values/compare.js';
import { notReached } from '../errors.js';
import { Decimal } from '../values/decimal.js';
import { toBigint } from '../values/bigint.js';
import type { CollectionAggregateName } from './collection-aggregates.js';
import type { PartialKind } from './dense-group-kernel.js';
import { ArrivalList } from './arrival-list.js';
import { ExtremeAcc } from './extreme-accumulator.js';

export type AggregateName = 'COUNT' | 'SUM' | 'SUM0' | 'AVG' | 'MIN' | 'MAX' | 'FIRST_VALUE' | 'LAST_VALUE' | 'LISTAGG';
export const AGGREGATE_NAMES: ReadonlySet<string> = new Set(['COUNT', 'SUM', 'SUM0', 'AVG', 'MIN', 'MAX', 'FIRST_VALUE', 'LAST_VALUE', 'LISTAGG']);

export interface AggregateSpec {
  readonly name: AggregateName | CollectionAggregateName;
  /** The accumulator of an aggregate defined outside this file (collection-aggregates.ts). */
  readonly accumulator?: () => Accumulator;
  /** Absent for COUNT(*). */
  readonly arg?: Evaluator;
  /** Set when the argument is just the input column at this position (read directly, without calling `arg`). */
  readonly argColumn?: number;
  /** LISTAGG's separator (default ','). */
  readonly separator?: string;
  readonly argType?: DataType;
  readonly distinct: boolean;
  readonly filter?: Evaluator;
  readonly resultType: DataType;
}

/**
 * The result type of an aggregate call: the function registry's rule (the one typer), so `check` and the runtime
 * declare the same type. SUM0 (the planner's internal $SUM0, a SUM that starts at 0) is SUM's type, NOT NULL.
 */
export function aggregateResultType(name: AggregateName | CollectionAggregateName, argType: DataType | undefined): DataType {
  if (name === 'SUM0') return withNullable(aggregateResultType('SUM', argType), false);
  const r = inferFunctionType(name, argType === undefined ? [] : [argType]);
  if (!r.ok) throw new Error(`no result type for ${name}(${argType === undefined ? '' : argType.kind}): ${r.reason}`);
  return r.type;
}

interface Accumulator {
  add(v: unknown): void;
  retract(v: unknown): void;
  value(): unknown;
  /**
   * Optionally, back to the state of a fresh accumulator, so a closed window's accumulators serve its next window
   * (window-aggregate.ts) instead of new ones being made; `AggregateSet.reset` makes a fresh one where it is absent.
   */
  reset?(): void;
}

/**
 * COUNT: a Java long. Counting by ±1 stays far inside a double's exact integers (2^53) in any run, so the count
 * is a plain number, and its value is that number (a BIGINT held as a safe integer).
 */
class CountAcc implements Accumulator {
  n = 0;
  add(): void { this.n++; }
  retract(): void { this.n--; }
  /** A BIGINT as a number (a count is always a safe integer: values/bigint.ts). */
  value(): unknown { return this.n; }
  reset(): void { this.n = 0; }
}

type NumOps = { zero: unknown; add: (a: unknown, b: unknown) => unknown; sub: (a: unknown, b: unknown) => unknown };

function numOps(t: DataType, result: DataType): NumOps {
  switch (result.kind) {
    case 'INT': return { zero: 0, add: (a, b) => ((a as number) + (b as number)) | 0, sub: (a, b) => ((a as number) - (b as number)) | 0 };
    case 'SMALLINT': return { zero: 0, add: (a, b) => (((a as number) + (b as number)) << 16) >> 16, sub: (a, b) => (((a as number) - (b as number)) << 16) >> 16 };
    case 'TINYINT': return { zero: 0, add: (a, b) => (((a as number) + (b as number)) << 24) >> 24, sub: (a, b) => (((a as number) - (b as number)) << 24) >> 24 };
    // a BIGINT argument may be held as a number (values/bigint.ts)
    case 'BIGINT': return { zero: 0n, add: (a, b) => BigInt.asIntN(64, (a as bigint) + (toBigint(b) as bigint)), sub: (a, b) => BigInt.asIntN(64, (a as bigint) - (toBigint(b) as bigint)) };
    case 'DECIMAL': {
      const s = result.scale;
      return { zero: new Decimal(0n, s), add: (a, b) => (a as Decimal).add(b as Decimal).setScale(s), sub: (a, b) => (a as Decimal).sub(b as Decimal).setScale(s) };
    }
    case 'FLOAT': return { zero: 0, add: (a, b) => Math.fround((a as number) + (b as number)), sub: (a, b) => Math.fround((a as number) - (b as number)) };
    default: void t; return { zero: 0, add: (a, b) => (a as number) + (b as number), sub: (a, b) => (a as number) - (b as number) };
  }
}

/**
 * SUM / SUM0 over BIGINT with Java's wrapping long arithmetic. Wrapping addition is addition modulo 2^64, so the
 * order of the steps does not change the result: values within ±2^31 (tested on the value as a double, which rounds only far outside that range) are added as doubles (exact below 2^53,
 * no BigInt allocated per row) and moved into the 64-bit BigInt part before the double could lose a digit.
 */
const SMALL = 2147483647;
const FLUSH = 2 ** 52;
class LongSumAcc implements Accumulator {
  private big = 0n;
  private small = 0;
  n = 0;
  constructor(private readonly sum0: boolean) {}
  add(v: unknown): void {
    this.n++;
    this.step(v as bigint | number, 1);
  }
  retract(v: unknown): void {
    this.n--;
    this.step(v as bigint | number, -1);
  }
  /** Adds `sign` × `b` (a BIGINT, held as a bigint or as a safe-integer number). */
  private step(b: bigint | number, sign: 1 | -1): void {
    const x = typeof b === 'number' ? b : Number(b);
    if (x <= SMALL && x >= -SMALL) {
      const s = this.small + sign * x;
      if (s > FLUSH || s < -FLUSH) this.flush(s);
      else this.small = s;
    } else {
      const big = BigInt(b);
      this.big = BigInt.asIntN(64, sign === 1 ? this.big + big : this.big - big);
    }
  }
  /** Adds `count` values whose sum is `sum` (a whole number within ±2^44, as a number). */
  addPartial(count: number, sum: number): void {
    this.n += count;
    const s = this.small + sum;
    if (s > FLUSH || s < -FLUSH) this.flush(s);
    else this.small = s;
  }
  /** `add` of a value within ±SMALL (as a number). */
  addSmall(x: number): void {
    this.n++;
    const s = this.small + x;
    if (s > FLUSH || s < -FLUSH) this.flush(s);
    else this.small = s;
  }
  private flush(s: number): void {
    this.big = BigInt.asIntN(64, this.big + BigInt(s));
    this.small = 0;
  }
  value(): unknown {
    if (this.n === 0 && !this.sum0) return null;
    // a BIGINT may be held as a number when it is a safe integer (values/bigint.ts): no bigint per result
    return this.big === 0n ? this.small : BigInt.asIntN(64, this.big + BigInt(this.small));
  }
  reset(): void {
    this.big = 0n;
    this.small = 0;
    this.n = 0;
  }
}

/**
 * SUM / SUM0. Flink's SUM starts from NULL and takes the first value as it is (SumAggFunction: `isNull(sum) ?
 * operand : sum + operand`), so SUM of a lone -0.0 is -0.0 (probed); a floating SUM starts from -0.0, which adds
 * as nothing. SUM0 starts from the literal 0 (SUM0 of -0.0 is 0.0), as AVG's sum does.
 */
class SumAcc implements Accumulator {
  sum: unknown;
  n = 0;
  private readonly start: unknown;
  constructor(private readonly ops: NumOps, private readonly sum0: boolean, floating = false) {
    this.start = floating && !sum0 ? -0 : ops.zero;
    this.sum = this.start;
  }
  add(v: unknown): void { this.sum = this.ops.add(this.sum, v); this.n++; }
  retract(v: unknown): void { this.sum = this.ops.sub(this.sum, v); this.n--; }
  value(): unknown { return this.n === 0 && !this.sum0 ? null : this.sum; }
  reset(): void {
    this.sum = this.start;
    this.n = 0;
  }
}

class AvgAcc implements Accumulator {
  sum: unknown;
  n = 0;
  constructor(private readonly ops: NumOps, private readonly result: DataType) {
    this.sum = ops.zero;
  }
  add(v: unknown): void { this.sum = this.ops.add(this.sum, v); this.n++; }
  retract(v: unknown): void { this.sum = this.ops.sub(this.sum, v); this.n--; }
  value(): unknown {
    if (this.n === 0) return null;
    switch (this.result.kind) {
      case 'TINYINT': case 'SMALLINT': case 'INT': return Math.trunc((this.sum as number) / this.n);
      case 'BIGINT': return (this.sum as bigint) / BigInt(this.n);
      case 'DECIMAL': return (this.sum as Decimal).div(Decimal.fromBigInt(BigInt(this.n)), this.result.scale);
      case 'FLOAT': return Math.fround((this.sum as number) / this.n);
      default: return (this.sum as number) / this.n;
    }
  }
  reset(): void {
    this.sum = this.ops.zero;
    this.n = 0;
  }
}

/**
 * FIRST_VALUE / LAST_VALUE / LISTAGG with retraction: the values in arrival order (NULLs ignored), a retraction
 * removing the earliest equal one (arrival-list.ts). LISTAGG's text is extended on each insert (no join of every
 * value per update) and joined again only when read after a retraction.
 */
class ListAcc implements Accumulator {
  private readonly values = new ArrivalList();
  /** LISTAGG: the values joined; undefined after a retraction until read. */
  private joined: string | undefined = '';
  constructor(private readonly mode: 'FIRST' | 'LAST' | 'LIST', private readonly separator: string) {}
  add(v: unknown): void {
    this.values.add(v);
    if (this.mode === 'LIST' && this.joined !== undefined) this.joined = this.values.size === 1 ? String(v) : this.joined + this.separator + String(v);
  }
  retract(v: unknown): void {
    this.values.remove(v);
    this.joined = undefined;
  }
  value(): unknown {
    if (this.values.size === 0) return null;
    if (this.mode === 'FIRST') return this.values.first();
    if (this.mode === 'LAST') return this.values.last();
    return (this.joined ??= this.values.toArray().join(this.separator));
  }
  reset(): void {
    this.values.clear();
    this.joined = '';
  }
}

/**
 * MIN / MAX / FIRST_VALUE / LAST_VALUE / LISTAGG over an insert-only input, as Flink's planner picks MinAggFunction,
 * MaxAggFunction, FirstValueAggFunction… (no retraction) there: only the result is kept, not every value. Any
 * retraction reaching one is a planning fault, never answered from a partial state.
 */
class InsertOnlyAcc implements Accumulator {
  private v: unknown = null;
  private n = 0;
  constructor(private readonly mode: 'MIN' | 'MAX' | 'FIRST' | 'LAST' | 'LIST', private readonly cmp: Comparator | undefined, private readonly separator: string) {}
  add(v: unknown): void {
    const n = this.n++;
    if (n === 0) this.v = this.mode === 'LIST' ? String(v) : v;
    else if (this.mode === 'MAX') {
      if ((this.cmp as Comparator)(v, this.v) > 0) this.v = v;
    } else if (this.mode === 'MIN') {
      if ((this.cmp as Comparator)(v, this.v) < 0) this.v = v;
    } else if (this.mode === 'LAST') this.v = v;
    else if (this.mode === 'LIST') this.v = (this.v as string) + this.separator + String(v);
  }
  retract(): void {
    throw notReached(`a retraction into ${this.mode} of an insert-only input`);
  }
  value(): unknown {
    return this.v;
  }
  reset(): void {
    this.v = null;
    this.n = 0;
  }
}

/**
 * The order of a retracting MIN / MAX: FLOAT / DOUBLE as Java's `compareTo` (Flink's MinWithRetractAggFunction
 * orders its MapView's keys so: NaN above every number, -0.0 below 0.0), any other type by its SQL comparison.
 */
function retractOrder(t: DataType | undefined): Comparator {
  return t?.kind === 'FLOAT' || t?.kind === 'DOUBLE' ? javaFloatCompare : comparatorFor(t ?? T.bigint());
}

class DistinctAcc implements Accumulator {
  /** Per distinct value (its `exactKey`: -0.0 is not 0.0, as in Flink's DISTINCT MapView), how many times it is held. */
  private readonly seen = new Map<unknown, number>();
  private inner: Accumulator;
  /** `make`: a fresh inner accumulator (for `reset` where the inner one has none). */
  constructor(private readonly make: () => Accumulator) {
    this.inner = make();
  }
  add(v: unknown): void {
    const k = exactKey(v);
    const n = this.seen.get(k) ?? 0;
    this.seen.set(k, n + 1);
    if (n === 0) this.inner.add(v);
  }
  retract(v: unknown): void {
    const k = exactKey(v);
    const n = this.seen.get(k) ?? 0;
    if (n <= 1) {
      this.seen.delete(k);
      if (n === 1) this.inner.retract(v);
    } else this.seen.set(k, n - 1);
  }
  value(): unknown { return this.inner.value(); }
  reset(): void {
    this.seen.clear();
    if (this.inner.reset !== undefined) this.inner.reset();
    else this.inner = this.make();
  }
}

/** Feeds one row into one accumulator: `retract` for -U/-D rows. */
type Step = (acc: Accumulator, row: Row, retract: boolean) => void;

/**
 * The per-row step of one aggregate call. Each shape is its own function literal, so every call site inside
 * sees one accumulator class (COUNT(*) does not even call one).
 */
function stepFor(arg: Evaluator | undefined, column: number | undefined, filter: Evaluator | undefined, counts: boolean): Step {
  if (counts && arg === undefined && filter === undefined) {
    return (acc, _row, retract) => { (acc as CountAcc).n += retract ? -1 : 1; };
  }
  if (column !== undefined && filter === undefined) {
    return (acc, row, retract) => {
      const v = row[column] ?? null;
      if (v === null) return;
      if (retract) acc.retract(v);
      else acc.add(v);
    };
  }
  if (arg === undefined) {
    return (acc, row, retract) => {
      if (filter !== undefined && filter(row) !== true) return;
      if (retract) acc.retract(null);
      else acc.add(null);
    };
  }
  if (filter === undefined) {
    return (acc, row, retract) => {
      const v = arg(row);
      if (v === null) return;
      if (retract) acc.retract(v);
      else acc.add(v);
    };
  }
  return (acc, row, retract) => {
    if (filter(row) !== true) return;
    const v = arg(row);
    if (v === null) return;
    if (retract) acc.retract(v);
    else acc.add(v);
  };
}

/**
 * Moves a run's partial result of one call into its accumulator (dense-group-kernel.ts): `rows` rows for
 * COUNT(*), `count` values for COUNT(col), `count` values summing to `value` for SUM of a BIGINT, the extreme
 * `value` of `count` values for MIN / MAX (an insert-only accumulator).
 */
export function addPartial(acc: Accumulator, kind: PartialKind['kind'], rows: number, count: number, value: unknown): void {
  if (kind === 'count') (acc as CountAcc).n += rows;
  else if (kind === 'countColumn') (acc as CountAcc).n += count;
  else if (kind === 'longSum') (acc as LongSumAcc).addPartial(count, value as number);
  else if (count > 0) (acc as InsertOnlyAcc).add(value);
}

/** Feeds row `i` of the input columns a step was made for into one accumulator (an insert). */
type ColumnStep = (acc: Accumulator, i: number) => void;
/** Makes the column step of one call over a run's input columns (once per run, so a column is found once). */
type ColumnStepMaker = (columns: readonly ArrayLike<unknown>[]) => ColumnStep;

const countStar: ColumnStep = (acc) => { (acc as CountAcc).n++; };

/**
 * `stepFor` of inserts read from columns, for the calls that read at most one input column and no filter
 * (COUNT(*), or an aggregate of a column); undefined for any other call. SUM of a BIGINT adds a small number
 * inline (LongSumAcc's common step, without a call per value).
 */
function columnStepFor(s: AggregateSpec): ColumnStepMaker | undefined {
  if (s.filter !== undefined) return undefined;
  if (s.name === 'COUNT' && !s.distinct && s.arg === undefined) return () => countStar;
  const c = s.argColumn;
  if (c === undefined) return undefined;
  if ((s.name === 'SUM' || s.name === 'SUM0') && !s.distinct && s.accumulator === undefined && s.resultType.kind === 'BIGINT') {
    return (columns) => {
      const col = columns[c] as ArrayLike<unknown>;
      return (acc, i) => {
        const v = col[i] ?? null;
        if (typeof v === 'number' && v <= SMALL && v >= -SMALL) (acc as LongSumAcc).addSmall(v);
        else if (v !== null) acc.add(v);
      };
    };
  }
  return (columns) => {
    const col = columns[c] as ArrayLike<unknown>;
    return (acc, i) => {
      const v = col[i] ?? null;
      if (v !== null) acc.add(v);
    };
  };
}

/** Creates fresh accumulators for a list of aggregate calls and feeds rows into them. */
export class AggregateSet {
  private readonly factories: (() => Accumulator)[];
  /** Feeds a row into every accumulator of a group, in call order. */
  readonly accumulate: (accs: Accumulator[], row: Row, retract: boolean) => void;
  /**
   * Feeds the insert at row `i` of input columns into every accumulator, in call order; undefined unless every
   * call reads at most one column and no filter (`columnStepFor`).
   */
  readonly accumulateColumns: ((columns: readonly ArrayLike<unknown>[]) => (accs: Accumulator[], i: number) => void) | undefined;
  /**
   * `insertOnly`: the input never retracts (the plan's changelog mode), so MIN / MAX / FIRST_VALUE / LAST_VALUE /
   * LISTAGG keep only their result (`InsertOnlyAcc`), as Flink's non-retracting functions do.
   */
  constructor(readonly specs: readonly AggregateSpec[], readonly insertOnly = false) {
    const steps = specs.map((s) => stepFor(s.arg, s.argColumn, s.filter, s.name === 'COUNT' && !s.distinct));
    this.accumulate = accumulateAll(steps);
    const columnSteps = specs.map(columnStepFor);
    this.accumulateColumns = columnSteps.every((s) => s !== undefined) ? (columns) => accumulateColumnsAll(columnSteps.map((make) => (make as ColumnStepMaker)(columns))) : undefined;
    this.factories = specs.map((s) => {
      const base = s.accumulator ?? ((): Accumulator => {
        switch (s.name) {
          case 'COUNT': return new CountAcc();
          case 'SUM':
          case 'SUM0':
            if (s.resultType.kind === 'BIGINT') return new LongSumAcc(s.name === 'SUM0');
            return new SumAcc(numOps(s.argType ?? T.bigint(), s.resultType), s.name === 'SUM0', s.resultType.kind === 'FLOAT' || s.resultType.kind === 'DOUBLE');
          case 'AVG': {
            const small = s.resultType.kind === 'TINYINT' || s.resultType.kind === 'SMALLINT' || s.resultType.kind === 'INT';
            const sumType = s.resultType.kind === 'DECIMAL' ? T.decimal(38, (s.argType as { scale: number }).scale) : small ? T.double() : s.resultType;
            return new AvgAcc(numOps(s.argType ?? T.bigint(), sumType), s.resultType);
          }
          case 'MIN': return insertOnly ? new InsertOnlyAcc('MIN', comparatorFor(s.argType ?? T.bigint()), '') : new ExtremeAcc(retractOrder(s.argType), false);
          case 'MAX': return insertOnly ? new InsertOnlyAcc('MAX', comparatorFor(s.argType ?? T.bigint()), '') : new ExtremeAcc(retractOrder(s.argType), true);
          case 'FIRST_VALUE': return insertOnly ? new InsertOnlyAcc('FIRST', undefined, '') : new ListAcc('FIRST', '');
          case 'LAST_VALUE': return insertOnly ? new InsertOnlyAcc('LAST', undefined, '') : new ListAcc('LAST', '');
          case 'LISTAGG': return insertOnly ? new InsertOnlyAcc('LIST', undefined, s.separator ?? ',') : new ListAcc('LIST', s.separator ?? ',');
          default: throw new Error(`no accumulator for ${s.name}`);
        }
      });
      return s.distinct ? () => new DistinctAcc(base) : base;
    });
  }

  create(): Accumulator[] {
    // (pushed into a literal, not Array.prototype.map: map's result array has one hidden class while its caller
    // runs unoptimised and another once V8 has inlined it, so every reader of the groups' accumulator lists was
    // deoptimised when `create` was optimised, jobs after the first)
    const accs: Accumulator[] = [];
    for (let i = 0; i < this.factories.length; i++) accs.push((this.factories[i] as () => Accumulator)());
    return accs;
  }

  /**
   * `accs` (made by `create`) back to fresh accumulators, in place: each is reset, or replaced by a new one where
   * it cannot be (an accumulator without `reset`).
   */
  reset(accs: Accumulator[]): void {
    for (let i = 0; i < accs.length; i++) {
      const a = accs[i] as Accumulator;
      if (a.reset !== undefined) a.reset();
      else accs[i] = (this.factories[i] as () => Accumulator)();
    }
  }

  values(accs: Accumulator[]): unknown[] {
    const out = new Array<unknown>(accs.length);
    for (let i = 0; i < accs.length; i++) out[i] = (accs[i] as Accumulator).value();
    return out;
  }
}

/** One function over the steps; the common one to three calls unrolled. */
function accumulateAll(steps: readonly Step[]): (accs: Accumulator[], row: Row, retract: boolean) => void {
  const [a, b, c] = steps;
  if (steps.length === 1 && a) return (accs, row, retract) => a(accs[0] as Accumulator, row, retract);
  if (steps.length === 2 && a && b) {
    return (accs, row, retract) => {
      a(accs[0] as Accumulator, row, retract);
      b(accs[1] as Accumulator, row, retract);
    };
  }
  if (steps.length === 3 && a && b && c) {
    return (accs, row, retract) => {
      a(accs[0] as Accumulator, row, retract);
      b(accs[1] as Accumulator, row, retract);
      c(accs[2] as Accumulator, row, retract);
    };
  }
  return (accs, row, retract) => {
    for (let i = 0; i < steps.length; i++) (steps[i] as Step)(accs[i] as Accumulator, row, retract);
  };
}

/** `accumulateAll` for column steps. */
function accumulateColumnsAll(steps: readonly ColumnStep[]): (accs: Accumulator[], i: number) => void {
  const [a, b, c] = steps;
  if (steps.length === 1 && a) return (accs, i) => a(accs[0] as Accumulator, i);
  if (steps.length === 2 && a && b) {
    return (accs, i) => {
      a(accs[0] as Accumulator, i);
      b(accs[1] as Accumulator, i);
    };
  }
  if (steps.length === 3 && a && b && c) {
    return (accs, i) => {
      a(accs[0] as Accumulator, i);
      b(accs[1] as Accumulator, i);
      c(accs[2] as Accumulator, i);
    };
  }
  return (accs, i) => {
    for (let j = 0; j < steps.length; j++) (steps[j] as ColumnStep)(accs[j] as Accumulator, i);
  };
}

export type { Accumulator };
