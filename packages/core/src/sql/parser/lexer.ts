/**
 * The Flink SQL lexer: text → tokens with positions. Comments are kept as tokens of their own (so `fmt` can
 * keep them); query hints `/*+ … *\/` are a separate token kind. Errors (unterminated strings, quoted
 * identifiers and comments, stray characters) are reported with the position where the token started.
 */
import type { SourcePosition } from '../../ast/node.js';
import { isIdentPart, isIdentStart, isWhitespace } from './characters.js';

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

const TWO_CHAR_OPERATORS = new Set(['<>', '<=', '>=', '!=', '||', '=>', '::']);
const ONE_CHAR_OPERATORS = new Set(['(', ')', '[', ']', ',', ';', '.', '+', '-', '*', '/', '%', '=', '<', '>', '?', '{', '}']);

function operatorAt(text: string, i: number): string | undefined {
  const two = text.slice(i, i + 2);
  if (TWO_CHAR_OPERATORS.has(two)) return two;
  const one = text[i]!;
  return ONE_CHAR_OPERATORS.has(one) ? one : undefined;
}

export function tokenize(text: string): { tokens: Token[]; error?: LexError } {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let col = 1;
  const pos = (): SourcePosition => ({ line, column: col, offset: i });
  /** Moves `n` UTF-16 units on; LF, CR and CRLF each end a line (as in Calcite's lexer). */
  const advance = (n: number): void => {
    const end = Math.min(i + n, text.length);
    for (; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
        line++;
        col = 1;
      } else col++;
    }
  };
  /** Reads from an opening `delimiter` to its closing one; a doubled delimiter stands for itself. Undefined when unterminated. */
  const readQuoted = (delimiter: string): string | undefined => {
    const parts: string[] = [];
    advance(1);
    for (;;) {
      const close = text.indexOf(delimiter, i);
      if (close === -1) {
        advance(text.length - i);
        return undefined;
      }
      parts.push(text.slice(i, close));
      advance(close - i);
      if (text[i + 1] !== delimiter) {
        advance(1);
        return parts.join('');
      }
      parts.push(delimiter);
      advance(2);
    }
  };
  const push = (kind: TokenKind, value: string, start: SourcePosition): void => {
    tokens.push({ kind, value, text: text.slice(start.offset, i), start, end: pos() });
  };

  while (i < text.length) {
    const c = text[i]!;
    const start = pos();
    if (isWhitespace(c) || (c === '\ufeff' && i === 0)) {
      advance(1);
      continue;
    }
    if (c === '-' && text[i + 1] === '-') {
      // A line comment ends at LF or at CR (a CR-only line end too, as in Flink's lexer).
      let j = i + 2;
      while (j < text.length && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
      advance(j - i);
      // Trailing spaces are not part of what the comment says (and editors strip them): the value drops them.
      push('comment', text.slice(start.offset, i).trimEnd(), start);
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close === -1) {
        return { tokens, error: { message: `unterminated comment starting at ${start.line}:${start.column}`, hint: "close it with '*/'", start, end: start } };
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
        return { tokens, error: { message: `unterminated string literal starting at ${start.line}:${start.column}`, hint: "close the string with a single quote; write '' for a quote inside it", start, end: pos() } };
      }
      if (binary) {
        if (!/^[0-9a-fA-F]*$/.test(value) || value.length % 2 !== 0) {
          return { tokens, error: { message: `invalid binary literal X'${value}'`, hint: 'write an even number of hexadecimal digits', start, end: pos() } };
        }
        push('binary', value.toUpperCase(), start);
      } else push('string', value, start);
      continue;
    }
    if (c === '`') {
      const value = readQuoted('`');
      if (value === undefined) {
        return { tokens, error: { message: `unterminated quoted identifier starting at ${start.line}:${start.column}`, hint: 'close it with a back-quote; write `` for a back-quote inside it', start, end: pos() } };
      }
      push('quoted', value, start);
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(text[i + 1] ?? ''))) {
      let j = i;
      while (isDigit(text[j] ?? '')) j++;
      if (text[j] === '.' && isDigit(text[j + 1] ?? '')) {
        j++;
        while (isDigit(text[j] ?? '')) j++;
      } else if (text[j] === '.' && !isIdentStart(text[j + 1] ?? '')) {
        j++;
      }
      if ((text[j] === 'e' || text[j] === 'E') && (isDigit(text[j + 1] ?? '') || ((text[j + 1] === '+' || text[j + 1] === '-') && isDigit(text[j + 2] ?? '')))) {
        j += 2;
        while (isDigit(text[j] ?? '')) j++;
      }
      advance(j - i);
      push('number', text.slice(start.offset, i), start);
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < text.length && isIdentPart(text[j]!)) j++;
      advance(j - i);
      push('word', text.slice(start.offset, i), start);
      continue;
    }
    const op = operatorAt(text, i);
    if (op !== undefined) {
      advance(op.length);
      push('op', op, start);
      continue;
    }
    // A character that starts no token (a whole code point, so an emoji is one): the parser names it.
    advance(text.codePointAt(i)! > 0xffff ? 2 : 1);
    push('invalid', text.slice(start.offset, i), start);
  }
  tokens.push({ kind: 'eof', value: '', text: '', start: pos(), end: pos() });
  return { tokens };
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}
