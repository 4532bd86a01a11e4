/**
 * `application/x-www-form-urlencoded` bodies, as StreamPark's console binds them: `key=value` pairs joined by
 * `&`, spaces as `+`, everything else outside `[A-Za-z0-9*-._]` percent-encoded as UTF-8.
 */
export function encodeForm(fields: readonly (readonly [string, string])[]): string {
  return new URLSearchParams(fields.map(([k, v]): [string, string] => [k, v])).toString();
}

/** The fields of a body, in order (for tests and `flinkts print`). */
export function decodeForm(body: string): [string, string][] {
  return [...new URLSearchParams(body)];
}
