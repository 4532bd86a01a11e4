/**
 * Operand families of built-ins whose arguments the planner checks strictly (Calcite operand type checkers as
 * Flink 1.20 registers them). Only functions whose families are unambiguous are listed; others are not checked.
 */
import type { DataType } from '../../types/data-type.js';
import type { Family } from './families.js';
import { family } from './families.js';

type Want = 'numeric' | 'character' | 'string' | 'temporal' | 'array' | 'map' | 'boolean';

const NUMERIC_1 = ['ABS', 'SQRT', 'LN', 'LOG10', 'LOG2', 'EXP', 'SIN', 'COS', 'TAN', 'COT', 'ASIN', 'ACOS', 'ATAN', 'DEGREES', 'RADIANS', 'SINH', 'TANH', 'COSH', 'SIGN'];
const CHARACTER_1 = ['UPPER', 'LOWER', 'INITCAP', 'CHAR_LENGTH', 'CHARACTER_LENGTH', 'ASCII'];

const TABLE = new Map<string, readonly Want[]>([
  ...NUMERIC_1.map((n) => [n, ['numeric']] as const),
  ...CHARACTER_1.map((n) => [n, ['character']] as const),
  ['POWER', ['numeric', 'numeric']], ['ATAN2', ['numeric', 'numeric']], ['MOD', ['numeric', 'numeric']],
  ['ROUND', ['numeric', 'numeric']], ['TRUNCATE', ['numeric', 'numeric']],
  ['REPEAT', ['character', 'numeric']], ['REPLACE', ['character', 'character', 'character']],
  ['REGEXP_REPLACE', ['character', 'character', 'character']], ['REGEXP_EXTRACT', ['character', 'character', 'numeric']],
  ['LPAD', ['character', 'numeric', 'character']], ['RPAD', ['character', 'numeric', 'character']],
['LOCATE', ['character', 'character', 'numeric']],
  ['LEFT', ['character', 'numeric']], ['RIGHT', ['character', 'numeric']], ['SUBSTR', ['character', 'numeric', 'numeric']],
  ['YEAR', ['temporal']], ['QUARTER', ['temporal']], ['MONTH', ['temporal']], ['WEEK', ['temporal']], ['DAYOFYEAR', ['temporal']],
  ['DAYOFMONTH', ['temporal']], ['DAYOFWEEK', ['temporal']], ['HOUR', ['temporal']], ['MINUTE', ['temporal']], ['SECOND', ['temporal']],
  ['DATE_FORMAT', ['temporal', 'character']], ['CARDINALITY', []], ['ELEMENT', ['array']], ['ARRAY_CONTAINS', ['array']],
  ['TO_TIMESTAMP', ['character', 'character']], ['TO_DATE', ['character', 'character']], ['FROM_UNIXTIME', ['numeric', 'character']],
  ['TO_TIMESTAMP_LTZ', ['numeric', 'numeric']], ['REGEXP', ['character', 'character']], ['INSTR', ['character', 'character', 'numeric', 'numeric']],
  ['MAP_KEYS', ['map']], ['MAP_VALUES', ['map']], ['MAP_ENTRIES', ['map']], ['IF', ['boolean']],
]);

/** Every argument of these must be a character or binary string (Calcite's OperandTypes.STRING, repeated). */
const ALL_STRINGS = new Set(['CONCAT', 'CONCAT_WS']);

const FAMILIES: Record<Want, readonly Family[]> = {
  numeric: ['numeric'],
  character: ['character'],
  string: ['character', 'binary'],
  temporal: ['date', 'time', 'timestamp', 'interval-ym', 'interval-dt'],
  array: ['array'],
  map: ['map'],
  boolean: ['boolean'],
};

/** The first argument whose family the function does not accept: its index and the expected family. */
export function badArgument(name: string, args: readonly (DataType | undefined)[]): { index: number; expected: string } | undefined {
  const wants = ALL_STRINGS.has(name) ? args.map((): Want => 'string') : TABLE.get(name);
  if (wants === undefined) return undefined;
  for (let i = 0; i < wants.length && i < args.length; i++) {
    const t = args[i];
    if (t === undefined || t.kind === 'NULL') continue;
    const want = wants[i]!;
    // DATE_FORMAT also takes a character string timestamp.
    if (name === 'DATE_FORMAT' && i === 0 && family(t) === 'character') continue;
    if (!FAMILIES[want].includes(family(t))) return { index: i, expected: want === 'character' || want === 'string' ? 'character string' : want };
  }
  return undefined;
}
