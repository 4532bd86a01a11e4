/**
 * INSERT compatibility, as a rule over the bound Sink (the binder has checked the target, the column list and the
 * column count): implicit casts only, as Flink's planner checks them (DynamicSinkUtils; nullability ignored at
 * planning time), plus what the planner does not say: a positional INSERT pairing columns of clearly different names
 * (an error when the value is a plain column, a warning for a computed or renamed value), and a nullable value going
 * into a NOT NULL column (a warning: Flink's NOT NULL enforcer fails the job at run time).
 */
import type { Expression } from '../ast/expression.js';
import type { Insert } from '../ast/statement.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { NamedPlan } from '../plan/bind-context.js';
import type { PlanNode } from '../plan/node.js';
import type { Sink } from '../plan/sink.js';
import { supportsImplicitCast } from '../types/implicit-cast.js';
import { withNullable } from '../types/type-predicates.js';
import { printDataType } from '../sql/printer/data-type.js';
import { INSERT_TEXTS } from '../plan/insert-codes.js';
import { textFields } from '../diagnostics/code-table.js';

const normalise = (name: string): string => name.toLowerCase().replace(/[_\s]/g, '');

/** Whether two column names are clearly different (not a case, underscore or prefix variant of each other). */
function clearlyDifferent(a: string, b: string): boolean {
  const x = normalise(a);
  const y = normalise(b);
  return x !== y && !x.includes(y) && !y.includes(x);
}

/** The expression written for each output column, when the query's top is a SELECT list (not for `*` columns). */
function writtenExprs(plan: PlanNode): readonly (Expression | undefined)[] {
  let top = plan;
  if (top.kind === 'Sort') top = top.input;
  if (top.kind === 'Aggregate' && top.distinct !== undefined) top = top.input;
  if (top.kind !== 'Project') return [];
  // A `*` column is bound to a ColumnRef written nowhere (no span): not a written expression.
  return top.exprs.map((e) => (e.ast.span === undefined ? undefined : e.ast));
}

export function checkInsertTypes(insert: Insert, sink: Sink, query: NamedPlan, at: (d: Omit<Diagnostic, 'path' | 'file'>) => Diagnostic): Diagnostic[] {
  const out: Diagnostic[] = [];
  const exprs = writtenExprs(sink.input);
  sink.input.columns.forEach((value, i) => {
    const target = sink.tableColumns[sink.targets[i]!]!;
    const expr = exprs[i];
    const name = query.names[i];
    const span = expr?.span ?? insert.query.span;
    const where = span === undefined ? {} : { span };
    if (value.type !== undefined && target.type !== undefined) {
      if (!supportsImplicitCast(withNullable(value.type, true), withNullable(target.type, true))) {
        out.push(at({
          ...textFields(INSERT_TEXTS.notCastable({ column: target.name, position: i, from: printDataType(value.type), to: printDataType(target.type) })),
          severity: 'error',
          ...where,
        }));
      } else if (value.type.nullable && !target.type.nullable && value.type.kind !== 'NULL') {
        out.push(at({
          ...textFields(INSERT_TEXTS.nullableIntoNotNull({ column: target.name })),
          severity: 'warning',
          ...where,
        }));
      }
    }
    // Generated names (VALUES columns and unaliased expressions are EXPR$n) say nothing about intent.
    // (The same name first: the common case, without the regular expressions.)
    if (insert.columns === undefined && name !== undefined && name !== target.name && !/^EXPR\$\d+$/.test(name) && clearlyDifferent(name, target.name)) {
      // A plain column going into a column of another name (seed 001's chapter_id → teach_type_id) is almost
      // surely a misalignment: an error. A computed or renamed value is a warning (`check --strict` fails on it).
      const column = expr?.kind === 'ColumnRef' && expr.name === name;
      out.push(at({
        ...textFields(INSERT_TEXTS.nameMismatch({ name, column: target.name, position: i, table: sink.table.path[2]! })),
        severity: column ? 'error' : 'warning',
        ...where,
      }));
    }
  });
  return out;
}
