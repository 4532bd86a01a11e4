/**
 * Whether `e` is V8 running out of stack. Usually a RangeError ("Maximum call stack size exceeded"), but when the
 * stack runs out while V8 compiles a regular expression it is a SyntaxError ("Invalid regular expression: /…/:
 * Maximum call stack size exceeded"), which a check for RangeError alone let through as a crash.
 */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError || (e instanceof SyntaxError && e.message.endsWith('Maximum call stack size exceeded'));
}
