/**
 * Which types Flink compares without an explicit CAST. Flink 1.20 does not coerce implicitly in comparisons
 * across families (type coercion is disabled in its validator): `int_col = '1'` and `bool_col = 1` are validation
 * errors. The exception: a character string compared with a DATE, TIME or TIMESTAMP is converted to that type.
 */
import type { DataType } from '../types/data-type.js';
import { family, familyName } from './families.js';

/** Why `a` and `b` cannot be compared, or undefined when they can. */
export function comparisonProblem(a: DataType, b: DataType): string | undefined {
  const fa = family(a);
  const fb = family(b);
  if (fa === 'null' || fb === 'null' || fa === fb) return undefined;
  const temporal = (f: string) => f === 'date' || f === 'time' || f === 'timestamp';
  // DATE and TIMESTAMP compare (the DATE widens to a TIMESTAMP at midnight).
  if ((fa === 'date' && fb === 'timestamp') || (fa === 'timestamp' && fb === 'date')) return undefined;
  // A character string compared with a DATE, TIME or TIMESTAMP is converted to the temporal type
  // (ScalarOperatorsTest.testTemporalTypeEqualsStringType; an unparseable string makes the comparison NULL).
  if ((temporal(fa) && fb === 'character') || (fa === 'character' && temporal(fb))) return undefined;
  return `a ${familyName(fa)} value cannot be compared with a ${familyName(fb)} value`;
}
