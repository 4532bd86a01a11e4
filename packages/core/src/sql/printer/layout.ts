/** Small layout helpers shared by the printer's files. */

export const INDENT = '  ';

/**
 * Indent every non-empty line of `text` — except lines that continue a string literal or a back-quoted
 * identifier, whose text must stay byte for byte what the node holds.
 */
export function indent(text: string, by: string = INDENT): string {
  if (text.indexOf('\n') === -1) return text === '' ? text : by + text;
  // Line by line, jumping with indexOf / a regex between the characters that change state: nested sub-queries
  // are re-indented once per level, so this runs over the same text many times.
  if (!PLAIN_SPECIAL.test(text)) return text.replace(NON_EMPTY_LINE, by);
  const lines = text.split('\n');
  let quote = ''; // the open quote character while inside a literal or identifier
  let block = false; // inside a /* … */ comment
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const prefixed = line !== '' && quote === '';
    let i = 0;
    while (i < line.length) {
      if (quote !== '') {
        const j = line.indexOf(quote, i); // a doubled quote closes and reopens: same result
        if (j < 0) break;
        quote = '';
        i = j + 1;
      } else if (block) {
        const j = line.indexOf('*/', i);
        if (j < 0) break;
        block = false;
        i = j + 2;
      } else {
        SPECIAL.lastIndex = i;
        const m = SPECIAL.exec(line);
        if (m === null || m[0] === '--') break; // a line comment runs to the end of the line
        if (m[0] === '/*') {
          block = true;
          i = m.index + 2;
        } else {
          quote = m[0];
          i = m.index + 1;
        }
      }
    }
    if (prefixed) lines[n] = by + line;
  }
  return lines.join('\n');
}

const PLAIN_SPECIAL = /['`]|--|\/\*/;
const SPECIAL = /['`]|--|\/\*/g;
const NON_EMPTY_LINE = /^(?=[^\n])/gm;

/** Comment lines to print before a node, each on its own line, without trailing whitespace. */
export function commentLines(comments: readonly string[] | undefined): string {
  return comments === undefined || comments.length === 0 ? '' : comments.join('\n').replace(/[ \t]+$/gm, '') + '\n';
}
