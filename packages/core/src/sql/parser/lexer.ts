/**
 * The Flink SQL lexer: text → tokens with positions. Comments are kept as tokens of their own (so `fmt` can
 * keep them); query hints `/*+ … *\/` are a separate token kind. Errors (unterminated strings, quoted
 * identifiers and comments, stray characters) are reported with the position where the token started.
 */
import type { SourcePosition } from '../../ast/node.js';
import { isIdentPartCode, isIdentStartCode } from './characters.js';
import type { LexPayload } from '../codes.js';

const unterminated = (what: 'comment' | 'string literal' | 'quoted identifier', at: SourcePosition): LexPayload => ({ kind: 'unterminated', what, line: at.line, column: at.column });

export type TokenKind =
  | 'word' // identifier or keyword, unquoted
  | 'quoted' // `back-quoted identifier`
  | 'string' // 'literal'
  | 'number'
  | 'binary' // X'0A'
  | 'unicode' // U&'\0041': the value is the text between the quotes ('' undoubled), its escapes not yet applied (UESCAPE may follow)
  | 'op' // punctuation and operators
  | 'comment'
  | 'hint' // /*+ … */
  | 'invalid' // a character that starts no token; the parser reports it in its statement
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /**
   * For words the text as written; for strings/quoted identifiers the unescaped value; for hints the body; for
   * comments the comment with line ends (CRLF, CR) as LF.
   */
  readonly value: string;
  /** The exact source text of the token. */
  readonly text: string;
  readonly start: SourcePosition;
  readonly end: SourcePosition;
}

/** Where the text stops lexing and why: FTS1000's payload, worded by SQL_TEXTS.syntaxError. */
export interface LexError {
  readonly problem: LexPayload;
  readonly start: SourcePosition;
  readonly end: SourcePosition;
}

const TWO_CHAR_OPERATORS: readonly string[] = ['<>', '<=', '>=', '!=', '||', '=>', '::'];
const ONE_CHAR_OPERATORS: readonly string[] = ['(', ')', '[', ']', ',', ';', '.', '+', '-', '*', '/', '%', '=', '<', '>', '?', '{', '}', '|'];

/** The operators by their first character's code (ASCII): the two-character ones that start with it, and itself. */
const OPERATORS_BY_CODE: readonly ({ readonly two: readonly string[]; readonly one: string | undefined } | undefined)[] = Array.from({ length: 128 }, (_, code) => {
  const c = String.fromCharCode(code);
  const two = TWO_CHAR_OPERATORS.filter((o) => o.charCodeAt(0) === code);
  const one = ONE_CHAR_OPERATORS.includes(c) ? c : undefined;
  return two.length === 0 && one === undefined ? undefined : { two, one };
});

function operatorAt(text: string, i: number): string | undefined {
  const code = text.charCodeAt(i);
  const ops = code < 128 ? OPERATORS_BY_CODE[code] : undefined;
  if (ops === undefined) return undefined;
  const next = text.charCodeAt(i + 1);
  for (const two of ops.two) if (two.charCodeAt(1) === next) return two;
  return ops.one;
}

const isDigitCode = (code: number): boolean => code >= 48 && code <= 57;

/**
 * Short words and numbers already met, by a hash of their characters: a script repeats the same keywords, names and
 * numbers over and over, and a token's text is then the string met before instead of a new copy of the same
 * characters (a long script's words are most of what the lexer allocates). Only strings shorter than 13 characters:
 * a longer slice may be a view into the whole text, which the table would keep alive.
 */
const INTERN_SIZE = 4096;
const interned: (string | undefined)[] = new Array<string | undefined>(INTERN_SIZE).fill(undefined);

/** `text.slice(from, to)`, the same string as the last time these characters were met when they are short. */
function sliceInterned(text: string, from: number, to: number): string {
  const n = to - from;
  if (n > 12) return text.slice(from, to);
  let h = n;
  for (let k = from; k < to; k++) h = (Math.imul(h, 31) + text.charCodeAt(k)) | 0;
  const slot = h & (INTERN_SIZE - 1);
  const known = interned[slot];
  if (known !== undefined && known.length === n) {
    let k = 0;
    while (k < n && known.charCodeAt(k) === text.charCodeAt(from + k)) k++;
    if (k === n) return known;
  }
  const fresh = text.slice(from, to);
  interned[slot] = fresh;
  return fresh;
}

/** Where lexing stands: the next character's offset and position. */
export type LexState = SourcePosition;

export const LEX_START: LexState = { line: 1, column: 1, offset: 0 };

/**
 * One run of the lexer over `text` from a state: the position it stands at and the tokens so far. A class rather than
 * closures inside `tokenize`: `tokenize` runs once per slice of 256 tokens, and a bundle that keeps function names
 * wraps every closure made per call in a `__name(…)` call (bench/hostile.bench.ts).
 */
class LexRun {
  /**
   * The tokens so far, `count` of them: a run of at most `capacity` tokens (a slice) fills an array made that long at
   * once instead of growing one by push after push (each growth a new copy: about as many bytes as the tokens'
   * objects); `done` cuts it to `count`.
   */
  readonly tokens: Token[];
  count = 0;
  readonly n: number;
  i: number;
  line: number;
  col: number;
  /** The last token's end: the next token starts there when nothing is between them (`a,`), and shares it. */
  lastEnd: SourcePosition | undefined = undefined;

  constructor(readonly text: string, from: LexState, capacity: number) {
    this.tokens = capacity <= 4096 ? new Array<Token>(capacity) : [];
    this.n = text.length;
    this.i = from.offset;
    this.line = from.line;
    this.col = from.column;
  }

  pos(): SourcePosition {
    return { line: this.line, column: this.col, offset: this.i };
  }

  startPos(): SourcePosition {
    const lastEnd = this.lastEnd;
    return lastEnd !== undefined && lastEnd.offset === this.i ? lastEnd : this.pos();
  }

  /** Moves `count` UTF-16 units on; LF, CR and CRLF each end a line (as in Calcite's lexer). */
  advance(count: number): void {
    const text = this.text;
    const end = Math.min(this.i + count, this.n);
    let i = this.i;
    for (; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
        this.line++;
        this.col = 1;
      } else this.col++;
    }
    this.i = i;
  }

  /** Moves on to `j` over text known to hold no line end (words, numbers). */
  advanceInLine(j: number): void {
    this.col += j - this.i;
    this.i = j;
  }

  /** Reads from an opening `delimiter` to its closing one; a doubled delimiter stands for itself. Undefined when unterminated. */
  readQuoted(delimiter: string): string | undefined {
    const text = this.text;
    this.advance(1);
    // Most quoted texts hold no doubled delimiter: their value is one slice, with no list of parts.
    const first = text.indexOf(delimiter, this.i);
    if (first !== -1 && text[first + 1] !== delimiter) {
      const value = text.slice(this.i, first);
      this.advance(first + 1 - this.i);
      return value;
    }
    const parts: string[] = [];
    for (;;) {
      const close = text.indexOf(delimiter, this.i);
      if (close === -1) {
        this.advance(this.n - this.i);
        return undefined;
      }
      parts.push(text.slice(this.i, close));
      this.advance(close - this.i);
      if (text[this.i + 1] !== delimiter) {
        this.advance(1);
        return parts.length === 1 ? parts[0]! : parts.join('');
      }
      parts.push(delimiter);
      this.advance(2);
    }
  }

  /** `source`: the token's exact text when the caller has it already (words, numbers, operators). */
  push(kind: TokenKind, value: string, start: SourcePosition, source?: string): void {
    const end = this.pos();
    this.lastEnd = end;
    this.tokens[this.count++] = { kind, value, text: source ?? this.text.slice(start.offset, this.i), start, end };
  }

  /** The result of a run that stopped at an error. */
  /** The tokens lexed, the array cut to their number. */
  done(): Token[] {
    this.tokens.length = this.count;
    return this.tokens;
  }

  error(problem: LexPayload, start: SourcePosition, end: SourcePosition): { tokens: Token[]; error: LexError; state: LexState } {
    return { tokens: this.done(), state: this.pos(), error: { problem, start, end } };
  }
}

/**
 * Tokens of `text` from `from` on: all of them (ending with an 'eof' token), or — with `maxTokens` — about that many,
 * to be continued from `state` (the parser lexes a long script a slice at a time, so that the tokens of parsed
 * statements die young instead of millions of them living to the end). On an error, the tokens before it and the
 * error; no 'eof'.
 */
export function tokenize(text: string, from: LexState = LEX_START, maxTokens = Infinity): { tokens: Token[]; error?: LexError; state: LexState } {
  // Room for a slice's tokens and its 'eof'.
  const r = new LexRun(text, from, maxTokens + 1);
  const n = r.n;
  while (r.i < n && r.count < maxTokens) {
    const i = r.i;
    const code = text.charCodeAt(i);
    // Calcite's white space: space, tab, LF, CR, form feed. A byte-order mark is not white space, not even as the
    // very first character (Flink 1.20's parser rejects it there too): it becomes an 'invalid' token the parser names.
    if (code === 32 || code === 9 || code === 12) {
      r.i++;
      r.col++;
      continue;
    }
    if (code === 10 || code === 13) {
      r.advance(1);
      continue;
    }
    const start = r.startPos();
    if (code === 45 && text.charCodeAt(i + 1) === 45) {
      // A line comment ends at LF or at CR (a CR-only line end too, as in Flink's lexer).
      let j = i + 2;
      while (j < n && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
      r.advance(j - i);
      // Trailing spaces are not part of what the comment says (and editors strip them): the value drops them.
      r.push('comment', text.slice(start.offset, r.i).trimEnd(), start);
      continue;
    }
    if (code === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf('*/', i + 2);
      if (close === -1) return r.error(unterminated('comment', start), start, start);
      const isHint = text.charCodeAt(i + 2) === 43;
      r.advance(close + 2 - i);
      if (isHint) r.push('hint', text.slice(start.offset + 3, r.i - 2).trim(), start);
      else r.push('comment', text.slice(start.offset, r.i).replace(/\r\n?/g, '\n'), start);
      continue;
    }
    const c = text[i]!;
    if (c === "'" || ((c === 'X' || c === 'x') && text[i + 1] === "'") || ((c === 'N' || c === 'n') && text[i + 1] === "'")) {
      const binary = c === 'X' || c === 'x';
      if (c !== "'") r.advance(1);
      const value = r.readQuoted("'");
      if (value === undefined) return r.error(unterminated('string literal', start), start, r.pos());
      if (binary) {
        if (!/^[0-9a-fA-F]*$/.test(value) || value.length % 2 !== 0) return r.error({ kind: 'binaryLiteral', value }, start, r.pos());
        r.push('binary', value.toUpperCase(), start);
      } else r.push('string', value, start);
      continue;
    }
    if (c === '`') {
      const value = r.readQuoted('`');
      if (value === undefined) return r.error(unterminated('quoted identifier', start), start, r.pos());
      r.push('quoted', value, start);
      continue;
    }
    if (isDigitCode(code) || (code === 46 && isDigitCode(text.charCodeAt(i + 1)))) {
      let j = i;
      while (isDigitCode(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) === 46 && isDigitCode(text.charCodeAt(j + 1))) {
        j++;
        while (isDigitCode(text.charCodeAt(j))) j++;
      } else if (text.charCodeAt(j) === 46 && !isIdentStartCode(text.charCodeAt(j + 1))) {
        j++;
      }
      const e = text.charCodeAt(j);
      if ((e === 101 || e === 69) && (isDigitCode(text.charCodeAt(j + 1)) || ((text.charCodeAt(j + 1) === 43 || text.charCodeAt(j + 1) === 45) && isDigitCode(text.charCodeAt(j + 2))))) {
        j += 2;
        while (isDigitCode(text.charCodeAt(j))) j++;
      }
      const number = sliceInterned(text, i, j);
      r.advanceInLine(j);
      r.push('number', number, start, number);
      continue;
    }
    if ((code === 85 || code === 117) && text.charCodeAt(i + 1) === 38 && text.charCodeAt(i + 2) === 39) {
      // U&'…', a Unicode string literal (Calcite's UNICODE_STRING_LITERAL); the parser applies its escapes.
      r.advanceInLine(i + 2);
      const value = r.readQuoted("'");
      if (value === undefined) return r.error(unterminated('string literal', start), start, r.pos());
      r.push('unicode', value, start);
      continue;
    }
    if (isIdentStartCode(code)) {
      let j = i + 1;
      while (j < n && isIdentPartCode(text.charCodeAt(j))) j++;
      const word = sliceInterned(text, i, j);
      r.advanceInLine(j);
      r.push('word', word, start, word);
      continue;
    }
    const op = operatorAt(text, i);
    if (op !== undefined) {
      r.advanceInLine(i + op.length);
      r.push('op', op, start, op);
      continue;
    }
    // A character that starts no token (a whole code point, so an emoji is one): the parser names it.
    r.advance(text.codePointAt(i)! > 0xffff ? 2 : 1);
    r.push('invalid', text.slice(start.offset, r.i), start);
  }
  if (r.i >= n) r.tokens[r.count++] = { kind: 'eof', value: '', text: '', start: r.pos(), end: r.pos() };
  return { tokens: r.done(), state: r.pos() };
}
