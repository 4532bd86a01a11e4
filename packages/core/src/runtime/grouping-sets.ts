/**
 * Grouping sets (GROUPING SETS / ROLLUP / CUBE) as Flink runs them: the order of the sets, and GROUPING(…) /
 * GROUPING_ID(…), which tell which set a row belongs to (computed from the set, not accumulated).
 */

/**
 * Calcite's order of grouping sets (ImmutableBitSet.COMPARATOR, which the aggregate's sets and Flink's Expand
 * follow): a set before the sets it contains, otherwise by the lowest key position where they differ.
 */
export function compareGroupingSets(a: readonly number[], b: readonly number[]): number {
  const x = [...new Set(a)].sort((p, q) => p - q);
  const y = [...new Set(b)].sort((p, q) => p - q);
  if (x.length === y.length && x.every((v, i) => v === y[i])) return 0;
  if (y.every((v) => x.includes(v))) return -1;
  if (x.every((v) => y.includes(v))) return 1;
  for (let i = 0; ; i++) {
    const n0 = x[i] ?? -1;
    const n1 = y[i] ?? -1;
    if (n0 !== n1) return n0 < n1 ? -1 : 1;
    if (n0 < 0) return 0;
  }
}

/** GROUPING(a, b, …) / GROUPING_ID of each set: one bit per argument (key position), the first the most significant; 1 = rolled up. */
export function groupingBits(sets: readonly (readonly number[])[], positions: readonly number[]): bigint[] {
  return sets.map((set) => positions.reduce((acc, p) => acc * 2n + (set.includes(p) ? 0n : 1n), 0n));
}
