/**
 * Unique keys and upsert keys of plan nodes, as Flink's planner derives them (FlinkRelMdUniqueKeys /
 * FlinkRelMdUpsertKeys): sets of output positions whose values identify one row (unique keys) or one row's updates
 * (upsert keys). They differ at joins only: an input's upsert key survives a join only when it contains the join key
 * the join distributes rows by, so that every update of one key goes through the same join instance.
 *
 * - Scan: its PRIMARY KEY. Values, Correlate, UNION ALL: none.
 * - Project: the keys whose every column is copied unchanged, renumbered.
 * - Filter, Sort, OVER, TUMBLE: the input's keys; HOP / CUMULATE / SESSION extend them with window_start, window_end.
 * - Aggregate with one grouping set: its grouping keys (none for a global aggregation: it has one row); one Flink
 *   removes (aggregate-removal.ts) also keeps its input's keys.
 * - Deduplicate, and ROW_NUMBER kept at 1: the PARTITION BY keys. Other ranks: the PARTITION BY keys and the row
 *   number (ROW_NUMBER only), and the input's keys (upsert keys: those containing the PARTITION BY keys).
 * - Join: every left key with every right key; the left keys when the right side is unique on its join key (INNER,
 *   LEFT); the right keys when the left side is (INNER, RIGHT). Lookup and temporal joins: the left keys. Semi and
 *   anti joins: the left keys.
 * - UNION / INTERSECT / EXCEPT (distinct): every column.
 */
import { copiedColumn } from '../expression.js';
import type { PlanNode } from '../node.js';
import { memoized } from './memo.js';
import { aggregateRemoved } from './aggregate-removal.js';

/** Positions in a node's output, ascending. */
export type Key = readonly number[];

const sorted = (k: Iterable<number>): Key => [...new Set(k)].sort((a, b) => a - b);
const contains = (big: Key, small: Key): boolean => small.every((p) => big.includes(p));

function dedupe(keys: readonly Key[]): Key[] {
  const seen = new Set<string>();
  return keys.filter((k) => {
    const id = k.join(',');
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Keys of a node's input renumbered through a projection (positions copied unchanged), dropping the rest. */
function projected(keys: readonly Key[], copies: readonly (number | undefined)[]): Key[] {
  return keys.flatMap((k) => {
    const mapped: number[] = [];
    for (const p of k) {
      const to = copies.indexOf(p);
      if (to < 0) return [];
      mapped.push(to);
    }
    return [sorted(mapped)];
  });
}

function derive(node: PlanNode, upsert: boolean, self: (n: PlanNode) => readonly Key[]): Key[] {
  switch (node.kind) {
    case 'Scan': {
      const pk = node.table.statement.primaryKey?.columns;
      if (pk === undefined) return [];
      const positions = pk.map((name) => node.columns.findIndex((c) => c.name === name));
      return positions.some((p) => p < 0) ? [] : [sorted(positions)];
    }
    case 'Values': case 'Correlate': case 'MatchRecognize':
      return [];
    case 'Project':
      return projected(self(node.input), node.exprs.map(copiedColumn));
    case 'Filter': case 'Sort': case 'Over':
      return [...self(node.input)];
    case 'WindowTableFunction': {
      const input = self(node.input);
      if (node.fn === 'TUMBLE') return [...input];
      const n = node.input.columns.length;
      return input.map((k) => sorted([...k, n, n + 1]));
    }
    case 'Aggregate': {
      if (node.groupingSets.length !== 1) return [];
      const own = sorted(node.groupingSets[0]!);
      if (!aggregateRemoved(node)) return [own];
      // an aggregation Flink removes passes its input's rows through: their keys, renumbered to the grouping keys
      return dedupe([...projected(self(node.input), node.keys.map(copiedColumn)), own]);
    }
    case 'Rank': case 'Deduplicate': {
      const partition = node.partitionKeys.map(copiedColumn);
      const input = self(node.input);
      if (partition.some((p) => p === undefined)) return [...input];
      const part = sorted(partition as number[]);
      // Row 1 only: a deduplication, keyed by the partition alone.
      if (node.kind === 'Deduplicate' || (node.fn === 'ROW_NUMBER' && node.range.start === 1 && node.range.end === 1)) return [part];
      const out: Key[] = node.fn === 'ROW_NUMBER' ? [sorted([...part, node.columns.length - 1])] : [];
      out.push(...(upsert ? input.filter((k) => contains(k, part)) : input));
      return dedupe(out);
    }
    case 'Join': {
      const n = node.left.columns.length;
      const left = self(node.left);
      if (node.strategy === 'lookup' || node.strategy === 'temporal') return [...left];
      const right = self(node.right);
      const leftJoin = sorted(node.equiKeys.map(([l]) => l));
      const rightJoin = sorted(node.equiKeys.map(([, r]) => r - n));
      // A semi / anti join outputs left rows only, each at most once.
      if (node.type === 'SEMI' || node.type === 'ANTI') return upsert ? left.filter((k) => contains(k, leftJoin)) : [...left];
      const leftUnique = left.some((k) => contains(leftJoin, k));
      const rightUnique = right.some((k) => contains(rightJoin, k));
      const l = upsert ? left.filter((k) => contains(k, leftJoin)) : left;
      const r = (upsert ? right.filter((k) => contains(k, rightJoin)) : right).map((k) => k.map((p) => p + n));
      const out: Key[] = [];
      for (const a of l) for (const b of r) out.push(sorted([...a, ...b]));
      if (rightUnique && (node.type === 'INNER' || node.type === 'LEFT')) out.push(...l);
      if (leftUnique && (node.type === 'INNER' || node.type === 'RIGHT')) out.push(...r);
      return dedupe(out);
    }
    case 'SetOp':
      return node.all ? [] : [node.columns.map((_, i) => i)];
  }
}

/** The unique keys of a node's output. */
export const uniqueKeys: (node: PlanNode) => readonly Key[] = memoized((node) => derive(node, false, uniqueKeys));

/**
 * The unique keys Flink's logical rules read (FlinkAggregateRemoveRule, aggregate-removal.ts): those of
 * `uniqueKeys`, but a Rank or Deduplicate is still an OVER over its input on the logical plan, unique only on the
 * input's keys (checked on Flink 1.20.1).
 */
export const logicalUniqueKeys: (node: PlanNode) => readonly Key[] = memoized((node) =>
  node.kind === 'Rank' || node.kind === 'Deduplicate' ? [...logicalUniqueKeys(node.input)] : derive(node, false, logicalUniqueKeys));

/** The upsert keys of a node's output (the keys its updates are identified by), shortest first. */
export const upsertKeys: (node: PlanNode) => readonly Key[] = memoized((node) => derive(node, true, upsertKeys).sort((a, b) => a.length - b.length));
