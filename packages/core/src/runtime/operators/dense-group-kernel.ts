/**
 * The inner loop of a folding group aggregation over columns whose key is a small non-negative integer and whose
 * aggregates only count rows, add small whole numbers or keep an extreme (COUNT(*), COUNT(col), SUM / SUM0 of a
 * BIGINT column, MIN / MAX of an integer or character column over an insert-only input): per run of rows it adds
 * each row into arrays indexed by the key (a count and, per aggregate, a count of values and their sum or their
 * extreme), without reading a group object per row, and the caller moves those partial results into the groups'
 * accumulators at the end of the run. That is exact: counting and Java's wrapping long addition do not depend on
 * the order of the steps, and a partial sum of at most 65,536 values within ±2^31 (the caller moves the partial
 * results at least that often) stays inside ±2^47, far inside a double's exact integers. A MIN / MAX there is the
 * insert-only accumulator, which keeps only its result (the first of equal values): the run's extreme (the first
 * of its equal values, as `<` / `>` keep it) added to it gives the result of adding the run's values one by one —
 * integers compare as numbers, character strings as JavaScript's `<` does, by UTF-16 code units as Java's
 * compareTo (the comparator the accumulator uses for these types, values/compare.ts). A number and a bigint of one
 * BIGINT value compare equal either way; which of the two is kept is not visible (both read back as one value).
 *
 * A row the loop does not take (a key that is not a live group's small integer, a value that is not a small
 * whole number) stops it: the caller handles that row as any other and starts the loop again after it. The same
 * loop is also written over a batch of rows (`denseRowLoop`: each row an array), for inserts that come as rows.
 */
import type { DataType } from '../../types/data-type.js';
import type { AggregateSpec } from './aggregates.js';
import { generatedFunction } from '../generated-code.js';

/** What one aggregate call adds per row: a count of rows, a count of a column's non-NULL values, or a sum. */
export type PartialKind =
  | { readonly kind: 'count' }
  | { readonly kind: 'countColumn'; readonly column: number }
  | { readonly kind: 'longSum'; readonly column: number }
  /** MIN / MAX of numbers (an integer column: the extreme in the call's number array) or of strings (a text array). */
  | { readonly kind: 'min' | 'max'; readonly column: number; readonly of: 'number' | 'string' };

/** The largest value added in the loop (larger ones go through the accumulator). */
const SMALL = 2147483647;

/** Argument types whose runtime values MIN / MAX compare with `<` (numbers, or a BIGINT's bigint; strings). */
const EXTREME_OF: Readonly<Partial<Record<DataType['kind'], 'number' | 'string'>>> = {
  TINYINT: 'number', SMALLINT: 'number', INT: 'number', BIGINT: 'number', CHAR: 'string', VARCHAR: 'string',
};

/**
 * The partial kinds of every call, or undefined when one of them is not one the loop adds. MIN / MAX only with
 * `insertOnly` (the AggregateSet's insert-only accumulator, which keeps nothing but its result).
 */
export function partialKinds(specs: readonly AggregateSpec[], insertOnly: boolean): PartialKind[] | undefined {
  const kinds: PartialKind[] = [];
  for (const s of specs) {
    if (s.filter !== undefined || s.distinct || s.accumulator !== undefined) return undefined;
    const of = s.argType === undefined ? undefined : EXTREME_OF[s.argType.kind];
    if (s.name === 'COUNT' && s.arg === undefined) kinds.push({ kind: 'count' });
    else if (s.name === 'COUNT' && s.argColumn !== undefined) kinds.push({ kind: 'countColumn', column: s.argColumn });
    else if ((s.name === 'SUM' || s.name === 'SUM0') && s.resultType.kind === 'BIGINT' && s.argColumn !== undefined) kinds.push({ kind: 'longSum', column: s.argColumn });
    else if ((s.name === 'MIN' || s.name === 'MAX') && insertOnly && of !== undefined && s.argColumn !== undefined) kinds.push({ kind: s.name === 'MIN' ? 'min' : 'max', column: s.argColumn, of });
    else return undefined;
  }
  return kinds;
}

/**
 * Rows `start..end`: each row of a live key (`live[k] === 1`) whose values the loop takes is added into `rows[k]`
 * (its count) and `counts[j][k]` / `sums[j][k]` (call `j`'s; a MIN / MAX keeps its extreme in `sums[j][k]`, or in
 * `texts[j][k]` for strings, once `counts[j][k]` is above 0); a key added to for the first time in the run is
 * appended to `touched` (its length kept in `state[0]`). Returns the index of the first row not taken, `end` when
 * every row was.
 */
type Loop = (
  key: ArrayLike<unknown>, columns: readonly ArrayLike<unknown>[], live: Uint8Array, rows: Float64Array,
  counts: readonly Float64Array[], sums: readonly Float64Array[], texts: readonly unknown[][], touched: Int32Array, state: Int32Array, start: number, end: number,
) => number;

/**
 * The same loop over a batch of rows (arrays) instead of columns: `key` is the batch, and the key and values are
 * read from each row at their column positions.
 */
type RowLoop = (
  batch: readonly (readonly unknown[])[], unused: undefined, live: Uint8Array, rows: Float64Array,
  counts: readonly Float64Array[], sums: readonly Float64Array[], texts: readonly unknown[][], touched: Int32Array, state: Int32Array, start: number, end: number,
) => number;

/**
 * The loop for one list of calls, written out once per list (no call or switch per value). The generated text
 * is made only from fixed templates and the calls' column positions (integers).
 */
export function denseLoop(kinds: readonly PartialKind[]): Loop {
  return loopOf(kinds, undefined) as Loop;
}

/** `denseLoop` over rows whose key is the value at `keyColumn`. */
export function denseRowLoop(kinds: readonly PartialKind[], keyColumn: number): RowLoop {
  return loopOf(kinds, keyColumn) as RowLoop;
}

function loopOf(kinds: readonly PartialKind[], keyColumn: number | undefined): Loop | RowLoop {
  const byRow = keyColumn !== undefined;
  const reads: string[] = [];
  const adds: string[] = [];
  kinds.forEach((p, j) => {
    if (p.kind === 'count') return;
    reads.push(byRow ? `const v${j} = r[${Number(p.column) | 0}];` : `const v${j} = col${j}[i];`);
    if (p.kind === 'countColumn') adds.push(`if (v${j} !== null && v${j} !== undefined) c${j}[k]++;`);
    else if (p.kind === 'min' || p.kind === 'max') {
      const into = p.of === 'number' ? `s${j}` : `x${j}`;
      reads.push(`if (!(v${j} === null || v${j} === undefined || typeof v${j} === '${p.of === 'number' ? 'number' : 'string'}')) return i;`);
      adds.push(`if (v${j} !== null && v${j} !== undefined && (c${j}[k]++ === 0 || v${j} ${p.kind === 'min' ? '<' : '>'} ${into}[k])) ${into}[k] = v${j};`);
    } else {
      reads.push(`if (!(v${j} === null || v${j} === undefined || (typeof v${j} === 'number' && v${j} <= ${SMALL} && v${j} >= -${SMALL}))) return i;`);
      adds.push(`if (v${j} !== null && v${j} !== undefined) { c${j}[k]++; s${j}[k] += v${j}; }`);
    }
  });
  const body = [
    ...kinds.map((p, j) => `const c${j} = counts[${j}]; const s${j} = sums[${j}]; const x${j} = texts[${j}];${p.kind === 'count' || byRow ? '' : ` const col${j} = columns[${Number(p.column) | 0}];`}`),
    // the key is compared with `live`'s length before `live` is read: a read past a typed array's end (a key the
    // arrays have not grown to yet, answered undefined) makes V8 compile every read of it for that case, which
    // cost ~1.4 ns per row on every later run (1M-row COUNT/SUM: ~5.6 -> ~4 ms in the loop alone)
    'let nt = state[0];',
    'const nLive = live.length;',
    'for (let i = start; i < end; i++) {',
    ...(byRow ? ['  const r = key[i];', `  const k = r[${Number(keyColumn) | 0}];`] : ['  const k = key[i];']),
    '  if (typeof k !== \'number\' || (k >>> 0) !== k || k >= nLive || live[k] !== 1) return i;',
    ...reads.map((r) => `  ${r}`),
    // `state[0]` is stored where a key is first touched, not at the exits: V8 compiles the loop while its first
    // call is still in it (on-stack replacement), before a store after the loop has any type feedback, and the
    // optimised code then deoptimised at that store at the end of every call (once per batch of rows)
    '  if (rows[k] === 0) { touched[nt++] = k; state[0] = nt; }',
    '  rows[k]++;',
    ...adds.map((a) => `  ${a}`),
    '}',
    'return end;',
  ].join('\n');
  return generatedFunction(LOOPS, ['key', 'columns', 'live', 'rows', 'counts', 'sums', 'texts', 'touched', 'state', 'start', 'end'], body);
}

/** The loops made so far, by their text (a handful: one per shape of aggregate list). */
const LOOPS = new Map<string, Loop | RowLoop>();
