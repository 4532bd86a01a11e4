/**
 * A Calc's loop over a batch of inserts, generated for its shape: the filter and each projection called at a call
 * site of their own (so V8 sees one function at each and can inline it: a shared loop calling `ps[c](row)` sees
 * every Calc's evaluators at one site), the row read from the batch or from its columns, and a kept row's
 * projection made as a new row or written into one output column per projection (no array per row). The loop
 * returns how many rows it kept; `kept[j]` is the batch index of the `j`-th. An evaluation error leaves the index
 * of the row being handled in `at[0]` and is thrown on.
 */
import type { Evaluator, Row } from '../compiled.js';

/** Where a batch's rows come from: an array of rows, or one array per column (read into one scratch row). */
export type CalcInput = 'rows' | 'columns';
/** What a kept row becomes: its projection as a new row, its projection into columns, or the row itself (no projection). */
export type CalcOutput = 'rows' | 'columns' | 'same';

export type CalcLoop = (
  src: readonly Row[] | readonly ArrayLike<unknown>[],
  start: number,
  end: number,
  filter: Evaluator | undefined,
  ps: readonly Evaluator[],
  out: unknown[],
  kept: Int32Array,
  at: Int32Array,
) => number;

/**
 * A new loop for a shape. `width`: the input's column count (read for columnar input); `n`: the projections. Each
 * Calc makes its own (a loop shared by Calcs of one shape would see all their evaluators at its call sites, and
 * call them without inlining); measured on the 1M-row filter + project + JSON_VALUE job, a loop made per job
 * costs no more than one kept across jobs (V8 optimises it within the first batch).
 */
export function calcLoop(input: CalcInput, width: number, output: CalcOutput, n: number, filtered: boolean): CalcLoop {
  const w = input === 'columns' ? Number(width) | 0 : 0;
  const m = output === 'same' ? 0 : Number(n) | 0;
  const range = (k: number): number[] => Array.from({ length: k }, (_, i) => i);
  const project = range(m).map((c) => `p${c}(r)`);
  const body = [
    ...range(m).map((c) => `const p${c} = ps[${c}];`),
    ...(output === 'columns' ? range(m).map((c) => `const o${c} = out[${c}];`) : []),
    ...(input === 'columns' ? [`const r = new Array(${w}).fill(null);`, ...range(w).map((c) => `const c${c} = src[${c}];`)] : []),
    'let k = 0;',
    'let i = start;',
    'try {',
    '  for (; i < end; i++) {',
    ...(input === 'rows' ? ['    const r = src[i];'] : range(w).map((c) => `    r[${c}] = c${c}[i];`)),
    ...(filtered ? ['    if (filter(r) !== true) continue;'] : []),
    ...(output === 'columns'
      ? range(m).map((c) => `    o${c}[k] = ${project[c]};`)
      : output === 'rows'
        ? [`    out[k] = [${project.join(', ')}];`]
        : [`    out[k] = ${input === 'rows' ? 'r' : 'r.slice()'};`]),
    '    kept[k++] = i;',
    '  }',
    '} catch (e) {',
    '  at[0] = i;',
    '  throw e;',
    '}',
    'return k;',
  ].join('\n');
  return new Function('src', 'start', 'end', 'filter', 'ps', 'out', 'kept', 'at', body) as CalcLoop;
}
