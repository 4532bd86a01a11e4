/**
 * Argument families of built-ins, checked as the planner checks them (Calcite operand type checkers as Flink
 * 1.20 registers them). The families are the registry's `operands`; functions without them are not checked.
 */
import { builtinFunction } from '../functions/registry.js';
import type { OperandFamily } from '../functions/registry.js';
import type { DataType } from '../types/data-type.js';
import type { Family } from './families.js';
import { family, isExactInteger } from './families.js';

const FAMILIES: Record<OperandFamily, readonly Family[] | undefined> = {
  numeric: ['numeric'],
  integer: ['numeric'],
  numericOrInterval: ['numeric', 'interval-ym', 'interval-dt'],
  character: ['character'],
  binary: ['binary'],
  string: ['character', 'binary'],
  temporal: ['date', 'time', 'timestamp', 'interval-ym', 'interval-dt'],
  datetimeText: ['date', 'time', 'timestamp', 'interval-ym', 'interval-dt', 'character'],
  array: ['array'],
  map: ['map'],
  boolean: ['boolean'],
  any: undefined,
};

const EXPECTED: Record<OperandFamily, string> = {
  numeric: 'numeric', integer: 'integer', binary: 'binary string', numericOrInterval: 'numeric', character: 'character string', string: 'character string', temporal: 'temporal',
  datetimeText: 'temporal', array: 'array', map: 'map', boolean: 'boolean', any: 'any',
};

/** The first argument whose family the function does not accept: its index and the expected family. */
export function badArgument(name: string, args: readonly (DataType | undefined)[]): { index: number; expected: string } | undefined {
  const operands = builtinFunction(name)?.operands;
  if (operands === undefined) return undefined;
  const wants: readonly OperandFamily[] = operands === 'strings' ? args.map((): OperandFamily => 'string') : operands;
  for (let i = 0; i < wants.length && i < args.length; i++) {
    const t = args[i];
    if (t === undefined || t.kind === 'NULL') continue;
    const want = wants[i]!;
    const accepted = FAMILIES[want];
    if (accepted !== undefined && !accepted.includes(family(t))) return { index: i, expected: EXPECTED[want] };
    if (want === 'integer' && !isExactInteger(t)) return { index: i, expected: EXPECTED[want] };
  }
  return undefined;
}
