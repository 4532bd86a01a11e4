/**
 * The Flink SQL printer: AST → Flink SQL text. Deterministic; identifiers always back-quoted, string literals
 * always escaped. See README.md for the canonical forms it prints.
 */
export { printDataType } from './data-type.js';
export { printExpression } from './expression.js';
export { printQuery } from './query.js';
export { printScript, printStatement, printStatements } from './statement.js';
export { quoteIdentifier, quotePath, quoteString } from './quote.js';
