/**
 * The tables `flinkts introspect` would write, as declarations in memory (the same `mysql_<table>` MySQL CDC
 * sources, and `lookup_<view>` JDBC tables for views), for `flinkts check --tables mysql://…`: a job script is
 * checked against the live schema.
 */
import { column, sqlType, table } from '@flinkts/core';
import type { CreateTable, Diagnostic } from '@flinkts/core';
import { jdbc, mysqlCdc, secret } from '@flinkts/connectors';
import { typedTables } from './generate-tables.js';
import type { MysqlTarget } from './mysql-url.js';
import type { MysqlTable } from './read-schema.js';

export function introspectedDeclarations(target: Pick<MysqlTarget, 'host' | 'port' | 'database'>, tables: readonly MysqlTable[]): { readonly statements: readonly CreateTable[]; readonly diagnostics: readonly Diagnostic[] } {
  const { typed, diagnostics } = typedTables(tables);
  const credentials = { username: secret('MYSQL_USERNAME'), password: secret('MYSQL_PASSWORD') };
  const statements = typed.map(({ table: t, columns }) =>
    table(`${t.kind === 'view' ? 'lookup' : 'mysql'}_${t.name}`, {
      columns: Object.fromEntries(columns.map((c) => [c.name, c.comment === '' ? sqlType(c.type) : column(sqlType(c.type), c.comment)])),
      ...(t.primaryKey.length > 0 ? { primaryKey: t.primaryKey } : {}),
      ...(t.comment === '' ? {} : { comment: t.comment }),
      temporary: true,
      connector: t.kind === 'view'
        ? jdbc({ url: `jdbc:mysql://${target.host}:${target.port}/${target.database}`, 'table-name': t.name, ...credentials })
        : mysqlCdc({ hostname: target.host, port: target.port, ...credentials, 'database-name': target.database, 'table-name': t.name }),
    }).toStatement(),
  );
  return { statements, diagnostics };
}
