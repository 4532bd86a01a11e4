/**
 * The TypeScript module `flinkts introspect` writes: per MySQL table its columns (typed with Flink CDC's mapping,
 * NOT NULL and comments kept), a MySQL CDC source table with its primary key, and — when asked — a JDBC lookup
 * table and a Paimon ODS table with the same columns. A view gets its columns and a JDBC table only: MySQL CDC
 * reads the binlog, which records the base tables' changes, never a view's. Credentials are `secret()`s, never values.
 */
import type { DataType, Diagnostic } from '@flinkts/core';
import { formatted, newSourceFile } from '../codegen/format.js';
import { NameScope, identifier, key, str } from '../codegen/ts-literal.js';
import { typeCode } from '../codegen/type-code.js';
import { textFields } from '@flinkts/core/internal';
import { INTROSPECT_TEXTS } from './codes.js';
import { flinkTypeOf } from './mysql-types.js';
import type { MysqlTarget } from './mysql-url.js';
import type { MysqlTable } from './read-schema.js';

export interface GenerateOptions {
  readonly target: Pick<MysqlTarget, 'host' | 'port' | 'database'>;
  readonly tables: readonly MysqlTable[];
  /** Also declare a JDBC table per MySQL table (for lookup joins). */
  readonly jdbcLookup?: boolean;
  /** Also declare a Paimon table per MySQL table in this catalog's `ods` database. */
  readonly paimonOds?: { readonly catalog: string; readonly database?: string };
  /** The secrets the credentials come from (default MYSQL_USERNAME / MYSQL_PASSWORD). */
  readonly secrets?: { readonly username: string; readonly password: string };
}

export type Generated = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

interface TypedTable {
  readonly table: MysqlTable;
  readonly columns: readonly { readonly name: string; readonly type: DataType; readonly comment: string }[];
}

/** Maps every column; an unmappable type is an error naming the table and column. */
export function typedTables(tables: readonly MysqlTable[]): { readonly typed: readonly TypedTable[]; readonly diagnostics: readonly Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const typed = tables.map((table) => ({
    table,
    columns: table.columns.flatMap((c) => {
      const mapped = flinkTypeOf(c);
      if (mapped.ok) return [{ name: c.name, type: mapped.type, comment: c.comment }];
      diagnostics.push({ ...textFields(INTROSPECT_TEXTS.unsupportedType({ table: table.name, column: c.name, reason: mapped.reason })), severity: 'error', path: `tables.${table.name}.${c.name}` });
      return [];
    }),
  }));
  return { typed, diagnostics };
}

export async function generateTablesModule(options: GenerateOptions): Promise<Generated> {
  const { typed, diagnostics } = typedTables(options.tables);
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  const { host, port, database } = options.target;
  const secrets = options.secrets ?? { username: 'MYSQL_USERNAME', password: 'MYSQL_PASSWORD' };
  const file = await newSourceFile('tables.ts');
  const names = new NameScope(['t', 'table', 'column', 'mysqlCdc', 'jdbc', 'paimon', 'secret', 'source', 'lookup', 'ods']);
  const coreImports = ['t', 'table', ...(typed.some((x) => x.columns.some((c) => c.comment !== '')) ? ['column'] : [])].sort();
  const tables = typed.filter((x) => x.table.kind === 'table');
  const connectorImports = [...(tables.length > 0 ? ['mysqlCdc'] : []), 'secret', ...(options.jdbcLookup === true || tables.length < typed.length ? ['jdbc'] : []), ...(options.paimonOds !== undefined && tables.length > 0 ? ['paimon'] : [])].sort();
  file.addImportDeclaration({ moduleSpecifier: '@flinkts/core', namedImports: coreImports });
  file.addImportDeclaration({ moduleSpecifier: '@flinkts/connectors', namedImports: connectorImports });
  const credentials = `username: secret(${str(secrets.username)}), password: secret(${str(secrets.password)})`;
  if (tables.length > 0) file.addStatements(`
/** The MySQL CDC source of one table of \`${database}\`. */
const source = (tableName: string) => mysqlCdc({ hostname: ${str(host)}, port: ${port}, ${credentials}, 'database-name': ${str(database)}, 'table-name': tableName });`);
  const views = typed.some((x) => x.table.kind === 'view');
  if (options.jdbcLookup === true || views) {
    file.addStatements(`
/** A JDBC table over one table of \`${database}\`, for lookup joins. */
const lookup = (tableName: string) => jdbc({ url: ${str(`jdbc:mysql://${host}:${port}/${database}`)}, 'table-name': tableName, ${credentials} });`);
  }
  for (const { table, columns } of typed) {
    const columnsName = names.take(`${identifier(table.name)}Columns`);
    const described = table.kind === 'view' ? ' (a view)' : table.comment === '' ? '' : ` — ${table.comment.replace(/\*\//g, '* /')}`;
    const columnEntries = columns.map((c) => `${key(c.name)}: ${c.comment === '' ? typeCode(c.type) : `column(${typeCode(c.type)}, ${str(c.comment)})`}`);
    file.addStatements(`
/** The columns of \`${database}\`.\`${table.name}\`${described}. */
export const ${columnsName} = { ${columnEntries.join(', ')} };`);
    const common = [
      `columns: ${columnsName}`,
      ...(table.primaryKey.length > 0 ? [`primaryKey: [${table.primaryKey.map(str).join(', ')}]`] : []),
      ...(table.comment === '' ? [] : [`comment: ${str(table.comment)}`]),
    ];
    const declare = (variable: string, name: string, rest: readonly string[], doc: string): void => {
      file.addStatements(`
/** ${doc} */
export const ${names.take(variable)} = table(${str(name)}, { ${[...common, ...rest].join(', ')} });`);
    };
    if (table.kind === 'view') {
      declare(identifier('lookup', table.name), `lookup_${table.name}`, ['temporary: true', `connector: lookup(${str(table.name)})`], `The view \`${table.name}\` read over JDBC (a bounded scan, or the right side of lookup joins). MySQL CDC cannot capture a view: the binlog records its base tables' changes; capture those to stream it.`);
      continue;
    }
    declare(identifier('mysql', table.name), `mysql_${table.name}`, ['temporary: true', `connector: source(${str(table.name)})`], `\`${table.name}\`'s changes (MySQL CDC: snapshot, then the binlog).`);
    if (options.jdbcLookup === true) declare(identifier('lookup', table.name), `lookup_${table.name}`, ['temporary: true', `connector: lookup(${str(table.name)})`], `\`${table.name}\` read over JDBC (the right side of lookup joins).`);
    if (options.paimonOds !== undefined) {
      const ods = options.paimonOds;
      declare(identifier('ods', table.name), `ods_${table.name}`, [`catalog: ${str(ods.catalog)}`, `database: ${str(ods.database ?? 'ods')}`, "layer: 'ods'", 'ifNotExists: true', 'connector: paimon()'], `The Paimon ODS mirror of \`${table.name}\`.`);
    }
  }
  file.insertStatements(0, `/**
 * Tables of the MySQL database \`${database}\` (${host}:${port}), generated by \`flinkts introspect\` from its
 * information_schema. Column types follow Flink CDC 3.x's MySQL → Flink type mapping. The credentials are the
 * secrets ${secrets.username} and ${secrets.password} (declare them in the pipeline). \`flinkts introspect … --check\`
 * reports where the live schema has drifted from these declarations.
 */`);
  return { ok: true, text: await formatted(file) };
}
