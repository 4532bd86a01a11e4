/**
 * Which types Flink compares without an explicit CAST. Flink 1.20 does not coerce implicitly in comparisons
 * across families: `int_col = '1'`, `date_col = '2024-01-01'` and `bool_col = 1` are validation errors.
 */
import type { DataType } from '../../types/data-type.js';
import { family, familyName } from './families.js';

/** Why `a` and `b` cannot be compared, or undefined when they can. */
export function comparisonProblem(a: DataType, b: DataType): string | undefined {
  const fa = family(a);
  const fb = family(b);
  if (fa === 'null' || fb === 'null' || fa === fb) return undefined;
  // DATE and TIMESTAMP compare (the DATE widens to a TIMESTAMP at midnight).
  if ((fa === 'date' && fb === 'timestamp') || (fa === 'timestamp' && fb === 'date')) return undefined;
  return `a ${familyName(fa)} value cannot be compared with a ${familyName(fb)} value`;
}
