/**
 * Result types of expressions, as far as the script check needs them: columns, literals, CAST, CASE, built-in
 * calls (from the function catalog), arithmetic and predicates. `undefined` means "not known here" — checks that
 * need a type skip such values rather than guess.
 */
import type { Expression } from '../ast/expression.js';
import { commonType, inferFunctionType } from '../functions/infer.js';
import type { DataType } from '../types/data-type.js';
import { MAX_LENGTH } from '../types/data-type.js';

export interface ScopeColumn {
  /** The relation alias (or table name) the column belongs to. */
  readonly relation: string;
  readonly name: string;
  readonly type?: DataType;
}

export type TypeScope = readonly ScopeColumn[];

const BOOLEAN: DataType = { kind: 'BOOLEAN', nullable: true };
const INT_MAX = 2147483647n;

function numericLiteralType(text: string): DataType {
  if (/[eE]/.test(text)) return { kind: 'DOUBLE', nullable: false };
  const point = text.indexOf('.');
  if (point >= 0) {
    const digits = text.replace('.', '').replace(/^0+(?=\d)/, '');
    const scale = text.length - point - 1;
    return { kind: 'DECIMAL', precision: Math.max(digits.length, scale, 1), scale, nullable: false };
  }
  return BigInt(text) > INT_MAX ? { kind: 'BIGINT', nullable: false } : { kind: 'INT', nullable: false };
}

/** Columns of `scope` matching a reference (by alias when qualified). */
export function resolveColumn(scope: TypeScope, table: string | undefined, name: string): ScopeColumn[] {
  return scope.filter((c) => c.name === name && (table === undefined || c.relation === table));
}

export function expressionType(e: Expression, scope: TypeScope): DataType | undefined {
  switch (e.kind) {
    case 'StringLiteral': return { kind: 'CHAR', length: Math.max(e.value.length, 1), nullable: false };
    case 'NumericLiteral': return numericLiteralType(e.text);
    case 'BooleanLiteral': return { kind: 'BOOLEAN', nullable: false };
    case 'NullLiteral': return { kind: 'NULL', nullable: true };
    case 'TemporalLiteral':
      if (e.type === 'DATE') return { kind: 'DATE', nullable: false };
      if (e.type === 'TIME') return { kind: 'TIME', precision: 0, nullable: false };
      return { kind: e.type, precision: Math.min(9, e.value.split('.')[1]?.length ?? 0), nullable: false };
    case 'IntervalLiteral':
      return e.qualifier.start === 'YEAR' || e.qualifier.start === 'MONTH'
        ? { kind: 'INTERVAL_YEAR_MONTH', resolution: 'MONTH', yearPrecision: 2, nullable: false }
        : { kind: 'INTERVAL_DAY_TIME', resolution: 'SECOND', dayPrecision: 2, fractionalPrecision: 3, nullable: false };
    case 'ColumnRef': {
      const found = resolveColumn(scope, e.table, e.name);
      return found.length === 1 ? found[0]!.type : undefined;
    }
    case 'Cast': {
      const operand = expressionType(e.operand, scope);
      return { ...e.type, nullable: e.try || (operand?.nullable ?? true) } as DataType;
    }
    case 'Case': {
      const results = [...e.whens.map((w) => expressionType(w.then, scope)), e.else === undefined ? ({ kind: 'NULL', nullable: true } as DataType) : expressionType(e.else, scope)];
      if (results.some((r) => r === undefined)) return undefined;
      return commonType(results as DataType[]);
    }
    case 'FunctionCall': {
      if (e.name.length !== 1) return undefined;
      if (e.star) return inferFunctionType(e.name[0]!, []).ok ? { kind: 'BIGINT', nullable: false } : undefined;
      const args = e.args.map((a) => (a.kind === 'TimeUnitArg' ? ({ kind: 'NULL', nullable: false } as DataType) : expressionType(a, scope)));
      if (args.some((a) => a === undefined)) return undefined;
      const r = inferFunctionType(e.name[0]!, args as DataType[]);
      return r.ok ? r.type : undefined;
    }
    case 'Binary': {
      const left = expressionType(e.left, scope);
      const right = expressionType(e.right, scope);
      const nullable = (left?.nullable ?? true) || (right?.nullable ?? true);
      switch (e.op) {
        case '=': case '<>': case '<': case '<=': case '>': case '>=': case 'AND': case 'OR':
          return { ...BOOLEAN, nullable };
        case '||':
          return { kind: 'VARCHAR', length: MAX_LENGTH, nullable };
        default: {
          if (left === undefined || right === undefined) return undefined;
          if (left.kind === 'TIMESTAMP' || left.kind === 'TIMESTAMP_LTZ' || left.kind === 'DATE') return { ...left, nullable } as DataType;
          const common = commonType([left, right]);
          return common === undefined ? undefined : ({ ...common, nullable } as DataType);
        }
      }
    }
    case 'Unary': {
      const t = expressionType(e.operand, scope);
      return e.op === 'NOT' ? { ...BOOLEAN, nullable: t?.nullable ?? true } : t;
    }
    case 'IsNull': case 'IsTruth': case 'IsDistinctFrom': case 'IsJson':
      return { kind: 'BOOLEAN', nullable: false };
    case 'In': case 'Between': case 'Like': case 'Exists': case 'JsonExists':
      return BOOLEAN;
    case 'JsonValue':
      return e.returning === undefined ? { kind: 'VARCHAR', length: MAX_LENGTH, nullable: true } : ({ ...e.returning, nullable: true } as DataType);
    case 'JsonQuery':
      return { kind: 'VARCHAR', length: MAX_LENGTH, nullable: true };
    case 'JsonObject': case 'JsonArray':
      return { kind: 'VARCHAR', length: MAX_LENGTH, nullable: false };
    case 'Extract': {
      const t = expressionType(e.operand, scope);
      return { kind: 'BIGINT', nullable: t?.nullable ?? true };
    }
    case 'Substring': case 'Trim': case 'Overlay':
      return { kind: 'VARCHAR', length: MAX_LENGTH, nullable: true };
    case 'Position':
      return { kind: 'INT', nullable: true };
    case 'FloorCeil':
      return expressionType(e.operand, scope);
    default:
      return undefined;
  }
}

/** The name a query column gets: its alias, or the column it reads. */
export function columnName(e: Expression): string | undefined {
  if (e.kind === 'ColumnRef') return e.name;
  if (e.kind === 'FieldAccess') return e.field;
  return undefined;
}
