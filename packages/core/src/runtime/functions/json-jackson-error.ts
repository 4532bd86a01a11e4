/**
 * The message Jackson (Flink 1.20.1's JSON reader) gives for a document it cannot read, as a JSON function's
 * ERROR ON ERROR raises it: `Unexpected character ('}' (code 125)): was expecting double-quote to start field
 * name`, `Unrecognized token 'tru': was expecting (…)`, `No content to map due to end-of-input` … (probed,
 * probed-1.20.1.jsonl). Only called when a document already failed to parse (the fast readers give positions
 * only), so it reads the text once more, as Jackson's ReaderBasedJsonParser does, up to the first problem.
 * Undefined when it finds none (the caller keeps its own message).
 */

const WS = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const VALUE_KINDS = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";
const IDENTIFIER_PART = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}\p{Sc}]/u;

/** Jackson's _getCharDesc. */
function charDesc(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 32 || (code >= 127 && code < 160)) return `(CTRL-CHAR, code ${code})`;
  if (code > 255) return `'${c}' (code ${code} / 0x${code.toString(16)})`;
  return `'${c}' (code ${code})`;
}

class Problem {
  constructor(readonly message: string) {}
}

export function jacksonMessage(text: string): string | undefined {
  try {
    let i = 0;
    const skip = (): void => { while (WS(text[i])) i++; };
    const lineCol = (at: number): string => {
      const before = text.slice(0, at);
      const line = before.split('\n').length;
      return `line: ${line}, column: ${at - before.lastIndexOf('\n')}`;
    };
    const unexpected = (what: string): never => { throw new Problem(`Unexpected character (${charDesc(text[i] as string)}): ${what}`); };
    const eof = (what: string): never => { throw new Problem(`Unexpected end-of-input${what}`); };
    const token = (): never => {
      let j = i;
      while (j < text.length && j - i < 256 && IDENTIFIER_PART.test(text[j] as string)) j++;
      throw new Problem(`Unrecognized token '${text.slice(i, Math.max(j, i + 1))}': was expecting ${VALUE_KINDS}`);
    };
    const string = (): void => {
      i++;
      for (;;) {
        if (i >= text.length) eof(': was expecting closing quote for a String value');
        const c = text[i] as string;
        if (c === '"') { i++; return; }
        if (c === '\\') { i += 2; continue; }
        if (c.charCodeAt(0) < 32) throw new Problem(`Illegal unquoted character (${charDesc(c)}): has to be escaped using backslash to be included in string value`);
        i++;
      }
    };
    const digits = (what: string): void => {
      // Jackson names the character after the sign, point or exponent, or that one itself at the end of the text
      if (!/\d/.test(text[i] ?? '')) throw new Problem(`Unexpected character (${charDesc((text[i] ?? text[i - 1]) as string)}) in numeric value: ${what}`);
      while (/\d/.test(text[i] ?? '')) i++;
    };
    const number = (): void => {
      if (text[i] === '-') i++;
      if (text[i] === '0' && /\d/.test(text[i + 1] ?? '')) throw new Problem('Invalid numeric value: Leading zeroes not allowed');
      digits('expected digit (0-9) to follow minus sign, for valid numeric value');
      if (text[i] === '.') { i++; digits('Decimal point not followed by a digit'); }
      if (text[i] === 'e' || text[i] === 'E') {
        i++;
        if (text[i] === '+' || text[i] === '-') i++;
        digits('Exponent indicator not followed by a digit');
      }
    };
    const container = (open: string): void => {
      const kind = open === '{' ? 'Object' : 'Array';
      const close = open === '{' ? '}' : ']';
      const marker = `: expected close marker for ${kind} (start marker at [Source: (String)"${text}"; ${lineCol(i)}])`;
      i++;
      skip();
      if (i >= text.length) eof(marker);
      if (text[i] === close) { i++; return; }
      for (;;) {
        if (kind === 'Object') {
          if (text[i] !== '"') unexpected('was expecting double-quote to start field name');
          string();
          skip();
          if (i >= text.length) eof(` within/between ${kind} entries`);
          if (text[i] !== ':') unexpected('was expecting a colon to separate field name and value');
          i++;
          skip();
          if (i >= text.length) eof(` within/between ${kind} entries`);
        }
        value();
        skip();
        if (i >= text.length) eof(marker);
        if (text[i] === close) { i++; return; }
        if (text[i] !== ',') unexpected(`was expecting comma to separate ${kind} entries`);
        i++;
        skip();
        if (i >= text.length) eof(` within/between ${kind} entries`);
      }
    };
    const value = (): void => {
      const c = text[i] as string;
      if (c === '{' || c === '[') return container(c);
      if (c === '"') return string();
      if (c === '-' || /\d/.test(c)) return number();
      for (const lit of ['true', 'false', 'null']) {
        if (text.startsWith(lit, i)) {
          i += lit.length;
          if (IDENTIFIER_PART.test(text[i] ?? '')) { i -= lit.length; token(); }
          return;
        }
      }
      if (/[\p{L}]/u.test(c)) token();
      unexpected(`expected a valid value ${VALUE_KINDS}`);
    };
    skip();
    if (i >= text.length) return 'No content to map due to end-of-input';
    const first = text[i] as string;
    value();
    // a root number or literal must be followed by a space or the end (Jackson's root-value check)
    if (i < text.length && !WS(text[i]) && (first === '-' || /\d/.test(first))) unexpected('Expected space separating root-level values');
    return undefined;
  } catch (e) {
    if (e instanceof Problem) return e.message;
    throw e;
  }
}
