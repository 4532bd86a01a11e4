/**
 * The changelog mode of every plan node, as Flink 1.20's planner infers it: insert-only, an upsert stream (+I/+U/-D,
 * identified by an upsert key, keys.ts) or a retract stream (-U/+U/-D). Updating modes name the operator that first
 * produced the updates (for the sink checks' messages). The rules, one per node kind:
 *
 * - Scan: what the connector emits (`SourceModes`, from the connectors' capabilities): a CDC source every change kind,
 *   an upsert source upserts; unknown connectors are read as insert-only.
 * - Project, Filter, Sort, OVER, window TVF, Correlate: the input's mode; a scalar sub-query in a select list is a LEFT
 *   JOIN with its value (retracts, also over insert-only inputs); a LATERAL sub-query is a join with what it
 *   reads (a LEFT JOIN LATERAL over a table retracts). A Filter with `NOT IN` / `NOT EXISTS` over a
 *   sub-query is an anti join (retracts a row when a match arrives later); `IN` / `EXISTS` forward the sub-query's updates.
 * - Aggregate: a window aggregation (grouped by window_start and window_end — in every grouping set —, or a legacy
 *   group window) emits final rows, also over an updating input (Flink 1.19+); GROUP BY, a global aggregation and SELECT DISTINCT emit upserts.
 * - Rank / Deduplicate: windowed ones and ranks over updating inputs keep the input's mode; a deduplication keeping the
 *   first row on processing time is insert-only; keeping the last row, or the first on event time (Flink 1.20), and
 *   every other TopN emit upserts. ORDER BY … LIMIT over an insert-only input is a TopN.
 * - Join: lookup and temporal joins keep the left input's mode; interval and window joins emit inserts; a regular join
 *   retracts when an input updates, and an outer join retracts even over insert-only inputs; a semi join (IN) emits
 *   inserts over insert-only inputs, an anti join (NOT IN) retracts a row when a match arrives later.
 * - UNION ALL: retracts when an input updates; UNION (distinct) emits upserts keyed by every column; INTERSECT and
 *   EXCEPT retract.
 */
import type { Expression } from '../../ast/expression.js';
import type { Span } from '../../ast/node.js';
import type { CatalogTableEntry } from '../../catalog/catalog.js';
import type { SourceChangelog } from '../../connector/connector.js';
import type { PlanNode } from '../node.js';
import { inputsOf } from '../node.js';
import type { Key } from './keys.js';
import { uniqueKeys, upsertKeys } from './keys.js';
import { copiedColumn } from '../expression.js';
import { isWindowAggregate } from './window-columns.js';
import { aggregateRemoved } from './aggregate-removal.js';

export type ChangelogKind = 'insert-only' | 'upsert' | 'retract';

/** The operator that first produced updates, named the way a user finds it in the SQL text. */
export interface UpdateOrigin {
  /** `GROUP BY`, `LEFT JOIN`, `deduplication keeping the last row`, `changelog source 'orders' (mysql-cdc)`, … */
  readonly operator: string;
  readonly span?: Span;
  /** What would avoid the updates, for the sink check's hint. */
  readonly fix?: string;
}

export interface PlanChangelog {
  readonly kind: ChangelogKind;
  /** When updating: the upsert keys of the node (positions in its columns), shortest first; empty when none is known. */
  readonly upsertKeys: readonly Key[];
  /** Set when `kind` is not insert-only. */
  readonly origin?: UpdateOrigin;
}

/** What a table's connector emits as a source; undefined when it is not known (then it is read as insert-only). */
export type SourceModes = (table: CatalogTableEntry) => SourceChangelog | undefined;

export const INSERT_ONLY: PlanChangelog = Object.freeze({ kind: 'insert-only', upsertKeys: [] });

export function isUpdating(mode: PlanChangelog): boolean {
  return mode.kind !== 'insert-only';
}

/** `kafka`, `paimon catalog`, … for messages. */
export function connectorName(table: CatalogTableEntry): string {
  const id = table.statement.options.find((o) => o.key === 'connector')?.value;
  if (id !== undefined) return id;
  const type = table.catalog?.options.find((o) => o.key === 'type')?.value;
  return type === undefined ? 'no connector' : `${type} catalog`;
}

const origin = (operator: string, span: Span | undefined, fix: string): UpdateOrigin => ({ operator, ...(span === undefined ? {} : { span }), fix });
const WINDOW_FIX = 'aggregate over a window TVF (TUMBLE/HOP/CUMULATE) with GROUP BY window_start, window_end so each result is final and insert-only';
const ANTI_FIX = 'anti joins retract a row when a match arrives later; write only into a sink that accepts updates';

type Mode = Omit<PlanChangelog, 'upsertKeys'>;
const INSERTS: Mode = { kind: 'insert-only' };
const updating = (kind: 'upsert' | 'retract', o: UpdateOrigin): Mode => ({ kind, origin: o });
const same = (m: PlanChangelog): Mode => ({ kind: m.kind, ...(m.origin === undefined ? {} : { origin: m.origin }) });
const retracting = (m: PlanChangelog): Mode => ({ kind: 'retract', ...(m.origin === undefined ? {} : { origin: m.origin }) });

/** The mode a Filter's sub-queries impose (anti joins, semi joins over updating sub-queries), if any. */
function subqueryMode(node: Extract<PlanNode, { kind: 'Filter' }>, of: (n: PlanNode) => PlanChangelog): Mode | undefined {
  if (node.condition.subqueries.length === 0) return undefined;
  const plans = new Map<Expression, PlanNode>(node.condition.subqueries.map((s) => [s.node, s.plan]));
  let found: Mode | undefined;
  // Its own stack: a WHERE of 10,000 AND-ed terms is as deep as it is long.
  const stack: { x: unknown; negated: boolean }[] = [{ x: node.condition.ast, negated: false }];
  while (stack.length > 0 && found === undefined) {
    const { x, negated } = stack.pop()!;
    if (x === null || typeof x !== 'object') continue;
    if (Array.isArray(x)) {
      for (const item of x) stack.push({ x: item, negated });
      continue;
    }
    const e = x as Expression;
    const plan = plans.get(e);
    if (plan !== undefined && (e.kind === 'In' || e.kind === 'Exists')) {
      const anti = e.kind === 'In' ? e.negated !== negated : negated;
      const sub = of(plan);
      if (anti) found = updating('retract', origin(`${e.kind === 'In' ? 'NOT IN' : 'NOT EXISTS'} sub-query (anti join)`, e.span, ANTI_FIX));
      else if (isUpdating(sub)) found = same(sub);
      continue;
    }
    if (plan !== undefined && e.kind === 'ScalarSubquery') {
      // a join with the sub-query's aggregation (Flink 1.20.1: [I,UB,UA] over insert-only inputs)
      found = updating('retract', origin('scalar sub-query in WHERE (a join with its aggregation)', e.span, 'compute the value in a join whose results are final (an interval, lookup or temporal join)'));
      continue;
    }
    if (plan !== undefined) continue;
    if (e.kind === 'Unary' && e.op === 'NOT') {
      stack.push({ x: e.operand, negated: !negated });
      continue;
    }
    for (const key in e) if (key !== 'span') stack.push({ x: (e as unknown as Record<string, unknown>)[key], negated });
  }
  return found;
}

function modeOf(node: PlanNode, sources: SourceModes, of: (n: PlanNode) => PlanChangelog): Mode {
  switch (node.kind) {
    case 'Scan': {
      const name = node.table.path[2];
      const fix = 'read it as an upsert/changelog stream only into sinks that accept updates, or aggregate it over a window';
      switch (sources(node.table)) {
        case 'upsert': return updating('upsert', origin(`upsert source '${name}' (${connectorName(node.table)})`, node.span ?? node.table.statement.span, fix));
        case 'all': return updating('retract', origin(`changelog source '${name}' (${connectorName(node.table)})`, node.span ?? node.table.statement.span, fix));
        default: return INSERTS;
      }
    }
    case 'Values':
      return INSERTS;
    case 'MatchRecognize':
      // insert-only output; an updating input is refused by Flink (and by the local runtime)
      return INSERTS;
    case 'Project': {
      const input = of(node.input);
      // a scalar sub-query in the select list is a LEFT JOIN with its single value (Flink 1.20: retracts, also over
      // insert-only inputs: the value may change)
      const scalar = node.exprs.find((e) => e.subqueries.length > 0);
      if (scalar === undefined) return same(input);
      if (isUpdating(input)) return retracting(input);
      return updating('retract', origin('scalar sub-query (a LEFT JOIN with its value)', scalar.subqueries[0]!.node.span, 'compute the value in a join whose results are final (an interval, lookup or temporal join)'));
    }
    case 'Over': case 'WindowTableFunction':
      return same(of(node.input));
    case 'Correlate': {
      const input = of(node.input);
      if (node.query === undefined) return same(input);
      // a LATERAL sub-query is decorrelated into a join with what it reads
      const first = [input, of(node.query)].find(isUpdating);
      if (first !== undefined) return retracting(first);
      if (node.type === 'LEFT' && readsTable(node.query)) return updating('retract', origin('LEFT JOIN LATERAL (an outer join)', node.span, 'use CROSS JOIN LATERAL, or a lookup/temporal join whose results are final'));
      return INSERTS;
    }
    case 'Filter': {
      const input = of(node.input);
      if (isUpdating(input)) return same(input);
      return subqueryMode(node, of) ?? INSERTS;
    }
    case 'Sort': {
      const input = of(node.input);
      if (node.limit === undefined || node.keys.length === 0 || isUpdating(input)) return same(input);
      return updating('upsert', origin('ORDER BY … LIMIT (TopN)', node.keys[0]!.expr.ast.span, 'rank within a window TVF, or write into a sink that accepts updates'));
    }
    case 'Aggregate': {
      if (isWindowAggregate(node)) return INSERTS;
      if (aggregateRemoved(node)) return same(of(node.input));
      if (node.distinct !== undefined) return updating('upsert', origin('SELECT DISTINCT', node.distinct.span, 'deduplicate with ROW_NUMBER() OVER (PARTITION BY … ORDER BY proctime) = 1, which emits only inserts'));
      if (node.keys.length === 0) {
        const call = node.calls[0];
        return updating('upsert', origin(`aggregation without GROUP BY (${call?.fn ?? 'HAVING'})`, call?.ast.span, WINDOW_FIX));
      }
      const plain = node.groupingSets.length === 1 && node.keys.every((k) => k.ast.kind === 'ColumnRef');
      const shown = plain ? ` ${node.keys.map((k) => (k.ast as { name: string }).name).join(', ')}` : '';
      return updating('upsert', origin(`GROUP BY${shown}`, node.keys[0]!.ast.span, WINDOW_FIX));
    }
    case 'Rank': case 'Deduplicate': {
      const input = of(node.input);
      if (node.windowed || isUpdating(input)) return same(input);
      const span = node.call.span;
      if (node.kind === 'Rank') {
        return updating('upsert', origin(`TopN (${node.fn} … WHERE ${node.columns[node.columns.length - 1]!.name} <= ${node.range.end})`, span, 'rank within a window TVF (PARTITION BY window_start, window_end), which emits final rows only'));
      }
      if (node.keep === 'last') return updating('upsert', origin('deduplication keeping the last row (ORDER BY … DESC)', span, 'keep the first row (ORDER BY a PROCTIME() column ASC), which emits only inserts'));
      if (node.time === 'proctime') return INSERTS;
      return updating('upsert', origin('deduplication keeping the first row on event time (in Flink 1.20 a late row with an earlier rowtime replaces it)', span, 'deduplicate on a processing-time attribute (PROCTIME()) for an insert-only result'));
    }
    case 'Join': {
      const left = of(node.left);
      if (node.strategy === 'lookup' || node.strategy === 'temporal') return same(left);
      if (node.strategy === 'interval' || node.strategy === 'window') return INSERTS;
      const right = of(node.right);
      const first = [left, right].find(isUpdating);
      if (first !== undefined) return retracting(first);
      if (node.type === 'SEMI') return INSERTS;
      if (node.type === 'ANTI') return updating('retract', origin('NOT IN sub-query (anti join)', node.span, ANTI_FIX));
      if (node.type === 'LEFT' || node.type === 'RIGHT' || node.type === 'FULL') {
        return updating('retract', origin(`${node.type} JOIN`, node.span, 'use an interval join (bound both time attributes in ON) or a lookup/temporal join (FOR SYSTEM_TIME AS OF), whose results are final'));
      }
      return INSERTS;
    }
    case 'SetOp': {
      const first = node.inputs.map(of).find(isUpdating);
      if (node.all && node.op === 'UNION') return first === undefined ? INSERTS : retracting(first);
      if (first !== undefined) return same(first);
      const fix = node.op === 'UNION' ? 'use UNION ALL, which emits inserts from insert-only inputs' : 'write into a sink that accepts updates';
      return updating(node.op === 'UNION' ? 'upsert' : 'retract', origin(`${node.op}${node.all ? ' ALL' : ''} (a set operation keeping state)`, undefined, fix));
    }
  }
}

function readsTable(node: PlanNode): boolean {
  return node.kind === 'Scan' || inputsOf(node).some(readsTable);
}

const bySources = new WeakMap<SourceModes, WeakMap<PlanNode, PlanChangelog>>();
const statementScopes = new WeakMap<SourceModes, { cache: Map<PlanNode, PlanChangelog>; readonly shared: ReadonlySet<PlanNode>; readonly script: SourceModes }>();

/**
 * `sources` for a checker that holds one statement's plans at a time: the modes of a statement's own nodes are cached
 * in a plain Map that `next()` empties when the checker moves on (a WeakMap keyed by millions of short-lived nodes
 * costs more in V8, per entry and in every GC, than deriving the modes); those of `shared` nodes (views' plans, read
 * by many statements) stay cached with `sources` for the whole script.
 */
export function statementSources(sources: SourceModes, shared: ReadonlySet<PlanNode>): { readonly sources: SourceModes; readonly next: () => void } {
  const scoped: SourceModes = (table) => sources(table);
  const scope = { cache: new Map<PlanNode, PlanChangelog>(), shared, script: sources };
  statementScopes.set(scoped, scope);
  // A new Map, not `clear()`: V8 links a cleared Map's old table to its new one (for live iterators), so a table
  // promoted to the old generation would keep every later statement's plans alive through each scavenge.
  return { sources: scoped, next: () => { if (scope.cache.size > 0) scope.cache = new Map(); } };
}

type StatementScope = ReturnType<typeof statementScopes.get>;

/** The cache of `node`'s mode; `scope` is `sources`' statement scope (looked up once per changelogOf call). */
function cacheOf(node: PlanNode, sources: SourceModes, scope: StatementScope): WeakMap<PlanNode, PlanChangelog> | Map<PlanNode, PlanChangelog> {
  if (scope !== undefined && !scope.shared.has(node)) return scope.cache;
  const owner = scope?.script ?? sources;
  let cache = bySources.get(owner);
  if (cache === undefined) {
    cache = new WeakMap();
    bySources.set(owner, cache);
  }
  return cache;
}

/** The plans a node's mode is derived from: its inputs and a Filter's sub-queries. */
function derivedFrom(node: PlanNode): readonly PlanNode[] {
  const inputs = inputsOf(node);
  return node.kind === 'Filter' && node.condition.subqueries.length > 0 ? [...inputs, ...node.condition.subqueries.map((s) => s.plan)] : inputs;
}

function derive(node: PlanNode, sources: SourceModes, scope: StatementScope): PlanChangelog {
  const mode = modeOf(node, sources, (n) => changelogOf(n, sources));
  // Insert-only (most nodes): the one shared value, not a new frozen copy per node.
  const result: PlanChangelog = mode.kind === 'insert-only' ? INSERT_ONLY : Object.freeze({ ...mode, upsertKeys: upsertKeys(node) });
  cacheOf(node, sources, scope).set(node, result);
  return result;
}

/** The changelog mode of `node`'s output, its sources' modes given by `sources`; computed once per node and resolver. */
export function changelogOf(node: PlanNode, sources: SourceModes): PlanChangelog {
  const scope = statementScopes.get(sources);
  const known = cacheOf(node, sources, scope).get(node);
  if (known !== undefined) return known;
  // The nodes below first, with a stack of its own (post-order): a plan thousands of nodes deep (a chain of CTEs or
  // views) must not exhaust the call stack; each node's own rule then finds its inputs' modes cached.
  const stack: { node: PlanNode; expanded: boolean }[] = [{ node, expanded: false }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (cacheOf(top.node, sources, scope).has(top.node)) continue;
    if (top.expanded) {
      derive(top.node, sources, scope);
      continue;
    }
    stack.push({ node: top.node, expanded: true });
    for (const input of derivedFrom(top.node)) if (!cacheOf(input, sources, scope).has(input)) stack.push({ node: input, expanded: false });
  }
  return cacheOf(node, sources, scope).get(node) ?? derive(node, sources, scope);
}
