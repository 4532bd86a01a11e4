/**
 * A copy of an AST without source positions, for comparing trees parsed from different text. Iterative (its own
 * stack), so a tree as deep as a 10,000-term chain is copied without running out of stack.
 */
export function stripSpans<T>(node: T): T {
  const root: { value?: unknown } = {};
  const work: { from: unknown; into: Record<string | number, unknown>; key: string | number }[] = [{ from: node, into: root, key: 'value' }];
  while (work.length > 0) {
    const { from, into, key } = work.pop()!;
    if (Array.isArray(from)) {
      const out: unknown[] = new Array(from.length);
      into[key] = out;
      for (let i = 0; i < from.length; i++) work.push({ from: from[i], into: out as unknown as Record<number, unknown>, key: i });
    } else if (from !== null && typeof from === 'object') {
      const out: Record<string, unknown> = {};
      into[key] = out;
      for (const k in from) {
        const v = (from as Record<string, unknown>)[k];
        if (k !== 'span' && v !== undefined) {
          out[k] = undefined;
          work.push({ from: v, into: out, key: k });
        }
      }
    } else into[key] = from;
  }
  return root.value as T;
}
