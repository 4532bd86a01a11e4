/** Small layout helpers shared by the printer's files. */

export const INDENT = '  ';

/**
 * Indent every non-empty line of `text` — except lines that continue a string literal or a back-quoted
 * identifier, whose text must stay byte for byte what the node holds.
 */
export function indent(text: string, by: string = INDENT): string {
  if (text.indexOf('\n') === -1) return text === '' ? text : by + text;
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
const SPECIAL = /['`\n]|--|\/\*/g;
const IN_BLOCK = /\*\/|\n/g;
const NON_EMPTY_LINE = /^(?=[^\n])/gm;

/** Comment lines to print before a node, each on its own line, without trailing whitespace. */
export function commentLines(comments: readonly string[] | undefined): string {
  return comments === undefined || comments.length === 0 ? '' : comments.join('\n').replace(/[ \t]+$/gm, '') + '\n';
}
