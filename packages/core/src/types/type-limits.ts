/**
 * The limits Flink puts on a data type, in one place for the SQL parser and the `t.*` builders: lengths from 1 to
 * 2,147,483,647, DECIMAL precision 1–38 with 0 ≤ scale ≤ precision, TIME / TIMESTAMP precision 0–9, interval
 * precisions, and ROW field names that are unique.
 */
import type { DataType } from './data-type.js';
import { DECIMAL_MAX_PRECISION, MAX_LENGTH, TIMESTAMP_MAX_PRECISION } from './data-type.js';
import type { CodeText } from '../diagnostics/code-table.js';
import { DEFINITION_TEXTS } from '../diagnostics/definition-codes.js';

export interface TypeProblem {
  readonly code: string;
  readonly message: string;
  readonly hint: string;
}

type RangeText = (p: { what: string; value: number; min: number; max: number }) => CodeText;

function range(what: string, value: number, min: number, max: number, text: RangeText): TypeProblem | undefined {
  if (Number.isInteger(value) && value >= min && value <= max) return undefined;
  return problemOf(text({ what, value, min, max }));
}

/** A template's text as a TypeProblem (these templates always give a hint). */
const problemOf = (t: CodeText): TypeProblem => ({ code: t.code, message: t.message, hint: t.hint ?? '' });

/** The first limit `type` (or a type inside it) breaks, or undefined. */
export function typeProblem(type: DataType): TypeProblem | undefined {
  const stack: DataType[] = [type];
  while (stack.length > 0) {
    const t = stack.pop()!;
    let problem: TypeProblem | undefined;
    switch (t.kind) {
      case 'CHAR': case 'VARCHAR': case 'BINARY': case 'VARBINARY':
        problem = range(`${t.kind} length`, t.length, 1, MAX_LENGTH, DEFINITION_TEXTS.stringLength);
        break;
      case 'DECIMAL':
        problem = range('DECIMAL precision', t.precision, 1, DECIMAL_MAX_PRECISION, DEFINITION_TEXTS.decimalPrecision) ?? range('DECIMAL scale', t.scale, 0, t.precision, DEFINITION_TEXTS.decimalPrecision);
        break;
      case 'TIME': case 'TIMESTAMP': case 'TIMESTAMP_LTZ':
        problem = range(`${t.kind} precision`, t.precision, 0, TIMESTAMP_MAX_PRECISION, DEFINITION_TEXTS.timePrecision);
        break;
      case 'INTERVAL_YEAR_MONTH':
        problem = range('INTERVAL year precision', t.yearPrecision, 1, 4, DEFINITION_TEXTS.intervalPrecision);
        break;
      case 'INTERVAL_DAY_TIME':
        problem = range('INTERVAL day precision', t.dayPrecision, 1, 6, DEFINITION_TEXTS.intervalPrecision) ?? range('INTERVAL fractional precision', t.fractionalPrecision, 0, 9, DEFINITION_TEXTS.intervalPrecision);
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
            problem = problemOf(DEFINITION_TEXTS.duplicateRowField({ field: f.name }));
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
