export * from './node.js';
export * from './expression.js';
export * from './query.js';
export * from './statement.js';
export type { AstNodeLike } from './walk.js';
