export * from './diagnostic.js';
export * from './did-you-mean.js';
export * from './arguments.js';
export * from './registry.js';
export * from './code-table.js';
