/**
 * Derived: why a column that was a time attribute no longer is one (time-attributes.ts says which columns are), so
 * that a diagnostic can name the operation — `CAST at 4:10`, `GROUP BY user_id at 7:3 (not a window aggregation)`,
 * `the regular LEFT JOIN at 9:1`. By position of the node's output columns; a column that never was a time attribute
 * (or that a set operation merged) is absent. Rules, as Flink loses them:
 *
 * - a projection keeps what a copied column lost; an expression over a time attribute (CAST, arithmetic, a function
 *   other than PROCTIME() and the legacy group windows' *_ROWTIME / *_PROCTIME) loses it by that operation;
 * - filters, sorts, OVER, ranks, table functions and window TVFs keep their input's;
 * - an aggregation that is not a window aggregation loses every time attribute of its keys and of what its aggregates
 *   read (GROUP BY, SELECT DISTINCT, a global aggregation); in a window aggregation an aggregate over a time
 *   attribute (MAX(ts)) loses it by that function;
 * - a regular or window join loses both sides' time attributes; temporal and lookup joins the right side's, without a
 *   reason (the right side is a versioned table or a lookup source); interval joins keep them.
 */
import type { Expression } from '../../ast/expression.js';
import type { Span } from '../../ast/node.js';
import { copiedColumn } from '../expression.js';
import type { PlanNode, TimeAttribute } from '../node.js';
import { memoized } from './memo.js';
import { isWindowAggregate } from './window-columns.js';

export interface LostTime {
  readonly kind: TimeAttribute;
  /** The operation and where it is written, e.g. `CAST at 4:10`. */
  readonly reason: string;
}

const NONE: ReadonlyMap<number, LostTime> = new Map();

/** ` at 12:5` for a span, '' without one. */
export function spanText(span: Span | undefined): string {
  return span === undefined ? '' : ` at ${span.start.line}:${span.start.column}`;
}

/** A short name for what an expression does to its operands. */
function operationName(e: Expression): string {
  switch (e.kind) {
    case 'Cast': return e.try ? 'TRY_CAST' : 'CAST';
    case 'Binary': return `the '${e.op}' operator`;
    case 'FunctionCall': return `${e.name.join('.')}(…)`;
    case 'Case': return 'CASE';
    default: return 'an expression';
  }
}

/** PROCTIME() and the legacy group windows' time attributes are time attributes again, not a loss. */
const MAKES_TIME = /^(PROCTIME|(TUMBLE|HOP|SESSION)_(ROWTIME|PROCTIME))$/;

/** The time attribute or loss of each input column: what a column "was". */
function timeOrLost(node: PlanNode, position: number): TimeAttribute | undefined {
  return node.columns[position]?.time ?? lostTimes(node).get(position)?.kind;
}

function aggregateReason(node: Extract<PlanNode, { kind: 'Aggregate' }>): string {
  if (node.distinct !== undefined) return `SELECT DISTINCT${spanText(node.distinct.span)}`;
  if (node.keys.length === 0) return `the aggregation${spanText(node.calls[0]?.ast.span)}`;
  const plain = node.groupingSets.length === 1 && node.keys.every((k) => k.ast.kind === 'ColumnRef');
  const shown = plain ? ` ${node.keys.map((k) => (k.ast as { name: string }).name).join(', ')}` : '';
  return `GROUP BY${shown}${spanText(node.keys[0]!.ast.span)} (not a window aggregation)`;
}

export const lostTimes: (node: PlanNode) => ReadonlyMap<number, LostTime> = memoized((node) => {
  switch (node.kind) {
    case 'Scan': case 'Values': case 'SetOp':
      return NONE;
    case 'MatchRecognize':
      return new Map();
    case 'Filter': case 'Sort': case 'Over': case 'Rank': case 'Deduplicate': case 'Correlate': case 'WindowTableFunction':
      return lostTimes(node.input);
    case 'Project': {
      const input = lostTimes(node.input);
      const out = new Map<number, LostTime>();
      node.exprs.forEach((e, i) => {
        if (node.columns[i]?.time !== undefined) return;
        const copied = copiedColumn(e);
        if (copied !== undefined) {
          const lost = input.get(copied);
          if (lost !== undefined) out.set(i, lost);
          return;
        }
        if (e.ast.kind === 'FunctionCall' && e.ast.name.length === 1 && MAKES_TIME.test(e.ast.name[0]!.toUpperCase())) return;
        const read = e.refs.find((r) => r.depth === 0 && node.input.columns[r.index]?.time !== undefined);
        if (read !== undefined) out.set(i, { kind: node.input.columns[read.index]!.time!, reason: `${operationName(e.ast)}${spanText(e.ast.span)}` });
      });
      return out;
    }
    case 'Aggregate': {
      const input = lostTimes(node.input);
      const window = isWindowAggregate(node);
      const reason = window ? undefined : aggregateReason(node);
      const out = new Map<number, LostTime>();
      node.keys.forEach((k, i) => {
        const copied = copiedColumn(k);
        if (copied === undefined) return;
        if (reason === undefined) {
          const lost = input.get(copied);
          if (lost !== undefined) out.set(i, lost);
          return;
        }
        const kind = timeOrLost(node.input, copied);
        if (kind !== undefined) out.set(i, { kind, reason });
      });
      // An aggregate over a time attribute (MAX(ts)) is a plain timestamp: lost by the aggregation when it is not a
      // window aggregation, else by the aggregate function.
      node.calls.forEach((call, i) => {
        const read = call.args.flatMap((a) => a.refs).find((r) => r.depth === 0 && node.input.columns[r.index]?.time !== undefined);
        if (read === undefined) return;
        out.set(node.keys.length + i, { kind: node.input.columns[read.index]!.time!, reason: reason ?? `${operationName(call.ast)}${spanText(call.ast.span)}` });
      });
      return out;
    }
    case 'Join': {
      const leftCount = node.left.columns.length;
      const both = new Map<number, LostTime>([...lostTimes(node.left), ...[...lostTimes(node.right)].map(([p, l]) => [p + leftCount, l] as const)]);
      if (node.type === 'SEMI' || node.type === 'ANTI') return new Map([...lostTimes(node.left)]);
      if (node.strategy === 'interval') return both;
      if (node.strategy === 'temporal' || node.strategy === 'lookup') return new Map([...both].filter(([p]) => p < leftCount));
      const reason = `the regular ${node.comma === true ? 'comma' : node.type} JOIN${spanText(node.span)}`;
      const all = [...node.left.columns, ...node.right.columns];
      all.forEach((c, p) => {
        if (c.time !== undefined) both.set(p, { kind: c.time, reason });
      });
      return both;
    }
  }
});
