/**
 * Prints expression nodes: one function per node kind, dispatched by `printExpression`.
 *
 * Parentheses are added from operator precedence only where they are needed, so the printed text parses back
 * to the same tree. Precedence (higher binds tighter), matching Calcite's operator table:
 * OR 1 · AND 2 · NOT 3 · comparisons / IS / IN / BETWEEN / LIKE 4 · `+ -` 5 · `* / % ||` 6 · unary `- +` 7 ·
 * field access and subscripts 8 · atoms 9.
 */
import { EXPRESSION_KINDS } from '../../ast/expression.js';
import { checkNode } from '../../diagnostics/arguments.js';
import { NILADIC_FUNCTIONS } from '../../functions/registry.js';
import type {
  ArrayConstructor, Between, Binary, BinaryLiteral, BooleanLiteral, Case, Cast, ColumnRef, Descriptor, Exists,
  Expression, Extract, FieldAccess, FloorCeil, FrameBound, FunctionCall, In, IntervalLiteral, IntervalQualifier,
  IsDistinctFrom, IsJson, IsNull, IsTruth, JsonArray, JsonBehavior, JsonExists, JsonObject, JsonQuery, JsonValue,
  Like, MapConstructor, NamedArg, NumericLiteral, OrderItem, Overlay, Position, RawSql, RowConstructor,
  ScalarSubquery, StringLiteral, Subscript, Substring, TableArg, TemporalLiteral, TimeUnitArg, Trim, Unary,
  WindowFrame, WindowSpec,
} from '../../ast/expression.js';
import { printDataType } from './data-type.js';
import { atEntry, atTop, indent } from './layout.js';
import { printQuery, printRelation } from './query.js';
import { quoteIdentifier, quotePath, quoteString } from './quote.js';
import {
  PREC_ADDITIVE as PREC_ADD,
  PREC_AND,
  PREC_ATOM,
  PREC_MULTIPLICATIVE as PREC_MUL,
  PREC_NOT,
  PREC_OR,
  PREC_POSTFIX,
  PREC_PREDICATE as PREC_COMPARE,
  PREC_UNARY,
} from '../precedence.js';


const BUILTIN_NAME = /^[A-Z_][A-Z0-9_]*$/;

export function precedence(e: Expression): number {
  switch (e.kind) {
    case 'Binary':
      switch (e.op) {
        case 'OR': return PREC_OR;
        case 'AND': return PREC_AND;
        case '=': case '<>': case '<': case '<=': case '>': case '>=': return PREC_COMPARE;
        case '+': case '-': return PREC_ADD;
        default: return PREC_MUL;
      }
    case 'Unary': return e.op === 'NOT' ? PREC_NOT : PREC_UNARY;
    case 'IsNull': case 'IsTruth': case 'IsDistinctFrom': case 'In': case 'Between': case 'Like': case 'IsJson':
      return PREC_COMPARE;
    case 'FunctionCall': return e.name.length === 1 && e.name[0] === 'OVERLAPS' && e.args.length === 2 ? PREC_COMPARE : PREC_ATOM;
    case 'FieldAccess': case 'Subscript': return PREC_POSTFIX;
    case 'NamedArg': return 0;
    default: return PREC_ATOM;
  }
}

/** Print `e`, parenthesised when its precedence is below `min`. */
function operand(e: Expression, min: number): string {
  const text = printExpression(e);
  return precedence(e) < min ? `(${text})` : text;
}

export function printExpression(e: Expression): string {
  if (atEntry()) checkNode('printExpression()', 'expression', e, 'an expression node (expr.node, parseExpression(…).expression)', EXPRESSION_KINDS);
  return atTop(printExpressionText, e);
}

function printExpressionText(e: Expression): string {
  switch (e.kind) {
    case 'StringLiteral': return printStringLiteral(e);
    case 'NumericLiteral': return printNumericLiteral(e);
    case 'BooleanLiteral': return printBooleanLiteral(e);
    case 'NullLiteral': return 'NULL';
    case 'BinaryLiteral': return printBinaryLiteral(e);
    case 'TemporalLiteral': return printTemporalLiteral(e);
    case 'IntervalLiteral': return printIntervalLiteral(e);
    case 'ColumnRef': return printColumnRef(e);
    case 'FieldAccess': return printFieldAccess(e);
    case 'Subscript': return printSubscript(e);
    case 'Unary': return printUnary(e);
    case 'Binary': return printBinary(e);
    case 'IsNull': return printIsNull(e);
    case 'IsTruth': return printIsTruth(e);
    case 'IsDistinctFrom': return printIsDistinctFrom(e);
    case 'In': return printIn(e);
    case 'Between': return printBetween(e);
    case 'Like': return printLike(e);
    case 'Exists': return printExists(e);
    case 'ScalarSubquery': return printScalarSubquery(e);
    case 'Case': return printCase(e);
    case 'Cast': return printCast(e);
    case 'FunctionCall': return printFunctionCall(e);
    case 'TimeUnitArg': return printTimeUnitArg(e);
    case 'Extract': return printExtract(e);
    case 'FloorCeil': return printFloorCeil(e);
    case 'Trim': return printTrim(e);
    case 'Substring': return printSubstring(e);
    case 'Overlay': return printOverlay(e);
    case 'Position': return printPosition(e);
    case 'JsonValue': return printJsonValue(e);
    case 'JsonQuery': return printJsonQuery(e);
    case 'JsonExists': return printJsonExists(e);
    case 'IsJson': return printIsJson(e);
    case 'JsonObject': return printJsonObject(e);
    case 'JsonArray': return printJsonArray(e);
    case 'ArrayConstructor': return printArrayConstructor(e);
    case 'MapConstructor': return printMapConstructor(e);
    case 'RowConstructor': return printRowConstructor(e);
    case 'TableArg': return printTableArg(e);
    case 'Descriptor': return printDescriptor(e);
    case 'NamedArg': return printNamedArg(e);
    case 'RawSql': return printRawSql(e);
  }
}

// Literals ------------------------------------------------------------------------------------------------

function printStringLiteral(e: StringLiteral): string {
  // A literal continued on following lines is printed as written, one fragment per line (Flink joins them).
  const text = e.fragments === undefined ? quoteString(e.value) : e.fragments.map(quoteString).join('\n');
  if (e.unicode === undefined) return text;
  return `U&${text}${e.unicode.escape === undefined ? '' : ` UESCAPE ${quoteString(e.unicode.escape)}`}`;
}
function printNumericLiteral(e: NumericLiteral): string {
  return e.text;
}
function printBooleanLiteral(e: BooleanLiteral): string {
  return e.value ? 'TRUE' : 'FALSE';
}
function printBinaryLiteral(e: BinaryLiteral): string {
  // Continued on following lines: printed as written, one fragment per line (as string literals are).
  if (e.fragments !== undefined) return `X${e.fragments.map((f) => `'${f}'`).join('\n')}`;
  return `X'${e.hex}'`;
}
function printTemporalLiteral(e: TemporalLiteral): string {
  return `${e.type} ${quoteString(e.value)}`;
}

export function printIntervalQualifier(q: IntervalQualifier): string {
  let start: string = q.start;
  if (q.startPrecision !== undefined) {
    start += q.start === 'SECOND' && q.end === undefined && q.fractionalPrecision !== undefined
      ? `(${q.startPrecision}, ${q.fractionalPrecision})`
      : `(${q.startPrecision})`;
  }
  if (q.end === undefined) return start;
  const end = q.end === 'SECOND' && q.fractionalPrecision !== undefined ? `SECOND(${q.fractionalPrecision})` : q.end;
  return `${start} TO ${end}`;
}

function printIntervalLiteral(e: IntervalLiteral): string {
  return `INTERVAL ${e.negative ? '-' : ''}${quoteString(e.value)} ${printIntervalQualifier(e.qualifier)}`;
}

// References ----------------------------------------------------------------------------------------------

function printColumnRef(e: ColumnRef): string {
  return e.table === undefined ? quoteIdentifier(e.name) : `${quoteIdentifier(e.table)}.${quoteIdentifier(e.name)}`;
}

function printFieldAccess(e: FieldAccess): string {
  // `col`.`field` would read back as a qualified column, so an unqualified column is parenthesised.
  const base = e.operand.kind === 'ColumnRef' && e.operand.table === undefined ? `(${printExpression(e.operand)})` : operand(e.operand, PREC_POSTFIX);
  return `${base}.${quoteIdentifier(e.field)}`;
}

function printSubscript(e: Subscript): string {
  return `${operand(e.operand, PREC_POSTFIX)}[${printExpression(e.index)}]`;
}

// Operators -----------------------------------------------------------------------------------------------

function printUnary(e: Unary): string {
  if (e.op === 'NOT') return `NOT ${operand(e.operand, PREC_NOT)}`;
  const inner = operand(e.operand, PREC_UNARY);
  // Never print `--x` (a line comment) or `+-x`.
  return inner.startsWith('-') || inner.startsWith('+') ? `${e.op} ${inner}` : `${e.op}${inner}`;
}

function printBinary(e: Binary): string {
  const p = precedence(e);
  // Left-associative: the left operand may share the precedence; comparisons do not chain at all.
  const leftMin = p === PREC_COMPARE ? p + 1 : p;
  const rightMin = p + 1;
  // One operator (most): one string, no spine or list of parts.
  const left = e.left;
  if (p === PREC_COMPARE || left.kind !== 'Binary' || precedence(left) !== p) return `${operand(left, leftMin)} ${e.op} ${operand(e.right, rightMin)}`;
  // A chain `a + b + … + z` is a left spine as deep as it is long: walk it in a loop, not by recursion.
  const spine: Binary[] = [e];
  if (p !== PREC_COMPARE) {
    for (let left = e.left; left.kind === 'Binary' && precedence(left) === p; left = left.left) spine.push(left);
  }
  const parts = [operand(spine[spine.length - 1]!.left, leftMin)];
  for (let i = spine.length - 1; i >= 0; i--) parts.push(` ${spine[i]!.op} ${operand(spine[i]!.right, rightMin)}`);
  return parts.join('');
}

function printIsNull(e: IsNull): string {
  return `${operand(e.operand, PREC_COMPARE + 1)} IS ${e.negated ? 'NOT ' : ''}NULL`;
}
function printIsTruth(e: IsTruth): string {
  return `${operand(e.operand, PREC_COMPARE + 1)} IS ${e.negated ? 'NOT ' : ''}${e.value}`;
}
function printIsDistinctFrom(e: IsDistinctFrom): string {
  return `${operand(e.left, PREC_COMPARE + 1)} IS ${e.negated ? 'NOT ' : ''}DISTINCT FROM ${operand(e.right, PREC_COMPARE + 1)}`;
}
function printIn(e: In): string {
  const list = e.query !== undefined ? subquery(printQuery(e.query)) : `(${(e.values ?? []).map(printExpression).join(', ')})`;
  return `${operand(e.operand, PREC_COMPARE + 1)} ${e.negated ? 'NOT ' : ''}IN ${list}`;
}
function printBetween(e: Between): string {
  return `${operand(e.operand, PREC_COMPARE + 1)} ${e.negated ? 'NOT ' : ''}BETWEEN ${e.symmetric ? 'SYMMETRIC ' : ''}${operand(e.low, PREC_COMPARE + 1)} AND ${operand(e.high, PREC_COMPARE + 1)}`;
}
function printLike(e: Like): string {
  const escape = e.escape === undefined ? '' : ` ESCAPE ${operand(e.escape, PREC_COMPARE + 1)}`;
  return `${operand(e.operand, PREC_COMPARE + 1)} ${e.negated ? 'NOT ' : ''}${e.op} ${operand(e.pattern, PREC_COMPARE + 1)}${escape}`;
}

/** A query in parentheses: inline when it is one line, else indented on its own lines. */
function subquery(text: string): string {
  return text.includes('\n') ? `(\n${indent(text)}\n)` : `(${text})`;
}

function printExists(e: Exists): string {
  return `EXISTS ${subquery(printQuery(e.query))}`;
}
function printScalarSubquery(e: ScalarSubquery): string {
  return subquery(printQuery(e.query));
}

// Conditionals and casts ----------------------------------------------------------------------------------

function printCase(e: Case): string {
  const parts = ['CASE'];
  if (e.operand !== undefined) parts.push(printExpression(e.operand));
  for (const w of e.whens) parts.push(`WHEN ${[w.when, ...(w.extraValues ?? [])].map(printExpression).join(', ')} THEN ${printExpression(w.then)}`);
  if (e.else !== undefined) parts.push(`ELSE ${printExpression(e.else)}`);
  parts.push('END');
  return parts.join(' ');
}

function printCast(e: Cast): string {
  return `${e.try ? 'TRY_CAST' : 'CAST'}(${printExpression(e.operand)} AS ${printDataType(e.type)})`;
}

// Functions -----------------------------------------------------------------------------------------------

function functionName(name: readonly string[]): string {
  if (name.length !== 1) return quotePath(name);
  const only = name[0]!;
  return BUILTIN_NAME.test(only) ? only : quoteIdentifier(only);
}

/** Expressions separated by `, `. */
function list(items: readonly Expression[]): string {
  let text = '';
  for (let i = 0; i < items.length; i++) text += (i === 0 ? '' : ', ') + printExpression(items[i]!);
  return text;
}

export function printOrderItem(o: OrderItem): string {
  return atTop(printOrderItemText, o);
}

function printOrderItemText(o: OrderItem): string {
  return `${printExpression(o.expr)}${o.direction ? ` ${o.direction}` : ''}${o.nulls ? ` NULLS ${o.nulls}` : ''}`;
}

function printFrameBound(b: FrameBound): string {
  switch (b.kind) {
    case 'UnboundedPreceding': return 'UNBOUNDED PRECEDING';
    case 'UnboundedFollowing': return 'UNBOUNDED FOLLOWING';
    case 'CurrentRow': return 'CURRENT ROW';
    case 'Preceding': return `${printExpression(b.offset)} PRECEDING`;
    case 'Following': return `${printExpression(b.offset)} FOLLOWING`;
  }
}

function printWindowFrame(f: WindowFrame): string {
  return f.end === undefined
    ? `${f.unit} ${printFrameBound(f.start)}`
    : `${f.unit} BETWEEN ${printFrameBound(f.start)} AND ${printFrameBound(f.end)}`;
}

export function printWindowSpec(w: WindowSpec): string {
  return atTop(printWindowSpecText, w);
}

function printWindowSpecText(w: WindowSpec): string {
  const parts: string[] = [];
  if (w.base !== undefined) parts.push(quoteIdentifier(w.base));
  if (w.partitionBy.length > 0) parts.push(`PARTITION BY ${w.partitionBy.map(printExpression).join(', ')}`);
  if (w.orderBy.length > 0) parts.push(`ORDER BY ${w.orderBy.map(printOrderItem).join(', ')}`);
  if (w.frame !== undefined) parts.push(printWindowFrame(w.frame));
  return `(${parts.join(' ')})`;
}

function printFunctionCall(e: FunctionCall): string {
  // `(a, b) OVERLAPS (c, d)` is an infix operator in SQL.
  if (e.name.length === 1 && e.name[0] === 'OVERLAPS' && e.args.length === 2) {
    return `${operand(e.args[0]!, PREC_COMPARE + 1)} OVERLAPS ${operand(e.args[1]!, PREC_COMPARE + 1)}`;
  }
  const name = functionName(e.name);
  let text: string;
  if (e.star) text = `${name}(*)`;
  else if (e.args.length === 0 && !e.distinct && e.name.length === 1 && NILADIC_FUNCTIONS.has(e.name[0]!)) text = name;
  else if (e.name.length === 1 && e.name[0] === 'JSON_OBJECTAGG' && e.args.length === 2) {
    text = `${name}(KEY ${printExpression(e.args[0]!)} VALUE ${printExpression(e.args[1]!)}${e.onNull ? ` ${e.onNull} ON NULL` : ''})`;
  } else text = `${name}(${e.distinct ? 'DISTINCT ' : ''}${list(e.args)}${e.nulls ? ` ${e.nulls} NULLS` : ''}${e.onNull ? ` ${e.onNull} ON NULL` : ''})`;
  if (e.withinGroup !== undefined) text += ` WITHIN GROUP (ORDER BY ${e.withinGroup.map(printOrderItem).join(', ')})`;
  if (e.filter !== undefined) text += ` FILTER (WHERE ${printExpression(e.filter)})`;
  if (e.over !== undefined) text += typeof e.over === 'string' ? ` OVER ${quoteIdentifier(e.over)}` : ` OVER ${printWindowSpec(e.over)}`;
  return text;
}

function printTimeUnitArg(e: TimeUnitArg): string {
  return e.unit;
}
function printExtract(e: Extract): string {
  return `EXTRACT(${e.unit} FROM ${printExpression(e.operand)})`;
}
function printFloorCeil(e: FloorCeil): string {
  return `${e.op}(${printExpression(e.operand)} TO ${e.unit})`;
}
/** `TRIM(x)` when it trims spaces from both sides (dt-sql-parser rejects `TRIM(BOTH FROM x)`). */
function printTrim(e: Trim): string {
  if (e.side === 'BOTH' && e.chars === undefined) return `TRIM(${printExpression(e.operand)})`;
  return `TRIM(${e.side} ${e.chars === undefined ? '' : `${printExpression(e.chars)} `}FROM ${printExpression(e.operand)})`;
}
/** The comma form: Flink accepts both, and dt-sql-parser only this one. */
function printSubstring(e: Substring): string {
  const len = e.length === undefined ? '' : `, ${printExpression(e.length)}`;
  return `SUBSTRING(${printExpression(e.operand)}, ${printExpression(e.start)}${len})`;
}
function printOverlay(e: Overlay): string {
  const len = e.length === undefined ? '' : ` FOR ${printExpression(e.length)}`;
  return `OVERLAY(${printExpression(e.operand)} PLACING ${printExpression(e.placing)} FROM ${printExpression(e.start)}${len})`;
}
function printPosition(e: Position): string {
  const from = e.start === undefined ? '' : ` FROM ${printExpression(e.start)}`;
  return `POSITION(${operand(e.needle, PREC_COMPARE + 1)} IN ${printExpression(e.haystack)}${from})`;
}

// JSON ----------------------------------------------------------------------------------------------------

function printJsonBehavior(b: JsonBehavior): string {
  switch (b.kind) {
    case 'Null': return 'NULL';
    case 'Error': return 'ERROR';
    case 'Default': return `DEFAULT ${printExpression(b.value)}`;
    case 'EmptyArray': return 'EMPTY ARRAY';
    case 'EmptyObject': return 'EMPTY OBJECT';
  }
}

function jsonTail(returning: JsonValue['returning'], onEmpty?: JsonBehavior, onError?: JsonBehavior): string {
  let text = '';
  if (returning !== undefined) text += ` RETURNING ${printDataType(returning)}`;
  if (onEmpty !== undefined) text += ` ${printJsonBehavior(onEmpty)} ON EMPTY`;
  if (onError !== undefined) text += ` ${printJsonBehavior(onError)} ON ERROR`;
  return text;
}

function printJsonValue(e: JsonValue): string {
  return `JSON_VALUE(${printExpression(e.operand)}, ${printExpression(e.path)}${jsonTail(e.returning, e.onEmpty, e.onError)})`;
}

function printJsonQuery(e: JsonQuery): string {
  const returning = e.returning === undefined ? '' : ` RETURNING ${printDataType(e.returning)}`;
  const wrapper = e.wrapper === 'WITHOUT' ? '' : ` WITH ${e.wrapper} ARRAY WRAPPER`;
  return `JSON_QUERY(${printExpression(e.operand)}, ${printExpression(e.path)}${returning}${wrapper}${jsonTail(undefined, e.onEmpty, e.onError)})`;
}

function printJsonExists(e: JsonExists): string {
  const onError = e.onError === undefined ? '' : ` ${e.onError} ON ERROR`;
  return `JSON_EXISTS(${printExpression(e.operand)}, ${printExpression(e.path)}${onError})`;
}

function printIsJson(e: IsJson): string {
  return `${operand(e.operand, PREC_COMPARE + 1)} IS ${e.negated ? 'NOT ' : ''}JSON${e.type === undefined ? '' : ` ${e.type}`}`;
}

function printJsonObject(e: JsonObject): string {
  const entries = e.entries.map((x) => `KEY ${printExpression(x.key)} VALUE ${printExpression(x.value)}`).join(', ');
  const onNull = e.onNull === 'ABSENT' ? `${entries === '' ? '' : ' '}ABSENT ON NULL` : '';
  return `JSON_OBJECT(${entries}${onNull})`;
}

function printJsonArray(e: JsonArray): string {
  const values = e.values.map(printExpression).join(', ');
  const onNull = e.onNull === 'NULL' ? `${values === '' ? '' : ' '}NULL ON NULL` : '';
  return `JSON_ARRAY(${values}${onNull})`;
}

// Constructors and TVF arguments --------------------------------------------------------------------------

function printArrayConstructor(e: ArrayConstructor): string {
  return `ARRAY[${e.elements.map(printExpression).join(', ')}]`;
}
function printMapConstructor(e: MapConstructor): string {
  return `MAP[${e.entries.map((x) => `${printExpression(x.key)}, ${printExpression(x.value)}`).join(', ')}]`;
}
function printRowConstructor(e: RowConstructor): string {
  const fields = e.fields.map(printExpression).join(', ');
  return e.explicit ? `ROW(${fields})` : `(${fields})`;
}
function printTableArg(e: TableArg): string {
  return `TABLE ${printRelation(e.relation)}${e.partitionBy ? ` PARTITION BY ${e.partitionBy.length === 1 ? printExpression(e.partitionBy[0]!) : `(${e.partitionBy.map(printExpression).join(', ')})`}` : ''}`;
}
function printDescriptor(e: Descriptor): string {
  return `DESCRIPTOR(${e.columns.map(quoteIdentifier).join(', ')})`;
}
function printNamedArg(e: NamedArg): string {
  return `${e.name} => ${printExpression(e.value)}`;
}
function printRawSql(e: RawSql): string {
  let text = e.parts[0] ?? '';
  e.args.forEach((arg, i) => {
    text += printExpression(arg) + (e.parts[i + 1] ?? '');
  });
  return text;
}
