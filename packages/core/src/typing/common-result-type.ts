/**
 * The common type of values that end up in one place (CASE / IF / COALESCE results, UNION columns): Flink's
 * common type, when every value can also be CAST to it. The common type alone would accept `1` and
 * `DATE '2020-01-01'` (an exact number next to a date is read as a number of days), and Flink then fails to
 * generate the INT → DATE cast; the analyzer reports that as "no common type" up front.
 */
import { commonType } from '../functions/infer.js';
import type { DataType } from '../types/data-type.js';
import { explicitCastProblem } from './explicit-cast.js';

export function commonResultType(types: readonly DataType[]): DataType | undefined {
  const common = commonType(types);
  if (common === undefined) return undefined;
  return types.every((t) => t.kind === 'NULL' || explicitCastProblem(t, common) === undefined) ? common : undefined;
}
