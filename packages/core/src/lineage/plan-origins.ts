/**
 * Column origins over the bound plan, one rule per node kind: which source-table columns each output column reads
 * (directly, or at column level through conditions and OVER keys), and which source columns decide the rows of the
 * whole result (filters, join keys, grouping keys, windows, sort and rank keys). Views, CTEs and sub-queries are
 * already followed through by the binder, so every origin is a column of a catalog table.
 */
import type { Expression, FunctionCall } from '../ast/expression.js';
import type { BoundExpression, ColumnBinding } from '../plan/expression.js';
import { copiedColumn } from '../plan/expression.js';
import type { PlanNode } from '../plan/node.js';
import type { MatchExpression } from '../plan/match-recognize.js';
import type { SortKey } from '../plan/sort-key.js';
import { composable, describe, substitute } from './compose.js';
import type { ColumnOrigins, DirectKind, IndirectKind, Origin } from './origins.js';
import { addDirect, addIndirect, allAs, NO_ORIGINS } from './origins.js';
import { isStackOverflow } from '../diagnostics/stack-overflow.js';

export interface NodeOrigins {
  readonly columns: readonly ColumnOrigins[];
  readonly dataset: ReadonlyMap<string, Origin<IndirectKind>>;
}

type Row = readonly ColumnOrigins[];
const RANK: Record<DirectKind, number> = { IDENTITY: 0, TRANSFORMATION: 1, AGGREGATION: 2 };
const stronger = (a: DirectKind, b: DirectKind): DirectKind => (RANK[a] >= RANK[b] ? a : b);

/** An expression that is not a bound one: a call over bound arguments (aggregates, OVER calls, table functions). */
function over(ast: Expression, refs: readonly ColumnBinding[]): BoundExpression {
  return { ast, refs, subqueries: [] };
}

/** The expression over source columns, or the one written here when composing it would be too long or too deep. */
function composeOrKeep(ast: Expression, replace: ReadonlyMap<Expression, Expression>): Expression {
  if (replace.size === 0) return ast;
  try {
    const composed = substitute(ast, replace);
    return composable(composed) ? composed : ast;
  } catch (e) {
    if (isStackOverflow(e)) return ast;
    throw e;
  }
}

export class OriginWalker {
  private readonly memo = new Map<PlanNode, NodeOrigins>();

  /** The origins of `node`'s columns; `outer` are the rows of enclosing queries (correlated sub-queries). */
  of(node: PlanNode, outer: readonly Row[] = []): NodeOrigins {
    if (outer.length === 0) {
      const known = this.memo.get(node);
      if (known !== undefined) return known;
    }
    const result = this.compute(node, outer);
    if (outer.length === 0) this.memo.set(node, result);
    return result;
  }

  /** The origins of a bound expression over `input` (what decides a sub-query's rows is an indirect origin of it). */
  expression(e: BoundExpression, input: Row, outer: readonly Row[], kind: DirectKind): ColumnOrigins {
    const copied = copiedColumn(e);
    if (copied !== undefined && kind !== 'AGGREGATION') return input[copied] ?? NO_ORIGINS;
    const direct = new Map<string, Origin<DirectKind>>();
    const indirect = new Map<string, Origin<IndirectKind>>();
    const replace = new Map<Expression, Expression>();
    for (const r of e.refs) {
      const src = r.depth === 0 ? input[r.index] : outer[r.depth - 1]?.[r.index];
      if (src === undefined) continue;
      if (r.conditional) allAs(src, 'CONDITIONAL', indirect);
      else {
        for (const o of src.direct.values()) addDirect(direct, o.from, stronger(o.kind, kind));
        for (const o of src.indirect.values()) addIndirect(indirect, o.from, o.kind);
      }
      if (src.exprs.length === 1) replace.set(r.node, r.field === undefined ? src.exprs[0]! : { kind: 'FieldAccess', operand: src.exprs[0]!, field: r.field });
    }
    for (const s of e.subqueries) {
      const sub = this.of(s.plan, [input, ...outer]);
      for (const c of sub.columns) {
        for (const o of c.direct.values()) addDirect(direct, o.from, stronger('TRANSFORMATION', kind));
        for (const o of c.indirect.values()) addIndirect(indirect, o.from, o.kind);
      }
      // What decides the sub-query's rows decides this value (and, in a WHERE, the rows: the Filter rule takes them).
      for (const o of sub.dataset.values()) addIndirect(indirect, o.from, o.kind);
    }
    return { direct, indirect, exprs: [composeOrKeep(e.ast, replace)] };
  }

  private keys(keys: readonly BoundExpression[], input: Row, outer: readonly Row[], kind: IndirectKind, into: Map<string, Origin<IndirectKind>>): void {
    for (const k of keys) allAs(this.expression(k, input, outer, 'TRANSFORMATION'), kind, into);
  }

  /** A MEASURES / DEFINE expression: what its slots read of the input rows. */
  private matchExpression(m: MatchExpression, input: Row, outer: readonly Row[]): ColumnOrigins {
    const read = m.slots.flatMap((s) => (s.kind === 'Navigate' ? [s.expr] : s.kind === 'Aggregate' && s.arg !== undefined ? [s.arg] : []));
    const call: FunctionCall = { kind: 'FunctionCall', name: ['MATCH_RECOGNIZE'], args: read.map((e) => e.ast) };
    return this.expression(over(call, read.flatMap((e) => e.refs)), input, outer, m.slots.some((s) => s.kind === 'Aggregate') ? 'AGGREGATION' : 'TRANSFORMATION');
  }

  private sortKeys(keys: readonly SortKey[], input: Row, outer: readonly Row[], into: Map<string, Origin<IndirectKind>>): void {
    this.keys(keys.map((k) => k.expr), input, outer, 'SORT', into);
  }

  private compute(node: PlanNode, outer: readonly Row[]): NodeOrigins {
    switch (node.kind) {
      case 'Scan': {
        const base: ColumnOrigins[] = node.columns.map((c) => {
          if (c.origin === 'computed') return NO_ORIGINS;
          const from = { table: node.name, column: c.name };
          return { direct: new Map([[`${node.name}\u0000${c.name}`, { from, kind: 'IDENTITY' as const }]]), indirect: new Map(), exprs: [{ kind: 'ColumnRef', name: c.name } as Expression] };
        });
        const columns = node.columns.map((c, i) => {
          if (c.origin !== 'computed' || c.expr === undefined) return base[i]!;
          const o = this.expression(c.expr, base, [], 'TRANSFORMATION');
          if (o.direct.size > 0) return o;
          // Reads no column (PROCTIME()): the computed column itself is the origin.
          const from = { table: node.name, column: c.name };
          return { direct: new Map([[`${node.name}\u0000${c.name}`, { from, kind: 'TRANSFORMATION' as const }]]), indirect: o.indirect, exprs: [c.expr.ast] };
        });
        return { columns, dataset: new Map() };
      }
      case 'Values': {
        const dataset = new Map<string, Origin<IndirectKind>>();
        const columns = node.columns.map((_, i) => {
          const first = node.rows[0]?.[i];
          return first === undefined ? NO_ORIGINS : this.expression(first, [], outer, 'TRANSFORMATION');
        });
        return { columns, dataset };
      }
      case 'Project': {
        const input = this.of(node.input, outer);
        const dataset = new Map(input.dataset);
        const columns = node.exprs.map((e) => this.expression(e, input.columns, outer, 'TRANSFORMATION'));
        return { columns, dataset };
      }
      case 'Filter': {
        const input = this.of(node.input, outer);
        const dataset = new Map(input.dataset);
        allAs(this.expression(node.condition, input.columns, outer, 'TRANSFORMATION'), 'FILTER', dataset);
        return { columns: input.columns, dataset };
      }
      case 'Aggregate': {
        const input = this.of(node.input, outer);
        const dataset = new Map(input.dataset);
        const keys = node.keys.map((k) => this.expression(k, input.columns, outer, 'TRANSFORMATION'));
        for (const k of keys) allAs(k, 'GROUP_BY', dataset);
        if (node.windowKey !== undefined) allAs(keys[node.windowKey]!, 'WINDOW', dataset);
        const calls = node.calls.map((c) => {
          const refs = [...c.args.flatMap((a) => a.refs), ...(c.filter?.refs ?? []).map((r) => ({ ...r, conditional: true }))];
          return this.expression(over(c.ast, refs), input.columns, outer, 'AGGREGATION');
        });
        return { columns: [...keys, ...calls], dataset };
      }
      case 'Over': {
        const input = this.of(node.input, outer);
        const dataset = new Map(input.dataset);
        const calls = node.calls.map((c) => {
          const o = this.expression(over(c.ast, c.args.flatMap((a) => a.refs)), input.columns, outer, c.args.length === 0 ? 'TRANSFORMATION' : 'AGGREGATION');
          const indirect = new Map(o.indirect);
          this.keys(c.partitionBy, input.columns, outer, 'WINDOW', indirect);
          this.sortKeys(c.orderBy, input.columns, outer, indirect);
          return { ...o, indirect };
        });
        return { columns: [...input.columns, ...calls], dataset };
      }
      case 'Join': {
        const left = this.of(node.left, outer);
        const right = this.of(node.right, outer);
        const columns = [...left.columns, ...right.columns];
        const dataset = new Map([...left.dataset, ...right.dataset]);
        // `x [NOT] IN (SELECT …)` is a semi / anti join that decides which left rows pass: a filter.
        const semi = node.type === 'SEMI' || node.type === 'ANTI';
        if (node.condition !== undefined) allAs(this.expression(node.condition, columns, outer, 'TRANSFORMATION'), semi ? 'FILTER' : 'JOIN', dataset);
        if (node.period !== undefined) allAs(this.expression(node.period, left.columns, outer, 'TRANSFORMATION'), 'JOIN', dataset);
        return { columns: semi ? left.columns : columns, dataset };
      }
      case 'WindowTableFunction': {
        const input = this.of(node.input, outer);
        const dataset = new Map(input.dataset);
        const time = input.columns[node.timeColumn] ?? NO_ORIGINS;
        allAs(time, 'WINDOW', dataset);
        // SESSION windows per key: the PARTITION BY columns decide which rows share a session
        this.keys(node.partitionKeys ?? [], input.columns, outer, 'WINDOW', dataset);
        const call: FunctionCall = { kind: 'FunctionCall', name: [node.fn], args: [{ kind: 'Descriptor', columns: [node.input.columns[node.timeColumn]!.name] }, ...node.args.map((a) => a.ast)] };
        const windowColumn = (field: string): ColumnOrigins => {
          const direct = new Map<string, Origin<DirectKind>>();
          for (const o of time.direct.values()) addDirect(direct, o.from, stronger(o.kind, 'TRANSFORMATION'));
          return { direct, indirect: time.indirect, exprs: [{ kind: 'FieldAccess', operand: call, field }] };
        };
        return { columns: [...input.columns, windowColumn('window_start'), windowColumn('window_end'), windowColumn('window_time')], dataset };
      }
      case 'Rank':
      case 'Deduplicate': {
        const input = this.of(node.input, outer);
        const dataset = new Map(input.dataset);
        const orderKeys = node.kind === 'Rank' ? node.orderKeys : [node.orderKey];
        this.keys(node.partitionKeys, input.columns, outer, 'WINDOW', dataset);
        this.sortKeys(orderKeys, input.columns, outer, dataset);
        const rn = new Map<string, Origin<IndirectKind>>();
        this.keys(node.partitionKeys, input.columns, outer, 'WINDOW', rn);
        this.sortKeys(orderKeys, input.columns, outer, rn);
        return { columns: [...input.columns, { direct: new Map(), indirect: rn, exprs: [] }], dataset };
      }
      case 'SetOp': {
        const inputs = node.inputs.map((i) => this.of(i, outer));
        const dataset = new Map<string, Origin<IndirectKind>>();
        for (const i of inputs) for (const [k, v] of i.dataset) dataset.set(k, v);
        const contributing = node.op === 'UNION' ? inputs : inputs.slice(0, 1);
        if (node.op !== 'UNION') for (const i of inputs.slice(1)) for (const c of i.columns) allAs(c, 'FILTER', dataset);
        const columns = node.columns.map((_, col) => {
          const direct = new Map<string, Origin<DirectKind>>();
          const indirect = new Map<string, Origin<IndirectKind>>();
          const exprs = new Map<string, Expression>();
          for (const i of contributing) {
            const c = i.columns[col] ?? NO_ORIGINS;
            for (const o of c.direct.values()) addDirect(direct, o.from, o.kind);
            for (const o of c.indirect.values()) addIndirect(indirect, o.from, o.kind);
            for (const e of c.exprs) if (!exprs.has(describe(e))) exprs.set(describe(e), e);
          }
          return { direct, indirect, exprs: [...exprs.values()] };
        });
        return { columns, dataset };
      }
      case 'Correlate': {
        const input = this.of(node.input, outer);
        const dataset = new Map(input.dataset);
        if (node.query !== undefined) {
          // a LATERAL sub-query: its columns and its rows' deciders, read with the input row as the enclosing one
          const sub = this.of(node.query, [input.columns, ...outer]);
          for (const [k, o] of sub.dataset) if (!dataset.has(k)) dataset.set(k, o);
          const columns = [...input.columns, ...sub.columns];
          // LEFT JOIN LATERAL (…) ON c: the condition decides which sub-query rows join, as a join's ON does
          if (node.condition !== undefined) allAs(this.expression(node.condition, columns, outer, 'TRANSFORMATION'), 'JOIN', dataset);
          return { columns, dataset };
        }
        const call: FunctionCall = { kind: 'FunctionCall', name: [node.fn], args: node.args.map((a) => a.ast) };
        const produced = this.expression(over(call, node.args.flatMap((a) => a.refs)), input.columns, outer, 'TRANSFORMATION');
        const own = node.columns.slice(node.input.columns.length).map(() => produced);
        const columns = [...input.columns, ...own];
        if (node.condition !== undefined) allAs(this.expression(node.condition, columns, outer, 'TRANSFORMATION'), 'JOIN', dataset);
        return { columns, dataset };
      }
      case 'MatchRecognize': {
        const input = this.of(node.input, outer);
        const dataset = new Map(input.dataset);
        for (const d of node.define.values()) allAs(this.matchExpression(d, input.columns, outer), 'FILTER', dataset);
        const keys = node.partitionKeys.map((k) => input.columns[k]!);
        return { columns: [...keys, ...node.measures.map((m) => this.matchExpression(m, input.columns, outer))], dataset };
      }
      case 'Sort': {
        const input = this.of(node.input, outer);
        const dataset = new Map(input.dataset);
        this.sortKeys(node.keys, input.columns, outer, dataset);
        return { columns: input.columns, dataset };
      }
    }
  }
}
