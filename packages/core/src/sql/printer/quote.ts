/** Quoting rules shared by every printer function. */

/** Back-quote an identifier, doubling embedded back-quotes. Identifiers are always quoted. */
export function quoteIdentifier(name: string): string {
  return '`' + name.replaceAll('`', '``') + '`';
}

/** A dotted, fully back-quoted object path: `cat`.`db`.`t`. */
export function quotePath(path: readonly string[]): string {
  return path.map(quoteIdentifier).join('.');
}

/** A single-quoted SQL string literal, doubling embedded quotes. */
export function quoteString(value: string): string {
  return "'" + value.replaceAll("'", "''") + "'";
}
