/**
 * `application/x-www-form-urlencoded` bodies, as StreamPark's console binds them: `key=value` pairs joined by
 * `&`, spaces as `+`, everything else outside `[A-Za-z0-9*-._]` percent-encoded as UTF-8.
 */
export function encodeForm(fields: readonly (readonly [string, string])[]): string {
  return fields.map(([k, v]) => encodeFormField(k, v)).join('&');
}

/** One `key=value` pair of a body (a body is its pairs joined by `&`). */
export function encodeFormField(key: string, value: string): string {
  return new URLSearchParams([[key, value]]).toString();
}

/** The fields of a body, in order (for tests and `flinkts print`). */
export function decodeForm(body: string): [string, string][] {
  return [...new URLSearchParams(body)];
}
