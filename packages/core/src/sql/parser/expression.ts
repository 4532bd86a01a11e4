/**
 * Expression grammar, by precedence (lowest first): OR · AND · NOT · comparisons and predicates
 * (IS, IN, BETWEEN, LIKE, SIMILAR TO) · `+ -` · `* / % ||` · unary `- +` · `[i]` and `.field` · primaries.
 * Special forms (CAST, EXTRACT, TRIM, SUBSTRING, OVERLAY, POSITION, JSON_*, FLOOR/CEIL … TO, CASE, INTERVAL,
 * ARRAY[], MAP[], ROW()) become their own AST nodes; `SUBSTRING(s, 1, 2)` and `SUBSTRING(s FROM 1 FOR 2)`
 * give the same node.
 */
import type {
  Expression, FrameBound, FunctionCall, JsonBehavior, JsonOnNull, JsonWrapper, OrderItem, TimeUnit, WindowFrame, WindowSpec,
} from '../../ast/expression.js';
import { IS_JSON_TYPES, TIME_UNITS, TRIM_SIDES } from '../../ast/expression.js';
import type { SourcePosition, Span } from '../../ast/node.js';
import { BUILTIN_NAMES, NILADIC_FUNCTIONS, SQL_NILADIC_KEYWORDS } from '../../functions/registry.js';
import type { Cursor } from './cursor.js';
import { ParseError } from './cursor.js';
import { parseIntervalQualifier, parseType } from './data-type.js';
import { isReserved, upperWord } from './keywords.js';
import type { Token } from './lexer.js';
import type { LiteralProblem } from './literals.js';
import { intervalLiteralProblem, numericLiteralProblem, temporalLiteralProblem } from './literals.js';
import { parseQuery, parseTableReference, startsQuery } from './query.js';
import { PREC_ADDITIVE as ADDITIVE, PREC_AND as AND, PREC_MULTIPLICATIVE as MULTIPLICATIVE, PREC_NOT as NOT, PREC_OR as OR, PREC_PREDICATE as PREDICATE } from '../precedence.js';
import { SQL_TEXTS } from '../codes.js';

/** Built-ins whose names are stored upper-case: the registry's names and aliases, and CHAR (a CAST target). */
const BUILTINS: ReadonlySet<string> = new Set([...BUILTIN_NAMES, 'CHAR']);
const COMPARISONS = new Set(['=', '<>', '!=', '<', '<=', '>', '>=']);

/** `node` (a literal just built by the caller, not shared yet) with its source range. */
function span<T extends Expression>(p: Cursor, start: Span['start'], node: T): T {
  (node as { span?: Span }).span = p.spanFrom(start);
  return node;
}

/** A literal whose value Flink cannot read (FTS1008), reported at the literal. */
function literal(p: Cursor, start: Span['start'], problem: LiteralProblem | undefined): void {
  if (problem !== undefined) throw ParseError.of(SQL_TEXTS.impossibleLiteral(problem), p.spanFrom(start));
}

/**
 * Expressions by precedence climbing: one loop per operand instead of one function per precedence level, so each
 * level of nesting (parentheses, calls, CASE, sub-queries) costs a few stack frames; the Cursor counts the levels
 * and stops at MAX_NESTING_DEPTH with FTS1006.
 * Loosest first: OR, AND, NOT (prefix), predicates (comparisons, IS, IN, BETWEEN, LIKE, OVERLAPS — one per
 * operand, as in the grammar), + -, * / % ||, then unary - + and postfix [i] / .field.
 */

export function parseExpression(p: Cursor): Expression {
  return parseBinary(p, OR);
}

function parseBinary(p: Cursor, min: number): Expression {
  const start = p.peek().start;
  let left: Expression;
  if (min <= NOT && p.isWord('NOT') && !p.isWord('EXISTS', 1)) {
    p.open(p.next());
    left = { kind: 'Unary', op: 'NOT', operand: parseBinary(p, NOT), span: p.spanFrom(start) };
    p.close();
  } else left = parseUnary(p);
  // After a predicate only AND / OR may follow (`a = b = c` is not an expression).
  let cap = MULTIPLICATIVE;
  for (;;) {
    const t = p.peek();
    if (t.kind === 'op') {
      if (min <= MULTIPLICATIVE && cap >= MULTIPLICATIVE && (t.value === '*' || t.value === '/' || t.value === '%' || t.value === '||')) {
        p.next();
        left = { kind: 'Binary', op: t.value as '*' | '/' | '%' | '||', left, right: parseUnary(p), span: p.spanFrom(start) };
        continue;
      }
      if (min <= ADDITIVE && cap >= ADDITIVE && (t.value === '+' || t.value === '-')) {
        p.next();
        left = { kind: 'Binary', op: t.value as '+' | '-', left, right: parseBinary(p, MULTIPLICATIVE), span: p.spanFrom(start) };
        cap = ADDITIVE;
        continue;
      }
    } else if (t.kind === 'word') {
      if (min <= AND && p.isWord('AND')) {
        p.next();
        left = { kind: 'Binary', op: 'AND', left, right: parseBinary(p, NOT), span: p.spanFrom(start) };
        cap = AND;
        continue;
      }
      if (min <= OR && p.isWord('OR')) {
        p.next();
        left = { kind: 'Binary', op: 'OR', left, right: parseBinary(p, AND), span: p.spanFrom(start) };
        cap = OR;
        continue;
      }
    }
    if (min <= PREDICATE && cap >= PREDICATE) {
      const predicate = predicateTail(p, start, left);
      if (predicate !== undefined) {
        left = predicate;
        cap = NOT;
        continue;
      }
    }
    return left;
  }
}

/** The predicate after `left` (`= x`, `IS NULL`, `IN (…)`, `BETWEEN … AND …`, `LIKE …`), or undefined when none follows. */
function predicateTail(p: Cursor, start: Span['start'], left: Expression): Expression | undefined {
  const t = p.peek();
  if (t.kind === 'op' && COMPARISONS.has(t.value)) {
    p.next();
    const op = t.value === '!=' ? '<>' : (t.value as '=' | '<>' | '<' | '<=' | '>' | '>=');
    return { kind: 'Binary', op, left, right: parseBinary(p, ADDITIVE), span: p.spanFrom(start) };
  }
  if (p.acceptWord('OVERLAPS')) {
    return { kind: 'FunctionCall', name: ['OVERLAPS'], args: [left, parseBinary(p, ADDITIVE)], span: p.spanFrom(start) };
  }
  if (p.acceptWord('IS')) {
    const negated = p.acceptWord('NOT');
    if (p.acceptWord('NULL')) return { kind: 'IsNull', operand: left, negated, span: p.spanFrom(start) };
    if (p.acceptWord('TRUE')) return { kind: 'IsTruth', operand: left, value: 'TRUE', negated, span: p.spanFrom(start) };
    if (p.acceptWord('FALSE')) return { kind: 'IsTruth', operand: left, value: 'FALSE', negated, span: p.spanFrom(start) };
    if (p.acceptWord('UNKNOWN')) return { kind: 'IsTruth', operand: left, value: 'UNKNOWN', negated, span: p.spanFrom(start) };
    if (p.acceptWords('DISTINCT', 'FROM')) return { kind: 'IsDistinctFrom', left, right: parseBinary(p, ADDITIVE), negated, span: p.spanFrom(start) };
    if (p.acceptWord('JSON')) {
      const type = IS_JSON_TYPES.find((w) => p.acceptWord(w));
      return { kind: 'IsJson', operand: left, ...(type === undefined ? {} : { type }), negated, span: p.spanFrom(start) };
    }
    throw p.unexpected('NULL, TRUE, FALSE, UNKNOWN, DISTINCT FROM or JSON after IS');
  }
  const negated = p.isWord('NOT') && (p.isWord('IN', 1) || p.isWord('BETWEEN', 1) || p.isWord('LIKE', 1) || p.isWord('SIMILAR', 1));
  if (negated) p.next();
  if (p.acceptWord('IN')) {
    p.expectOp('(', "'(' after IN");
    if (startsQuery(p)) {
      const query = parseQuery(p);
      p.expectOp(')');
      return { kind: 'In', operand: left, query, negated, span: p.spanFrom(start) };
    }
    const values = [parseExpression(p)];
    while (p.acceptOp(',')) values.push(parseExpression(p));
    p.expectOp(')', "',' or ')' in the IN list");
    return { kind: 'In', operand: left, values, negated, span: p.spanFrom(start) };
  }
  if (p.acceptWord('BETWEEN')) {
    const symmetric = p.acceptWord('SYMMETRIC');
    if (!symmetric) p.acceptWord('ASYMMETRIC');
    const low = parseBinary(p, ADDITIVE);
    p.expectWord('AND', "AND in BETWEEN … AND …");
    const high = parseBinary(p, ADDITIVE);
    return { kind: 'Between', operand: left, low, high, negated, symmetric, span: p.spanFrom(start) };
  }
  if (p.acceptWord('LIKE') || p.acceptWords('SIMILAR', 'TO')) {
    const op = p.peek(-1).value.toUpperCase() === 'LIKE' ? 'LIKE' : 'SIMILAR TO';
    const pattern = parseBinary(p, ADDITIVE);
    const escape = p.acceptWord('ESCAPE') ? parseBinary(p, ADDITIVE) : undefined;
    return { kind: 'Like', op, operand: left, pattern, ...(escape === undefined ? {} : { escape }), negated, span: p.spanFrom(start) };
  }
  if (negated) throw p.unexpected('IN, BETWEEN, LIKE or SIMILAR TO after NOT');
  return undefined;
}

/** Unary minus / plus, then a primary with its postfix subscripts and field accesses. */
function parseUnary(p: Cursor): Expression {
  const start = p.peek().start;
  if (p.isOp('-') || p.isOp('+')) {
    const t = p.next();
    p.open(t);
    const operand = parseUnary(p);
    p.close();
    return { kind: 'Unary', op: t.value as '-' | '+', operand, span: p.spanFrom(start) };
  }
  let e = parsePrimary(p);
  for (;;) {
    if (p.acceptOp('[')) {
      const index = parseExpression(p);
      p.expectOp(']');
      e = { kind: 'Subscript', operand: e, index, span: p.spanFrom(start) };
    } else if (p.isOp('.') && (p.peek(1).kind === 'word' || p.peek(1).kind === 'quoted')) {
      p.next();
      e = { kind: 'FieldAccess', operand: e, field: p.identifier('a field name'), span: p.spanFrom(start) };
    } else return e;
  }
}

/** A function argument: an expression, `name => value`, `TABLE t` or `DESCRIPTOR(cols)`. */
function parseArgument(p: Cursor): Expression {
  const start = p.peek().start;
  if ((p.peek().kind === 'word' || p.peek().kind === 'quoted') && p.isOp('=>', 1)) {
    const name = p.next().value;
    p.next();
    return { kind: 'NamedArg', name, value: parseArgument(p), span: p.spanFrom(start) };
  }
  if (p.isWord('TABLE') && !p.isOp('(', 1)) {
    p.next();
    const relation = parseTableReference(p, false);
    let partitionBy: Expression[] | undefined;
    if (p.isWord('PARTITION') && p.isWord('BY', 1)) {
      p.next();
      p.next();
      // `PARTITION BY k` or `PARTITION BY (k1, k2)` (Calcite's grammar)
      const keys = parseBinary(p, OR);
      partitionBy = keys.kind === 'RowConstructor' && !keys.explicit ? [...keys.fields] : [keys];
    }
    if (p.isWord('PARTITION') || p.isWord('ORDER')) {
      throw p.textAt(p.peek(), SQL_TEXTS.notReadYet({ kind: 'tableArgumentClause', clause: p.isWord('PARTITION') ? 'PARTITION' : 'ORDER' }));
    }
    return { kind: 'TableArg', relation, ...(partitionBy ? { partitionBy } : {}), span: p.spanFrom(start) };
  }
  return parseBinary(p, OR);
}

function timeUnit(p: Cursor): TimeUnit {
  const t = p.peek();
  if (t.kind === 'word') {
    // SQL_TSI_DAY and friends are JDBC spellings Calcite accepts for TIMESTAMPADD/DIFF units.
    const upper = t.value.toUpperCase().replace(/^SQL_TSI_/, '').replace(/S$/, '');
    const found = TIME_UNITS.find((u) => u === t.value.toUpperCase() || u === upper);
    if (found !== undefined) {
      p.next();
      return found;
    }
  }
  throw p.unexpected('a time unit (YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, …)');
}

function parseJsonBehavior(p: Cursor, allowEmpty: boolean): JsonBehavior | undefined {
  if (p.acceptWord('NULL')) return { kind: 'Null' };
  if (p.acceptWord('ERROR')) return { kind: 'Error' };
  if (p.acceptWord('DEFAULT')) return { kind: 'Default', value: parseExpression(p) };
  if (allowEmpty && p.isWord('EMPTY')) {
    p.next();
    if (p.acceptWord('ARRAY')) return { kind: 'EmptyArray' };
    p.expectWord('OBJECT', 'ARRAY or OBJECT after EMPTY');
    return { kind: 'EmptyObject' };
  }
  return undefined;
}

function jsonBehaviors(p: Cursor, allowEmpty: boolean): { onEmpty?: JsonBehavior; onError?: JsonBehavior } {
  const out: { onEmpty?: JsonBehavior; onError?: JsonBehavior } = {};
  for (;;) {
    const save = p.pos;
    const b = parseJsonBehavior(p, allowEmpty);
    if (b === undefined) return out;
    p.expectWord('ON', 'ON EMPTY or ON ERROR');
    if (p.acceptWord('EMPTY')) out.onEmpty = b;
    else if (p.acceptWord('ERROR')) out.onError = b;
    else {
      p.pos = save;
      throw p.unexpected('EMPTY or ERROR');
    }
  }
}

function parseSpecialForm(p: Cursor, name: string, start: Span['start']): Expression | undefined {
  switch (name) {
    case 'CAST':
    case 'TRY_CAST': {
      const operand = parseExpression(p);
      p.expectWord('AS', `AS in ${name}(… AS type)`);
      const type = parseType(p, { cast: true });
      p.expectOp(')');
      return { kind: 'Cast', operand, type, try: name === 'TRY_CAST', span: p.spanFrom(start) };
    }
    case 'EXTRACT': {
      const unit = timeUnit(p);
      p.expectWord('FROM', 'FROM in EXTRACT(unit FROM …)');
      const operand = parseExpression(p);
      p.expectOp(')');
      return { kind: 'Extract', unit, operand, span: p.spanFrom(start) };
    }
    case 'FLOOR':
    case 'CEIL':
    case 'CEILING': {
      const operand = parseExpression(p);
      if (p.acceptWord('TO')) {
        const unit = timeUnit(p);
        p.expectOp(')');
        return { kind: 'FloorCeil', op: name === 'FLOOR' ? 'FLOOR' : 'CEIL', operand, unit, span: p.spanFrom(start) };
      }
      p.expectOp(')', "')' or TO unit");
      return { kind: 'FunctionCall', name: [name], args: [operand], span: p.spanFrom(start) };
    }
    case 'TRIM': {
      const side = TRIM_SIDES.find((w) => p.acceptWord(w));
      if (side !== undefined && p.acceptWord('FROM')) {
        const operand = parseExpression(p);
        p.expectOp(')');
        return { kind: 'Trim', side, operand, span: p.spanFrom(start) };
      }
      const first = parseExpression(p);
      if (p.acceptWord('FROM')) {
        const operand = parseExpression(p);
        p.expectOp(')');
        return { kind: 'Trim', side: side ?? 'BOTH', chars: first, operand, span: p.spanFrom(start) };
      }
      p.expectOp(')', "')' or FROM");
      return { kind: 'Trim', side: side ?? 'BOTH', operand: first, span: p.spanFrom(start) };
    }
    case 'SUBSTRING': {
      const operand = parseExpression(p);
      const sep = p.acceptWord('FROM') || (p.expectOp(',', "FROM or ',' in SUBSTRING"), true);
      void sep;
      const startExpr = parseExpression(p);
      const length = p.acceptWord('FOR') || p.acceptOp(',') ? parseExpression(p) : undefined;
      p.expectOp(')');
      return { kind: 'Substring', operand, start: startExpr, ...(length === undefined ? {} : { length }), span: p.spanFrom(start) };
    }
    case 'OVERLAY': {
      const operand = parseExpression(p);
      p.expectWord('PLACING', 'PLACING in OVERLAY');
      const placing = parseExpression(p);
      p.expectWord('FROM', 'FROM in OVERLAY');
      const startExpr = parseExpression(p);
      const length = p.acceptWord('FOR') ? parseExpression(p) : undefined;
      p.expectOp(')');
      return { kind: 'Overlay', operand, placing, start: startExpr, ...(length === undefined ? {} : { length }), span: p.spanFrom(start) };
    }
    case 'POSITION': {
      const needle = parseBinary(p, ADDITIVE);
      p.expectWord('IN', 'IN in POSITION(… IN …)');
      const haystack = parseExpression(p);
      const from = p.acceptWord('FROM') ? parseExpression(p) : undefined;
      p.expectOp(')');
      return { kind: 'Position', needle, haystack, ...(from === undefined ? {} : { start: from }), span: p.spanFrom(start) };
    }
    case 'JSON_VALUE': {
      const operand = parseExpression(p);
      p.expectOp(',');
      const path = parseExpression(p);
      const returning = p.acceptWord('RETURNING') ? parseType(p, { nullSuffix: false }) : undefined;
      const behaviors = jsonBehaviors(p, false);
      p.expectOp(')');
      return { kind: 'JsonValue', operand, path, ...(returning === undefined ? {} : { returning }), ...behaviors, span: p.spanFrom(start) };
    }
    case 'JSON_QUERY': {
      const operand = parseExpression(p);
      p.expectOp(',');
      const path = parseExpression(p);
      const returning = p.acceptWord('RETURNING') ? parseType(p, { nullSuffix: false }) : undefined;
      let wrapper: JsonWrapper = 'WITHOUT';
      if (p.acceptWord('WITHOUT')) {
        p.acceptWord('ARRAY');
        p.expectWord('WRAPPER');
      } else if (p.acceptWord('WITH')) {
        wrapper = p.acceptWord('CONDITIONAL') ? 'CONDITIONAL' : (p.acceptWord('UNCONDITIONAL'), 'UNCONDITIONAL');
        p.acceptWord('ARRAY');
        p.expectWord('WRAPPER');
      }
      const behaviors = jsonBehaviors(p, true);
      p.expectOp(')');
      return { kind: 'JsonQuery', operand, path, ...(returning === undefined ? {} : { returning }), wrapper, ...behaviors, span: p.spanFrom(start) };
    }
    case 'JSON_EXISTS': {
      const operand = parseExpression(p);
      p.expectOp(',');
      const path = parseExpression(p);
      const onError = (['TRUE', 'FALSE', 'UNKNOWN', 'ERROR'] as const).find((w) => p.isWord(w) && p.isWord('ON', 1));
      if (onError !== undefined) {
        p.next();
        p.expectWord('ON');
        p.expectWord('ERROR');
      }
      p.expectOp(')');
      return { kind: 'JsonExists', operand, path, ...(onError === undefined ? {} : { onError }), span: p.spanFrom(start) };
    }
    case 'JSON_OBJECT': {
      const entries: { key: Expression; value: Expression }[] = [];
      let onNull: JsonOnNull = 'NULL';
      while (!p.isOp(')')) {
        if (p.isWord('NULL') && p.isWord('ON', 1)) {
          p.next(); p.next(); p.expectWord('NULL');
          onNull = 'NULL';
          break;
        }
        if (p.isWord('ABSENT')) {
          p.next(); p.expectWord('ON'); p.expectWord('NULL');
          onNull = 'ABSENT';
          break;
        }
        p.acceptWord('KEY');
        const key = parseExpression(p);
        p.expectWord('VALUE', 'VALUE in JSON_OBJECT(KEY … VALUE …)');
        const value = parseExpression(p);
        entries.push({ key, value });
        if (!p.acceptOp(',')) {
          if (p.isWord('NULL') || p.isWord('ABSENT')) continue;
          break;
        }
      }
      p.expectOp(')');
      return { kind: 'JsonObject', entries, onNull, span: p.spanFrom(start) };
    }
    case 'JSON_OBJECTAGG': {
      p.acceptWord('KEY');
      const key = parseExpression(p);
      p.expectWord('VALUE', 'VALUE in JSON_OBJECTAGG(KEY … VALUE …)');
      const value = parseExpression(p);
      const onNull = jsonAggOnNull(p);
      p.expectOp(')');
      // no FILTER / OVER after it: Flink's grammar has none
      return span(p, start, { kind: 'FunctionCall', name: [name], args: [key, value], ...(onNull ? { onNull } : {}) });
    }
    case 'JSON_ARRAYAGG': {
      const value = parseExpression(p);
      const onNull = jsonAggOnNull(p);
      p.expectOp(')', "NULL ON NULL, ABSENT ON NULL or ')' in JSON_ARRAYAGG");
      return span(p, start, { kind: 'FunctionCall', name: [name], args: [value], ...(onNull ? { onNull } : {}) });
    }
    case 'JSON_ARRAY': {
      const values: Expression[] = [];
      let onNull: JsonOnNull = 'ABSENT';
      while (!p.isOp(')')) {
        if ((p.isWord('NULL') || p.isWord('ABSENT')) && p.isWord('ON', 1)) {
          onNull = p.next().value.toUpperCase() === 'NULL' ? 'NULL' : 'ABSENT';
          p.expectWord('ON'); p.expectWord('NULL');
          break;
        }
        values.push(parseExpression(p));
        if (!p.acceptOp(',') && !p.isOp(')') && !((p.isWord('NULL') || p.isWord('ABSENT')) && p.isWord('ON', 1))) {
          throw p.unexpected("',', NULL ON NULL, ABSENT ON NULL or ')' in JSON_ARRAY");
        }
      }
      p.expectOp(')');
      return { kind: 'JsonArray', values, onNull, span: p.spanFrom(start) };
    }
    case 'TIMESTAMPADD':
    case 'TIMESTAMPDIFF': {
      const unitStart = p.peek().start;
      const unit = timeUnit(p);
      const args: Expression[] = [{ kind: 'TimeUnitArg', unit, span: p.spanFrom(unitStart) }];
      while (p.acceptOp(',')) args.push(parseExpression(p));
      p.expectOp(')');
      return { kind: 'FunctionCall', name: [name], args, span: p.spanFrom(start) };
    }
    case 'DESCRIPTOR': {
      const columns: string[] = [];
      do columns.push(p.identifier('a column name'));
      while (p.acceptOp(','));
      p.expectOp(')');
      return { kind: 'Descriptor', columns, span: p.spanFrom(start) };
    }
    default:
      return undefined;
  }
}

function parseFrameBound(p: Cursor): FrameBound {
  if (p.acceptWords('UNBOUNDED', 'PRECEDING')) return { kind: 'UnboundedPreceding' };
  if (p.acceptWords('UNBOUNDED', 'FOLLOWING')) return { kind: 'UnboundedFollowing' };
  if (p.acceptWords('CURRENT', 'ROW')) return { kind: 'CurrentRow' };
  const offset = parseBinary(p, ADDITIVE);
  if (p.acceptWord('PRECEDING')) return { kind: 'Preceding', offset };
  p.expectWord('FOLLOWING', 'PRECEDING or FOLLOWING');
  return { kind: 'Following', offset };
}

export function parseOrderItems(p: Cursor): OrderItem[] {
  const items: OrderItem[] = [];
  do {
    const start = p.peek().start;
    const expr = parseExpression(p);
    const direction = p.acceptWord('ASC') ? 'ASC' : p.acceptWord('DESC') ? 'DESC' : undefined;
    const nulls = p.acceptWords('NULLS', 'FIRST') ? 'FIRST' : p.acceptWords('NULLS', 'LAST') ? 'LAST' : undefined;
    items.push({ expr, ...(direction === undefined ? {} : { direction }), ...(nulls === undefined ? {} : { nulls }), span: p.spanFrom(start) });
  } while (p.acceptOp(','));
  return items;
}

/** A `'…'` literal as written, without an `N` prefix. */
const isPlainString = (t: Token): boolean => t.kind === 'string' && t.text.charCodeAt(0) === 39;

/**
 * A string literal continued by more `'…'` fragments, each on a later line than the one before (Flink 1.20.1
 * joins them; on the same line it reports "String literal continued on same line" at the second fragment).
 */
function continuedString(p: Cursor, first: Token, start: SourcePosition): Expression {
  const fragments = continuation(p, first);
  return { kind: 'StringLiteral', value: fragments.join(''), fragments, span: p.spanFrom(start) };
}

/**
 * `X'…'` continued by `'…'` fragments on later lines: Flink 1.20.1's parser (Calcite's BINARY_STRING_LITERAL followed
 * by QUOTED_STRINGs, a LITERAL_CHAIN that SqlLiteral.unchain joins) reads `X'AB'` and `'CD'` on the next line as
 * BINARY(2) 0xABCD; each fragment is hexadecimal digits, and on the same line it is "String literal continued on
 * same line", as for character strings.
 */
function continuedBinary(p: Cursor, first: Token, start: SourcePosition): Expression {
  const fragments = continuation(p, first);
  for (let i = 1; i < fragments.length; i++) {
    const f = fragments[i]!;
    if (!/^[0-9a-fA-F]*$/.test(f) || f.length % 2 !== 0) {
      throw ParseError.of(SQL_TEXTS.impossibleLiteral({ kind: 'binaryFragment', fragment: f, first: first.value }), p.spanFrom(start));
    }
    fragments[i] = f.toUpperCase();
  }
  return { kind: 'BinaryLiteral', hex: fragments.join(''), fragments, span: p.spanFrom(start) };
}

/** `first`'s value and those of the `'…'` fragments continuing it on later lines. */
function continuation(p: Cursor, first: Token): string[] {
  const fragments = [first.value];
  let previous = first;
  while (isPlainString(p.peek())) {
    const t = p.peek();
    if (t.start.line === previous.end.line) {
      throw p.textAt(t, SQL_TEXTS.unexpectedToken({ kind: 'stringContinuedOnLine', fragment: t.value }));
    }
    fragments.push(p.next().value);
    previous = t;
  }
  return fragments;
}

/**
 * `U&'…'` (continued by `'…'` fragments on later lines, then `UESCAPE 'c'`), its escapes applied as Flink 1.20.1's
 * parser (Calcite's SqlLiteral.unescapeUnicode) applies them: the escape character (`\` unless UESCAPE names
 * another) doubled stands for itself, else the four characters after it are a hexadecimal UTF-16 unit (read as
 * Java's Integer.parseInt reads them: a leading '+' or '-' is taken, so `\+01F600` is U+001F then '600').
 */
function unicodeString(p: Cursor, first: Token, start: SourcePosition): Expression {
  const fragments = continuation(p, first);
  let escape: string | undefined;
  if (p.isWord('UESCAPE')) {
    p.next();
    const t = p.peek();
    const c = p.stringLiteral("the escape character in quotes, e.g. UESCAPE '!'");
    if (c.length !== 1) throw p.textAt(t, SQL_TEXTS.impossibleLiteral({ kind: 'uescapeLength', escape: c }));
    if (/[0-9a-fA-F\s+"]/.test(c)) throw p.textAt(t, SQL_TEXTS.impossibleLiteral({ kind: 'uescapeCharacter', escape: c }));
    escape = c;
  }
  const raw = fragments.join('');
  const esc = escape ?? '\\';
  let value = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c !== esc) {
      value += c;
      continue;
    }
    if (raw[i + 1] === esc) {
      value += esc;
      i++;
      continue;
    }
    const digits = raw.slice(i + 1, i + 5);
    if (digits.length !== 4 || !/^[+-]?[0-9a-fA-F]+$/.test(digits)) {
      throw ParseError.of(SQL_TEXTS.impossibleLiteral({ kind: 'unicodeEscape', at: i, escape: esc }), p.spanFrom(start));
    }
    value += String.fromCharCode(Number.parseInt(digits, 16) & 0xffff);
    i += 4;
  }
  return { kind: 'StringLiteral', value, fragments, unicode: escape === undefined ? {} : { escape }, span: p.spanFrom(start) };
}

/** The inside of `OVER (…)` or `WINDOW w AS (…)`, after the opening parenthesis. */
export function parseWindowSpec(p: Cursor): WindowSpec {
  const start = p.peek().start;
  const base = p.isIdentifier() && !p.isWord('PARTITION') && !p.isWord('ORDER') && !p.isWord('ROWS') && !p.isWord('RANGE') ? p.identifier() : undefined;
  const partitionBy: Expression[] = [];
  if (p.acceptWords('PARTITION', 'BY')) {
    do partitionBy.push(parseExpression(p));
    while (p.acceptOp(','));
  }
  const orderBy = p.acceptWords('ORDER', 'BY') ? parseOrderItems(p) : [];
  let frame: WindowFrame | undefined;
  if (p.isWord('ROWS') || p.isWord('RANGE')) {
    const unit = p.next().value.toUpperCase() as 'ROWS' | 'RANGE';
    if (p.acceptWord('BETWEEN')) {
      const s = parseFrameBound(p);
      p.expectWord('AND', 'AND in BETWEEN … AND …');
      frame = { unit, start: s, end: parseFrameBound(p) };
    } else frame = { unit, start: parseFrameBound(p) };
  }
  p.expectOp(')', "')' to close the window");
  return { ...(base === undefined ? {} : { base }), partitionBy, orderBy, ...(frame === undefined ? {} : { frame }), span: p.spanFrom(start) };
}

function parseCallTail(p: Cursor, call: FunctionCall, start: Span['start']): Expression {
  let c = call;
  if (p.acceptWords('WITHIN', 'GROUP')) {
    p.expectOp('(');
    p.expectWord('ORDER');
    p.expectWord('BY');
    c = { ...c, withinGroup: parseOrderItems(p) };
    p.expectOp(')');
  }
  if (p.acceptWord('FILTER')) {
    p.expectOp('(', "'(' after FILTER");
    p.expectWord('WHERE', 'WHERE in FILTER (WHERE …)');
    c = { ...c, filter: parseExpression(p) };
    p.expectOp(')');
  }
  if (p.acceptWord('OVER')) {
    if (p.acceptOp('(')) c = { ...c, over: parseWindowSpec(p) };
    else c = { ...c, over: p.identifier('a window name') };
  }
  return span(p, start, c);
}

function functionName(parts: readonly string[], quoted: boolean): string[] {
  const only = parts.length === 1 ? parts[0]! : undefined;
  return only !== undefined && !quoted && BUILTINS.has(only.toUpperCase()) ? [only.toUpperCase()] : [...parts];
}

function parsePrimary(p: Cursor): Expression {
  const t = p.peek();
  const start = t.start;
  switch (t.kind) {
    case 'number': {
      p.next();
      literal(p, start, numericLiteralProblem(t.text));
      return { kind: 'NumericLiteral', text: t.text.indexOf('e') === -1 ? t.text : t.text.replace('e', 'E'), span: p.spanFrom(start) };
    }
    case 'string':
      p.next();
      return p.peek().kind === 'string' && isPlainString(t) ? continuedString(p, t, start) : { kind: 'StringLiteral', value: t.value, span: p.spanFrom(start) };
    case 'unicode':
      p.next();
      return unicodeString(p, t, start);
    case 'binary':
      p.next();
      return isPlainString(p.peek()) ? continuedBinary(p, t, start) : { kind: 'BinaryLiteral', hex: t.value, span: p.spanFrom(start) };
    case 'op':
      if (t.value === '(') return parseParenthesised(p, start);
      if (t.value === '?') throw p.textAt(t, SQL_TEXTS.unexpectedToken({ kind: 'parameterMarker' }));
      throw p.unexpected('an expression');
    case 'quoted':
      return parseIdentifierExpression(p);
    case 'word':
      // A call `name(…)` goes straight to its parser: the fewer frames per nesting level, the deeper it parses.
      if (p.isOp('(', 1) && !WORDS_BEFORE_PARENTHESIS.has(upperWord(t.value))) return parseIdentifierExpression(p);
      return parseWordPrimary(p, t, start);
    default:
      throw p.unexpected('an expression');
  }
}

/** Words that start their own construct before a '(' (not a function call). */
const WORDS_BEFORE_PARENTHESIS: ReadonlySet<string> = new Set(['ROW', 'EXISTS']);

/** `( expr )`, a row `(a, b)` or a scalar sub-query `(SELECT …)`. */
function parseParenthesised(p: Cursor, start: Span['start']): Expression {
  p.next();
  if (startsQuery(p)) {
    const query = parseQuery(p);
    p.expectOp(')');
    return { kind: 'ScalarSubquery', query, span: p.spanFrom(start) };
  }
  const first = parseBinary(p, OR);
  if (p.acceptOp(',')) {
    const fields = [first];
    do fields.push(parseExpression(p));
    while (p.acceptOp(','));
    p.expectOp(')');
    return { kind: 'RowConstructor', fields, explicit: false, span: p.spanFrom(start) };
  }
  p.expectOp(')', "')'");
  return first;
}

/** A primary that starts with a word: literals (TRUE, DATE '…', INTERVAL …), CASE, EXISTS, constructors, names. */
function parseWordPrimary(p: Cursor, t: Token, start: Span['start']): Expression {
  const word = upperWord(t.value);
  switch (word) {
    case 'TRUE':
    case 'FALSE':
      p.next();
      return { kind: 'BooleanLiteral', value: word === 'TRUE', span: p.spanFrom(start) };
    case 'NULL':
      p.next();
      return { kind: 'NullLiteral', span: p.spanFrom(start) };
    case 'UNKNOWN':
      p.next();
      return { kind: 'NullLiteral', span: p.spanFrom(start) };
    case 'DATE':
    case 'TIME':
    case 'TIMESTAMP':
    case 'TIMESTAMP_LTZ':
      if (p.peek(1).kind === 'string') {
        p.next();
        const value = p.next().value;
        literal(p, start, temporalLiteralProblem(word, value));
        return { kind: 'TemporalLiteral', type: word, value, span: p.spanFrom(start) };
      }
      break;
    case 'INTERVAL': {
      p.next();
      const negative = p.acceptOp('-');
      if (!negative) p.acceptOp('+');
      const valueToken = p.peek();
      if (valueToken.kind !== 'string') {
        throw p.unexpected("a quoted interval value such as '10'", `write INTERVAL '${valueToken.kind === 'number' ? valueToken.text : '10'}' SECOND`);
      }
      p.next();
      const qualifier = parseIntervalQualifier(p);
      literal(p, start, intervalLiteralProblem(valueToken.value, qualifier));
      return { kind: 'IntervalLiteral', negative, value: valueToken.value, qualifier, span: p.spanFrom(start) };
    }
    case 'CASE':
      return parseCase(p, start);
    case 'EXISTS': {
      p.next();
      p.expectOp('(');
      const query = parseQuery(p);
      p.expectOp(')');
      return { kind: 'Exists', query, span: p.spanFrom(start) };
    }
    case 'NOT':
      if (p.isWord('EXISTS', 1)) {
        p.next();
        return { kind: 'Unary', op: 'NOT', operand: parsePrimary(p), span: p.spanFrom(start) };
      }
      break;
    case 'ARRAY':
      if (p.isOp('[', 1)) {
        p.next(); p.next();
        const elements: Expression[] = [];
        if (!p.isOp(']')) {
          do elements.push(parseExpression(p));
          while (p.acceptOp(','));
        }
        p.expectOp(']', "',' or ']'");
        return { kind: 'ArrayConstructor', elements, span: p.spanFrom(start) };
      }
      break;
    case 'MAP':
      if (p.isOp('[', 1)) {
        p.next(); p.next();
        const entries: { key: Expression; value: Expression }[] = [];
        if (!p.isOp(']')) {
          do {
            const key = parseExpression(p);
            p.expectOp(',', "',' between a MAP key and its value");
            entries.push({ key, value: parseExpression(p) });
          } while (p.acceptOp(','));
        }
        p.expectOp(']', "',' or ']'");
        return { kind: 'MapConstructor', entries, span: p.spanFrom(start) };
      }
      break;
    case 'ROW':
      if (p.isOp('(', 1)) {
        p.next(); p.next();
        const fields: Expression[] = [];
        if (!p.isOp(')')) {
          do fields.push(parseExpression(p));
          while (p.acceptOp(','));
        }
        p.expectOp(')');
        return { kind: 'RowConstructor', fields, explicit: true, span: p.spanFrom(start) };
      }
      break;
    case 'MATCH_RECOGNIZE':
      throw p.textAt(t, SQL_TEXTS.notReadYet({ kind: 'matchRecognizeExpression' }));
    default:
      break;
  }
  if (SQL_NILADIC_KEYWORDS.has(word) && !p.isOp('(', 1)) {
    p.next();
    return { kind: 'ColumnRef', name: t.value, span: p.spanFrom(start) };
  }
  if (NILADIC_FUNCTIONS.has(word) && !p.isOp('(', 1)) {
    p.next();
    return { kind: 'FunctionCall', name: [word], args: [], span: p.spanFrom(start) };
  }
  return parseIdentifierExpression(p);
}

/** `CASE [x] WHEN … THEN … [ELSE …] END`. */
function parseCase(p: Cursor, start: Span['start']): Expression {
  p.open(p.next());
  const operand = p.isWord('WHEN') ? undefined : parseExpression(p);
  const whens: { when: Expression; then: Expression }[] = [];
  const lists: Expression[][] = [];
  while (p.acceptWord('WHEN')) {
    const values = [parseExpression(p)];
    while (operand !== undefined && p.acceptOp(',')) values.push(parseExpression(p));
    p.expectWord('THEN', 'THEN after WHEN …');
    lists.push(values);
    whens.push({ when: values[0]!, then: parseExpression(p) });
  }
  if (whens.length === 0) throw p.unexpected('WHEN');
  const elseExpr = p.acceptWord('ELSE') ? parseExpression(p) : undefined;
  p.expectWord('END', 'END to close CASE');
  p.close();
  const elsePart = elseExpr === undefined ? {} : { else: elseExpr };
  // `CASE x WHEN 1, 2 THEN …`: the further values stay with their WHEN (never a copy of `x` per value).
  const withLists = whens.map((w, i) => (lists[i]!.length > 1 ? { when: w.when, extraValues: lists[i]!.slice(1), then: w.then } : w));
  return { kind: 'Case', ...(operand === undefined ? {} : { operand }), whens: withLists, ...elsePart, span: p.spanFrom(start) };
}

/** MATCH_RECOGNIZE's navigation (reserved words that are calls inside MEASURES and DEFINE; the binder checks where). */
const MATCH_NAVIGATION: ReadonlySet<string> = new Set(['PREV', 'NEXT', 'FIRST', 'LAST']);

/** A column reference, a qualified column / field access, or a function call. */
function parseIdentifierExpression(p: Cursor): Expression {
  const first = p.peek();
  const start = first.start;
  // Function call: name(…) — reserved built-in names (COUNT, UPPER, …) are allowed here.
  if (p.isOp('(', 1) && (first.kind === 'quoted' || first.kind === 'word')) {
    p.next();
    p.next();
    const upper = upperWord(first.value);
    if (first.kind === 'word') {
      const special = parseSpecialForm(p, upper, start);
      if (special !== undefined) return special;
    }
    if (first.kind === 'word' && isReserved(first.value) && !BUILTINS.has(upper) && !MATCH_NAVIGATION.has(upper)) {
      throw ParseError.of(SQL_TEXTS.reservedWord({ word: first.value, function: true }), { start, end: first.end });
    }
    return parseCall(p, functionName([first.value], first.kind === 'quoted'), start);
  }
  const name = p.identifier('a column name');
  // The common case, a bare column name: no list of parts.
  if (!p.isOp('.')) return { kind: 'ColumnRef', name, span: p.spanFrom(start) };
  const parts = [name];
  while (p.isOp('.') && (p.peek(1).kind === 'word' || p.peek(1).kind === 'quoted' || p.isOp('*', 1))) {
    if (p.isOp('*', 1)) break; // `t.*` is handled by the select list
    p.next();
    if (p.isOp('(', 1)) {
      // catalog.db.fn(…)
      const last = p.identifier('a function name');
      p.next();
      return parseCall(p, [...parts, last], start);
    }
    parts.push(p.identifier('a column or field name'));
  }
  let e: Expression = parts.length === 1
    ? { kind: 'ColumnRef', name: parts[0]!, span: p.spanFrom(start) }
    : { kind: 'ColumnRef', table: parts[0]!, name: parts[1]!, span: p.spanFrom(start) };
  for (let i = 2; i < parts.length; i++) e = { kind: 'FieldAccess', operand: e, field: parts[i]!, span: p.spanFrom(start) };
  return e;
}

function parseCall(p: Cursor, name: string[], start: Span['start']): Expression {
  if (p.acceptOp('*')) {
    p.expectOp(')');
    return parseCallTail(p, { kind: 'FunctionCall', name, args: [], star: true }, start);
  }
  const distinct = p.acceptWord('DISTINCT');
  if (!distinct) p.acceptWord('ALL');
  const args: Expression[] = [];
  if (!p.acceptOp(')')) {
    do args.push(parseArgument(p));
    while (p.acceptOp(','));
  }
  // ARRAY_AGG(x RESPECT NULLS | IGNORE NULLS)
  const nulls = args.length > 0 && (p.isWord('RESPECT') || p.isWord('IGNORE')) && p.isWord('NULLS', 1) ? (p.next().value.toUpperCase() as 'RESPECT' | 'IGNORE') : undefined;
  if (nulls) p.expectWord('NULLS');
  if (args.length > 0 || nulls) p.expectOp(')', "',' or ')' in the argument list");
  return parseCallTail(p, { kind: 'FunctionCall', name, args, ...(distinct ? { distinct: true } : {}), ...(nulls ? { nulls } : {}) }, start);
}

/** `NULL ON NULL` / `ABSENT ON NULL` at the end of JSON_OBJECTAGG / JSON_ARRAYAGG. */
function jsonAggOnNull(p: Cursor): JsonOnNull | undefined {
  if (!((p.isWord('NULL') || p.isWord('ABSENT')) && p.isWord('ON', 1))) return undefined;
  const v = p.next().value.toUpperCase() as JsonOnNull;
  p.expectWord('ON');
  p.expectWord('NULL');
  return v;
}
