/**
 * Whether a group aggregation's new result equals the last one it emitted (then Flink emits nothing), as Flink's
 * generated record equaliser decides: like `rowsEqual`, except that an ARRAY holding a NULL element never equals
 * anything (Flink 1.20.1 emits -U/+U of an unchanged `ARRAY_AGG` result that holds a NULL; checked on the real
 * engine: `ARRAY_AGG(DISTINCT s)` over 'a', NULL, 'a' emits [a, null] twice).
 */
import type { DataType } from '../../types/data-type.js';
import { rowsEqual } from './compare.js';

/** `keyCount` grouping keys, then one column per aggregate (of its result type). */
export function aggregateResultsEqual(a: readonly unknown[], b: readonly unknown[], keyCount: number, aggregates: readonly { readonly resultType: DataType }[]): boolean {
  if (!rowsEqual(a, b)) return false;
  for (let i = 0; i < aggregates.length; i++) {
    if ((aggregates[i] as { resultType: DataType }).resultType.kind !== 'ARRAY') continue;
    const v = b[keyCount + i];
    if (Array.isArray(v) && v.some((e) => e === null)) return false;
  }
  return true;
}
