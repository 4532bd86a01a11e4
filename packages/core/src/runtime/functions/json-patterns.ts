/**
 * JSON's tokens as regular-expression source, for the key-path expressions of the quick way and the shape
 * expressions (json-shape.ts): the scanner's grammar, limited to strings without escapes.
 */
export const WS = '[ \\t\\n\\r]*';
/** A string without escapes: the quick ways read only documents without a backslash (one loop over a class, which V8 runs without backtracking state per character). */
export const STRING = '"[^"\\\\\\x00-\\x1f]*"';
export const NUMBER = '-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?';
