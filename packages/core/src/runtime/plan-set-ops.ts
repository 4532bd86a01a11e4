/**
 * Planning UNION, INTERSECT and EXCEPT as Flink's stream planner rewrites them:
 * - UNION ALL: the inputs' changes, merged;
 * - UNION: UNION ALL, then a distinct aggregation over every column;
 * - INTERSECT / EXCEPT: a semi / anti join on every column (NULLs equal, IS NOT DISTINCT FROM), then a distinct
 *   aggregation (ReplaceIntersectWithSemiJoinRule / ReplaceMinusWithAntiJoinRule);
 * - INTERSECT ALL / EXCEPT ALL: UNION ALL of both sides with marker columns, a group aggregation over every column
 *   counting each side, a filter and ReplicateRows (RewriteIntersectAllRule / RewriteMinusAllRule).
 * The relations carry no changelog mode: `planBound` sets the SetOp node's from the plan.
 */
import type { SetOperation } from '../ast/query.js';
import type { Evaluator, Row } from './compiled.js';
import { AggregateSet } from './operators/aggregates.js';
import { CalcOperator } from './operators/calc.js';
import { GroupAggregateOperator } from './operators/group-aggregate.js';
import { SemiAntiJoinOperator } from './operators/join.js';
import { ReplicateOperator } from './operators/replicate.js';
import { UnionOperator } from './operators/union.js';
import type { PlannedRel, Planner, RelColumn } from './plan.js';
import { T } from './types.js';
import { rowKey } from './values/compare.js';

function union(l: PlannedRel, r: PlannedRel, columns: RelColumn[]): PlannedRel {
  const u = new UnionOperator(2);
  l.op.connectTo(u, 0);
  r.op.connectTo(u, 1);
  return { columns, op: u, rowtime: new Set(), proctime: new Set() };
}

/** Converts a side's rows to the common column types (a Calc only where a type differs). */
function conform(planner: Planner, rel: PlannedRel, columns: readonly RelColumn[], span: SetOperation['span']): PlannedRel {
  const c = planner.values();
  const evs = rel.columns.map((col, i) => c.coerce({ type: col.type, eval: (r: Row) => r[i] ?? null, column: i }, (columns[i] as RelColumn).type, span));
  if (evs.every((e, i) => e.column === i)) return rel;
  const calc = new CalcOperator(undefined, evs.map((e) => e.eval));
  rel.op.connectTo(calc);
  return { ...rel, op: calc, columns: [...columns] };
}

/** A distinct aggregation over every column (only +I / -D: the rows carry no aggregate). */
function distinctRows(rel: PlannedRel): PlannedRel {
  const keys: Evaluator[] = rel.columns.map((_, i) => (r) => r[i] ?? null);
  const op = new GroupAggregateOperator(keys, new AggregateSet([]));
  rel.op.connectTo(op);
  return { columns: rel.columns, op, rowtime: new Set(), proctime: new Set(), aggregateKey: rel.columns.map((_, i) => i) };
}

export function setOperation(planner: Planner, kind: SetOperation['op'], all: boolean, l0: PlannedRel, r0: PlannedRel, columns: RelColumn[], span: SetOperation['span']): PlannedRel {
  const l = conform(planner, l0, columns, span);
  const r = conform(planner, r0, columns, span);
  if (kind === 'UNION') {
    const u = union(l, r, columns);
    return all ? u : distinctRows(u);
  }
  const n = columns.length;
  if (!all) {
    const key: Evaluator = (row) => rowKey(row.slice(0, n));
    const op = new SemiAntiJoinOperator(kind === 'EXCEPT', key, key);
    l.op.connectTo(op, 0);
    r.op.connectTo(op, 1);
    return distinctRows({ columns, op, rowtime: new Set(), proctime: new Set() });
  }
  // ALL: mark each side, count per row, keep the rows both sides have (INTERSECT) or the left has more of (EXCEPT)
  const mark = (rel: PlannedRel, left: boolean): PlannedRel => {
    const calc = new CalcOperator(undefined, [...columns.map((_, i) => (row: Row) => row[i] ?? null), () => (left ? true : null), () => (left ? null : true)]);
    rel.op.connectTo(calc);
    return { ...rel, op: calc };
  };
  const marked = union(mark(l, true), mark(r, false), columns);
  const countOf = (i: number) => ({ name: 'COUNT' as const, distinct: false, resultType: T.bigint(false), arg: (row: Row) => row[i] ?? null, argType: T.boolean() });
  const agg = new GroupAggregateOperator(columns.map((_, i) => (row: Row) => row[i] ?? null), new AggregateSet([countOf(n), countOf(n + 1)]));
  marked.op.connectTo(agg);
  const left = (row: Row) => row[n] as bigint;
  const right = (row: Row) => row[n + 1] as bigint;
  const keep = kind === 'INTERSECT' ? (row: Row) => left(row) >= 1n && right(row) >= 1n : (row: Row) => left(row) > right(row);
  const filter = new CalcOperator(keep, undefined);
  agg.connectTo(filter);
  const count: Evaluator = kind === 'INTERSECT' ? (row) => (left(row) > right(row) ? right(row) : left(row)) : (row) => left(row) - right(row);
  const replicate = new ReplicateOperator(count, n);
  filter.connectTo(replicate);
  return { columns, op: replicate, rowtime: new Set(), proctime: new Set() };
}
