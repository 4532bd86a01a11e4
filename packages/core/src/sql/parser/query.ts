/** Query grammar: WITH, SELECT, VALUES, set operations, FROM items and joins, ORDER BY / LIMIT. */
import type { Expression, FunctionCall } from '../../ast/expression.js';
import type {
  GroupingElement, Hint, JoinType, NamedWindow, Query, Relation, Select, SelectItem, TableRef,
} from '../../ast/query.js';
import type { SourcePosition } from '../../ast/node.js';
import type { Cursor } from './cursor.js';
import { Cursor as HintCursor, ParseError } from './cursor.js';
import { parseExpression, parseOrderItems, parseWindowSpec } from './expression.js';
import { isReserved, upperWord } from './keywords.js';
import { parseMatchRecognize } from './match-recognize.js';
import type { Token } from './lexer.js';
import { tokenize } from './lexer.js';
import { SQL_TEXTS } from '../codes.js';

export function startsQuery(p: Cursor): boolean {
  return p.isWord('SELECT') || p.isWord('WITH') || p.isWord('VALUES') || (p.isOp('(') && (p.isWord('SELECT', 1) || p.isWord('WITH', 1) || p.isWord('VALUES', 1)));
}

export function parseQuery(p: Cursor): Query {
  const start = p.peek().start;
  if (p.acceptWord('WITH')) {
    const ctes: { name: string; columns?: string[]; query: Query }[] = [];
    do {
      const name = p.identifier('a CTE name');
      const columns = p.isOp('(') ? identifierList(p) : undefined;
      p.expectWord('AS', 'AS in WITH name AS (…)');
      p.expectOp('(');
      const query = parseQuery(p);
      p.expectOp(')');
      ctes.push({ name, ...(columns === undefined ? {} : { columns }), query });
    } while (p.acceptOp(','));
    const body = parseQuery(p);
    return { kind: 'With', ctes, body, span: p.spanFrom(start) };
  }
  let body = parseUnion(p);
  const orderBy = p.acceptWords('ORDER', 'BY') ? parseOrderItems(p) : undefined;
  let limit: Expression | undefined;
  let offset: Expression | undefined;
  if (p.acceptWord('LIMIT')) {
    // Flink's grammar takes an unsigned integer here, not an expression: LIMIT -1 / LIMIT 'x' are errors.
    const t = p.peek();
    if (!(t.kind === 'number' && /^\d+$/.test(t.text))) throw p.unexpected('a non-negative whole number after LIMIT', 'write LIMIT 10');
    limit = parseExpression(p);
  }
  if (p.acceptWord('OFFSET')) {
    offset = parseExpression(p);
    if (!p.acceptWord('ROWS')) p.acceptWord('ROW');
  }
  if (p.acceptWord('FETCH')) {
    if (!p.acceptWord('FIRST')) p.expectWord('NEXT', 'FIRST or NEXT');
    limit = parseExpression(p);
    if (!p.acceptWord('ROWS')) p.expectWord('ROW');
    p.expectWord('ONLY');
  }
  if (orderBy !== undefined || limit !== undefined || offset !== undefined) {
    if (body.kind === 'Select' || body.kind === 'SetOperation') {
      if (body.orderBy !== undefined || body.limit !== undefined) {
        body = { kind: 'Select', distinct: false, items: [{ kind: 'SelectStar' }], from: { kind: 'SubqueryRelation', query: body } };
      }
      body = { ...body, ...(orderBy === undefined ? {} : { orderBy }), ...(limit === undefined ? {} : { limit }), ...(offset === undefined ? {} : { offset }) } as Query;
    } else {
      throw p.unexpected('a query that ORDER BY / LIMIT can apply to');
    }
  }
  return body.span === undefined ? { ...body, span: p.spanFrom(start) } : body;
}

function parseUnion(p: Cursor): Query {
  const start = p.peek().start;
  let left = parseIntersect(p);
  for (;;) {
    const op = p.acceptWord('UNION') ? 'UNION' : p.acceptWord('EXCEPT') || p.acceptWord('MINUS') ? 'EXCEPT' : undefined;
    if (op === undefined) return left;
    const all = p.acceptWord('ALL');
    if (!all) p.acceptWord('DISTINCT');
    left = { kind: 'SetOperation', op, all, left, right: parseIntersect(p), span: p.spanFrom(start) };
  }
}

function parseIntersect(p: Cursor): Query {
  const start = p.peek().start;
  let left = parseQueryPrimary(p);
  while (p.acceptWord('INTERSECT')) {
    const all = p.acceptWord('ALL');
    if (!all) p.acceptWord('DISTINCT');
    left = { kind: 'SetOperation', op: 'INTERSECT', all, left, right: parseQueryPrimary(p), span: p.spanFrom(start) };
  }
  return left;
}

function parseQueryPrimary(p: Cursor): Query {
  const start = p.peek().start;
  if (p.acceptOp('(')) {
    const q = parseQuery(p);
    p.expectOp(')');
    return q;
  }
  if (p.acceptWord('VALUES')) {
    const rows: Expression[][] = [];
    do {
      p.expectOp('(', "'(' to start a VALUES row");
      const row = [parseExpression(p)];
      while (p.acceptOp(',')) row.push(parseExpression(p));
      p.expectOp(')');
      rows.push(row);
    } while (p.acceptOp(','));
    return { kind: 'Values', rows, span: p.spanFrom(start) };
  }
  if (p.isWord('SELECT')) return parseSelect(p);
  throw p.unexpected('SELECT, VALUES, WITH or a parenthesised query');
}

/**
 * The hints of a hint token `/*+ OPTIONS('k'='v'), BROADCAST(t) *\/`. Errors point into the hint, at the line
 * and column of the script.
 */
export function parseHintBody(token: Token): Hint[] {
  const raw = token.text.slice(3, -2);
  const shift = (pos: SourcePosition): SourcePosition => ({
    line: token.start.line + pos.line - 1,
    column: pos.line === 1 ? token.start.column + 3 + pos.column - 1 : pos.column,
    offset: token.start.offset + 3 + pos.offset,
  });
  const { tokens, error } = tokenize(raw);
  if (error !== undefined) {
    const at = shift(error.start);
    const problem = error.problem.kind === 'unterminated' ? { ...error.problem, line: at.line, column: at.column } : error.problem;
    throw ParseError.of(SQL_TEXTS.syntaxError(problem), { start: at, end: shift(error.end) });
  }
  const p = new HintCursor(tokens.filter((t) => t.kind !== 'comment'), []);
  if (p.atEnd()) throw ParseError.of(SQL_TEXTS.unexpectedToken({ kind: 'emptyHint' }), { start: token.start, end: token.end });
  try {
    const hints: Hint[] = [];
    while (!p.atEnd()) {
      if (p.peek().kind !== 'word') throw p.unexpected('a hint name such as OPTIONS');
      const name = p.next().value.toUpperCase();
      if (p.acceptOp('(')) {
        if (p.peek().kind === 'string') {
          const options: { key: string; value: string }[] = [];
          do {
            const key = p.stringLiteral('an option key');
            p.expectOp('=', `'=' after hint option key '${key}'`);
            options.push({ key, value: p.stringLiteral('an option value') });
          } while (p.acceptOp(','));
          p.expectOp(')', "',' or ')' in the hint options");
          hints.push({ name, options });
        } else {
          const args: string[] = [];
          if (!p.isOp(')')) {
            do {
              const t = p.peek();
              if (t.kind !== 'word' && t.kind !== 'quoted') throw p.unexpected('a hint argument (a name)');
              args.push(p.next().value);
            } while (p.acceptOp(','));
          }
          p.expectOp(')', "',' or ')' in the hint arguments");
          hints.push({ name, args });
        }
      } else hints.push({ name });
      if (!p.acceptOp(',') && !p.atEnd()) throw p.unexpected("',' between hints");
    }
    return hints;
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    throw new ParseError(e.message, { start: shift(e.span.start), end: shift(e.span.end) }, e.hint, e.code);
  }
}

function acceptHints(p: Cursor): Hint[] | undefined {
  const t = p.peek();
  if (t.kind !== 'hint') return undefined;
  p.next();
  return parseHintBody(t);
}

function parseSelect(p: Cursor): Select {
  const start = p.peek().start;
  p.expectWord('SELECT');
  const hints = acceptHints(p);
  const distinct = p.acceptWord('DISTINCT');
  if (!distinct) p.acceptWord('ALL');
  const items: SelectItem[] = [];
  for (let more = true; more; ) {
    const item = parseSelectItem(p);
    more = p.acceptOp(',');
    const trailing = p.takeTrailingComments();
    items.push(trailing.length === 0 ? item : { ...item, comments: [...(item.comments ?? []), ...trailing] });
  }
  const from = p.acceptWord('FROM') ? parseFrom(p) : undefined;
  const where = p.acceptWord('WHERE') ? parseExpression(p) : undefined;
  let groupBy: GroupingElement[] | undefined;
  if (p.acceptWords('GROUP', 'BY')) {
    groupBy = [];
    do groupBy.push(parseGroupingElement(p));
    while (p.acceptOp(','));
  }
  const having = p.acceptWord('HAVING') ? parseExpression(p) : undefined;
  let windows: NamedWindow[] | undefined;
  if (p.acceptWord('WINDOW')) {
    windows = [];
    do {
      const name = p.identifier('a window name');
      p.expectWord('AS');
      p.expectOp('(');
      windows.push({ name, spec: parseWindowSpec(p) });
    } while (p.acceptOp(','));
  }
  if (p.isWord('MATCH_RECOGNIZE')) throw p.textAt(p.peek(), SQL_TEXTS.unexpectedToken({ kind: 'matchRecognizePlacement' }));
  // The common shapes as one literal each (same keys, same order): the spreads below make and throw away an object
  // per optional clause, for every SELECT.
  if (hints === undefined && groupBy === undefined && having === undefined && windows === undefined && from !== undefined) {
    return where === undefined ? { kind: 'Select', distinct, items, from, span: p.spanFrom(start) } : { kind: 'Select', distinct, items, from, where, span: p.spanFrom(start) };
  }
  return {
    kind: 'Select',
    ...(hints === undefined ? {} : { hints }),
    distinct,
    items,
    ...(from === undefined ? {} : { from }),
    ...(where === undefined ? {} : { where }),
    ...(groupBy === undefined ? {} : { groupBy }),
    ...(having === undefined ? {} : { having }),
    ...(windows === undefined ? {} : { windows }),
    span: p.spanFrom(start),
  };
}

function parseGroupingElement(p: Cursor): GroupingElement {
  if (p.acceptWords('GROUPING', 'SETS')) {
    p.expectOp('(');
    const sets: Expression[][] = [];
    do {
      if (p.acceptOp('(')) {
        const set: Expression[] = [];
        if (!p.isOp(')')) {
          do set.push(parseExpression(p));
          while (p.acceptOp(','));
        }
        p.expectOp(')');
        sets.push(set);
      } else sets.push([parseExpression(p)]);
    } while (p.acceptOp(','));
    p.expectOp(')');
    return { kind: 'GroupingSets', sets };
  }
  for (const kind of ['Rollup', 'Cube'] as const) {
    if (p.isWord(kind.toUpperCase()) && p.isOp('(', 1)) {
      p.next(); p.next();
      const exprs: Expression[] = [];
      do exprs.push(parseExpression(p));
      while (p.acceptOp(','));
      p.expectOp(')');
      return { kind, exprs };
    }
  }
  return parseExpression(p);
}

function parseSelectItem(p: Cursor): SelectItem {
  const start = p.peek().start;
  const comments = p.takeComments(start.offset);
  if (p.acceptOp('*')) return withComments({ kind: 'SelectStar', span: p.spanFrom(start) }, comments);
  if ((p.peek().kind === 'word' || p.peek().kind === 'quoted') && p.isOp('.', 1) && p.isOp('*', 2)) {
    const table = p.identifier('a table name');
    p.next(); p.next();
    return withComments({ kind: 'SelectStar', table, span: p.spanFrom(start) }, comments);
  }
  const expr = parseExpression(p);
  const alias = parseAlias(p);
  const span = p.spanFrom(start);
  return withComments(alias === undefined ? { kind: 'SelectExpr', expr, span } : { kind: 'SelectExpr', expr, alias, span }, comments);
}

/** `item` with the comments written before it (a module function, not a closure per item). */
function withComments<T extends SelectItem>(item: T, comments: readonly string[]): T {
  return comments.length === 0 ? item : { ...item, comments };
}

/** `[AS] alias`; without AS only a non-reserved word or quoted identifier is an alias. */
function parseAlias(p: Cursor): string | undefined {
  if (p.acceptWord('AS')) return p.identifier('an alias');
  const t = p.peek();
  if (t.kind === 'quoted' || (t.kind === 'word' && !isReserved(t.value) && !NOT_ALIAS.has(upperWord(t.value)))) return p.identifier('an alias');
  return undefined;
}

/** Non-reserved words that still cannot start an alias where they follow a FROM item. */
const NOT_ALIAS = new Set(['WINDOW', 'LIMIT', 'OFFSET', 'FETCH', 'MATCH_RECOGNIZE']);

function identifierList(p: Cursor): string[] {
  p.expectOp('(');
  const names: string[] = [];
  do names.push(p.identifier('a column name'));
  while (p.acceptOp(','));
  p.expectOp(')', "',' or ')'");
  return names;
}

function aliasWithColumns(p: Cursor): { alias?: string; columnAliases?: string[] } {
  const alias = parseAlias(p);
  if (alias === undefined) return {};
  return p.isOp('(') ? { alias, columnAliases: identifierList(p) } : { alias };
}

function parseFrom(p: Cursor): Relation {
  const start = p.peek().start;
  let left = parseFromItem(p);
  for (;;) {
    if (p.acceptOp(',')) {
      left = { kind: 'Join', type: 'CROSS', left, right: parseFromItem(p), comma: true, span: p.spanFrom(start) };
      continue;
    }
    let type: JoinType | undefined;
    if (p.isWord('NATURAL')) throw p.textAt(p.peek(), SQL_TEXTS.notReadYet({ kind: 'naturalJoin' }));
    if (p.acceptWords('CROSS', 'JOIN')) type = 'CROSS';
    else if (p.acceptWords('INNER', 'JOIN') || p.acceptWord('JOIN')) type = 'INNER';
    else if (p.acceptWords('LEFT', 'OUTER', 'JOIN') || p.acceptWords('LEFT', 'JOIN')) type = 'LEFT';
    else if (p.acceptWords('RIGHT', 'OUTER', 'JOIN') || p.acceptWords('RIGHT', 'JOIN')) type = 'RIGHT';
    else if (p.acceptWords('FULL', 'OUTER', 'JOIN') || p.acceptWords('FULL', 'JOIN')) type = 'FULL';
    if (type === undefined) return left;
    const right = parseFromItem(p);
    let on: Expression | undefined;
    let using: string[] | undefined;
    if (type !== 'CROSS') {
      if (p.acceptWord('ON')) on = parseExpression(p);
      else if (p.acceptWord('USING')) using = identifierList(p);
      else throw p.unexpected(`ON or USING after ${type} JOIN`);
    }
    left = { kind: 'Join', type, left, right, ...(on === undefined ? {} : { on }), ...(using === undefined ? {} : { using }), span: p.spanFrom(start) };
  }
}

/** `[catalog.][db.]table [/*+ hints *\/] [FOR SYSTEM_TIME AS OF expr] [[AS] alias]`. */
export function parseTableReference(p: Cursor, withAlias = true): TableRef {
  const start = p.peek().start;
  const path = p.path('a table name');
  const hints = acceptHints(p);
  let forSystemTimeAsOf: Expression | undefined;
  if (p.acceptWords('FOR', 'SYSTEM_TIME')) {
    p.expectWord('AS');
    p.expectWord('OF', 'AS OF');
    forSystemTimeAsOf = parseExpression(p);
  }
  const alias = withAlias ? parseAlias(p) : undefined;
  // The common case as one literal: each `...(x === undefined ? {} : { x })` is an object made and thrown away.
  if (alias === undefined && hints === undefined && forSystemTimeAsOf === undefined) return { kind: 'TableRef', path, span: p.spanFrom(start) };
  return {
    kind: 'TableRef',
    path,
    ...(alias === undefined ? {} : { alias }),
    ...(hints === undefined ? {} : { hints }),
    ...(forSystemTimeAsOf === undefined ? {} : { forSystemTimeAsOf }),
    span: p.spanFrom(start),
  };
}

function parseFromItem(p: Cursor): Relation {
  const start = p.peek().start;
  const lateral = p.acceptWord('LATERAL');
  if (p.isWord('TABLE') && p.isOp('(', 1)) {
    p.next(); p.next();
    const call = parseExpression(p);
    if (call.kind !== 'FunctionCall') throw p.unexpected('a table function call inside TABLE(…)');
    p.expectOp(')');
    return { kind: 'TableFunction', call: call as FunctionCall, lateral, ...aliasWithColumns(p), span: p.spanFrom(start) };
  }
  if (p.isWord('UNNEST') && p.isOp('(', 1)) {
    p.next(); p.next();
    const args = [parseExpression(p)];
    while (p.acceptOp(',')) args.push(parseExpression(p));
    p.expectOp(')');
    const withOrdinality = p.acceptWords('WITH', 'ORDINALITY');
    return { kind: 'Unnest', args, withOrdinality, ...aliasWithColumns(p), span: p.spanFrom(start) };
  }
  if (p.isOp('(')) {
    if (startsQuery(p)) {
      p.next();
      const query = parseQuery(p);
      p.expectOp(')');
      const sub: Relation = { kind: 'SubqueryRelation', query, ...aliasWithColumns(p), ...(lateral ? { lateral: true } : {}), span: p.spanFrom(start) };
      return withMatchRecognize(p, sub, start);
    }
    p.next();
    const inner = parseFrom(p);
    p.expectOp(')');
    return inner;
  }
  if (lateral) throw p.unexpected('TABLE(…) or a sub-query after LATERAL');
  return withMatchRecognize(p, parseTableReference(p), start);
}

/** `item MATCH_RECOGNIZE (…) [[AS] alias [(c1, …)]]` (match-recognize.ts), or `item` itself. */
function withMatchRecognize(p: Cursor, item: Relation, start: SourcePosition): Relation {
  if (!p.isWord('MATCH_RECOGNIZE')) return item;
  const body = parseMatchRecognize(p, item);
  return { ...body, ...aliasWithColumns(p), span: p.spanFrom(start) };
}
