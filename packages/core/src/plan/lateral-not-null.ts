/**
 * Flink 1.20.1 fails to plan a query whose select list reads a NOT NULL output column of a user table function
 * joined by `LEFT JOIN LATERAL TABLE(…) ON TRUE` ("Conversion to relational algebra failed to preserve datatypes":
 * the validator makes the column nullable for the padded rows, the conversion keeps the function's NOT NULL). Checked
 * on Flink with the bridge's `SplitWordsNotNull` (test/flink/table-function.test.ts); reading the column only in
 * WHERE plans. FTS4533.
 */
import type { BindContext } from './bind-context.js';
import { report } from './bind-context.js';
import { BIND_TEXTS } from './codes.js';
import type { PlanNode } from './node.js';
import type { Project } from './project.js';

/** Reports each select item of `project` that reads such a column of a LEFT-joined table function below it. */
export function checkLeftLateralNotNull(project: Project, ctx: BindContext): void {
  const functions = ctx.userFunctions;
  if (functions === undefined) return;
  const notNull = new Map<number, string>();
  let node: PlanNode = project.input;
  for (;;) {
    if (node.kind === 'Filter') node = node.input;
    else if (node.kind === 'Correlate') {
      if (node.type === 'LEFT' && node.query === undefined && node.fn !== 'UNNEST') {
        const declared = functions.get(node.fn.split('.').at(-1)!.toUpperCase());
        const base = node.input.columns.length;
        declared?.columns.forEach((c, i) => { if (c.type?.nullable === false) notNull.set(base + i, node.columns[base + i]?.name ?? c.name); });
      }
      node = node.input;
    } else break;
  }
  if (notNull.size === 0) return;
  for (const e of project.exprs) {
    const ref = e.refs.find((r) => r.depth === 0 && notNull.has(r.index));
    if (ref === undefined) continue;
    const name = notNull.get(ref.index)!;
    report(ctx, BIND_TEXTS.leftLateralNotNull({ column: name }), e.ast);
    return;
  }
}
