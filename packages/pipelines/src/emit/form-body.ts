/**
 * `application/x-www-form-urlencoded` bodies, as StreamPark's console binds them: `key=value` pairs joined by
 * `&`, spaces as `+`, everything else outside `[A-Za-z0-9*-._]` percent-encoded as UTF-8.
 */
export function encodeForm(fields: readonly (readonly [string, string])[]): string {
  return fields.map(([k, v]) => encodeFormField(k, v)).join('&');
}

/** What encodeURIComponent leaves as it is or writes differently from the form encoding: `!'()~` are escaped, a space is `+`. */
const NOT_FORM = /[!'()~]|%20/g;
const FORM_ESCAPES: Readonly<Record<string, string>> = { '!': '%21', "'": '%27', '(': '%28', ')': '%29', '~': '%7E', '%20': '+' };

/**
 * One key or value, percent-encoded exactly as URLSearchParams does it. Not with URLSearchParams itself: Node builds
 * its output one character at a time, so the result is a rope of thousands of pieces that every later join of a
 * body walks again (a StreamPark form of the 1,000-table benchmark pipeline cost more to join than to encode).
 * encodeURIComponent gives a flat string; the two differ only in the characters of NOT_FORM. A lone surrogate,
 * which encodeURIComponent refuses, goes to URLSearchParams (which writes it as U+FFFD).
 */
function encodePart(text: string): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(text);
  } catch {
    return new URLSearchParams([['', text]]).toString().slice(1);
  }
  return encoded.replace(NOT_FORM, (m) => FORM_ESCAPES[m]!);
}

/** One `key=value` pair of a body (a body is its pairs joined by `&`). */
export function encodeFormField(key: string, value: string): string {
  return `${encodePart(key)}=${encodePart(value)}`;
}

/** The fields of a body, in order (for tests and `flinkts print`). */
export function decodeForm(body: string): [string, string][] {
  return [...new URLSearchParams(body)];
}
