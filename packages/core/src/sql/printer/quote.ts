/** Quoting rules shared by every printer function. */
import { argumentError } from '../../diagnostics/arguments.js';

/** Back-quote an identifier, doubling embedded back-quotes. Identifiers are always quoted. */
export function quoteIdentifier(name: string): string {
  if (typeof name !== 'string') throw argumentError('quoteIdentifier()', 'name', 'a string', name);
  return name.indexOf('`') === -1 ? '`' + name + '`' : '`' + name.replaceAll('`', '``') + '`';
}

/** A dotted, fully back-quoted object path: `cat`.`db`.`t`. */
export function quotePath(path: readonly string[]): string {
  if (!Array.isArray(path) || path.length === 0 || path.some((p) => typeof p !== 'string')) throw argumentError('quotePath()', 'path', 'a non-empty list of names (strings)', path);
  if (path.length === 1) return quoteIdentifier(path[0]!);
  return path.map(quoteIdentifier).join('.');
}

/** A single-quoted SQL string literal, doubling embedded quotes. */
export function quoteString(value: string): string {
  if (typeof value !== 'string') throw argumentError('quoteString()', 'value', 'a string', value);
  return value.indexOf("'") === -1 ? "'" + value + "'" : "'" + value.replaceAll("'", "''") + "'";
}
