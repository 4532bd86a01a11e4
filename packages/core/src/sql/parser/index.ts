/**
 * The Flink SQL front end: text → the same AST the builders produce. See README.md for why it is a
 * hand-written recursive-descent parser.
 */
export { parseScript, parseStatement, parseQuery, parseExpression, parseDataType } from './script.js';
export type { ParseOptions, ParseResult } from './script.js';
export { RESERVED_KEYWORDS } from './keywords.js';
export { IDENTIFIER_MAX_LENGTH, MAX_NESTING_DEPTH } from './cursor.js';
export type { Token, TokenKind } from './lexer.js';
