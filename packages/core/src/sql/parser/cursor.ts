/**
 * The parser's view of the token stream: look-ahead, keyword matching (case-insensitive), identifier rules
 * (reserved words must be back-quoted), comments waiting to be attached, and errors that say what was found
 * and what was expected.
 */
import type { SourcePosition, Span } from '../../ast/node.js';
import { didYouMean } from '../../diagnostics/did-you-mean.js';
import { isReserved } from './keywords.js';
import type { Token } from './lexer.js';
import { SQL_TEXTS } from '../codes.js';
import type { CodeText } from '../../diagnostics/code-table.js';

/** A parse error: the first real problem of a statement. */
/** Flink's parser configuration (`SqlParser.config().withIdentifierMaxLength(256)` in the planner context). */
export const IDENTIFIER_MAX_LENGTH = 256;

/**
 * How deeply one statement may nest: parentheses (sub-expressions, function calls, sub-queries), brackets, CASE and
 * prefix operators each open a level. Deeper is FTS1006 at the token that opens one level too many — a diagnostic,
 * never a stack overflow. Flink 1.20.1's own parser gives up earlier (measured on its planner with the default JVM
 * thread stack: nested parentheses, calls, CASE and scalar sub-queries fail at 500 levels or fewer, sub-queries in
 * FROM by 700); every stage of flinkts (parse, check, fmt) handles this many.
 */
export const MAX_NESTING_DEPTH = 500;

export class ParseError extends Error {
  constructor(message: string, readonly span: Span, readonly hint: string | undefined, readonly code: string) {
    super(message);
  }

  /** A parse error worded by its code's template. */
  static of(text: CodeText, span: Span): ParseError {
    return new ParseError(text.message, span, text.hint, text.code);
  }
}

export function describe(t: Token): string {
  switch (t.kind) {
    case 'eof': return 'the end of the input';
    case 'string': return `the string '${t.value.length > 20 ? `${t.value.slice(0, 20)}…` : t.value}'`;
    case 'unicode': return `the string U&'${t.value.length > 20 ? `${t.value.slice(0, 20)}…` : t.value}'`;
    case 'quoted': return `\`${t.value}\``;
    case 'number': return `the number ${t.text}`;
    case 'op': return `'${t.text}'`;
    case 'hint': return 'a hint';
    default: return `'${t.text}'`;
  }
}

/**
 * What `takeComments` / `takeTrailingComments` return when no comment waits — one shared, frozen empty list instead
 * of a new array per element parsed (most elements have none). Callers only read it or copy from it.
 */
const NONE: string[] = Object.freeze([]) as unknown as string[];

/**
 * Whether `value` upper-cases to `keyword` (upper-case ASCII), without an upper-cased copy: the parser asks this for
 * nearly every token. An ASCII letter upper-cases to one letter, so an ASCII prefix compares letter by letter; a
 * non-ASCII character may upper-case to another length ('ß' → 'SS') or to ASCII ('ı' → 'I'): then the full rule.
 */
function sameKeyword(value: string, keyword: string): boolean {
  const n = value.length;
  for (let k = 0; k < n; k++) {
    let c = value.charCodeAt(k);
    if (c >= 128) return value.toUpperCase() === keyword;
    if (c >= 97 && c <= 122) c -= 32;
    if (c !== keyword.charCodeAt(k)) return false;
  }
  return n === keyword.length;
}

/** Up to this many tokens held, the cursor appends a slice by one copy of its tokens (see `take`). */
const CONCAT_LIMIT = 1024;

export class Cursor {
  private index = 0;
  private commentIndex = 0;
  private lastSpan: Span | undefined;
  /** Levels open now (see MAX_NESTING_DEPTH). */
  private nesting = 0;
  /**
   * Problems that do not stop the statement's parse (an empty column list, often a placeholder in a draft):
   * reported together with a later error in the same statement, so the user sees both at once.
   */
  readonly deferred: ParseError[] = [];
  /** Comments around elements that have no `comments` field (WATERMARK, PRIMARY KEY): kept on the statement. */
  readonly statementComments: string[] = [];

  private buffer: Token[];
  private commentBuffer: Token[];
  /** The value of every comment lexed so far, in source order (attached or not). */
  readonly commentValues: string[] = [];

  /**
   * Over `tokens` and `comments` (all of them, ending with 'eof'), or, with `more`, over the first slice of them:
   * `more` lexes the next slice, and the cursor pulls one only when the parser looks past its tokens.
   */
  constructor(tokens: readonly Token[], comments: readonly Token[], private readonly more?: () => readonly Token[] | undefined) {
    this.buffer = [];
    this.commentBuffer = [];
    this.take(tokens);
    this.take(comments);
  }

  private take(tokens: readonly Token[]): void {
    let comment = false;
    for (const t of tokens) if (t.kind === 'comment') comment = true;
    if (!comment && this.buffer.length <= CONCAT_LIMIT) {
      // A slice with no comment (most) while the statement is short: appended as one new array of the right length,
      // not grown push by push. A long statement's buffer grows by push: a copy of it per slice would be quadratic
      // (VALUES with 100,000 rows: 0.7 s → 10 s).
      if (tokens.length > 0) this.buffer = this.buffer.concat(tokens);
      return;
    }
    for (const t of tokens) {
      if (t.kind === 'comment') {
        this.commentBuffer.push(t);
        this.commentValues.push(t.value);
      } else this.buffer.push(t);
    }
  }

  /** Lexes on until the token `ahead` of the current one is known (or the text ends). */
  private fill(ahead: number): void {
    while (this.index + ahead >= this.buffer.length && this.more !== undefined && this.buffer.at(-1)?.kind !== 'eof') {
      const next = this.more();
      if (next === undefined) return;
      this.take(next);
    }
  }

  /** The tokens the cursor holds now (the first is the first token of the text until `release` is called). */
  get tokens(): readonly Token[] {
    return this.buffer;
  }

  /**
   * Between statements: lets go of the tokens and comments already parsed (all but the last consumed token, whose
   * end `lastEnd` reports), so a long script keeps only the current statement's tokens alive.
   */
  release(): void {
    if (this.index > 256) {
      this.buffer = this.buffer.slice(this.index - 1);
      this.index = 1;
    }
    if (this.commentIndex > 64) {
      this.commentBuffer = this.commentBuffer.slice(this.commentIndex);
      this.commentIndex = 0;
    }
  }

  get pos(): number {
    return this.index;
  }
  set pos(i: number) {
    this.index = i;
  }

  peek(ahead = 0): Token {
    if (this.index + ahead >= this.buffer.length) this.fill(ahead);
    return this.buffer[Math.min(this.index + ahead, this.buffer.length - 1)]!;
  }

  next(): Token {
    const t = this.peek();
    if ((t.kind === 'word' || t.kind === 'quoted') && t.value.length > IDENTIFIER_MAX_LENGTH) {
      throw this.textAt(t, SQL_TEXTS.identifierTooLong({ identifier: t.value, max: IDENTIFIER_MAX_LENGTH }));
    }
    if (t.kind === 'op') this.bracket(t);
    if (t.kind !== 'eof') this.index++;
    return t;
  }

  /** Opens one level of nesting at `t` (FTS1006 beyond MAX_NESTING_DEPTH); `close` ends it. */
  open(t: Token): void {
    if (++this.nesting > MAX_NESTING_DEPTH) {
      throw this.textAt(t, SQL_TEXTS.nestedTooDeep({ max: MAX_NESTING_DEPTH }));
    }
  }

  close(): void {
    if (this.nesting > 0) this.nesting--;
  }

  /** A new statement starts with no level open (an error may have left some). */
  resetNesting(): void {
    this.nesting = 0;
  }

  private bracket(t: Token): void {
    if (t.value === '(' || t.value === '[') this.open(t);
    else if (t.value === ')' || t.value === ']') this.close();
  }

  /** The next token, unchecked: for skipping ahead after an error. */
  skip(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.index++;
    return t;
  }

  /** The end position of the last consumed token. */
  lastEnd(): SourcePosition {
    return (this.buffer[this.index - 1] ?? this.peek()).end;
  }

  /**
   * The range from `start` to the end of the last consumed token. Nodes that cover the same tokens (a select item and
   * its expression, a statement and its INSERT) share one span object: spans are immutable like the nodes.
   */
  spanFrom(start: SourcePosition): Span {
    const end = this.lastEnd();
    const last = this.lastSpan;
    if (last !== undefined && last.start === start && last.end === end) return last;
    return (this.lastSpan = { start, end });
  }

  atEnd(): boolean {
    return this.peek().kind === 'eof';
  }

  /** Whether the next token is the keyword `word` (unquoted, any case). */
  isWord(word: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'word' && sameKeyword(t.value, word);
  }

  isOp(op: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'op' && t.value === op;
  }

  acceptWord(word: string): boolean {
    if (this.isWord(word)) {
      this.index++;
      return true;
    }
    return false;
  }

  /**
   * Accept a sequence of two to four keywords (`NOT`, `ENFORCED`) only when all are there. (Fixed parameters, not a
   * rest array: the parser asks this several times per FROM clause and expression.)
   */
  acceptWords(a: string, b: string, c?: string, d?: string): boolean {
    if (!this.isWord(a) || !this.isWord(b, 1) || (c !== undefined && !this.isWord(c, 2)) || (d !== undefined && !this.isWord(d, 3))) return false;
    this.index += d !== undefined ? 4 : c !== undefined ? 3 : 2;
    return true;
  }

  acceptOp(op: string): boolean {
    if (this.isOp(op)) {
      this.bracket(this.peek());
      this.index++;
      return true;
    }
    return false;
  }

  expectWord(word: string, what = `'${word}'`): Token {
    if (this.isWord(word)) return this.next();
    throw this.unexpected(what);
  }

  expectOp(op: string, what = `'${op}'`): Token {
    if (this.isOp(op)) return this.next();
    throw this.unexpected(what);
  }

  /** An error at the next token: "expected X but found Y". */
  unexpected(expected: string, hint?: string): ParseError {
    const t = this.peek();
    if (t.kind === 'invalid') {
      // The caller's hint is about the token it expected, not about a character that is not SQL at all.
      return this.textAt(t, SQL_TEXTS.syntaxError({ kind: 'character', character: t.value, atStart: t.start.offset === 0 }));
    }
    return this.textAt(t, SQL_TEXTS.unexpectedToken({ kind: 'expected', expected, found: describe(t), ...(hint === undefined ? {} : { hint }) }));
  }

  /** A parse error at `t`, worded by its code's template. */
  textAt(t: Token, text: CodeText): ParseError {
    return ParseError.of(text, { start: t.start, end: t.end });
  }

  /** Whether the next token can be an identifier (quoted, or an unquoted word that is not reserved). */
  isIdentifier(ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'quoted' || (t.kind === 'word' && !isReserved(t.value));
  }

  /** An identifier; a reserved word here is an error telling how to quote it. */
  identifier(what = 'an identifier'): string {
    const t = this.peek();
    if (t.kind === 'quoted') return this.next().value;
    if (t.kind === 'word') {
      if (isReserved(t.value)) {
        throw this.textAt(t, SQL_TEXTS.reservedWord({ word: t.value, use: what }));
      }
      return this.next().value;
    }
    throw this.unexpected(what);
  }

  /** A dotted name `a.b.c`. */
  path(what = 'a name'): string[] {
    const parts = [this.identifier(what)];
    while (this.isOp('.') && (this.peek(1).kind === 'word' || this.peek(1).kind === 'quoted')) {
      this.next();
      parts.push(this.identifier(what));
    }
    return parts;
  }

  stringLiteral(what = 'a string literal'): string {
    const t = this.peek();
    if (t.kind === 'string') return this.next().value;
    throw this.unexpected(what);
  }

  integer(what = 'an integer'): number {
    const t = this.peek();
    if (t.kind === 'number' && /^\d+$/.test(t.text)) return Number(this.next().text);
    throw this.unexpected(what);
  }

  /** Expect one of several keywords; suggests the closest when a word is misspelt. */
  oneOf<W extends string>(words: readonly W[], what: string): W {
    const t = this.peek();
    const found = words.find((w) => this.isWord(w));
    if (found !== undefined) {
      this.next();
      return found;
    }
    const hint = t.kind === 'word' ? didYouMean(t.value.toUpperCase(), words) : undefined;
    throw this.unexpected(what, hint);
  }

  /**
   * Comments after the last consumed token that start on its line and end that line (`a INT, -- the id`):
   * they belong to the element just parsed, not to the next one (`a INT, /* next *\/ b INT` leads `b`).
   */
  takeTrailingComments(): string[] {
    const next = this.peek().start;
    let c = this.commentBuffer[this.commentIndex];
    // No comment waiting (the common case): no array, no look at positions.
    if (c === undefined || c.start.offset >= next.offset) return NONE;
    const out: string[] = [];
    const line = this.lastEnd().line;
    for (; c !== undefined && c.start.line === line && c.start.offset < next.offset && c.end.line < next.line; c = this.commentBuffer[this.commentIndex]) {
      out.push(c.value);
      this.commentIndex++;
    }
    return out;
  }

  /** Comments that start before `offset` and were not attached yet. */
  takeComments(offset: number): string[] {
    this.peek(); // comments are lexed with the tokens: those before `offset` are known once the next token is
    if (this.commentIndex >= this.commentBuffer.length || this.commentBuffer[this.commentIndex]!.start.offset >= offset) return NONE;
    const out: string[] = [];
    while (this.commentIndex < this.commentBuffer.length && this.commentBuffer[this.commentIndex]!.start.offset < offset) {
      out.push(this.commentBuffer[this.commentIndex]!.value);
      this.commentIndex++;
    }
    return out;
  }
}
