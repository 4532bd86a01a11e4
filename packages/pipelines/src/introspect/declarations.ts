/**
 * The tables `flinkts introspect` would write, as declarations in memory (the same `mysql_<table>` MySQL CDC
 * sources), for `flinkts check --tables mysql://…`: a job script is checked against the live schema.
 */
import { column, sqlType, table } from '@flinkts/core';
import type { CreateTable, Diagnostic } from '@flinkts/core';
import { mysqlCdc, secret } from '@flinkts/connectors';
import { typedTables } from './generate-tables.js';
import type { MysqlTarget } from './mysql-url.js';
import type { MysqlTable } from './read-schema.js';

export function introspectedDeclarations(target: Pick<MysqlTarget, 'host' | 'port' | 'database'>, tables: readonly MysqlTable[]): { readonly statements: readonly CreateTable[]; readonly diagnostics: readonly Diagnostic[] } {
  const { typed, diagnostics } = typedTables(tables);
  const statements = typed.map(({ table: t, columns }) =>
    table(`mysql_${t.name}`, {
      columns: Object.fromEntries(columns.map((c) => [c.name, c.comment === '' ? sqlType(c.type) : column(sqlType(c.type), c.comment)])),
      ...(t.primaryKey.length > 0 ? { primaryKey: t.primaryKey } : {}),
      ...(t.comment === '' ? {} : { comment: t.comment }),
      temporary: true,
      connector: mysqlCdc({ hostname: target.host, port: target.port, username: secret('MYSQL_USERNAME'), password: secret('MYSQL_PASSWORD'), 'database-name': target.database, 'table-name': t.name }),
    }).toStatement(),
  );
  return { statements, diagnostics };
}
