/**
 * The Flink SQL lexer: text → tokens with positions. Comments are kept as tokens of their own (so `fmt` can
 * keep them); query hints `/*+ … *\/` are a separate token kind. Errors (unterminated strings, quoted
 * identifiers and comments, stray characters) are reported with the position where the token started.
 */
import type { SourcePosition } from '../../ast/node.js';
import { isIdentPartCode, isIdentStartCode } from './characters.js';

export type TokenKind =
  | 'word' // identifier or keyword, unquoted
  | 'quoted' // `back-quoted identifier`
  | 'string' // 'literal'
  | 'number'
  | 'binary' // X'0A'
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

export interface LexError {
  readonly message: string;
  readonly hint?: string;
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
 * Tokens of `text` from `from` on: all of them (ending with an 'eof' token), or — with `maxTokens` — about that many,
 * to be continued from `state` (the parser lexes a long script a slice at a time, so that the tokens of parsed
 * statements die young instead of millions of them living to the end). On an error, the tokens before it and the
 * error; no 'eof'.
 */
export function tokenize(text: string, from: LexState = LEX_START, maxTokens = Infinity): { tokens: Token[]; error?: LexError; state: LexState } {
  const tokens: Token[] = [];
  const n = text.length;
  let i = from.offset;
  let line = from.line;
  let col = from.column;
  const pos = (): SourcePosition => ({ line, column: col, offset: i });
  /** The last token's end: the next token starts there when nothing is between them (`a,`), and shares it. */
  let lastEnd: SourcePosition | undefined;
  const startPos = (): SourcePosition => (lastEnd !== undefined && lastEnd.offset === i ? lastEnd : pos());
  /** Moves `count` UTF-16 units on; LF, CR and CRLF each end a line (as in Calcite's lexer). */
  const advance = (count: number): void => {
    const end = Math.min(i + count, n);
    for (; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
        line++;
        col = 1;
      } else col++;
    }
  };
  /** Moves on to `j` over text known to hold no line end (words, numbers). */
  const advanceInLine = (j: number): void => {
    col += j - i;
    i = j;
  };
  /** Reads from an opening `delimiter` to its closing one; a doubled delimiter stands for itself. Undefined when unterminated. */
  const readQuoted = (delimiter: string): string | undefined => {
    const parts: string[] = [];
    advance(1);
    for (;;) {
      const close = text.indexOf(delimiter, i);
      if (close === -1) {
        advance(n - i);
        return undefined;
      }
      parts.push(text.slice(i, close));
      advance(close - i);
      if (text[i + 1] !== delimiter) {
        advance(1);
        return parts.length === 1 ? parts[0]! : parts.join('');
      }
      parts.push(delimiter);
      advance(2);
    }
  };
  /** `source`: the token's exact text when the caller has it already (words, numbers, operators). */
  const push = (kind: TokenKind, value: string, start: SourcePosition, source: string = text.slice(start.offset, i)): void => {
    tokens.push({ kind, value, text: source, start, end: (lastEnd = pos()) });
  };

  while (i < n && tokens.length < maxTokens) {
    const code = text.charCodeAt(i);
    // Calcite's white space: space, tab, LF, CR, form feed. A byte-order mark is not white space, not even as the
    // very first character (Flink 1.20's parser rejects it there too): it becomes an 'invalid' token the parser names.
    if (code === 32 || code === 9 || code === 12) {
      i++;
      col++;
      continue;
    }
    if (code === 10 || code === 13) {
      advance(1);
      continue;
    }
    const c = text[i]!;
    const start = startPos();
    if (code === 45 && text.charCodeAt(i + 1) === 45) {
      // A line comment ends at LF or at CR (a CR-only line end too, as in Flink's lexer).
      let j = i + 2;
      while (j < n && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
      advance(j - i);
      // Trailing spaces are not part of what the comment says (and editors strip them): the value drops them.
      push('comment', text.slice(start.offset, i).trimEnd(), start);
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close === -1) {
        return { tokens, state: pos(), error: { message: `unterminated comment starting at ${start.line}:${start.column}`, hint: "close it with '*/'", start, end: start } };
      }
      const isHint = text[i + 2] === '+';
      advance(close + 2 - i);
      if (isHint) push('hint', text.slice(start.offset + 3, i - 2).trim(), start);
      else push('comment', text.slice(start.offset, i).replace(/\r\n?/g, '\n'), start);
      continue;
    }
    if (c === "'" || ((c === 'X' || c === 'x') && text[i + 1] === "'") || ((c === 'N' || c === 'n') && text[i + 1] === "'")) {
      const binary = c === 'X' || c === 'x';
      if (c !== "'") advance(1);
      const value = readQuoted("'");
      if (value === undefined) {
        return { tokens, state: pos(), error: { message: `unterminated string literal starting at ${start.line}:${start.column}`, hint: "close the string with a single quote; write '' for a quote inside it", start, end: pos() } };
      }
      if (binary) {
        if (!/^[0-9a-fA-F]*$/.test(value) || value.length % 2 !== 0) {
          return { tokens, state: pos(), error: { message: `invalid binary literal X'${value}'`, hint: 'write an even number of hexadecimal digits', start, end: pos() } };
        }
        push('binary', value.toUpperCase(), start);
      } else push('string', value, start);
      continue;
    }
    if (c === '`') {
      const value = readQuoted('`');
      if (value === undefined) {
        return { tokens, state: pos(), error: { message: `unterminated quoted identifier starting at ${start.line}:${start.column}`, hint: 'close it with a back-quote; write `` for a back-quote inside it', start, end: pos() } };
      }
      push('quoted', value, start);
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
      advanceInLine(j);
      push('number', number, start, number);
      continue;
    }
    if (isIdentStartCode(code)) {
      let j = i + 1;
      while (j < n && isIdentPartCode(text.charCodeAt(j))) j++;
      const word = sliceInterned(text, i, j);
      advanceInLine(j);
      push('word', word, start, word);
      continue;
    }
    const op = operatorAt(text, i);
    if (op !== undefined) {
      advanceInLine(i + op.length);
      push('op', op, start, op);
      continue;
    }
    // A character that starts no token (a whole code point, so an emoji is one): the parser names it.
    advance(text.codePointAt(i)! > 0xffff ? 2 : 1);
    push('invalid', text.slice(start.offset, i), start);
  }
  if (i >= n) tokens.push({ kind: 'eof', value: '', text: '', start: pos(), end: pos() });
  return { tokens, state: pos() };
}
