/**
 * Splitting a SQL script into statements for statement-by-statement validation (by dt-sql-parser.ts), in a file of
 * its own so a test that only splits does not load dt-sql-parser's grammar.
 */

const withoutComments = (text: string) => text.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ').trim();

/** `EXECUTE STATEMENT SET BEGIN … END` holds `;`-terminated INSERTs: the statement runs up to its `END`. */
function insideStatementSet(piece: string): boolean {
  const text = withoutComments(piece);
  return /^EXECUTE\s+STATEMENT\s+SET\s+BEGIN\b/i.test(text) && !/\bEND$/i.test(text);
}

/**
 * Splits a script into statements at `;` outside string literals, back-quoted identifiers and comments (and
 * outside `EXECUTE STATEMENT SET BEGIN … END`), for statement-by-statement validation. Each statement keeps its
 * leading comments and ends with `;`; pieces made only of comments and whitespace are dropped.
 */
export function splitStatements(script: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  const push = (end: number) => {
    const text = script.slice(start, end).trim();
    if (withoutComments(text) !== '') out.push(`${text};`);
  };
  while (i < script.length) {
    const c = script[i]!;
    if (c === "'" || c === '`') {
      // Quotes are escaped by doubling, so scanning to the next quote and continuing handles '' and ``.
      const close = script.indexOf(c, i + 1);
      i = close === -1 ? script.length : close + 1;
    } else if (c === '-' && script[i + 1] === '-') {
      const eol = script.indexOf('\n', i);
      i = eol === -1 ? script.length : eol + 1;
    } else if (c === '/' && script[i + 1] === '*') {
      const close = script.indexOf('*/', i + 2);
      i = close === -1 ? script.length : close + 2;
    } else if (c === ';' && !insideStatementSet(script.slice(start, i))) {
      push(i);
      start = ++i;
    } else {
      i++;
    }
  }
  push(script.length);
  return out;
}
