/** Small layout helpers shared by the printer's files. */

export const INDENT = '  ';

/** Indent every non-empty line of `text`. */
export function indent(text: string, by: string = INDENT): string {
  if (text.indexOf('\n') === -1) return text === '' ? text : by + text;
  return text
    .split('\n')
    .map((line) => (line === '' ? line : by + line))
    .join('\n');
}

/** Comment lines to print before a node, each on its own line. */
export function commentLines(comments: readonly string[] | undefined): string {
  return comments === undefined || comments.length === 0 ? '' : comments.join('\n') + '\n';
}
