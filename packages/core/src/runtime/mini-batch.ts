/**
 * `table.exec.mini-batch.enabled`: Flink buffers a bundle of rows per operator and folds each key's updates into
 * one change when the bundle ends; group aggregations then run in two phases (a local aggregation whose flushed
 * accumulators fill the global one's bundles) when every aggregate can merge, else in one.
 *
 * What is reproduced (checked on Flink 1.20.1, tier-3 family `minibatch`): group aggregations (GROUP BY, global
 * aggregations, SELECT DISTINCT) whose bundles end by count (`table.exec.mini-batch.size`) and at the end of the
 * input, with Flink's order of keys in a bundle (the iteration order of its `HashMap` of binary keys:
 * values/binary-row-hash.ts) — so the changelog, cross-key order included, is Flink's at parallelism 1.
 *
 * Deduplication on processing time runs in the same bundles (one phase, keyed by the partition keys: each key's
 * first or last row of a bundle at its end), and a TopN, which has no mini-batch operator, reads its input's bundled
 * changes (tier-3 family `minibatch` again).
 *
 * With a WATERMARK on the source (one query per job), Flink puts a MiniBatchAssigner after the watermark assigner
 * (operators/mini-batch-assigner.ts, checked with EXPLAIN on Flink 1.20.1): in `RowTime` mode when the plan has a
 * window TVF aggregation (TUMBLE / HOP / CUMULATE, which Flink then splits into a local and a global window
 * aggregation) or a deduplication on event time, it passes a watermark only at the end of each `allow-latency`
 * interval (aligned on the epoch), and those watermarks end bundles and fire windows; otherwise (`ProcTime` mode) it
 * drops the source's watermarks. A deduplication on event time runs in bundles of `size` rows that watermarks also
 * end (operators/mini-batch-replay.ts). A window aggregation with FIRST_VALUE / LAST_VALUE fails Flink 1.20.1's
 * planner under mini-batch unless `table.optimizer.agg-phase-strategy` is 'ONE_PHASE' (it plans a two-phase window
 * aggregation whose functions cannot merge): refused locally the same.
 *
 * What is not: bundles Flink ends on its `allow-latency` timer. That timer fires at processing-time multiples of the
 * interval, so when it fires during a job is wall-clock timing; the local runtime assumes it does not fire while the
 * test's rows pass (true when the job runs between two multiples of the interval: take a long one, e.g. '1 h').
 * Other operators mini-batch changes are refused while the changelog is kept; their final tables run (every bundle
 * folds to the same state): regular joins (Flink 1.20.1's mini-batch join folds each input's rows in a bundle, and
 * which rows of the two inputs share a bundle depends on the order they arrive in, which Flink does not fix),
 * ChangelogNormalize after upsert sources, grouping sets, aggregates that merge in ways not checked, legacy group
 * windows, SESSION windows, window TopN / deduplication / joins, OVER aggregations and interval joins under a
 * watermark, and scripts with a watermark and more than one query (where Flink picks one assigner per source).
 */
import type { Span } from '../ast/node.js';
import type { CreateTable, Script } from '../ast/statement.js';
import type { SourceChangelog } from '../connector/connector.js';
import type { AggregateCall } from '../plan/aggregate.js';
import type { PlanNode } from '../plan/node.js';
import type { SourceModes } from '../plan/properties/changelog.js';
import { inputsOf } from '../plan/node.js';
import { isWindowAggregate } from '../plan/properties/window-columns.js';
import type { Compiled, Row } from './compiled.js';
import { MINI_BATCH_ENABLED as MINI_BATCH, MINI_BATCH_LATENCY as LATENCY, MINI_BATCH_SIZE as SIZE, miniBatchEnabled as enabled, latencyMillis, miniBatchLatencySet, miniBatchSettingsProblem } from '../plan/mini-batch-settings.js';
import { textError, unsupported } from './errors.js';
import { MiniBatchAggregateOperator } from './operators/mini-batch-aggregate.js';
import { MiniBatchReplayOperator } from './operators/mini-batch-replay.js';
import type { Operator } from './operators/operator.js';
import { binaryRowHash, binaryRowHashable } from './values/binary-row-hash.js';

const PHASES = 'table.optimizer.agg-phase-strategy';

/** Refuses mini-batch where its output is not determined by the input (see above). */
export function checkMiniBatch(script: Script, options: ReadonlyMap<string, string>, keepChangelog: boolean): void {
  if (!enabled(options)) return;
  // without a latency, Flink 1.20.1's planner refuses each query that reads a watermark (the plan's fact, FTS4537, raised where the query is planned)
  if (!miniBatchLatencySet(options)) return;
  const like = script.statements.find((s) => s.kind === 'CreateTable' && s.like !== undefined);
  if (like) throw unsupported(`'${MINI_BATCH}' = 'true' with a table declared LIKE another: whether it has a WATERMARK, which decides Flink's MiniBatchAssigner, is not read here; disable mini-batch in this test`, like.span);
  const timed = script.statements.find((s) => s.kind === 'CreateTable' && s.watermark !== undefined);
  const queries = script.statements.reduce((n, s) => n + (s.kind === 'Insert' || s.kind === 'QueryStatement' ? 1 : s.kind === 'StatementSet' ? s.inserts.length : 0), 0);
  if (timed && queries > 1) {
    throw unsupported(`'${MINI_BATCH}' = 'true' with a WATERMARK and more than one query: Flink picks one MiniBatchAssigner per source for all of them (holding watermarks back or dropping them), which is reproduced for one query only; disable mini-batch in this test`, timed.span);
  }
}

/** Which MiniBatchAssigner Flink puts after a source's watermark assigner for the query `plan` (see above). */
export function miniBatchWatermarks(options: ReadonlyMap<string, string>, plan: PlanNode): { mode: 'rowtime' | 'proctime'; interval: number } | undefined {
  // without a latency Flink plans only queries that read no watermark (else FTS4537, from the plan): nothing to assign
  if (!enabled(options) || !miniBatchLatencySet(options)) return undefined;
  const rowtime = (n: PlanNode): boolean =>
    (n.kind === 'Aggregate' && n.windowKey === undefined && isWindowAggregate(n)) || (n.kind === 'Deduplicate' && n.time === 'rowtime') || inputsOf(n).some(rowtime);
  return { mode: rowtime(plan) ? 'rowtime' : 'proctime', interval: latencyMillis(options.get(LATENCY))! }; // a readable latency of 1 ms or more: miniBatchLatencySet
}

/** Refuses an upsert source (`emits`, as the plan reads it) under mini-batch when the changelog is kept. */
export function checkMiniBatchSource(options: ReadonlyMap<string, string>, keepChangelog: boolean, table: CreateTable, emits: SourceChangelog): void {
  if (!enabled(options) || !keepChangelog || emits !== 'upsert') return;
  throw unsupported(`'${MINI_BATCH}' = 'true' with an upsert source and the changelog kept: Flink's mini-batch ChangelogNormalize folds its updates per bundle, which is not reproduced; run with keepChangelog: false to assert on final tables`, table.span);
}

/** What mini-batch changes that the local runtime does not reproduce, in a query's plan (undefined: none). */
function notReproduced(node: PlanNode): { what: string; span?: Span } | undefined {
  switch (node.kind) {
    // a TopN has no mini-batch operator in Flink 1.20.1 (it reads its input's bundled changes as they come); a
    // deduplication on processing time runs in bundles (miniBatchDeduplicate)
    case 'Scan': case 'Values': case 'Project': case 'Filter': case 'Correlate': case 'Rank':
      break;
    case 'WindowTableFunction':
      if (node.fn === 'SESSION') return { what: 'a SESSION window (its mini-batch plan is not checked)' };
      break;
    case 'Deduplicate':
      if (node.windowed) return { what: 'a deduplication per window' };
      break;
    case 'Aggregate':
      if (node.groupingSets.length !== 1 || node.groupingSets[0]!.length !== node.keys.length) return { what: 'grouping sets' };
      if (node.windowKey !== undefined) return { what: 'a legacy group window (GROUP BY TUMBLE(…); Flink plans it without a MiniBatchAssigner, which is not reproduced beside the others)' };
      break;
    case 'Join':
      return { what: 'a Join node (Flink\'s mini-batch join bundles the rows of both inputs in the order they arrive, which Flink does not fix)', ...(node.span ? { span: node.span } : {}) };
    default:
      return { what: `a ${node.kind} node (its mini-batch operator or its input's bundled order)` };
  }
  for (const input of inputsOf(node)) {
    const found = notReproduced(input);
    if (found) return found;
  }
  return undefined;
}

/** Refuses a query whose mini-batch changelog is not reproduced, when the changelog is kept. */
export function checkMiniBatchPlan(options: ReadonlyMap<string, string>, keepChangelog: boolean, plan: PlanNode, sources: SourceModes): void {
  // a size, where Flink plans a mini-batch operator (the plan's fact, as check reports it)
  const settings = miniBatchSettingsProblem(options, plan, sources);
  if (settings !== undefined) throw textError(settings, undefined);
  if (!enabled(options)) return;
  const windows = (n: PlanNode): void => {
    if (n.kind === 'Aggregate' && n.windowKey === undefined && isWindowAggregate(n)) checkMiniBatchWindow(options, n.calls);
    inputsOf(n).forEach(windows);
  };
  windows(plan);
  if (!keepChangelog) return;
  const bad = notReproduced(plan);
  if (bad) throw unsupported(`'${MINI_BATCH}' = 'true' on a query with ${bad.what}, with the changelog kept: only the bundles of group aggregations and deduplications and window TVF aggregations are reproduced; run with keepChangelog: false to assert on final tables, or disable mini-batch`, bad.span);
}

/** Aggregates whose accumulators Flink merges, so that it plans a local and a global phase (checked with EXPLAIN). */
const MERGING = new Set(['COUNT', 'SUM', 'SUM0', 'MIN', 'MAX', 'AVG', 'LISTAGG', 'STDDEV_POP', 'STDDEV_SAMP', 'VAR_POP', 'VAR_SAMP', 'STDDEV', 'VARIANCE']);
/** Aggregates Flink runs in one phase. */
const ONE_PHASE = new Set(['FIRST_VALUE', 'LAST_VALUE']);

/**
 * The group aggregation `inner` under mini-batch (operators/mini-batch-aggregate.ts), or `inner` itself when
 * mini-batch is off. `keys`: the grouping keys over the input row.
 */
export function miniBatchAggregate(options: ReadonlyMap<string, string>, inner: Operator, keys: readonly Compiled[], calls: readonly AggregateCall[]): Operator {
  if (!enabled(options)) return inner;
  const types = keys.map((k) => k.type);
  if (!binaryRowHashable(types)) throw unsupported(`'${MINI_BATCH}' = 'true' on a group aggregation keyed by ${types.map((t) => t.kind).join(', ')}: the order of such keys in Flink's bundles is not reproduced (keys of numbers, booleans, DATE and strings are)`, calls[0]?.ast.span);
  const strategy = (options.get(PHASES) ?? 'AUTO').toUpperCase();
  const odd = calls.find((c) => !MERGING.has(c.fn) && !ONE_PHASE.has(c.fn));
  if (odd !== undefined && strategy !== 'ONE_PHASE') throw unsupported(`'${MINI_BATCH}' = 'true' with ${odd.fn}: whether Flink runs it in one or two phases is not checked (set '${PHASES}' = 'ONE_PHASE' to run it in one)`, odd.ast.span);
  // Flink falls back to one phase when an aggregate cannot merge, even with 'TWO_PHASE'
  const twoPhase = strategy !== 'ONE_PHASE' && calls.every((c) => MERGING.has(c.fn));
  const size = Number(options.get(SIZE));
  return new MiniBatchAggregateOperator(inner, keys.map((k) => k.eval), (values) => binaryRowHash(values, types)!, size, twoPhase);
}

/**
 * A deduplication on processing time (`inner`) under mini-batch, or `inner` itself when mini-batch is off: Flink's
 * mini-batch deduplication buffers a bundle of `size` rows per key and emits each key's kept row at the bundle's end,
 * keys in the order of its HashMap of binary keys (operators/mini-batch-aggregate.ts). `keys`: the partition keys.
 */
export function miniBatchDeduplicate(options: ReadonlyMap<string, string>, inner: Operator, keys: readonly Compiled[], span: Span | undefined, sameOn?: (row: Row) => readonly unknown[], rowtime = false): Operator {
  if (!enabled(options)) return inner;
  const types = keys.map((k) => k.type);
  if (!binaryRowHashable(types)) throw unsupported(`'${MINI_BATCH}' = 'true' on a deduplication partitioned by ${types.map((t) => t.kind).join(', ')}: the order of such keys in Flink's bundles is not reproduced (keys of numbers, booleans, DATE and strings are)`, span);
  const evals = keys.map((k) => k.eval);
  const hash = (values: readonly unknown[]): number => binaryRowHash(values, types)!;
  // on event time Flink replays each key's rows of a bundle through the per-row step (operators/mini-batch-replay.ts)
  if (rowtime) return new MiniBatchReplayOperator(inner, evals, hash, Number(options.get(SIZE)));
  return new MiniBatchAggregateOperator(inner, evals, hash, Number(options.get(SIZE)), false, evals, sameOn);
}

/**
 * Refuses a window TVF aggregation that Flink 1.20.1 fails to plan under mini-batch: with FIRST_VALUE / LAST_VALUE
 * (or another aggregate that cannot merge) and a strategy other than 'ONE_PHASE', it plans a local and a global
 * window aggregation and then finds no `merge` method.
 */
export function checkMiniBatchWindow(options: ReadonlyMap<string, string>, calls: readonly AggregateCall[]): void {
  if (!enabled(options) || (options.get(PHASES) ?? 'AUTO').toUpperCase() === 'ONE_PHASE') return;
  const odd = calls.find((c) => !MERGING.has(c.fn));
  if (odd !== undefined) throw unsupported(`'${MINI_BATCH}' = 'true' on a window aggregation with ${odd.fn}: Flink 1.20.1 plans it in two phases and then fails ("Could not find an implementation method 'merge'"); set '${PHASES}' = 'ONE_PHASE'`, odd.ast.span);
}
