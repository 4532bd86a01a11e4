/**
 * A small SQL lexer for the oracle's fallback reader (used only while the project's SQL parser does not
 * export `parseExpression` / `parseScript`).
 */
export type TokenKind = 'ident' | 'qident' | 'number' | 'string' | 'binary' | 'op' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** Upper-cased text for identifiers (keyword checks). */
  readonly upper: string;
  readonly start: number;
  readonly end: number;
}

const OPS = ['<>', '!=', '<=', '>=', '||', '=>', '(', ')', ',', '.', '[', ']', '+', '-', '*', '/', '%', '=', '<', '>', ';', ':'];

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, text: string, start: number, end: number) => out.push({ kind, text, upper: kind === 'ident' ? text.toUpperCase() : text, start, end });
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c)) { i++; continue; }
    if (c === '-' && src[i + 1] === '-') { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (c === '/' && src[i + 1] === '*') { const j = src.indexOf('*/', i + 2); i = j < 0 ? src.length : j + 2; continue; }
    const start = i;
    if ((c === 'x' || c === 'X') && src[i + 1] === "'") {
      const j = src.indexOf("'", i + 2);
      push('binary', src.slice(i + 2, j), start, j + 1);
      i = j + 1;
      continue;
    }
    if (c === "'") {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new Error('unterminated string literal');
        if (src[i] === "'") {
          if (src[i + 1] === "'") { s += "'"; i += 2; continue; }
          i++;
          break;
        }
        s += src[i++];
      }
      push('string', s, start, i);
      continue;
    }
    if (c === '`') {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new Error('unterminated quoted identifier');
        if (src[i] === '`') {
          if (src[i + 1] === '`') { s += '`'; i += 2; continue; }
          i++;
          break;
        }
        s += src[i++];
      }
      push('qident', s, start, i);
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i)) as RegExpExecArray;
      push('number', m[0], start, i + m[0].length);
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_$]/.test(c) || c.charCodeAt(0) > 127) {
      const m = /^[A-Za-z_$\u0080-\uffff][\w$\u0080-\uffff]*/.exec(src.slice(i)) as RegExpExecArray;
      push('ident', m[0], start, i + m[0].length);
      i += m[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new Error(`unexpected character '${c}' at ${i}`);
    push('op', op, start, i + op.length);
    i += op.length;
  }
  out.push({ kind: 'eof', text: '', upper: '', start: src.length, end: src.length });
  return out;
}
