/**
 * Argument families of built-ins, checked as the planner checks them (Calcite operand type checkers as Flink
 * 1.20 registers them). The families are the registry's `operands`; functions without them are not checked.
 */
import { builtinFunction } from '../functions/registry.js';
import type { OperandFamily } from '../functions/registry.js';
import type { DataType } from '../types/data-type.js';
import type { Family } from './families.js';
import { family, isExactInteger } from './families.js';

const INT_SIZED = new Set(['TINYINT', 'SMALLINT', 'INT']);
const isIntSized = (t: DataType): boolean => INT_SIZED.has(t.kind);
const isIntegerOrCharacter = (t: DataType): boolean => isExactInteger(t) || family(t) === 'character';
const among = (...fs: Family[]) => (t: DataType): boolean => fs.includes(family(t));

/** Whether a type belongs to an operand family (each probed on Flink 1.20.1: type-probe-1.20.1.jsonl). */
const ACCEPTS: Record<OperandFamily, (t: DataType) => boolean> = {
  numeric: among('numeric'),
  integer: isExactInteger,
  int: isIntSized,
  numericNoDecimal: (t) => family(t) === 'numeric' && t.kind !== 'DECIMAL',
  numericOrInterval: among('numeric', 'interval-ym', 'interval-dt'),
  numericOrCharacter: among('numeric', 'character'),
  integerOrCharacter: isIntegerOrCharacter,
  intOrCharacter: (t) => isIntSized(t) || family(t) === 'character',
  character: among('character'),
  binary: among('binary'),
  string: among('character', 'binary'),
  temporal: among('date', 'time', 'timestamp', 'interval-ym', 'interval-dt'),
  dateOrTimestamp: among('date', 'timestamp'),
  datetimeText: among('date', 'time', 'timestamp', 'interval-ym', 'interval-dt', 'character'),
  timestampOrCharacter: among('timestamp', 'character'),
  hashable: (t) => t.kind !== 'TIMESTAMP_LTZ' && !['binary', 'array', 'map'].includes(family(t)),
  array: among('array'),
  map: among('map'),
  boolean: among('boolean'),
  any: () => true,
};

const EXPECTED: Record<OperandFamily, string> = {
  numeric: 'numeric', integer: 'integer', int: 'TINYINT, SMALLINT or INT', numericNoDecimal: 'integer or approximate numeric (not DECIMAL)',
  numericOrInterval: 'numeric', numericOrCharacter: 'numeric or character string', integerOrCharacter: 'integer or character string',
  intOrCharacter: 'INT or character string', character: 'character string', binary: 'binary string', string: 'character string',
  temporal: 'temporal', dateOrTimestamp: 'DATE or TIMESTAMP', datetimeText: 'temporal', timestampOrCharacter: 'TIMESTAMP or character string',
  hashable: 'hashable (not TIMESTAMP_LTZ, BINARY, ARRAY or MAP)', array: 'array', map: 'map', boolean: 'boolean', any: 'any',
};

/**
 * The first argument whose family the function does not accept: its index and the expected family; `untypedNull`
 * when it is an untyped NULL, which Calcite's operand checkers refuse in Flink 1.20 (type coercion is off):
 * "Illegal use of 'NULL'" for every checked position (probed for each such built-in).
 */
export function badArgument(name: string, args: readonly (DataType | undefined)[]): { index: number; expected: string; untypedNull?: true } | undefined {
  const operands = builtinFunction(name)?.operands;
  if (operands === undefined) return undefined;
  const wants: readonly OperandFamily[] = operands === 'strings' ? args.map((): OperandFamily => 'character') : operands;
  for (let i = 0; i < wants.length && i < args.length; i++) {
    const t = args[i];
    if (t === undefined) continue;
    const want = wants[i]!;
    if (t.kind === 'NULL') {
      if (want !== 'any') return { index: i, expected: EXPECTED[want], untypedNull: true };
      continue;
    }
    if (!ACCEPTS[want](t)) return { index: i, expected: EXPECTED[want] };
  }
  return undefined;
}
