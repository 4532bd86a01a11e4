/**
 * Result types of expressions with Flink 1.20's rules: columns, literals, CAST/TRY_CAST, CASE, built-in calls
 * (from the function catalog), arithmetic with DECIMAL precision/scale, comparisons and predicates, JSON forms,
 * constructors. `undefined` means "not known here" — checks that need a type skip such values rather than guess.
 * With a `TypeEnv` carrying `issues`, the problems the planner rejects are reported (see types/type-issue.ts).
 */
import { roundDecimalType } from '../types/decimal-merging.js';
import { withNullable } from '../types/type-predicates.js';
import type { Expression } from '../ast/expression.js';
import type { Span } from '../ast/node.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import { BARE_FUNCTIONS, BUILTIN_NAMES, builtinFunction } from '../functions/registry.js';
import { commonType, inferFunctionType } from '../functions/infer.js';
import { jsonValueReturningSupported } from '../functions/json-value-returning.js';
import { commonResultType } from './common-result-type.js';
import type { DataType } from '../types/data-type.js';
import { MAX_LENGTH } from '../types/data-type.js';
import { arithmeticType } from './arithmetic-type.js';
import { comparisonProblem } from './comparable.js';
import { explicitCastProblem } from './explicit-cast.js';
import { family, isCharacter, isExactInteger, isNumeric, show } from './families.js';
import { badArgument } from './function-arguments.js';
import { argumentProblem, extractUnitProblem, isZeroLiteral, jsonValueProblem, readsColumn, untypedNullProblem, windowArgumentProblem } from './argument-rules.js';
import type { TypeEnv } from './type-issue.js';
import { report, reportText } from './type-issue.js';
import { TYPE_TEXTS } from './codes.js';
import { NAME_TEXTS } from '../diagnostics/name-codes.js';
import { SQL_TEXTS } from '../sql/codes.js';

export type { TypeEnv, TypeIssue } from './type-issue.js';

export interface ScopeColumn {
  /** The relation alias (or table name) the column belongs to. */
  readonly relation: string;
  readonly name: string;
  readonly type?: DataType;
  /** The right-hand copy of a JOIN … USING column: reachable only qualified. */
  readonly qualifiedOnly?: boolean;
  /** A column of an enclosing query (correlated sub-queries): used only when no inner column matches. */
  readonly outer?: boolean;
}

export type TypeScope = readonly ScopeColumn[];

const INT_MAX = 2147483647n;
const STRING: DataType = { kind: 'VARCHAR', length: MAX_LENGTH, nullable: true };
/** Units TIMESTAMPADD adds to a DATE without leaving DATE. */
const DATE_UNITS: ReadonlySet<string> = new Set(['YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY']);


function numericLiteralType(text: string): DataType {
  if (/[eE]/.test(text)) return { kind: 'DOUBLE', nullable: false };
  const point = text.indexOf('.');
  if (point >= 0) {
    const digits = text.replace('.', '').replace(/^0+(?=\d)/, '');
    const scale = text.length - point - 1;
    return { kind: 'DECIMAL', precision: Math.max(digits.length, scale, 1), scale, nullable: false };
  }
  // Up to 9 digits is always an INT: no BigInt for the common case.
  if (text.length <= 9) return { kind: 'INT', nullable: false };
  const value = BigInt(text);
  if (value <= INT_MAX) return { kind: 'INT', nullable: false };
  if (value <= 9223372036854775807n) return { kind: 'BIGINT', nullable: false };
  return { kind: 'DECIMAL', precision: Math.min(38, text.length), scale: 0, nullable: false };
}

/** Columns of `scope` matching a reference (by alias when qualified). */
/** Scopes indexed by column name, built once per scope: a lookup is not a scan (5,000-column GROUP BYs were quadratic). */
const scopeIndexes = new WeakMap<TypeScope, Map<string, ScopeColumn[]>>();

function byName(scope: TypeScope, name: string): readonly ScopeColumn[] {
  let index = scopeIndexes.get(scope);
  if (index === undefined) {
    index = new Map();
    for (const c of scope) {
      const list = index.get(c.name);
      if (list === undefined) index.set(c.name, [c]);
      else list.push(c);
    }
    scopeIndexes.set(scope, index);
  }
  return index.get(name) ?? [];
}

export function resolveColumn(scope: TypeScope, table: string | undefined, name: string): ScopeColumn[] {
  // One pass, and no array until a column matches: this runs for every column reference, typed and bound.
  let inner: ScopeColumn[] | undefined;
  let outer: ScopeColumn[] | undefined;
  for (const c of scope.length < 16 ? scope : byName(scope, name)) {
    if (c.name !== name || (table === undefined ? c.qualifiedOnly === true : c.relation !== table)) continue;
    if (c.outer === true) {
      if (outer === undefined) outer = [c];
      else outer.push(c);
    } else if (inner === undefined) inner = [c];
    else inner.push(c);
  }
  return inner ?? outer ?? [];
}

/** `r.f` where `r` is a ROW column (the parser reads a two-part name as table.column): the field's type. */
export function rowFieldOf(scope: TypeScope, column: string, field: string): { found: boolean; type?: DataType } {
  const cols = resolveColumn(scope, undefined, column);
  const t = cols.length === 1 ? cols[0]!.type : undefined;
  if (t === undefined || t.kind !== 'ROW') return { found: false };
  const f = t.fields.find((x) => x.name === field);
  return f === undefined ? { found: false } : { found: true, type: withNullable(f.type, f.type.nullable || t.nullable) };
}


/**
 * CAST keeps the operand's nullability (also to a DECIMAL too narrow for it); TRY_CAST is always nullable, even where
 * it cannot fail (Flink 1.20: TRY_CAST(i AS STRING) of an INT NOT NULL is a nullable STRING).
 */
export function castType(operand: DataType | undefined, to: DataType, tryCast: boolean): DataType {
  return withNullable(to, tryCast || (operand?.nullable ?? true));
}

/** `a || b` of two character strings: CHAR when both are CHAR, else VARCHAR, of the summed length. */
export function concatType(left: DataType, right: DataType): DataType {
  const nullable = left.nullable || right.nullable;
  const len = (t: DataType) => (t.kind === 'CHAR' || t.kind === 'VARCHAR' ? t.length : 0);
  const length = Math.min(MAX_LENGTH, len(left) + len(right));
  return left.kind === 'CHAR' && right.kind === 'CHAR' ? { kind: 'CHAR', length, nullable } : { kind: 'VARCHAR', length, nullable };
}

export function expressionType(e: Expression, scope: TypeScope, env: TypeEnv = {}): DataType | undefined {
  if (env.types === undefined) return typeOf(e, scope, env);
  const t = typeOf(e, scope, env);
  if (t !== undefined) env.types.set(e, t);
  return t;
}

/** (Operands are typed by calling `expressionType` directly, not through a local helper: this runs for every node, and a closure per call is a measurable share of `check` on long scripts — bench/hostile.bench.ts.) */
function typeOf(e: Expression, scope: TypeScope, env: TypeEnv): DataType | undefined {
  switch (e.kind) {
    case 'StringLiteral': return { kind: 'CHAR', length: Math.max(e.value.length, 1), nullable: false };
    case 'NumericLiteral': return numericLiteralType(e.text);
    case 'BooleanLiteral': return { kind: 'BOOLEAN', nullable: false };
    case 'NullLiteral': return { kind: 'NULL', nullable: true };
    case 'BinaryLiteral': return { kind: 'BINARY', length: Math.max(1, e.hex.length / 2), nullable: false };
    case 'TemporalLiteral':
      if (e.type === 'DATE') return { kind: 'DATE', nullable: false };
      if (e.type === 'TIME') return { kind: 'TIME', precision: Math.min(9, e.value.split('.')[1]?.length ?? 0), nullable: false };
      return { kind: e.type, precision: Math.min(9, e.value.split('.')[1]?.length ?? 0), nullable: false };
    case 'IntervalLiteral':
      return e.qualifier.start === 'YEAR' || e.qualifier.start === 'MONTH'
        ? { kind: 'INTERVAL_YEAR_MONTH', resolution: 'MONTH', yearPrecision: 2, nullable: false }
        : { kind: 'INTERVAL_DAY_TIME', resolution: 'SECOND', dayPrecision: 2, fractionalPrecision: 3, nullable: false };
    case 'ColumnRef': {
      const found = resolveColumn(scope, e.table, e.name);
      if (found.length === 0 && e.table !== undefined) return rowFieldOf(scope, e.table, e.name).type;
      // `PI` without parentheses is the function when no column has that name (Calcite's FUNCTION_ID syntax)
      if (found.length === 0 && isBareCall(e)) return callType({ kind: 'FunctionCall', name: [e.name.toUpperCase()], args: [], ...(e.span === undefined ? {} : { span: e.span }) }, scope, env);
      return found.length === 1 ? found[0]!.type : undefined;
    }
    case 'FieldAccess': {
      const operand = expressionType(e.operand, scope, env);
      if (operand === undefined) return undefined;
      if (operand.kind !== 'ROW') return reportText(env, TYPE_TEXTS.fieldOfNonRow({ field: e.field, type: show(operand) }), e);
      const field = operand.fields.find((f) => f.name === e.field);
      if (field === undefined) {
        return reportText(env, NAME_TEXTS.rowFieldNotFound({ field: e.field, fields: operand.fields.map((f) => f.name) }), e);
      }
      return withNullable(field.type, field.type.nullable || operand.nullable);
    }
    case 'Subscript': {
      const operand = expressionType(e.operand, scope, env);
      const index = expressionType(e.index, scope, env);
      if (operand === undefined) return undefined;
      if (operand.kind === 'ARRAY') {
        if (index !== undefined && !isNumeric(index)) return reportText(env, TYPE_TEXTS.badArrayIndex({ kind: 'index', type: show(index) }), e.index);
        return withNullable(operand.element, true);
      }
      if (operand.kind === 'MAP') return withNullable(operand.value, true);
      if (operand.kind === 'ROW') return undefined;
      return reportText(env, TYPE_TEXTS.badArrayIndex({ kind: 'value', type: show(operand) }), e);
    }
    case 'Cast': {
      const operand = expressionType(e.operand, scope, env);
      const problem = operand === undefined ? undefined : explicitCastProblem(operand, e.type);
      if (problem !== undefined) return reportText(env, TYPE_TEXTS.badCast({ reason: problem, try: e.try === true, from: show(operand!), to: show(withNullable(e.type, true)) }), e);
      return castType(operand, e.type, e.try === true);
    }
    case 'Case': return caseType(e, scope, env);
    case 'FunctionCall': return callType(e, scope, env);
    case 'TimeUnitArg': return undefined;
    case 'Binary': return binaryType(e, scope, env);
    case 'Unary': {
      const t = expressionType(e.operand, scope, env);
      if (t === undefined) return undefined;
      if (e.op === 'NOT') {
        if (t.kind !== 'BOOLEAN' && t.kind !== 'NULL') return reportText(env, TYPE_TEXTS.notNotBoolean({ op: 'NOT', type: show(t) }), e.operand);
        return { kind: 'BOOLEAN', nullable: t.nullable };
      }
      if (!isNumeric(t) && family(t) !== 'interval-ym' && family(t) !== 'interval-dt' && t.kind !== 'NULL') {
        return reportText(env, TYPE_TEXTS.badSign({ kind: 'operands', op: e.op, types: [show(t)] }), e);
      }
      return t;
    }
    case 'IsNull': expressionType(e.operand, scope, env); return { kind: 'BOOLEAN', nullable: false };
    case 'IsTruth': {
      const t = expressionType(e.operand, scope, env);
      if (t !== undefined && t.kind !== 'BOOLEAN' && t.kind !== 'NULL') reportText(env, TYPE_TEXTS.notNotBoolean({ op: `IS ${e.negated ? 'NOT ' : ''}${e.value}`, type: show(t) }), e.operand);
      return { kind: 'BOOLEAN', nullable: false };
    }
    case 'IsDistinctFrom': {
      const l = expressionType(e.left, scope, env);
      const r = expressionType(e.right, scope, env);
      if (l !== undefined && r !== undefined) compare(l, r, e, 'IS DISTINCT FROM', env);
      return { kind: 'BOOLEAN', nullable: false };
    }
    case 'IsJson': {
      const t = expressionType(e.operand, scope, env);
      if (t !== undefined && !isCharacter(t) && t.kind !== 'NULL') return reportText(env, TYPE_TEXTS.badArgument({ kind: 'type', fn: `IS JSON ${e.type ?? 'VALUE'}`, types: [show(t)], expects: 'a character string' }), e.operand);
      return { kind: 'BOOLEAN', nullable: t?.nullable ?? true };
    }
    case 'In': {
      const operand = expressionType(e.operand, scope, env);
      let nullable = operand?.nullable ?? true;
      for (const v of e.values ?? []) {
        const t = expressionType(v, scope, env);
        if (t === undefined) continue;
        nullable ||= t.nullable;
        // Like the planner, stop at the first value that cannot be compared.
        if (operand !== undefined && !compare(operand, t, v, 'IN', env)) break;
      }
      if (e.query !== undefined) {
        const cols = env.subquery?.(e.query);
        const t = cols?.length === 1 ? cols[0] : undefined;
        if (cols !== undefined && cols.length !== 1 && e.operand.kind !== 'RowConstructor') {
          reportText(env, TYPE_TEXTS.inSubqueryColumns({ columns: cols.length }), e);
        } else if (t !== undefined && operand !== undefined) compare(operand, t, e, 'IN', env);
        nullable = true;
      }
      return { kind: 'BOOLEAN', nullable };
    }
    case 'Between': {
      const [o, l, h] = [expressionType(e.operand, scope, env), expressionType(e.low, scope, env), expressionType(e.high, scope, env)];
      const lowOk = o === undefined || l === undefined || compare(o, l, e.low, 'BETWEEN', env);
      if (lowOk && o !== undefined && h !== undefined) compare(o, h, e.high, 'BETWEEN', env);
      return { kind: 'BOOLEAN', nullable: [o, l, h].some((t) => t?.nullable ?? true) };
    }
    case 'Like': {
      const [o, p] = [expressionType(e.operand, scope, env), expressionType(e.pattern, scope, env)];
      if (e.escape !== undefined) expressionType(e.escape, scope, env);
      for (const [t, node] of [[o, e.operand], [p, e.pattern]] as const) {
        if (t !== undefined && !isCharacter(t) && t.kind !== 'NULL') {
          return reportText(env, TYPE_TEXTS.likeNotString({ op: e.op, type: show(t) }), node);
        }
      }
      return { kind: 'BOOLEAN', nullable: (o?.nullable ?? true) || (p?.nullable ?? true) };
    }
    case 'Exists': env.subquery?.(e.query); return { kind: 'BOOLEAN', nullable: false };
    case 'ScalarSubquery': {
      const cols = env.subquery?.(e.query);
      if (cols === undefined) return undefined;
      if (cols.length !== 1) return reportText(env, TYPE_TEXTS.scalarSubqueryColumns({ columns: cols.length }), e);
      return cols[0] === undefined ? undefined : withNullable(cols[0], true);
    }
    // As Flink 1.20.1's planner has it (test/flink/hostile-agreement.test.ts): JSON_VALUE and JSON_QUERY take an
    // operand of any type (Calcite's SqlTypeFamily.ANY) — a BIGINT, an INT are planned; JSON_EXISTS reads text only.
    case 'JsonValue':
    case 'JsonQuery': {
      expressionType(e.operand, scope, env);
      if (e.kind === 'JsonValue' && e.returning !== undefined && !jsonValueReturningSupported(e.returning)) return reportText(env, TYPE_TEXTS.badArgument({ kind: 'jsonReturning', fn: 'JSON_VALUE', type: show(e.returning) }), e);
      // Flink 1.20.1 cannot plan a DEFAULT that reads a column ('None.get'): it must be a constant
      for (const b of [e.onEmpty, e.onError]) {
        if (b?.kind === 'Default' && readsColumn(b.value)) {
          return reportText(env, TYPE_TEXTS.badArgument({ kind: 'jsonDefault' }), b.value);
        }
      }
      return e.returning === undefined ? STRING : withNullable(e.returning, true);
    }
    case 'JsonExists': {
      const t = expressionType(e.operand, scope, env);
      if (t !== undefined && !isCharacter(t) && t.kind !== 'NULL') {
        return reportText(env, TYPE_TEXTS.badArgument({ kind: 'type', fn: 'JSON_EXISTS', types: [show(t)], expects: 'JSON text (a character string)' }), e.operand);
      }
      return { kind: 'BOOLEAN', nullable: true };
    }
    case 'JsonObject':
      for (const entry of e.entries) {
        expressionType(entry.key, scope, env);
        const p = jsonValueProblem(entry.value, expressionType(entry.value, scope, env));
        if (p !== undefined) return reportText(env, TYPE_TEXTS.badArgument(p), entry.value);
      }
      return { kind: 'VARCHAR', length: MAX_LENGTH, nullable: false };
    case 'JsonArray':
      for (const v of e.values) {
        const p = jsonValueProblem(v, expressionType(v, scope, env));
        if (p !== undefined) return reportText(env, TYPE_TEXTS.badArgument(p), v);
      }
      return { kind: 'VARCHAR', length: MAX_LENGTH, nullable: false };
    case 'Extract': {
      const t = expressionType(e.operand, scope, env);
      if (t?.kind === 'NULL') return reportText(env, TYPE_TEXTS.badArgument({ kind: 'untypedNull', fn: 'EXTRACT' }), e.operand);
      if (t !== undefined && !['date', 'time', 'timestamp', 'interval-ym', 'interval-dt'].includes(family(t))) {
        return reportText(env, TYPE_TEXTS.badArgument({ kind: 'type', fn: 'EXTRACT', types: [show(t)], expects: 'a date, time, timestamp or interval' }), e.operand);
      }
      const unitProblem = t === undefined ? undefined : extractUnitProblem(e.unit, t);
      if (unitProblem !== undefined) return reportText(env, TYPE_TEXTS.badArgument(unitProblem), e);
      return { kind: 'BIGINT', nullable: t?.nullable ?? true };
    }
    case 'FloorCeil': {
      const t = expressionType(e.operand, scope, env);
      if (t !== undefined && !['date', 'time', 'timestamp', 'null'].includes(family(t))) {
        return reportText(env, TYPE_TEXTS.badArgument({ kind: 'type', fn: e.op, types: [show(t)], expects: `a date, time or timestamp to round TO ${e.unit}` }), e.operand);
      }
      return t;
    }
    case 'Substring': {
      const [o, s, l] = [expressionType(e.operand, scope, env), expressionType(e.start, scope, env), e.length === undefined ? undefined : expressionType(e.length, scope, env)];
      if (operandsRejected('SUBSTRING', [e.operand, e.start, e.length], [o, s, l], env)) return undefined;
      // FlinkSqlOperatorTable.SUBSTRING: VARCHAR of the operand's length, always nullable
      return o === undefined ? undefined : o.kind === 'CHAR' ? { kind: 'VARCHAR', length: o.length, nullable: true } : withNullable(o, true);
    }
    case 'Trim': {
      const o = expressionType(e.operand, scope, env);
      const chars = e.chars === undefined ? undefined : expressionType(e.chars, scope, env);
      if (operandsRejected('TRIM', [e.operand, e.chars], [o, chars], env)) return undefined;
      // VARCHAR of the input length, nullable if any argument is
      return o === undefined ? undefined : { kind: 'VARCHAR', length: o.kind === 'NULL' ? MAX_LENGTH : (o as { length: number }).length, nullable: o.nullable || (chars?.nullable ?? false) };
    }
    case 'Overlay': {
      const ts = [expressionType(e.operand, scope, env), expressionType(e.placing, scope, env), expressionType(e.start, scope, env), ...(e.length === undefined ? [] : [expressionType(e.length, scope, env)])];
      if (operandsRejected('OVERLAY', [e.operand, e.placing, e.start, e.length], ts, env)) return undefined;
      // VARCHAR of the operand's and the placed string's lengths together (probed: OVERLAY(CHAR(3) PLACING CHAR(2) …) is VARCHAR(5))
      const [o, p] = ts;
      const length = o !== undefined && p !== undefined && 'length' in o && 'length' in p ? Math.min(MAX_LENGTH, o.length + p.length) : MAX_LENGTH;
      return { kind: 'VARCHAR', length, nullable: ts.some((t) => t?.nullable ?? true) };
    }
    case 'Position': {
      const ts = [expressionType(e.needle, scope, env), expressionType(e.haystack, scope, env), ...(e.start === undefined ? [] : [expressionType(e.start, scope, env)])];
      if (operandsRejected('POSITION', [e.needle, e.haystack, e.start], ts, env)) return undefined;
      const [needle, haystack] = ts;
      // "Parameters must be of the same type": a binary needle in a character string (or the reverse)
      if (needle !== undefined && haystack !== undefined && family(needle) !== family(haystack)) {
        return reportText(env, TYPE_TEXTS.badArgument({ kind: 'type', fn: 'POSITION', types: [show(needle), show(haystack)], expects: 'two strings of one kind (character or binary)' }), e);
      }
      return { kind: 'INT', nullable: ts.some((t) => t?.nullable ?? true) };
    }
    case 'ArrayConstructor': {
      const ts = e.elements.map((x) => expressionType(x, scope, env));
      if (ts.some((t) => t === undefined)) return undefined;
      const element = commonType(ts as DataType[]);
      if (element === undefined) return reportText(env, TYPE_TEXTS.arrayNoCommonType({ what: 'elements of ARRAY[…]', types: (ts as DataType[]).map(show) }), e);
      return { kind: 'ARRAY', element, nullable: false };
    }
    case 'MapConstructor': {
      const keys = e.entries.map((x) => expressionType(x.key, scope, env));
      const values = e.entries.map((x) => expressionType(x.value, scope, env));
      if ([...keys, ...values].some((t) => t === undefined)) return undefined;
      const key = commonType(keys as DataType[]);
      const value = commonType(values as DataType[]);
      if (key === undefined || value === undefined) return reportText(env, TYPE_TEXTS.arrayNoCommonType({ what: key === undefined ? 'keys of MAP[…]' : 'values of MAP[…]', types: (key === undefined ? keys : values as DataType[]).map((t) => show(t!)) }), e);
      return { kind: 'MAP', key, value, nullable: false };
    }
    case 'RowConstructor': {
      const ts = e.fields.map((x) => expressionType(x, scope, env));
      if (ts.some((t) => t === undefined)) return undefined;
      return { kind: 'ROW', fields: (ts as DataType[]).map((t, i) => ({ name: `EXPR$${i}`, type: t })), nullable: false };
    }
    case 'TableArg': case 'Descriptor':
      return reportText(env, TYPE_TEXTS.tableArgumentOutsideTableFunction({ descriptor: e.kind === 'Descriptor' }), e);
    case 'NamedArg': return expressionType(e.value, scope, env);
    case 'RawSql': return e.type;
  }
}

function compare(l: DataType, r: DataType, node: { readonly span?: Span }, op: string, env: TypeEnv): boolean {
  const problem = comparisonProblem(l, r);
  if (problem === undefined) return true;
  // Suggest converting the character string side (the usual mistake: `int_col = '1'`), else the right side.
  const [side, to] = isCharacter(l) ? ['left' as const, r] : ['right' as const, l];
  reportText(env, TYPE_TEXTS.noImplicitConversion({ op, types: [show(l), show(r)], reason: problem, cast: { side, to: show(withNullable(to, true)) } }), node);
  return false;
}

/** A chain `a + b + … + z` is a left spine as deep as it is long: typed in a loop, left to right, not by recursion. */
function binaryType(e: Extract<Expression, { kind: 'Binary' }>, scope: TypeScope, env: TypeEnv): DataType | undefined {
  const spine: Extract<Expression, { kind: 'Binary' }>[] = [];
  let leftmost: Expression = e;
  for (; leftmost.kind === 'Binary'; leftmost = leftmost.left) spine.push(leftmost);
  let type = expressionType(leftmost, scope, env);
  for (let i = spine.length - 1; i >= 0; i--) {
    type = binaryResult(spine[i]!, type, expressionType(spine[i]!.right, scope, env), env);
    if (env.types !== undefined && type !== undefined && i > 0) env.types.set(spine[i]!, type);
  }
  return type;
}

function binaryResult(e: Extract<Expression, { kind: 'Binary' }>, left: DataType | undefined, right: DataType | undefined, env: TypeEnv): DataType | undefined {
  if (left === undefined || right === undefined) {
    return e.op === 'AND' || e.op === 'OR' || ['=', '<>', '<', '<=', '>', '>='].includes(e.op) ? { kind: 'BOOLEAN', nullable: true } : undefined;
  }
  const nullable = left.nullable || right.nullable;
  switch (e.op) {
    case '=': case '<>': case '<': case '<=': case '>': case '>=':
      compare(left, right, e, e.op, env);
      return { kind: 'BOOLEAN', nullable };
    case 'AND': case 'OR':
      for (const [t, node] of [[left, e.left], [right, e.right]] as const) {
        if (t.kind !== 'BOOLEAN' && t.kind !== 'NULL') return reportText(env, TYPE_TEXTS.notNotBoolean({ op: e.op, type: show(t) }), node);
      }
      return { kind: 'BOOLEAN', nullable };
    case '||': {
      const untyped = untypedNullProblem('||', [e.left, e.right], [left, right]);
      if (untyped !== undefined) return reportText(env, TYPE_TEXTS.badArgument(untyped), e);
      for (const [t, node] of [[left, e.left], [right, e.right]] as const) {
        if (!isCharacter(t) && t.kind !== 'NULL' && family(t) !== 'binary') return reportText(env, TYPE_TEXTS.badSign({ kind: 'operands', op: '||', types: [show(left), show(right)] }), node);
      }
      return concatType(left, right);
    }
    default: {
      // Flink's planner folds a constant division and rejects one by zero (checked on Flink 1.20.1; `1 % 0` plans)
      if (e.op === '/' && isZeroLiteral(e.right) && !readsColumn(e.left)) return reportText(env, TYPE_TEXTS.badSign({ kind: 'divisionByZero' }), e);
      const r = arithmeticType(e.op, left, right);
      if (!r.ok) return reportText(env, TYPE_TEXTS.badSign({ kind: 'operands', op: e.op, types: [show(left), show(right)] }), e);
      return r.type;
    }
  }
}

function caseType(e: Extract<Expression, { kind: 'Case' }>, scope: TypeScope, env: TypeEnv): DataType | undefined {
  const operand = e.operand === undefined ? undefined : expressionType(e.operand, scope, env);
  for (const w of e.whens) {
    for (const value of [w.when, ...(w.extraValues ?? [])]) {
      const t = expressionType(value, scope, env);
      if (t === undefined) continue;
      if (e.operand === undefined) {
        if (t.kind !== 'BOOLEAN' && t.kind !== 'NULL') reportText(env, TYPE_TEXTS.caseConditionNotBoolean({ clause: 'CASE WHEN', type: show(t) }), value);
      } else if (operand !== undefined) compare(operand, t, value, 'CASE', env);
    }
  }
  // Loops, not map callbacks: every frame saved per level lets deeper nesting be checked.
  const results: (DataType | undefined)[] = [];
  for (const w of e.whens) results.push(expressionType(w.then, scope, env));
  results.push(e.else === undefined ? ({ kind: 'NULL', nullable: true } as DataType) : expressionType(e.else, scope, env));
  if (results.some((r) => r === undefined)) return undefined;
  const common = commonResultType(results as DataType[]);
  if (common === undefined) {
    return reportText(env, TYPE_TEXTS.arrayNoCommonType({ what: 'results of CASE', types: (results as DataType[]).filter((t) => t.kind !== 'NULL').map(show) }), e);
  }
  return common;
}

function callType(e: Extract<Expression, { kind: 'FunctionCall' }>, scope: TypeScope, env: TypeEnv): DataType | undefined {
  const args: (DataType | undefined)[] = [];
  // a table function's TABLE / DESCRIPTOR arguments are its own (read by the binder's relation); anywhere else they are refused
  const tableFunction = e.name.length === 1 && (builtinFunction(e.name[0]!.toUpperCase())?.kind === 'table' || env.functions?.has(e.name[0]!.toUpperCase()) === true);
  for (const a of e.args) args.push(a.kind === 'TimeUnitArg' ? ({ kind: 'NULL', nullable: false } as DataType) : tableFunction && (a.kind === 'TableArg' || a.kind === 'Descriptor') ? undefined : expressionType(a, scope, env));
  if (e.filter !== undefined) expressionType(e.filter, scope, env);
  if (e.name.length !== 1) return undefined;
  const name = e.name[0]!.toUpperCase();
  if (env.functions?.has(name) === true) return undefined;
  if (e.star) return name === 'COUNT' ? { kind: 'BIGINT', nullable: false } : reportText(env, TYPE_TEXTS.starArgument({ fn: name }), e);
  if (name === 'OVERLAPS' && args.length === 2) {
    const overlaps = args.some((a) => a === undefined) ? undefined : argumentProblem(name, args as DataType[]);
    if (overlaps !== undefined) return reportText(env, TYPE_TEXTS.badArgument(overlaps), e);
    return { kind: 'BOOLEAN', nullable: args.some((a) => a?.nullable ?? true) };
  }
  const sig = builtinFunction(name);
  // a legacy group window in GROUP BY: TUMBLE(time, size), HOP(time, slide, size), SESSION(time, gap); TUMBLE's optional alignment is a TIME
  if (sig?.kind === 'table' && !e.args.some((a) => a.kind === 'TableArg')) {
    const w = windowArgumentProblem(name, args.slice(1, 1 + (name === 'HOP' ? 2 : 1)), 1);
    if (w !== undefined) return reportText(env, w, e);
  }
  const named = sig === undefined || sig.kind === 'table' ? undefined : e.args.find((a) => a.kind === 'NamedArg');
  if (named !== undefined) return reportText(env, TYPE_TEXTS.namedArgumentOfBuiltin({ fn: name }), named);
  if (sig?.kind === 'table' || sig?.syntax === 'special') return undefined;
  if (sig === undefined) {
    return reportText(env, TYPE_TEXTS.noSignature({ fn: e.name[0]!, types: args.map((a) => (a === undefined ? undefined : show(a))), known: BUILTIN_NAMES }), e);
  }
  if (e.over !== undefined && sig.kind === 'scalar') return reportText(env, TYPE_TEXTS.overNotWindowFunction({ fn: name }), e);
  if (sig.kind === 'window' && e.over === undefined) return reportText(env, TYPE_TEXTS.windowFunctionWithoutOver({ fn: name }), e);
  if (args.length < sig.minArgs || args.length > sig.maxArgs) {
    const r = inferFunctionType(name, args.map((a) => a ?? STRING));
    const expected = !r.ok && r.expected !== undefined ? r.expected : '';
    return reportText(env, TYPE_TEXTS.wrongArity({ fn: name, expected, got: args.length }), e);
  }
  if (operandsRejected(name, e.args, args, env)) return undefined;
  if (args.some((a) => a === undefined)) return undefined;
  const known = args as DataType[];
  // RESPECT / IGNORE NULLS: Flink 1.20.1's parser takes them in ARRAY_AGG only
  if (e.nulls !== undefined && name !== 'ARRAY_AGG') return reportText(env, SQL_TEXTS.unexpectedToken({ kind: 'nullsOutsideArrayAgg', nulls: e.nulls, fn: name }), e);
  if (name === 'JSON_OBJECTAGG' || name === 'JSON_ARRAYAGG') {
    const v = e.args[e.args.length - 1]!;
    const p = jsonValueProblem(v, known[known.length - 1]);
    if (p !== undefined) return reportText(env, TYPE_TEXTS.badArgument(p), v);
  }
  if (name === 'LISTAGG' && e.args[1] !== undefined && e.args[1].kind !== 'StringLiteral') return reportText(env, TYPE_TEXTS.badArgument({ kind: 'listaggSeparator' }), e.args[1]);
  const unit = e.args[0]?.kind === 'TimeUnitArg' ? e.args[0].unit : undefined;
  const problem = untypedNullProblem(name, e.args, known) ?? argumentProblem(name, known, unit);
  if (problem !== undefined) return reportText(env, TYPE_TEXTS.badArgument(problem.kind === 'untypedNull' ? { kind: 'untypedNull', fn: name } : problem), e);
  if (name === 'IF') return ifType(e, known, env);
  // TIMESTAMPDIFF counts nanoseconds in a BIGINT (Calcite's SqlTimestampDiffFunction), every other unit in an INT
  if (name === 'TIMESTAMPDIFF' && unit === 'NANOSECOND') return { kind: 'BIGINT', nullable: known.slice(1).some((t) => t.nullable) };
  // TIMESTAMPADD of a time-of-day unit to a DATE gives a TIMESTAMP (Calcite's SqlTimestampAddFunction), not a DATE
  if (name === 'TIMESTAMPADD' && known[2]?.kind === 'DATE' && unit !== undefined && !DATE_UNITS.has(unit)) {
    return { kind: 'TIMESTAMP', precision: 6, nullable: known.slice(1).some((t) => t.nullable) };
  }
  // ROUND / TRUNCATE of a DECIMAL by a literal digit count: Flink's findRoundDecimalType (TRUNCATE(x) is TRUNCATE(x, 0))
  if ((name === 'ROUND' || name === 'TRUNCATE') && known[0]?.kind === 'DECIMAL' && known.length <= 2) {
    const digits = known.length === 1 ? 0 : integerLiteral(e.args[1]!);
    if (digits !== undefined) return roundDecimalType(known[0], digits, known.some((a) => a.nullable));
  }
  // MOD of DECIMALs is typed as the % operator (findModuloDecimalType)
  if (name === 'MOD' && known.length === 2 && (known[0]!.kind === 'DECIMAL' || known[1]!.kind === 'DECIMAL')) {
    const r = arithmeticType('%', known[0]!, known[1]!);
    if (r.ok) return r.type;
  }
  if ((name === 'COALESCE' || name === 'IFNULL' || name === 'GREATEST' || name === 'LEAST' || name === 'NULLIF') && commonResultType(known) === undefined) {
    return reportText(env, TYPE_TEXTS.arrayNoCommonType({ what: `arguments of ${name}`, types: known.map(show) }), e);
  }
  // An untyped NULL gives an aggregate nothing to infer its type from: Calcite's "Illegal use of 'NULL'".
  if (UNTYPED_NULL_AGGREGATES.has(name) && e.args[0]?.kind === 'NullLiteral') {
    return reportText(env, TYPE_TEXTS.badArgument({ kind: 'untypedNull', fn: name }), e.args[0]);
  }
  const r = inferFunctionType(name, known);
  if (!r.ok) {
    return reportText(env, TYPE_TEXTS.badArgument({ kind: 'type', fn: name, types: known.map(show) }), e);
  }
  return r.type;
}

const UNTYPED_NULL_AGGREGATES: ReadonlySet<string> = new Set(['SUM', 'SUM0', 'AVG', 'MIN', 'MAX', 'STDDEV_POP', 'STDDEV_SAMP', 'VAR_POP', 'VAR_SAMP', 'COLLECT', 'ARRAY_AGG', 'JSON_ARRAYAGG', 'COUNT', 'FIRST_VALUE', 'LAST_VALUE', 'LISTAGG']);

/**
 * Reports the first argument outside the registry's operand family for the built-in (a call's, or a special node's
 * such as POSITION's in their written order); an untyped NULL there is "Illegal use of 'NULL'".
 */
function operandsRejected(name: string, exprs: readonly (Expression | undefined)[], types: readonly (DataType | undefined)[], env: TypeEnv): boolean {
  const bad = badArgument(name, types);
  if (bad === undefined) return false;
  const node = exprs[bad.index] ?? {};
  if (bad.untypedNull) reportText(env, TYPE_TEXTS.badArgument({ kind: 'untypedNull', fn: name }), node);
  else reportText(env, TYPE_TEXTS.badArgument({ kind: 'type', fn: name, types: [show(types[bad.index]!)], position: bad.index + 1, expects: `a ${bad.expected} value` }), node);
  return true;
}

/** An unqualified column reference that, when no column has the name, calls a built-in (PI). */
export function isBareCall(e: Extract<Expression, { kind: 'ColumnRef' }>): boolean {
  return e.table === undefined && BARE_FUNCTIONS.has(e.name.toUpperCase());
}

/** An integer literal, also negative (`-2`), or undefined. */
function integerLiteral(e: Expression): number | undefined {
  if (e.kind === 'NumericLiteral' && /^\d+$/.test(e.text)) return Number(e.text);
  if (e.kind === 'Unary' && e.op === '-') {
    const inner = integerLiteral(e.operand);
    return inner === undefined ? undefined : -inner;
  }
  return undefined;
}

/** ROUND(DECIMAL(p, s), r) — Flink's findRoundDecimalType: rounding may add an integer digit. */
/** IF(c, a, b): numeric, string and binary values get their common type; others the type of the true value. */
function ifType(e: Extract<Expression, { kind: 'FunctionCall' }>, args: readonly DataType[], env: TypeEnv): DataType | undefined {
  const [, a, b] = args as [DataType, DataType, DataType];
  const nullable = args.some((t) => t.nullable);
  const common = commonResultType([a, b]);
  if (common === undefined) return reportText(env, TYPE_TEXTS.arrayNoCommonType({ what: 'values of IF', types: [show(a), show(b)] }), e);
  const kinds = ['numeric', 'character', 'binary'];
  const base = kinds.includes(family(a)) || a.kind === 'NULL' ? common : a;
  return withNullable(base, nullable);
}

/** The name a query column gets: its alias, or the column it reads. */
export function columnName(e: Expression): string | undefined {
  if (e.kind === 'ColumnRef') return e.name;
  if (e.kind === 'FieldAccess') return e.field;
  return undefined;
}
