/**
 * Script text for the emitters, each statement node printed once. A job's script is printed for the analyzer, for
 * StreamPark and for every environment's SQL target; the statements that do not change between them (jobScript
 * keeps such a node the same object: a table whose options hold no variable, an INSERT without credential hints)
 * are printed the first time only. Nodes are immutable, so the text of a node never changes; weak keys keep nothing
 * alive.
 */
import type { Statement } from '@flinkts/core';
import { printStatement } from '@flinkts/core';

const texts = new WeakMap<Statement, string>();

/** `printStatement(s)`, computed once per node. */
export function printedStatement(s: Statement): string {
  let text = texts.get(s);
  if (text === undefined) texts.set(s, (text = printStatement(s)));
  return text;
}

/**
 * The same text as core's `printStatements`: statements separated by a blank line, ending with a newline. Each
 * statement's indentation is complete within it, so printing them one by one and joining gives the same text.
 */
export function printedStatements(statements: readonly Statement[]): string {
  return statements.length === 0 ? '' : `${statements.map(printedStatement).join('\n\n')}\n`;
}
