/**
 * A bound MatchRecognize (plan/match-recognize.ts) as Flink's CEP operator: DEFINE conditions and MEASURES compiled
 * over their slots, each slot read from the rows of the (partial) match; the matcher is match-nfa.ts, the operator
 * operators/match-recognize.ts. An updating input is refused, as Flink refuses it.
 */
import type { BoundExpression } from '../plan/expression.js';
import { greedyInCep } from '../plan/bind-match-recognize.js';
import type { MatchAccess, MatchExpression, MatchRecognize } from '../plan/match-recognize.js';
import type { DataType } from '../types/data-type.js';
import type { Evaluator, Row } from './compiled.js';
import { textError } from './errors.js';
import { CHANGELOG_TEXTS } from '../plan/changelog-codes.js';
import { MATCH_TEXTS } from '../plan/match-recognize-codes.js';
import { AggregateSet } from './operators/aggregates.js';
import type { AggregateName } from './operators/aggregates.js';
import { AGGREGATE_NAMES } from './operators/aggregates.js';
import { MatchNfa } from './operators/match-nfa.js';
import type { Taken } from './operators/match-nfa.js';
import { MatchRecognizeOperator } from './operators/match-recognize.js';
import type { Planner, Rel } from './plan.js';
import { expressionScope } from './plan.js';
import { compileBound, planBound, timeColumns } from './plan-bound.js';
import { rowComparator } from './row-comparator.js';
import { keyOf } from './values/compare.js';
import { Timestamp } from './values/temporal.js';

export function matchPlannable(node: MatchRecognize, evaluable: (e: BoundExpression) => boolean): boolean {
  const exprs = [...node.define.values(), ...node.measures];
  return exprs.every((m) => evaluable(m.expr) && m.slots.every((s) => slotExprs(s).every(evaluable) && (s.kind !== 'Aggregate' || AGGREGATE_NAMES.has(s.fn))));
}

const slotExprs = (s: MatchAccess): BoundExpression[] => (s.kind === 'Navigate' ? [s.expr] : s.kind === 'Aggregate' && s.arg !== undefined ? [s.arg] : []);

/** What a slot reads of a match: `rows` so far (the candidate row last, in DEFINE), `time` the emission time. */
type SlotReader = (rows: readonly Taken[], time: number) => unknown;

export function matchRecognize(planner: Planner, node: MatchRecognize): Rel {
  const input = planBound(planner, node.input);
  if (input.mode !== 'insert-only') {
    // the fact `flinkts check` reports as FTS4211: the same code
    throw textError(CHANGELOG_TEXTS.matchRecognizeUpdates({}), node.span);
  }
  const variables = node.pattern.map((p) => p.variable);
  const compileMatch = (m: MatchExpression): ((rows: readonly Taken[], time: number) => unknown) => {
    const readers = m.slots.map((s) => slotReader(planner, input, s, variables));
    const slotRel = expressionScope(m.slots.map((s, i) => ({ name: `$slot${i}`, type: s.type })));
    const e = compileBound(planner, slotRel, m.expr).eval;
    return (rows, time) => e(readers.map((r) => r(rows, time)));
  };
  const defines = variables.map((v) => {
    const d = node.define.get(v);
    return d === undefined ? undefined : compileMatch(d);
  });
  const measures = node.measures.map(compileMatch);
  const keys = node.partitionKeys;
  const order = node.orderKeys.map((k) => ({ compiled: { type: input.columns[k.column]!.type, eval: (r: Row) => r[k.column] ?? null }, direction: k.direction, ...(k.nulls === undefined ? {} : { nulls: k.nulls }) }));
  const greedy = node.pattern.map(greedyInCep);
  const within = node.within === undefined ? undefined : withinMillis(planner, node.within);
  const op = new MatchRecognizeOperator({
    key: (r) => keys.map((k) => keyOf(r[k])).join('\u0001'),
    keyValues: (r) => keys.map((k) => r[k] ?? null),
    timeIndex: node.timeColumn,
    rowtime: node.time === 'rowtime',
    ...(order.length === 0 ? {} : { compare: rowComparator(order) }),
    nfa: () => new MatchNfa(node.pattern, greedy, node.after, variables, (element, rows, row) => {
      const d = defines[element];
      return d === undefined || d([...rows, row], row.time) === true;
    }, within),
    output: (keyValues, rows, time) => [...keyValues, ...measures.map((m) => m(rows, time) ?? null)],
  });
  input.op.connectTo(op);
  return { columns: node.columns.map((c) => ({ name: c.name, type: c.type as DataType })), op, mode: planner.modeOf(node), rowtime: timeColumns(node, 'rowtime'), proctime: timeColumns(node, 'proctime') };
}

function withinMillis(planner: Planner, e: BoundExpression): number {
  const c = compileBound(planner, expressionScope([]), e);
  if (c.type.kind !== 'INTERVAL_DAY_TIME' || !c.constant) throw textError(MATCH_TEXTS.unsupportedClause({ kind: 'within' }), e.ast.span);
  return Number(c.constant.value);
}

function slotReader(planner: Planner, input: Rel, s: MatchAccess, variables: readonly string[]): SlotReader {
  const element = 'variable' in s && s.variable !== undefined ? variables.indexOf(s.variable) : -1;
  const of = (rows: readonly Taken[]): readonly Taken[] => (element < 0 ? rows : rows.filter((r) => r.element === element));
  switch (s.kind) {
    case 'Navigate': {
      const e = compileBound(planner, input, s.expr).eval;
      return (rows) => {
        const list = of(rows);
        const at = s.from === 'LAST' ? list.length - 1 - s.offset : s.offset;
        const r = list[at];
        return r === undefined ? null : e(r.row) ?? null;
      };
    }
    case 'Aggregate': {
      const arg: Evaluator | undefined = s.arg === undefined ? undefined : compileBound(planner, input, s.arg).eval;
      const set = new AggregateSet([{ name: s.fn as AggregateName, ...(arg === undefined ? {} : { arg, argType: s.arg!.type! }), distinct: false, resultType: s.type }]);
      return (rows) => {
        const accs = set.create();
        for (const r of of(rows)) set.accumulate(accs, r.row, false);
        return set.values(accs)[0] ?? null;
      };
    }
    case 'MatchRowtime':
      return (_rows, time) => new Timestamp(time);
    case 'MatchProctime':
      return () => planner.session.now();
  }
}
