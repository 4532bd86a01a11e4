export * from './node.js';
export * from './expression.js';
export * from './query.js';
export * from './statement.js';
export * from './walk.js';
export * from './same-ast.js';
