/**
 * The typed escape hatches for whole queries and statements, next to the `sql` expression tag: what the builder
 * cannot express yet (or what `flinkts import` kept as written) stays SQL text, parsed when the module loads — a
 * text that does not parse throws the parser's diagnostics. The query's columns are declared, in order, so the
 * query is a typed source and INSERT sink checks apply to it: ``sqlQuery([['id', t.bigint()]])`SELECT …` ``. A
 * column whose type is not known is declared `null` (its value is then unchecked).
 */
import { checkTemplate } from '../diagnostics/arguments.js';
import type { Insert, Statement } from '../ast/statement.js';
import { FlinktsError } from '../diagnostics/diagnostic.js';
import { parseQuery, parseStatement } from '../sql/parser/script.js';
import type { AnySqlType } from '../types/sql-type.js';
import { SelectQuery } from './query.js';
import { DEFINITION_TEXTS } from '../diagnostics/definition-codes.js';
import { textFields } from '../diagnostics/code-table.js';

type ColumnSpec = readonly [name: string, type: AnySqlType | null];
type TypeOf<T> = T extends AnySqlType ? T : AnySqlType;
type ColumnsOf<L extends readonly ColumnSpec[]> = { readonly [E in L[number] as E[0]]: TypeOf<E[1]> };
type OrderedOf<L extends readonly ColumnSpec[]> = { readonly [I in keyof L]: TypeOf<L[I][1]> };

const text = (parts: TemplateStringsArray, call: string): string => {
  checkTemplate(call, parts);
  if (parts.length !== 1) throw new FlinktsError([{ ...textFields(DEFINITION_TEXTS.badArgument({ kind: 'interpolated', call })), severity: 'error' }]);
  return parts[0] ?? '';
};

export function sqlQuery<const L extends readonly ColumnSpec[]>(columns: L): (parts: TemplateStringsArray) => SelectQuery<ColumnsOf<L>, OrderedOf<L>> {
  return (parts) => {
    const parsed = parseQuery(text(parts, 'sqlQuery'));
    if (parsed.query === undefined) throw new FlinktsError(parsed.diagnostics);
    return new SelectQuery(parsed.query, columns.map(([name, type]) => (type === null ? { name } : { name, type: type.node })));
  };
}

export function sqlStatement(parts: TemplateStringsArray): Statement {
  const parsed = parseStatement(text(parts, 'sqlStatement'));
  if (parsed.statement === undefined) throw new FlinktsError(parsed.diagnostics);
  return parsed.statement;
}

/** An INSERT kept as SQL text (a job's statement the builder cannot express yet, e.g. with target hints). */
export function sqlInsert(parts: TemplateStringsArray): Insert {
  const statement = sqlStatement(parts);
  if (statement.kind !== 'Insert') throw new FlinktsError([{ ...textFields(DEFINITION_TEXTS.badArgument({ kind: 'notInsert', got: statement.kind })), severity: 'error' }]);
  return statement;
}
