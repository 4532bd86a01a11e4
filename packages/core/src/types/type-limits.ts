/**
 * The limits Flink puts on a data type, in one place for the SQL parser and the `t.*` builders: lengths from 1 to
 * 2,147,483,647, DECIMAL precision 1–38 with 0 ≤ scale ≤ precision, TIME / TIMESTAMP precision 0–9, interval
 * precisions, and ROW field names that are unique.
 */
import type { DataType } from './data-type.js';
import { DECIMAL_MAX_PRECISION, MAX_LENGTH, TIMESTAMP_MAX_PRECISION } from './data-type.js';
import { DEFINITION_CODES } from '../diagnostics/definition-codes.js';

export interface TypeProblem {
  readonly code: string;
  readonly message: string;
  readonly hint: string;
}

function range(what: string, value: number, min: number, max: number, code: string): TypeProblem | undefined {
  if (Number.isInteger(value) && value >= min && value <= max) return undefined;
  return { code, message: `${what} must be an integer from ${min} to ${max}, got ${value}`, hint: `use a value between ${min} and ${max}` };
}

/** The first limit `type` (or a type inside it) breaks, or undefined. */
export function typeProblem(type: DataType): TypeProblem | undefined {
  const stack: DataType[] = [type];
  while (stack.length > 0) {
    const t = stack.pop()!;
    let problem: TypeProblem | undefined;
    switch (t.kind) {
      case 'CHAR': case 'VARCHAR': case 'BINARY': case 'VARBINARY':
        problem = range(`${t.kind} length`, t.length, 1, MAX_LENGTH, DEFINITION_CODES.stringLength);
        break;
      case 'DECIMAL':
        problem = range('DECIMAL precision', t.precision, 1, DECIMAL_MAX_PRECISION, DEFINITION_CODES.decimalPrecision) ?? range('DECIMAL scale', t.scale, 0, t.precision, DEFINITION_CODES.decimalPrecision);
        break;
      case 'TIME': case 'TIMESTAMP': case 'TIMESTAMP_LTZ':
        problem = range(`${t.kind} precision`, t.precision, 0, TIMESTAMP_MAX_PRECISION, DEFINITION_CODES.timePrecision);
        break;
      case 'INTERVAL_YEAR_MONTH':
        problem = range('INTERVAL year precision', t.yearPrecision, 1, 4, DEFINITION_CODES.intervalPrecision);
        break;
      case 'INTERVAL_DAY_TIME':
        problem = range('INTERVAL day precision', t.dayPrecision, 1, 6, DEFINITION_CODES.intervalPrecision) ?? range('INTERVAL fractional precision', t.fractionalPrecision, 0, 9, DEFINITION_CODES.intervalPrecision);
        break;
      case 'ARRAY': case 'MULTISET':
        stack.push(t.element);
        break;
      case 'MAP':
        stack.push(t.value, t.key);
        break;
      case 'ROW': {
        const seen = new Set<string>();
        for (const f of t.fields) {
          if (seen.has(f.name)) {
            problem = { code: DEFINITION_CODES.duplicateRowField, message: `the ROW type has two fields named '${f.name}'`, hint: 'give every field of a ROW a different name' };
            break;
          }
          seen.add(f.name);
        }
        for (let i = t.fields.length - 1; i >= 0; i--) stack.push(t.fields[i]!.type);
        break;
      }
      default:
    }
    if (problem !== undefined) return problem;
  }
  return undefined;
}
