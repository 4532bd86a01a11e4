/** SQL text inside generated template literals (`sql`, `sqlQuery`, `sqlStatement` tags), with column references interpolated. */
import { printExpression } from '@flinkts/core';
import type { Expression } from '@flinkts/core';

/** Escapes text for a template literal: backslashes, back-quotes and `${`. */
export function templateText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

const MARK = '__flinkts_ref_';

/**
 * An expression as a `sql` template body whose column references are `${ref(column)}` interpolations, so they
 * stay typed references to the table's or query's columns.
 */
export function interpolated(e: Expression, ref: (table: string | undefined, name: string) => string | undefined): string {
  return interpolatedNodes(e, (n) => (n.kind === 'ColumnRef' ? ref(n.table, n.name) : undefined));
}

/**
 * An expression as a `sql` template body where every node `code` gives TypeScript for (a typed column reference, an
 * aggregate call written with `fn`) is an interpolation and the rest is SQL text.
 */
export function interpolatedNodes(e: Expression, code: (node: Expression) => string | undefined): string {
  const refs: string[] = [];
  const replace = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(replace);
    if (node === null || typeof node !== 'object') return node;
    const n = node as Record<string, unknown>;
    if (typeof n.kind === 'string') {
      const c = code(node as Expression);
      if (c !== undefined) {
        refs.push(c);
        return { kind: 'ColumnRef', name: `${MARK}${refs.length - 1}` };
      }
    }
    if (n.kind === 'ScalarSubquery' || n.kind === 'Exists' || n.kind === 'TableArg') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(n)) out[k] = k === 'span' ? undefined : replace(v);
    return out;
  };
  const printed = printExpression(replace(e) as Expression);
  const pieces = printed.split(new RegExp(`\`${MARK}(\\d+)\``));
  return pieces.map((p, i) => (i % 2 === 0 ? templateText(p) : `\${${refs[Number(p)]}}`)).join('');
}
