/**
 * The expression of a column over source columns: the expression written at a node with each column reference
 * replaced by the expression of the column it reads, so `TO_TIMESTAMP_LTZ(CAST(w.wrong_time AS BIGINT), 3)` over a
 * view column `JSON_VALUE(e.payload, '$.wrongTime')` reads as `TO_TIMESTAMP_LTZ(CAST(JSON_VALUE(payload, …) …), 3)`.
 * Expressions that grow past a limit stop composing there (the description stays readable and the walk linear).
 */
import type { Expression } from '../ast/expression.js';
import { printExpression } from '../sql/printer/expression.js';

const MAX_LENGTH = 400;

/** A copy of `e` with the nodes in `replace` swapped for their replacements (other nodes shared). */
export function substitute(e: Expression, replace: ReadonlyMap<Expression, Expression>): Expression {
  const copy = (x: unknown): unknown => {
    if (x === null || typeof x !== 'object') return x;
    const r = replace.get(x as Expression);
    if (r !== undefined) return r;
    if (Array.isArray(x)) {
      let changed = false;
      const out = x.map((v) => {
        const c = copy(v);
        if (c !== v) changed = true;
        return c;
      });
      return changed ? out : x;
    }
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) {
      if (k === 'span') continue;
      const c = copy(v);
      if (c !== v) changed = true;
      out[k] = c;
    }
    return changed ? out : x;
  };
  return copy(e) as Expression;
}

const printed = new WeakMap<Expression, string>();

/** Flink SQL of an expression on one line (a sub-query's layout folded), cached. */
export function describe(e: Expression): string {
  let s = printed.get(e);
  if (s === undefined) {
    s = printExpression(e).replace(/\(\n\s*/g, '(').replace(/\n\s*\)/g, ')').replace(/\n\s*/g, ' ');
    printed.set(e, s);
  }
  return s;
}

/** Whether a composed expression is still short enough to describe. */
export function composable(e: Expression): boolean {
  return describe(e).length <= MAX_LENGTH;
}
