/** Quoting rules shared by every printer function. */

/** Back-quote an identifier, doubling embedded back-quotes. Identifiers are always quoted. */
export function quoteIdentifier(name: string): string {
  return name.indexOf('`') === -1 ? '`' + name + '`' : '`' + name.replaceAll('`', '``') + '`';
}

/** A dotted, fully back-quoted object path: `cat`.`db`.`t`. */
export function quotePath(path: readonly string[]): string {
  if (path.length === 1) return quoteIdentifier(path[0]!);
  return path.map(quoteIdentifier).join('.');
}

/** A single-quoted SQL string literal, doubling embedded quotes. */
export function quoteString(value: string): string {
  return value.indexOf("'") === -1 ? "'" + value + "'" : "'" + value.replaceAll("'", "''") + "'";
}
