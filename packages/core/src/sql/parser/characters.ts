/**
 * Which characters Flink SQL's lexer (Calcite's JavaCC grammar, as in Flink 1.20) takes where, and how to name the
 * ones it does not take: invisible characters, typographic quotes and full-width punctuation are named with their
 * code point and what was probably meant, so "Column 'a' not found … did you mean 'a'?" riddles never happen.
 */

/** Calcite's `<LETTER>` ranges: `$`, `_`, ASCII letters and these blocks (not emoji, not symbols). */
const LETTER_RANGES: readonly (readonly [number, number])[] = [
  [0x24, 0x24], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a], [0xc0, 0xd6], [0xd8, 0xf6], [0xf8, 0xff],
  [0x100, 0x1fff], [0x3040, 0x318f], [0x3300, 0x337f], [0x3400, 0x3d2d], [0x4e00, 0x9fff], [0xf900, 0xfaff],
];

/** Calcite's `<DIGIT>` ranges (the ASCII digits and the digits of some scripts). */
const DIGIT_RANGES: readonly (readonly [number, number])[] = [
  [0x30, 0x39], [0x660, 0x669], [0x6f0, 0x6f9], [0x966, 0x96f], [0x9e6, 0x9ef], [0xa66, 0xa6f], [0xae6, 0xaef],
  [0xb66, 0xb6f], [0xbe7, 0xbef], [0xc66, 0xc6f], [0xce6, 0xcef], [0xd66, 0xd6f], [0xe50, 0xe59], [0xed0, 0xed9],
  [0x1040, 0x1049],
];

function inRanges(code: number, ranges: readonly (readonly [number, number])[]): boolean {
  for (const [lo, hi] of ranges) if (code >= lo && code <= hi) return true;
  return false;
}

/** The ASCII part of the ranges as a table (the lexer asks once per character): 1 letter, 2 digit. */
const ASCII_CLASS = new Uint8Array(128);
for (let code = 0; code < 128; code++) ASCII_CLASS[code] = inRanges(code, LETTER_RANGES) ? 1 : inRanges(code, DIGIT_RANGES) ? 2 : 0;

/** Whether the UTF-16 unit `code` can start an unquoted identifier (NaN, past the end: no). */
export function isIdentStartCode(code: number): boolean {
  return code < 128 ? ASCII_CLASS[code] === 1 : inRanges(code, LETTER_RANGES);
}

/** Whether the UTF-16 unit `code` can continue an unquoted identifier (NaN, past the end: no). */
export function isIdentPartCode(code: number): boolean {
  return code < 128 ? ASCII_CLASS[code] !== 0 : inRanges(code, LETTER_RANGES) || inRanges(code, DIGIT_RANGES);
}

export function isIdentStart(c: string): boolean {
  return isIdentStartCode(c.charCodeAt(0));
}

export function isIdentPart(c: string): boolean {
  return isIdentPartCode(c.charCodeAt(0));
}

/** Calcite's white space: space, tab, LF, CR and form feed — nothing else (not a no-break space). */
export function isWhitespace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
}

interface Confusable {
  readonly name: string;
  readonly hint: string;
}

const QUOTE_HINT = "Flink SQL writes strings in straight single quotes ('text') and quoted names in back-quotes (`name`)";
const INVISIBLE_HINT = 'delete it: it is invisible in most editors (re-type the surrounding name or retype the line)';

const CONFUSABLES: ReadonlyMap<number, Confusable> = new Map<number, Confusable>([
  [0x2018, { name: "a typographic left single quote '‘'", hint: QUOTE_HINT }],
  [0x2019, { name: "a typographic right single quote '’'", hint: QUOTE_HINT }],
  [0x201a, { name: "a typographic low single quote '‚'", hint: QUOTE_HINT }],
  [0x201b, { name: "a typographic reversed single quote '‛'", hint: QUOTE_HINT }],
  [0x201c, { name: 'a typographic left double quote \'“\'', hint: QUOTE_HINT }],
  [0x201d, { name: 'a typographic right double quote \'”\'', hint: QUOTE_HINT }],
  [0x201e, { name: 'a typographic low double quote \'„\'', hint: QUOTE_HINT }],
  [0x2032, { name: "a prime '′'", hint: QUOTE_HINT }],
  [0x00b4, { name: "an acute accent '´'", hint: QUOTE_HINT }],
  [0xff07, { name: "a full-width apostrophe '＇'", hint: QUOTE_HINT }],
  [0xff02, { name: 'a full-width quotation mark \'＂\'', hint: QUOTE_HINT }],
  [0xff40, { name: "a full-width grave accent '｀'", hint: QUOTE_HINT }],
  [0x200b, { name: 'a zero-width space', hint: INVISIBLE_HINT }],
  [0x200c, { name: 'a zero-width non-joiner', hint: INVISIBLE_HINT }],
  [0x200d, { name: 'a zero-width joiner', hint: INVISIBLE_HINT }],
  [0x2060, { name: 'a word joiner', hint: INVISIBLE_HINT }],
  [0x00ad, { name: 'a soft hyphen', hint: INVISIBLE_HINT }],
  [0x200e, { name: 'a left-to-right mark', hint: INVISIBLE_HINT }],
  [0x200f, { name: 'a right-to-left mark', hint: INVISIBLE_HINT }],
  [0x202a, { name: 'a left-to-right embedding', hint: INVISIBLE_HINT }],
  [0x202b, { name: 'a right-to-left embedding', hint: INVISIBLE_HINT }],
  [0x202c, { name: 'a pop directional formatting character', hint: INVISIBLE_HINT }],
  [0x202d, { name: 'a left-to-right override', hint: INVISIBLE_HINT }],
  [0x202e, { name: 'a right-to-left override', hint: INVISIBLE_HINT }],
  [0x2066, { name: 'a left-to-right isolate', hint: INVISIBLE_HINT }],
  [0x2067, { name: 'a right-to-left isolate', hint: INVISIBLE_HINT }],
  [0x2068, { name: 'a first-strong isolate', hint: INVISIBLE_HINT }],
  [0x2069, { name: 'a pop directional isolate', hint: INVISIBLE_HINT }],
  [0xfeff, { name: 'a byte-order mark', hint: 'delete it: it was probably left by joining two files' }],
  [0x00a0, { name: 'a no-break space', hint: 'replace it with an ordinary space: Flink SQL only takes space, tab, line breaks and form feed between tokens' }],
  [0x3000, { name: 'an ideographic (full-width) space', hint: 'replace it with an ordinary space' }],
  [0x2002, { name: 'an en space', hint: 'replace it with an ordinary space' }],
  [0x2003, { name: 'an em space', hint: 'replace it with an ordinary space' }],
  [0x2009, { name: 'a thin space', hint: 'replace it with an ordinary space' }],
  [0x202f, { name: 'a narrow no-break space', hint: 'replace it with an ordinary space' }],
  [0xfffd, { name: "the replacement character '\uFFFD' (text that was not valid UTF-8 when it was read)", hint: 'save the file as UTF-8' }],
]);

const FULL_WIDTH_PUNCTUATION = new Map<number, string>([
  [0xff0c, ','], [0xff08, '('], [0xff09, ')'], [0xff1b, ';'], [0xff0e, '.'], [0xff1d, '='], [0xff0a, '*'],
  [0xff0b, '+'], [0xff0d, '-'], [0xff1c, '<'], [0xff1e, '>'], [0x3001, ','], [0x3002, '.'], [0xff3b, '['], [0xff3d, ']'],
  [0x2013, '-'], [0x2014, '-'], [0x2212, '-'],
]);

function codePoint(c: string): string {
  return `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A byte-order mark as a file's first character: editors write one, Flink's SQL parser takes none. */
const LEADING_BOM = {
  name: 'a byte-order mark (U+FEFF) at the start of the file',
  message: "the file starts with a byte-order mark (U+FEFF), which Flink's SQL parser rejects",
  hint: "save the file as UTF-8 without a BOM (in most editors: encoding 'UTF-8', not 'UTF-8 with BOM')",
};

/**
 * Words for a character Flink SQL's lexer does not take here, and what to do about it; `atStart`: the character is
 * the first of the text.
 */
export function describeCharacter(c: string, atStart = false): { readonly name: string; readonly hint?: string; readonly message?: string } {
  const code = c.codePointAt(0) ?? 0;
  if (code === 0xfeff && atStart) return LEADING_BOM;
  const known = CONFUSABLES.get(code);
  if (known !== undefined) return { name: `${known.name} (${codePoint(c)})`, hint: known.hint };
  const ascii = FULL_WIDTH_PUNCTUATION.get(code);
  if (ascii !== undefined) return { name: `'${c}' (${codePoint(c)}), a look-alike of '${ascii}'`, hint: `write '${ascii}' instead` };
  if (c === '"') return { name: `'"'`, hint: 'Flink SQL quotes identifiers with back-quotes (`name`) and strings with single quotes' };
  if (code < 0x20 || code === 0x7f) return { name: `the control character ${codePoint(c)}`, hint: 'delete it' };
  if (code > 0x7f) {
    return { name: `'${c}' (${codePoint(c)})`, hint: 'Flink SQL names may only use letters, digits, _ and $ unless they are back-quoted: write `name` to use other characters' };
  }
  return { name: `'${c}'` };
}
