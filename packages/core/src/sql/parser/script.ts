/**
 * Entry points: a whole script (statements separated by `;`, each statement's first error reported and the
 * rest of the script still parsed), a single statement, query, expression or data type.
 */
import { checkTextEntry } from '../../diagnostics/arguments.js';
import type { Expression } from '../../ast/expression.js';
import type { Span } from '../../ast/node.js';
import type { Query } from '../../ast/query.js';
import type { Script, Statement } from '../../ast/statement.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { textFields } from '../../diagnostics/code-table.js';
import type { DataType } from '../../types/data-type.js';
import { Cursor, ParseError, describe } from './cursor.js';
import { parseType } from './data-type.js';
import { parseExpression as expression } from './expression.js';
import type { LexError, Token } from './lexer.js';
import { LEX_START, tokenize } from './lexer.js';
import { parseQuery as query } from './query.js';
import { parseStatementBody } from './statement.js';
import { SQL_TEXTS } from '../codes.js';
import { isStackOverflow } from '../../diagnostics/stack-overflow.js';

export interface ParseOptions {
  /** The file name diagnostics report. */
  readonly file?: string;
}

/** `{ [key]: node or undefined when it could not be parsed, diagnostics }`. */
export type ParseResult<K extends string, T> = { readonly [P in K]: T | undefined } & { readonly diagnostics: readonly Diagnostic[] };

function diagnostic(e: ParseError, file: string | undefined): Diagnostic {
  return { code: e.code, severity: 'error', message: e.message, ...(e.hint === undefined ? {} : { hint: e.hint }), span: e.span, ...(file === undefined ? {} : { file }) };
}

/** Parse errors pass through; running out of stack (absurdly deep nesting) becomes a diagnostic too. */
function asParseError(e: unknown, first: Token): ParseError {
  if (e instanceof ParseError) return e;
  if (isStackOverflow(e)) {
    return ParseError.of(SQL_TEXTS.nestedTooDeep({ stack: true }), { start: first.start, end: first.end });
  }
  throw e;
}

function lexError(error: LexError, file: string | undefined): Diagnostic {
  return { ...textFields(SQL_TEXTS.syntaxError(error.problem)), severity: 'error', span: { start: error.start, end: error.end }, ...(file === undefined ? {} : { file }) };
}

function lex(text: string, file: string | undefined): { cursor?: Cursor; diagnostics: Diagnostic[] } {
  const { tokens, error } = tokenize(text);
  if (error !== undefined) return { diagnostics: [lexError(error, file)] };
  return { cursor: new Cursor(tokens, []), diagnostics: [] };
}

/**
 * Tokens lexed per slice of a script (see `tokenize`). Small, so a slice's tokens die in the young generation: with
 * 2,048 the slice outlived two scavenges while the checker worked through its ~100 statements and was promoted, and
 * `check` of a 10 MB script spent about a third of its time in the garbage collector.
 */
const SLICE = 256;

/**
 * A cursor that lexes `text` a slice at a time as the parser reaches it; `error()` is the lexer's error once one
 * was met (the cursor then sees the end of the input there).
 */
function lazyCursor(text: string, tap: (tokens: Token[]) => Token[]): { cursor: Cursor; error: () => LexError | undefined } {
  let error: LexError | undefined;
  let state = LEX_START;
  const slice = (): Token[] => {
    const r = tokenize(text, state, SLICE);
    state = r.state;
    if (r.error === undefined) return tap(r.tokens);
    error = r.error;
    return tap([...r.tokens, { kind: 'eof', value: '', text: '', start: r.error.start, end: r.error.start }]);
  };
  const first = slice();
  const cursor = new Cursor(first, [], () => (error === undefined ? slice() : undefined));
  return { cursor, error: () => error };
}

/**
 * `body` (just built by the parser, not shared yet) with its comments and span — the same node as
 * `{ ...body, comments, span }`, without copying it (a long script holds one per statement).
 */
function finish(body: Statement, comments: readonly string[], span: Span): Statement {
  const node = body as { comments?: readonly string[]; span?: Span };
  if (comments.length > 0) node.comments = comments;
  node.span = span;
  return body;
}

/** Skip to just after the next top-level `;` (or the end), to resume after an error. */
function recover(p: Cursor): void {
  let depth = 0;
  let inSet = false;
  while (!p.atEnd()) {
    const t = p.skip();
    if (t.kind === 'word' && t.value.toUpperCase() === 'BEGIN') inSet = true;
    if (t.kind === 'word' && t.value.toUpperCase() === 'END' && inSet) inSet = false;
    if (t.kind === 'op' && t.value === '(') depth++;
    if (t.kind === 'op' && t.value === ')') depth = Math.max(0, depth - 1);
    if (t.kind === 'op' && t.value === ';' && depth === 0 && !inSet) return;
  }
}

/**
 * A Flink SQL script read one statement at a time (`next()`), so a caller that handles each statement as it comes
 * (`checkSql`) never holds the whole script's tree. Every statement's first error is reported in `diagnostics`;
 * reading continues after it. A text that does not lex has no statements: read to the end, then `lexError()`.
 */
export class ScriptReader {
  readonly diagnostics: Diagnostic[] = [];
  private readonly p: Cursor;
  private readonly error: () => LexError | undefined;

  /**
   * `tap` sees every slice of tokens as it is lexed (comments and the final 'eof' included) and gives the parser
   * what it should read — `fmt` keeps the tokens it needs and hands on the ones that are not comments.
   */
  constructor(text: string, private readonly options: ParseOptions = {}, tap: (tokens: Token[]) => Token[] = (tokens) => tokens) {
    const { cursor, error } = lazyCursor(text, tap);
    this.p = cursor;
    this.error = error;
  }

  /** The next statement that parsed, or `undefined` at the end of the script. */
  next(): Statement | undefined {
    const p = this.p;
    while (!p.atEnd()) {
      if (p.acceptOp(';')) continue;
      const first = p.peek();
      p.resetNesting();
      const comments = p.takeComments(first.start.offset);
      let statement: Statement | undefined;
      try {
        const body = parseStatementBody(p);
        if (!p.atEnd() && !p.isOp(';')) throw p.unexpected("';' or the end of the statement", `missing ';' before ${describe(p.peek())}?`);
        const span = p.spanFrom(first.start);
        p.acceptOp(';');
        // Comments inside the statement that no clause kept, and a comment after its ';' on the same line, are
        // moved before it, never dropped.
        const inner = p.takeComments(p.lastEnd().offset);
        const trailing = p.takeTrailingComments();
        // (No arrays when the statement has no comment, most have none.)
        const all = comments.length + p.statementComments.length + inner.length + trailing.length === 0 ? comments : [...comments, ...p.statementComments.splice(0), ...inner, ...trailing];
        if (p.deferred.length === 0) statement = finish(body, all, span);
      } catch (e) {
        p.deferred.push(asParseError(e, first));
        p.statementComments.length = 0;
        recover(p);
        p.takeComments(p.lastEnd().offset);
      }
      if (p.deferred.length > 0) for (const e of p.deferred.splice(0)) this.diagnostics.push(diagnostic(e, this.options.file));
      p.release();
      if (statement !== undefined) return statement;
    }
    return undefined;
  }

  /** Once `next()` has returned `undefined`: the lexer's error when the text does not lex. */
  lexError(): Diagnostic | undefined {
    const lexed = this.error();
    return lexed === undefined ? undefined : lexError(lexed, this.options.file);
  }

  /** Once `next()` has returned `undefined`: the comments after the last statement. */
  trailingComments(): string[] {
    return this.p.takeComments(Number.MAX_SAFE_INTEGER);
  }

  /** The values of every comment the lexer found so far, in source order. */
  get comments(): readonly string[] {
    return this.p.commentValues;
  }
}

/**
 * Parse a Flink SQL script. Every statement's first error is reported; parsing continues after it. `comments` are
 * the values of every comment the lexer found, in source order, wherever (or whether) the parse attached them —
 * what `fmt` compares to prove a round trip kept them all (empty when the text does not lex).
 */
export function parseScript(text: string, options: ParseOptions = {}): { readonly script: Script; readonly diagnostics: readonly Diagnostic[]; readonly comments: readonly string[] } {
  checkTextEntry('parseScript()', text, options);
  const reader = new ScriptReader(text, options);
  const statements: Statement[] = [];
  for (let s = reader.next(); s !== undefined; s = reader.next()) statements.push(s);
  // A text that does not lex is one diagnostic and no statements (as if lexed before parsing).
  const lexed = reader.lexError();
  if (lexed !== undefined) return { script: { kind: 'Script', statements: [] }, diagnostics: [lexed], comments: [] };
  const trailing = reader.trailingComments();
  return { script: { kind: 'Script', statements, ...(trailing.length === 0 ? {} : { trailingComments: trailing }) }, diagnostics: reader.diagnostics, comments: reader.comments };
}

function single<K extends string, T>(key: K, text: string, options: ParseOptions, parse: (p: Cursor) => T, what: string): ParseResult<K, T> {
  const result = (value: T | undefined, diagnostics: readonly Diagnostic[]) => ({ [key]: value, diagnostics }) as ParseResult<K, T>;
  const { cursor: p, diagnostics } = lex(text, options.file);
  if (p === undefined) return result(undefined, diagnostics);
  try {
    const value = parse(p);
    p.acceptOp(';');
    if (!p.atEnd()) throw p.unexpected(`the end of the ${what}`);
    if (p.deferred.length > 0) return result(undefined, p.deferred.map((e) => diagnostic(e, options.file)));
    return result(value, diagnostics);
  } catch (e) {
    return result(undefined, [...p.deferred, asParseError(e, p.tokens[0]!)].map((d) => diagnostic(d, options.file)));
  }
}

/** Parse exactly one statement. */
export function parseStatement(text: string, options: ParseOptions = {}): ParseResult<'statement', Statement> {
  checkTextEntry('parseStatement()', text, options);
  return single('statement', text, options, parseStatementBody, 'statement');
}

/** Parse a query (SELECT, VALUES, WITH, set operations). */
export function parseQuery(text: string, options: ParseOptions = {}): ParseResult<'query', Query> {
  checkTextEntry('parseQuery()', text, options);
  return single('query', text, options, query, 'query');
}

/** Parse a single expression. */
export function parseExpression(text: string, options: ParseOptions = {}): ParseResult<'expression', Expression> {
  checkTextEntry('parseExpression()', text, options);
  return single('expression', text, options, expression, 'expression');
}

/** Parse a data type such as `DECIMAL(10, 2) NOT NULL`. */
export function parseDataType(text: string, options: ParseOptions = {}): ParseResult<'type', DataType> {
  checkTextEntry('parseDataType()', text, options);
  return single('type', text, options, parseType, 'data type');
}
