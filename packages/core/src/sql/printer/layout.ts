/** Small layout helpers shared by the printer's files. */

export const INDENT = '  ';

/**
 * Indentation is deferred: `indent` wraps a multi-line text in two marker characters (O(1): V8 concatenates
 * strings as ropes), and the outermost printer call resolves every marker in one pass at the end (`atTop`).
 * Re-indenting the text once per level made printing nested sub-queries cubic in their depth (500 levels: 2 MB of
 * output scanned 1,000 times). The markers are the control characters U+0001 / U+0002; they are only read outside
 * string literals, back-quoted identifiers and comments, where printed SQL holds nothing the user wrote (and SQL
 * text never a control character). They are one-byte characters on purpose: a marker outside Latin-1 made V8 keep
 * every printed script as a two-byte string — twice the memory, and twice the bytes for everything that encodes
 * or writes it (a 1,000-table build emits about 15 MB of text).
 */
const OPEN = '\u0001';
const CLOSE = '\u0002';
const OPEN_CODE = 0x01;
const CLOSE_CODE = 0x02;

/** Indent every non-empty line of `text` by one level (see `resolveIndents`). */
export function indent(text: string, by: string = INDENT): string {
  if (text.indexOf('\n') === -1) return text === '' ? text : by + text;
  if (by !== INDENT) return indentNow(text, by);
  return OPEN + text + CLOSE;
}

let printing = 0;

/** Whether no printer call is running: the caller is a user, whose arguments are checked (printers' own are not). */
export function atEntry(): boolean {
  return printing === 0;
}

/**
 * Runs `print` as an entry point of the printer: the outermost call (not one printer calling another) resolves the
 * deferred indentation of what it printed.
 */
export function atTop<A extends unknown[]>(print: (...args: A) => string, ...args: A): string {
  printing++;
  let text: string;
  try {
    text = print(...args);
  } finally {
    printing--;
  }
  return printing === 0 ? resolveIndents(text) : text;
}

/**
 * Replaces the markers by the indentation they stand for: each non-empty line gets one INDENT per marker open at
 * its start — except lines that continue a string literal or a back-quoted identifier, whose text must stay byte
 * for byte what the node holds.
 */
export function resolveIndents(text: string): string {
  if (text.indexOf(OPEN) === -1) return text;
  const parts: string[] = [];
  let depth = 0;
  let last = 0; // start of the text not copied to parts yet
  let block = false; // inside a /* … */ comment
  let i = 0;
  const n = text.length;
  /** At a line start outside literals: read the markers there, then indent the line unless it is empty. */
  const lineStart = (): void => {
    parts.push(text.slice(last, i));
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === OPEN_CODE && !block) depth++;
      else if (c === CLOSE_CODE && !block) depth--;
      else break;
      i++;
    }
    last = i;
    if (i < n && text.charCodeAt(i) !== 10 && depth > 0) parts.push(INDENT.repeat(depth));
  };
  lineStart();
  // Jumps between the characters that change the state (a line break, a quote, a comment start, a marker) instead
  // of stepping through every character: printed SQL is mostly identifiers and keywords.
  while (i < n) {
    const re = block ? RESOLVE_IN_BLOCK : RESOLVE_SPECIAL;
    re.lastIndex = i;
    const m = re.exec(text);
    if (m === null) break;
    const at = m.index;
    const c = text.charCodeAt(at);
    if (block) {
      if (c === 10) {
        i = at + 1;
        lineStart();
      } else {
        block = false; // */
        i = at + 2;
      }
      continue;
    }
    switch (c) {
      case 10:
        i = at + 1;
        lineStart();
        break;
      case 39: // ' — to the closing quote (a doubled quote closes and reopens: the same)
      case 96: {
        // `
        const j = text.indexOf(m[0], at + 1);
        i = j < 0 ? n : j + 1;
        break;
      }
      case 45: // a line comment runs to the end of the line
        if (text.charCodeAt(at + 1) === 45) {
          const j = text.indexOf('\n', at + 2);
          i = j < 0 ? n : j;
        } else i = at + 1;
        break;
      case 47:
        if (text.charCodeAt(at + 1) === 42) {
          block = true;
          i = at + 2;
        } else i = at + 1;
        break;
      default: // OPEN_CODE or CLOSE_CODE
        parts.push(text.slice(last, at));
        depth += c === OPEN_CODE ? 1 : -1;
        last = i = at + 1;
    }
  }
  parts.push(text.slice(last));
  return parts.join('');
}

/** Indents every non-empty line of `text` by `by` now (for an indentation other than one level). */
function indentNow(text: string, by: string): string {
  // Nested sub-queries are re-indented once per level, so this runs over the same text many times: one pass
  // that jumps with indexOf / a regex between the characters that change state, and joins slices.
  if (!PLAIN_SPECIAL.test(text)) return text.replace(NON_EMPTY_LINE, by);
  const parts: string[] = [];
  let last = 0;
  const lineStart = (at: number): void => {
    if (at >= text.length || text.charCodeAt(at) === 10) return; // an empty line stays empty
    parts.push(text.slice(last, at), by);
    last = at;
  };
  lineStart(0);
  let quote = ''; // the open quote character while inside a literal or identifier
  let block = false; // inside a /* … */ comment
  let i = 0;
  while (i < text.length) {
    if (quote !== '') {
      // Lines inside a literal or identifier are not indented. A doubled quote closes and reopens: same result.
      const j = text.indexOf(quote, i);
      if (j < 0) break;
      quote = '';
      i = j + 1;
      continue;
    }
    const re = block ? IN_BLOCK : SPECIAL;
    re.lastIndex = i;
    const m = re.exec(text);
    if (m === null) break;
    const at = m.index;
    switch (m[0]) {
      case '\n':
        lineStart(at + 1);
        i = at + 1;
        break;
      case '*/':
        block = false;
        i = at + 2;
        break;
      case '/*':
        block = true;
        i = at + 2;
        break;
      case '--': {
        // A line comment runs to the end of the line.
        const j = text.indexOf('\n', at + 2);
        i = j < 0 ? text.length : j;
        break;
      }
      default:
        quote = m[0];
        i = at + 1;
    }
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(last));
  return parts.join('');
}

const PLAIN_SPECIAL = /['`]|--|\/\*/;
const RESOLVE_SPECIAL = /[\n'`\-/\u0001\u0002]/g;
const RESOLVE_IN_BLOCK = /\*\/|\n/g;
const SPECIAL = /['`\n]|--|\/\*/g;
const IN_BLOCK = /\*\/|\n/g;
const NON_EMPTY_LINE = /^(?=[^\n])/gm;

/** Comment lines to print before a node, each on its own line, without trailing whitespace. */
export function commentLines(comments: readonly string[] | undefined): string {
  return comments === undefined || comments.length === 0 ? '' : comments.join('\n').replace(/[ \t]+$/gm, '') + '\n';
}
