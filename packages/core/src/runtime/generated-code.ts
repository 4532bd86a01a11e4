/**
 * Functions generated from text (`new Function`), made once per text and kept in the caller's cache: every job
 * whose generated code has the same text runs the function V8 has already optimised — a new function would start
 * again in the interpreter, which costs a 1M-row run more than the loop itself. A cache keeps at most 256 texts,
 * so a process that makes many shapes does not grow without bound. The texts are made only from integers, type
 * codes and JSON-quoted names, never from user values.
 */
const MAX_TEXTS = 256;

export function generatedFunction<F>(cache: Map<string, F>, params: readonly string[], body: string): F {
  let f = cache.get(body);
  if (f === undefined) {
    f = new Function(...params, body) as F;
    if (cache.size < MAX_TEXTS) cache.set(body, f);
  }
  return f;
}
