export * from './data-type.js';
export * from './sql-type.js';
export * from './implicit-cast.js';
export * from './type-limits.js';
