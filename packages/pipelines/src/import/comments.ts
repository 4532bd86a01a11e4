/**
 * SQL comments and refused statements as TypeScript comments in the generated code: `-- x` becomes `// x`,
 * `/* x *\/` stays a block comment, and a statement the parser refused is carried verbatim in a block comment
 * (literal credentials in it replaced by `***`, never written).
 */
import type { RefusedStatement } from './fixes.js';

/** One SQL comment (with its markers, as the parser keeps it) as TypeScript comment lines, each ending in a newline. */
export function tsComment(sql: string): string {
  if (sql.startsWith('--')) return `//${sql.slice(2).replace(/[ \t]+$/, '')}\n`;
  return `${sql.replace(/\*\/(?=[\s\S])/g, '*\\/')}\n`;
}

/** Leading TypeScript comments for SQL comments, or ''. */
export function tsComments(comments: readonly string[] | undefined): string {
  return (comments ?? []).map(tsComment).join('');
}

const CREDENTIAL_KEY = /(password|passwd|secret|token|username|user|access[-_.]?key|credential|sasl\.jaas\.config)['"`]?\s*=\s*'/i;

/** Literal credentials in `'key' = 'value'` options of a refused statement, redacted; placeholders stay. */
export function redactCredentials(text: string): { readonly text: string; readonly redacted: number } {
  let redacted = 0;
  const out = text.replace(/('(?:[^']|'')*'\s*=\s*)'((?:[^']|'')*)'/g, (whole, lhs: string, value: string) => {
    if (!CREDENTIAL_KEY.test(`${lhs}'`) || /^\$\{[A-Za-z_][A-Za-z0-9_.-]*\}$/.test(value) || value === '') return whole;
    redacted++;
    return `${lhs}'***'`;
  });
  return { text: out, redacted };
}

/** A refused statement carried in a block comment: where it was, why it was refused, its text as written. */
export function carriedStatement(file: string, r: RefusedStatement): string {
  const why = r.errors.map((d) => `${d.code} at ${file}:${d.span?.start.line ?? r.firstLine}:${d.span?.start.column ?? 1}: ${d.message}`);
  const body = redactCredentials(r.text).text.replace(/\*\//g, '*\\/');
  return `/* NOT IMPORTED: ${file} lines ${r.firstLine}-${r.lastLine} do not parse as Flink SQL, so nothing was generated for them:\n${why.map((w) => ` * - ${w}\n`).join('')}   Fix the statement and import it again. As written:\n\n${body}\n*/\n`;
}
