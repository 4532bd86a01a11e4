/**
 * The mini-batch settings Flink 1.20.1's planner needs (checked on the real planner): with
 * `table.exec.mini-batch.enabled` = 'true', a streaming query that reads a table with a WATERMARK or that Flink
 * plans a mini-batch operator for needs a positive `allow-latency` (FTS4537; a projection of a table without one
 * does not), and a query Flink plans a mini-batch operator for — a group aggregation (not a window aggregation), a regular join, a
 * deduplication outside a window, an upsert source's ChangelogNormalize — needs a positive `size` as well (FTS4538). `flinkts check`
 * (analyzer/check-script.ts, from the script's SET statements) and the local runtime (runtime/job.ts, from its
 * session's settings) both ask this, so they refuse the same jobs with the same code.
 */
import { parseDuration } from '../connector/option-syntax.js';
import type { CodeText } from '../diagnostics/code-table.js';
import { BIND_TEXTS } from './codes.js';
import type { PlanNode } from './node.js';
import { inputsOf } from './node.js';
import type { SourceModes } from './properties/changelog.js';
import { isWindowAggregate } from './properties/window-columns.js';

export const MINI_BATCH_ENABLED = 'table.exec.mini-batch.enabled';
export const MINI_BATCH_SIZE = 'table.exec.mini-batch.size';
export const MINI_BATCH_LATENCY = 'table.exec.mini-batch.allow-latency';

type Settings = { get(key: string): string | undefined };

export const miniBatchEnabled = (settings: Settings): boolean => /^\s*true\s*$/i.test(settings.get(MINI_BATCH_ENABLED) ?? '');

/**
 * `allow-latency` as Flink 1.20.1's planner reads it: the Duration (TimeUtils.parseDuration's syntax) in whole
 * milliseconds — StreamCommonSubGraphBasedOptimizer takes `Duration.toMillis`, which truncates ('500 us' is 0 ms,
 * '1500 us' 1 ms); unset is Flink's default, 0 ms; undefined: not a Duration.
 */
export function latencyMillis(value: string | undefined): number | undefined {
  if (value === undefined) return 0;
  const ms = parseDuration(value);
  return ms === undefined ? undefined : Math.floor(ms);
}

/** A latency the planner takes: at least 1 ms once truncated ('0 s', '500 us', no value and an unreadable one are not). */
const positiveDuration = (value: string | undefined): boolean => (latencyMillis(value) ?? 0) > 0;

/**
 * The mini-batch operator Flink plans for `node`, which reads the bundle size: a group aggregation, a regular join,
 * the ChangelogNormalize after an upsert source ('size'), a deduplication ('dedup': its own message); undefined: none.
 */
function bundled(node: PlanNode, sources: SourceModes): 'size' | 'dedup' | undefined {
  switch (node.kind) {
    case 'Aggregate': return isWindowAggregate(node) ? undefined : 'size';
    case 'Join': return node.strategy === 'regular' ? 'size' : undefined;
    case 'Deduplicate': return node.windowed ? undefined : 'dedup';
    case 'Scan': return sources(node.table) === 'upsert' ? 'size' : undefined;
    default: return undefined;
  }
}

/** The first mini-batch operator Flink builds for the plan (it builds them from the sources up). */
function firstBundled(root: PlanNode, sources: SourceModes): 'size' | 'dedup' | undefined {
  let found: 'size' | 'dedup' | undefined;
  const visit = (node: PlanNode): void => {
    for (const input of inputsOf(node)) visit(input);
    found ??= bundled(node, sources);
  };
  visit(root);
  return found;
}

/** Whether the plan reads a table with a WATERMARK (Flink then infers a mini-batch interval from its rowtime). */
function readsWatermark(root: PlanNode): boolean {
  const stack: PlanNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'Scan' && node.table.statement.watermark !== undefined) return true;
    stack.push(...inputsOf(node));
  }
  return false;
}

/** What Flink's planner says about the mini-batch settings of a streaming job planning `plan` (undefined: nothing). */
export function miniBatchSettingsProblem(settings: Settings, plan: PlanNode, sources: SourceModes): CodeText | undefined {
  if (!miniBatchEnabled(settings)) return undefined;
  const operator = firstBundled(plan, sources);
  if (operator === undefined && !readsWatermark(plan)) return undefined;
  if (!positiveDuration(settings.get(MINI_BATCH_LATENCY))) return BIND_TEXTS.miniBatchLatency({});
  if (operator === undefined || Number(settings.get(MINI_BATCH_SIZE) ?? '-1') > 0) return undefined;
  return BIND_TEXTS.miniBatchSize({ deduplication: operator === 'dedup' });
}

/** Whether the latency is set (a positive duration) when mini-batch is on. */
export const miniBatchLatencySet = (settings: Settings): boolean => !miniBatchEnabled(settings) || positiveDuration(settings.get(MINI_BATCH_LATENCY));
