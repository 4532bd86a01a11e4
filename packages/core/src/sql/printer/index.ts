/**
 * The Flink SQL printer: AST → Flink SQL text. Deterministic; identifiers always back-quoted, string literals
 * always escaped. See README.md for the canonical forms it prints.
 */
export { printDataType } from './data-type.js';
export { printExpression, printIntervalQualifier, printOrderItem, printWindowSpec } from './expression.js';
export { printHint, printQuery, printRelation } from './query.js';
export { printOptions, printScript, printStatement, printStatementBody, printStatements } from './statement.js';
export { quoteIdentifier, quotePath, quoteString } from './quote.js';
