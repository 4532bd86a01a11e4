/** A copy of an AST without source positions, for comparing trees parsed from different text. */
export function stripSpans<T>(node: T): T {
  if (Array.isArray(node)) return node.map(stripSpans) as T;
  if (node !== null && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) if (k !== 'span' && v !== undefined) out[k] = stripSpans(v);
    return out as T;
  }
  return node;
}
