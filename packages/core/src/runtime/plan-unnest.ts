/**
 * Planning UNNEST: `FROM t CROSS JOIN UNNEST(t.arr) [WITH ORDINALITY] AS u (c…)`, the comma form, `[INNER] JOIN
 * UNNEST(…) ON TRUE` and `LEFT JOIN UNNEST(…) ON TRUE`, and a standalone `FROM UNNEST(…)`, as Flink's correlate.
 * Arrays (of scalars or of ROWs) are supported; MAP and MULTISET are FTS7001, because Flink unnests them in the
 * iteration order of its hash-based map data, which the local runtime does not reproduce. WITH ORDINALITY is
 * FTS7002: Flink 1.20.1's planner fails on it.
 */
import type { Expression } from '../ast/expression.js';
import type { Unnest } from '../ast/query.js';
import type { DataType } from '../types/data-type.js';
import { invalid, unsupported } from './errors.js';
import { UnnestOperator } from './operators/unnest.js';
import type { Planner, Rel, RelColumn } from './plan.js';
import { withNullable } from './types.js';

const isTrue = (e: Expression | undefined): boolean => e === undefined || (e.kind === 'BooleanLiteral' && e.value);

export function planUnnest(planner: Planner, left: Rel, u: Unnest, joinType: 'INNER' | 'LEFT', on: Expression | undefined): Rel {
  if (!isTrue(on)) throw unsupported(`${joinType} JOIN UNNEST with a condition other than ON TRUE`, on?.span ?? u.span);
  if (u.withOrdinality) {
    // real Flink 1.20.1 cannot run it: its planner fails on the ordinality column whatever the array
    throw invalid('Cannot add expression of different type to set (Flink 1.20 cannot plan UNNEST … WITH ORDINALITY)', u.span, 'number the elements another way, e.g. an ARRAY of ROWs that carries the position');
  }
  if (u.args.length !== 1) throw unsupported('UNNEST of more than one array', u.span);
  const c = planner.compiler(left);
  const arr = c.compile(u.args[0] as Expression);
  const t = arr.type;
  if (t.kind === 'MAP' || t.kind === 'MULTISET') throw unsupported(`UNNEST of a ${t.kind} (Flink unnests it in its hash order)`, u.span);
  if (t.kind !== 'ARRAY') throw invalid(`UNNEST needs an ARRAY, MAP or MULTISET argument, not ${t.kind}`, u.args[0]?.span ?? u.span);
  const el = t.element;
  const fields: { name: string; type: DataType }[] = el.kind === 'ROW'
    ? el.fields.map((f) => ({ name: f.name, type: withNullable(f.type, f.type.nullable || el.nullable) }))
    : [{ name: 'EXPR$0', type: el }];
  const names = u.columnAliases ?? [];
  const expected = fields.length;
  if (names.length > 0 && names.length !== expected) {
    throw invalid(`List of column aliases must have same degree as table; table has ${expected} columns, whereas alias list has ${names.length} columns`, u.span);
  }
  const nullable = joinType === 'LEFT';
  const table = u.alias;
  const columns: RelColumn[] = [
    ...left.columns,
    ...fields.map((f, i) => ({ name: names[i] ?? f.name, type: nullable ? withNullable(f.type, true) : f.type, ...(table ? { table } : {}) })),
  ];
  const width = fields.length;
  const spread = el.kind === 'ROW'
    ? (e: unknown) => (e === null ? new Array<null>(width).fill(null) : (e as readonly unknown[]))
    : (e: unknown) => [e];
  const op = new UnnestOperator(arr.eval, spread, width, joinType === 'LEFT', el.kind === 'ROW');
  left.op.connectTo(op);
  return { columns, op, mode: left.mode, rowtime: left.rowtime, proctime: left.proctime, ...(left.uniqueKey ? {} : {}) };
}
