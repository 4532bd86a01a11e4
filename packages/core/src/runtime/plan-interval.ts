/** Recognising interval-join conditions: bounds between the event-time attributes of a join's two inputs. */
import type { Expression } from '../ast/expression.js';
import type { Planner, Rel } from './plan.js';
import { conjuncts } from './plan.js';

/**
 * Bounds of `l.t - r.t` when the condition is an event-time interval join condition
 * (`l.t BETWEEN r.t - INTERVAL … AND r.t + INTERVAL …`, `>=` / `<=` / `>` / `<` pairs, or `l.t = r.t`); undefined
 * otherwise.
 */
export function intervalBounds(planner: Planner, cond: Expression, l: Rel, r: Rel): { leftTime: number; rightTime: number; lower: number; upper: number } | undefined {
  const combined: Rel = { columns: [...l.columns, ...r.columns], op: l.op, mode: 'updating', rowtime: new Set(), proctime: new Set() };
  const c = planner.compiler(combined);
  let leftTime: number | undefined;
  let rightTime: number | undefined;
  // e = <rowtime column> [± INTERVAL literal] → which side, which column, and the offset in ms.
  const timeTerm = (e: Expression): { side: 0 | 1; index: number; offset: number } | undefined => {
    let offset = 0;
    let base = e;
    if (e.kind === 'Binary' && (e.op === '+' || e.op === '-')) {
      const iv = c.compile(e.right);
      if (iv.type.kind !== 'INTERVAL_DAY_TIME' || !iv.constant) return undefined;
      offset = (e.op === '+' ? 1 : -1) * (iv.constant.value as number);
      base = e.left;
    }
    if (base.kind !== 'ColumnRef') return undefined;
    const col = c.compile(base).column;
    if (col === undefined) return undefined;
    if (col < l.columns.length) return l.rowtime.has(col) ? { side: 0, index: col, offset } : undefined;
    const ri = col - l.columns.length;
    return r.rowtime.has(ri) ? { side: 1, index: ri, offset } : undefined;
  };
  let lower = -Infinity;
  let upper = Infinity;
  const apply = (a: Expression, op: string, b: Expression): boolean => {
    const x = timeTerm(a);
    const y = timeTerm(b);
    if (!x || !y || x.side === y.side) return false;
    const [lt, rt] = x.side === 0 ? [x, y] : [y, x];
    if ((leftTime !== undefined && leftTime !== lt.index) || (rightTime !== undefined && rightTime !== rt.index)) return false;
    leftTime = lt.index;
    rightTime = rt.index;
    // x.t + x.off  op  y.t + y.off, rewritten as (l.t - r.t) op' v
    const flipped = x.side === 1;
    const v = flipped ? x.offset - y.offset : y.offset - x.offset;
    const o = flipped ? ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as Record<string, string>)[op] : op;
    if (o === '>=') lower = Math.max(lower, v);
    else if (o === '>') lower = Math.max(lower, v + 1);
    else if (o === '<=') upper = Math.min(upper, v);
    else if (o === '<') upper = Math.min(upper, v - 1);
    return true;
  };
  for (const p of conjuncts(cond)) {
    if (p.kind === 'Between' && !p.negated && !p.symmetric) {
      apply(p.operand, '>=', p.low);
      apply(p.operand, '<=', p.high);
    } else if (p.kind === 'Binary' && ['<', '<=', '>', '>='].includes(p.op)) apply(p.left, p.op, p.right);
    // `l.t = r.t` bounds the times to [0, 0] (Flink plans it as an interval join too)
    else if (p.kind === 'Binary' && p.op === '=' && timeTerm(p.left) && timeTerm(p.right)) {
      apply(p.left, '>=', p.right);
      apply(p.left, '<=', p.right);
    }
  }
  if (leftTime === undefined || rightTime === undefined || !Number.isFinite(lower) || !Number.isFinite(upper)) return undefined;
  return { leftTime, rightTime, lower, upper };
}

/** Does the condition bound one input's rowtime by the other's (an interval join in Flink)? */
export function isTimeBounded(cond: Expression, l: Rel, r: Rel): boolean {
  const refs = (e: Expression, rel: Rel): boolean => {
    const json = JSON.stringify(e);
    return rel.columns.some((c, i) => rel.rowtime.has(i) && json.includes(`"name":"${c.name}"`) && (!c.table || json.includes(`"table":"${c.table}"`) || !json.includes('"table"')));
  };
  return conjuncts(cond).some((p) => {
    if (p.kind === 'Between') return (refs(p.operand, l) && (refs(p.low, r) || refs(p.high, r))) || (refs(p.operand, r) && (refs(p.low, l) || refs(p.high, l)));
    if (p.kind === 'Binary' && ['<', '<=', '>', '>='].includes(p.op)) return (refs(p.left, l) && refs(p.right, r)) || (refs(p.left, r) && refs(p.right, l));
    return false;
  });
}
