/**
 * Result types of built-in function calls, computed from the catalog's rules. The analyzer uses this for
 * type inference; the typed `fn.*` builders derive their TypeScript result types from the same catalog.
 */
import type { DataType } from '../types/data-type.js';
import { DECIMAL_MAX_PRECISION, MAX_LENGTH } from '../types/data-type.js';
import type { FunctionSignature, ReturnRule } from './registry.js';
import { builtinFunction } from './registry.js';
import { findCommonType } from '../types/common-type.js';
import { withNullable } from '../types/type-predicates.js';
import { roundDecimalType } from '../types/decimal-merging.js';

const FIXED: Partial<Record<ReturnRule, DataType>> = {
  STRING: { kind: 'VARCHAR', length: MAX_LENGTH, nullable: true },
  BOOLEAN: { kind: 'BOOLEAN', nullable: true },
  INT: { kind: 'INT', nullable: true },
  BIGINT: { kind: 'BIGINT', nullable: true },
  DOUBLE: { kind: 'DOUBLE', nullable: true },
  DATE: { kind: 'DATE', nullable: true },
  'TIME(0)': { kind: 'TIME', precision: 0, nullable: true },
  'TIMESTAMP(3)': { kind: 'TIMESTAMP', precision: 3, nullable: true },
  'TIMESTAMP_LTZ(3)': { kind: 'TIMESTAMP_LTZ', precision: 3, nullable: true },
  'CHAR(32)': { kind: 'CHAR', length: 32, nullable: true },
  'CHAR(36)': { kind: 'CHAR', length: 36, nullable: true },
  'CHAR(40)': { kind: 'CHAR', length: 40, nullable: true },
  'CHAR(56)': { kind: 'CHAR', length: 56, nullable: true },
  'CHAR(64)': { kind: 'CHAR', length: 64, nullable: true },
  'CHAR(96)': { kind: 'CHAR', length: 96, nullable: true },
  'CHAR(128)': { kind: 'CHAR', length: 128, nullable: true },
  'VARCHAR(128)': { kind: 'VARCHAR', length: 128, nullable: true },
  'VARCHAR(2000)': { kind: 'VARCHAR', length: 2000, nullable: true },
  'BINARY(1)': { kind: 'BINARY', length: 1, nullable: true },
  BYTES: { kind: 'VARBINARY', length: MAX_LENGTH, nullable: true },
};

const STRING: DataType = FIXED.STRING!;


/**
 * The least restrictive common type of `types` (Flink's `LogicalTypeMerging.findCommonType`, shared with the
 * runtime); a list of untyped NULLs keeps the NULL type. Undefined when the types have no common type.
 */
export function commonType(types: readonly DataType[]): DataType | undefined {
  if (types.every((t) => t.kind === 'NULL')) return types[0];
  return findCommonType(types);
}

function ruleType(rule: ReturnRule, args: readonly DataType[]): DataType | undefined {
  const fixed = FIXED[rule];
  if (fixed !== undefined) return fixed;
  const a0 = args[0];
  switch (rule) {
    case 'arg0': return a0;
    case 'varyingArg0':
      if (a0?.kind === 'CHAR') return { kind: 'VARCHAR', length: a0.length, nullable: a0.nullable };
      if (a0?.kind === 'BINARY') return { kind: 'VARBINARY', length: a0.length, nullable: a0.nullable };
      return a0;
    case 'arg1': return args[1];
    case 'last': return args[args.length - 1];
    case 'common': return commonType(args);
    case 'round': return a0 !== undefined && a0.kind === 'DECIMAL' && args.length === 1 ? roundDecimalType(a0, 0, a0.nullable) : a0;
    case 'noScale': return a0 !== undefined && a0.kind === 'DECIMAL' ? { ...a0, scale: 0 } : a0;
    case 'arrayWithArg1': {
      const a1 = args[1];
      if (a0 === undefined || a0.kind !== 'ARRAY' || a1 === undefined) return a0;
      return { ...a0, element: withNullable(a0.element, a0.element.nullable || a1.nullable || a1.kind === 'NULL') };
    }
    case 'element': return a0 !== undefined && (a0.kind === 'ARRAY' || a0.kind === 'MULTISET') ? a0.element : undefined;
    case 'arrayOfArg0': return a0 === undefined ? undefined : { kind: 'ARRAY', element: a0, nullable: true };
    case 'multisetOfArg0': return a0 === undefined ? undefined : { kind: 'MULTISET', element: a0, nullable: false };
    case 'avg': return a0 !== undefined && a0.kind === 'DECIMAL' ? { kind: 'DECIMAL', precision: DECIMAL_MAX_PRECISION, scale: Math.max(6, a0.scale), nullable: true } : a0;
    case 'sum': return a0 !== undefined && a0.kind === 'DECIMAL' ? { kind: 'DECIMAL', precision: DECIMAL_MAX_PRECISION, scale: a0.scale, nullable: true } : a0;
    case 'mapKeys': return a0 !== undefined && a0.kind === 'MAP' ? { kind: 'ARRAY', element: a0.key, nullable: true } : undefined;
    case 'mapValues': return a0 !== undefined && a0.kind === 'MAP' ? { kind: 'ARRAY', element: a0.value, nullable: true } : undefined;
    case 'mapEntries':
      return a0 !== undefined && a0.kind === 'MAP'
        ? { kind: 'ARRAY', element: { kind: 'ROW', fields: [{ name: 'key', type: a0.key }, { name: 'value', type: a0.value }], nullable: true }, nullable: true }
        : undefined;
    case 'mapFromArrays': {
      const [k, v] = args;
      return k?.kind === 'ARRAY' && v?.kind === 'ARRAY' ? { kind: 'MAP', key: k.element, value: v.element, nullable: true } : undefined;
    }
    case 'rowtime': return { kind: a0?.kind === 'TIMESTAMP_LTZ' ? 'TIMESTAMP_LTZ' : 'TIMESTAMP', precision: 3, nullable: false };
    case 'strToMap': return { kind: 'MAP', key: STRING, value: STRING, nullable: true };
    case 'splitArray': return { kind: 'ARRAY', element: STRING, nullable: true };
    default: return undefined;
  }
}

function resultNullable(sig: FunctionSignature, args: readonly DataType[]): boolean {
  switch (sig.nullable) {
    case 'always': return true;
    case 'never': return false;
    case 'arg0': return args[0]?.nullable ?? true;
    case 'args': return args.some((a) => a.nullable);
    case 'all': return args.every((a) => a.nullable);
    case 'last': return args[args.length - 1]?.nullable ?? true;
    case 'element': return (args[0]?.nullable ?? true) || (args[0]?.kind === 'ARRAY' && args[0].element.nullable);
  }
}

export type FunctionTypeResult =
  | { readonly ok: true; readonly type: DataType }
  | { readonly ok: false; readonly reason: 'unknown-function' | 'arity' | 'argument-types'; readonly expected?: string };

/** The result type of `name(args)` for a built-in, or why it cannot be typed. */
export function inferFunctionType(name: string, args: readonly DataType[]): FunctionTypeResult {
  const sig = builtinFunction(name);
  if (sig === undefined) return { ok: false, reason: 'unknown-function' };
  if (args.length < sig.minArgs || args.length > sig.maxArgs) {
    const expected = sig.minArgs === sig.maxArgs ? `${sig.minArgs}` : sig.maxArgs === Infinity ? `at least ${sig.minArgs}` : `${sig.minArgs} to ${sig.maxArgs}`;
    return { ok: false, reason: 'arity', expected: `${expected} argument${sig.maxArgs === 1 ? '' : 's'}` };
  }
  const type = ruleType(sig.returns, args);
  if (type === undefined) return { ok: false, reason: 'argument-types' };
  const nullable = resultNullable(sig, args);
  return { ok: true, type: withNullable(type, nullable) };
}
