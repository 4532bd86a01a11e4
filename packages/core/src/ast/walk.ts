/**
 * A generic walk over AST nodes: every object reachable from `root` (through arrays and fields, never through
 * `span`) is passed to `enter`, parents before children, fields in declaration order. Returning `false` from
 * `enter` skips that node's children — the way analyses stop at sub-queries or at the node they collect.
 *
 * The walk keeps its own stack (no recursion), so a 10,000-term `a AND b AND …` chain or a 10,000-way
 * UNION ALL — trees as deep as they are long — is walked like any other.
 */
export type AstNodeLike = { readonly kind?: string };

export function walkAst(root: unknown, enter: (node: AstNodeLike) => boolean | void): void {
  const stack: unknown[] = [root];
  const children: unknown[] = [];
  while (stack.length > 0) {
    const x = stack.pop();
    if (x === null || typeof x !== 'object') continue;
    if (Array.isArray(x)) {
      for (let i = x.length - 1; i >= 0; i--) stack.push(x[i]);
      continue;
    }
    if (enter(x as AstNodeLike) === false) continue;
    for (const key in x) {
      if (key === 'span') continue;
      const value = (x as Record<string, unknown>)[key];
      if (value !== null && typeof value === 'object') children.push(value);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    children.length = 0;
  }
}
