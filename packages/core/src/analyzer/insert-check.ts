/**
 * INSERT compatibility as Flink's planner checks it (DynamicSinkUtils): the column count, implicit casts only
 * (nullability ignored at planning time), plus what the planner does not say: a positional INSERT pairing
 * columns of clearly different names (an error when the value is a plain column, a warning for a computed or
 * renamed value), and a nullable value going into a NOT NULL column (a warning: Flink's NOT NULL enforcer fails
 * the job at run time).
 */
import type { Query, SelectStar } from '../ast/query.js';
import type { Insert } from '../ast/statement.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import { supportsImplicitCast } from '../types/implicit-cast.js';
import { printDataType } from '../sql/printer/data-type.js';
import type { QueryContext } from './query-columns.js';
import { elsewhere, queryColumns } from './query-columns.js';
import type { CatalogColumn } from './script-catalog.js';

const normalise = (name: string): string => name.toLowerCase().replace(/[_\s]/g, '');

/** Whether two column names are clearly different (not a case, underscore or prefix variant of each other). */
function clearlyDifferent(a: string, b: string): boolean {
  const x = normalise(a);
  const y = normalise(b);
  return x !== y && !x.includes(y) && !y.includes(x);
}

/**
 * The first `*` / `t.*` of the query's top-level SELECT list (through WITH) when that list, a star counting as
 * one item, does not have one item per listed column.
 */
function selectStar(q: Query, listed: number): SelectStar | undefined {
  const body = q.kind === 'With' ? q.body : q;
  if (body.kind !== 'Select' || body.items.length === listed) return undefined;
  return body.items.find((i): i is SelectStar => i.kind === 'SelectStar');
}

export function checkInsert(insert: Insert, ctx: QueryContext, path: string): void {
  const at = (d: Omit<Diagnostic, 'path' | 'file'>): Diagnostic => ({ ...d, path, ...(ctx.file === undefined ? {} : { file: ctx.file }) });
  const sink = ctx.catalog.lookup(insert.target);
  const values = queryColumns(insert.query, ctx);
  if (sink === undefined) {
    ctx.diagnostics.push(at({
      code: 'FTS4002',
      severity: 'error',
      message: `INSERT target '${insert.target.join('.')}' is not declared in this script`,
      hint: elsewhere(ctx, insert.target[insert.target.length - 1]!) ?? didYouMean(insert.target[insert.target.length - 1]!, ctx.catalog.names()) ?? 'declare the sink with CREATE TABLE first',
      ...(insert.span === undefined ? {} : { span: insert.span }),
    }));
    return;
  }
  if (sink.kind === 'view') {
    ctx.diagnostics.push(at({ code: 'FTS4105', severity: 'error', message: `'${sink.path[2]}' is a view; INSERT needs a table`, hint: 'insert into a table with a connector', ...(insert.span === undefined ? {} : { span: insert.span }) }));
    return;
  }
  const star = insert.columns === undefined ? undefined : selectStar(insert.query, insert.columns.length);
  if (star !== undefined) {
    // Flink 1.20.1 matches the column list against the SELECT items before it expands the star, a star
    // counting as one item (verified on the real planner: "Number of columns must match number of query
    // columns"; `INSERT INTO t (a) SELECT * FROM one_column_table` passes).
    ctx.diagnostics.push(at({
      code: 'FTS4107',
      severity: 'error',
      message: `Flink rejects an INSERT with a column list whose SELECT uses ${star.table === undefined ? '*' : `${star.table}.*`} ("Number of columns must match number of query columns")`,
      hint: 'select the columns by name, or drop the column list to insert by position',
      ...(star.span !== undefined ? { span: star.span } : insert.query.span === undefined ? {} : { span: insert.query.span }),
    }));
    return;
  }
  let targets: CatalogColumn[];
  if (insert.columns !== undefined) {
    targets = [];
    for (const name of insert.columns) {
      const column = sink.columns.find((c) => c.name === name && c.writable);
      if (column === undefined) {
        ctx.diagnostics.push(at({
          code: 'FTS4106',
          severity: 'error',
          message: `'${name}' is not a writable column of '${sink.path[2]}'`,
          hint: didYouMean(name, sink.columns.filter((c) => c.writable).map((c) => c.name)) ?? 'list only physical (or non-virtual metadata) columns',
          ...(insert.span === undefined ? {} : { span: insert.span }),
        }));
        return;
      }
      targets.push(column);
    }
  } else {
    targets = sink.columns.filter((c) => c.writable);
  }
  if (values === undefined) return;
  if (values.length !== targets.length) {
    ctx.diagnostics.push(at({
      code: 'FTS4101',
      severity: 'error',
      message: `the query produces ${values.length} column${values.length === 1 ? '' : 's'} but '${sink.path[2]}' expects ${targets.length}${insert.columns === undefined ? '' : ' (its column list)'}`,
      hint: insert.columns === undefined ? 'name the target columns: INSERT INTO sink (col, …) SELECT …' : 'select one value per listed column',
      ...(insert.query.span === undefined ? {} : { span: insert.query.span }),
    }));
    return;
  }
  values.forEach((value, i) => {
    const target = targets[i]!;
    const span = value.expr?.span ?? insert.query.span;
    const where = span === undefined ? {} : { span };
    if (value.type !== undefined && target.type !== undefined) {
      if (!supportsImplicitCast({ ...value.type, nullable: true } as typeof value.type, { ...target.type, nullable: true } as typeof target.type)) {
        ctx.diagnostics.push(at({
          code: 'FTS4102',
          severity: 'error',
          message: `Incompatible types for sink column '${target.name}' at position ${i}: ${printDataType(value.type)} cannot be written into ${printDataType(target.type)} without an explicit CAST`,
          hint: `write CAST(… AS ${printDataType({ ...target.type, nullable: true } as typeof target.type)})`,
          ...where,
        }));
      } else if (value.type.nullable && !target.type.nullable && value.type.kind !== 'NULL') {
        ctx.diagnostics.push(at({
          code: 'FTS4104',
          severity: 'warning',
          message: `a nullable value goes into NOT NULL column '${target.name}'; Flink fails the job at run time when it is NULL (table.exec.sink.not-null-enforcer)`,
          hint: `COALESCE(…, <default>) or filter NULLs before the INSERT`,
          ...where,
        }));
      }
    }
    // Generated names (VALUES columns and unaliased expressions are EXPR$n) say nothing about intent.
    if (insert.columns === undefined && value.name !== undefined && !/^EXPR\$\d+$/.test(value.name) && clearlyDifferent(value.name, target.name)) {
      // A plain column going into a column of another name (seed 001's chapter_id → teach_type_id) is almost
      // surely a misalignment: an error. A computed or renamed value is a warning (`check --strict` fails on it).
      const column = value.expr?.kind === 'ColumnRef' && value.expr.name === value.name;
      ctx.diagnostics.push(at({
        code: 'FTS4103',
        severity: column ? 'error' : 'warning',
        message: `positional INSERT puts '${value.name}' into sink column '${target.name}' (position ${i})`,
        hint: `name the target columns (INSERT INTO ${sink.path[2]} (…) SELECT …) or alias the value AS ${target.name} if this is intended`,
        ...where,
      }));
    }
  });
}
