/**
 * A generic walk over AST nodes: every object reachable from `root` (through arrays and fields, never through
 * `span`) is passed to `enter`, parents before children, fields in declaration order. Returning `false` from
 * `enter` skips that node's children — the way analyses stop at sub-queries or at the node they collect.
 */
export type AstNodeLike = { readonly kind?: string };

export function walkAst(root: unknown, enter: (node: AstNodeLike) => boolean | void): void {
  const visit = (x: unknown): void => {
    if (x === null || typeof x !== 'object') return;
    if (Array.isArray(x)) {
      for (const item of x) visit(item);
      return;
    }
    if (enter(x as AstNodeLike) === false) return;
    for (const [key, value] of Object.entries(x)) if (key !== 'span') visit(value);
  };
  visit(root);
}
