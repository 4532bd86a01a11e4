/** Small layout helpers shared by the printer's files. */

export const INDENT = '  ';

/**
 * Indent every non-empty line of `text` — except lines that continue a string literal or a back-quoted
 * identifier, whose text must stay byte for byte what the node holds.
 */
export function indent(text: string, by: string = INDENT): string {
  if (text.indexOf('\n') === -1) return text === '' ? text : by + text;
  let out = '';
  let quote = ''; // the open quote character while inside a literal or identifier
  let comment = ''; // '--' or '/*' while inside a comment
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (lineStart) {
      if (c !== '\n' && quote === '') out += by;
      lineStart = false;
    }
    out += c;
    if (c === '\n') lineStart = true;
    if (quote !== '') {
      if (c === quote) quote = ''; // a doubled quote closes and reopens: same result
    } else if (comment === '--') {
      if (c === '\n') comment = '';
    } else if (comment === '/*') {
      if (c === '*' && text[i + 1] === '/') {
        out += '/';
        i++;
        comment = '';
      }
    } else if (c === "'" || c === '`') {
      quote = c;
    } else if ((c === '-' && text[i + 1] === '-') || (c === '/' && text[i + 1] === '*')) {
      comment = c + text[i + 1];
      out += text[i + 1];
      i++;
    }
  }
  return out;
}

/** Comment lines to print before a node, each on its own line, without trailing whitespace. */
export function commentLines(comments: readonly string[] | undefined): string {
  return comments === undefined || comments.length === 0 ? '' : comments.join('\n').replace(/[ \t]+$/gm, '') + '\n';
}
