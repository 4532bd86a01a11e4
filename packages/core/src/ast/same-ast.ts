/**
 * Whether two AST values are the same tree, ignoring source positions (`span`) and fields that are `undefined`.
 * Iterative (its own stack), so trees as deep as a 10,000-term chain compare without running out of stack.
 */
export function sameAst(a: unknown, b: unknown): boolean {
  const left: unknown[] = [a];
  const right: unknown[] = [b];
  while (left.length > 0) {
    const x = left.pop();
    const y = right.pop();
    if (x === y) continue;
    if (x === null || y === null || typeof x !== 'object' || typeof y !== 'object') return false;
    if (Array.isArray(x) !== Array.isArray(y)) return false;
    if (Array.isArray(x)) {
      const ys = y as unknown[];
      if (x.length !== ys.length) return false;
      for (let i = 0; i < x.length; i++) {
        left.push(x[i]);
        right.push(ys[i]);
      }
      continue;
    }
    const xr = x as Record<string, unknown>;
    const yr = y as Record<string, unknown>;
    let count = 0;
    for (const key in xr) {
      if (key === 'span' || xr[key] === undefined) continue;
      count++;
      left.push(xr[key]);
      right.push(yr[key]);
    }
    for (const key in yr) if (key !== 'span' && yr[key] !== undefined) count--;
    if (count !== 0) return false;
  }
  return true;
}
