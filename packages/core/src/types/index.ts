export * from './data-type.js';
export * from './sql-type.js';
export { IMPLICIT_CASTS } from './implicit-cast.js';
export type { ImplicitlyCastable } from './implicit-cast.js';
export type { TypeProblem } from './type-limits.js';
