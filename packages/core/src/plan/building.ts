/**
 * A plan node (or binder record) while it is built: its optional keys are set by assignment, then it is frozen. On the
 * binder's per-statement paths a conditional spread (`...(x === undefined ? {} : { x })`) costs far more than an
 * assignment: on the 10 MB script of bench/hostile-cases.ts (166,000 statements) a handful of them were ~10% of
 * `check`'s CPU. Assign optional keys in the order the literal would have had them.
 */
export type Building<T> = { -readonly [K in keyof T]: T[K] };
