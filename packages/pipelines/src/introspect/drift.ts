/**
 * `flinkts introspect --check`: the declared MySQL CDC tables and the JDBC tables over views (CREATE TABLE
 * statements, from a TypeScript module's tables or a SQL script) against the live schema. Each difference is an FTS9126 error at the table and column:
 * a column added in MySQL, one dropped there, a type / nullability change (compared after Flink CDC's type
 * mapping), a changed primary key, a declared table that no longer exists. A MySQL table that nothing declares is
 * a warning.
 */
import { printDataType } from '@flinkts/core';
import type { CreateTable, DataType, Diagnostic } from '@flinkts/core';
import { textFields } from '@flinkts/core/internal';
import type { Drift } from './codes.js';
import { INTROSPECT_TEXTS } from './codes.js';
import { typedTables } from './generate-tables.js';
import type { MysqlTable } from './read-schema.js';

const option = (t: CreateTable, k: string): string | undefined => t.options.find((o) => o.key === k)?.value;

/** The database a `jdbc:mysql://host:port/db?…` (or `jdbc:mariadb:`) URL names. */
const jdbcDatabase = (url: string | undefined): string | undefined => /^jdbc:(?:mysql|mariadb):\/\/[^/]*\/([^?;/]+)/.exec(url ?? '')?.[1];

/**
 * The CREATE TABLE statements that read `database`, by MySQL table or view name: mysql-cdc tables, and JDBC tables
 * (how views are declared) for the names no mysql-cdc table reads.
 */
export function declaredMysqlTables(statements: readonly CreateTable[], database: string): Map<string, CreateTable> {
  const found = new Map<string, CreateTable>();
  for (const s of statements) {
    if (option(s, 'connector') !== 'mysql-cdc' || option(s, 'database-name') !== database) continue;
    const name = option(s, 'table-name');
    if (name !== undefined) found.set(name, s);
  }
  for (const s of statements) {
    if (option(s, 'connector') !== 'jdbc' || jdbcDatabase(option(s, 'url')) !== database) continue;
    const name = option(s, 'table-name');
    if (name !== undefined && !found.has(name)) found.set(name, s);
  }
  return found;
}

const shown = (type: DataType, key: boolean): string => printDataType(key ? { ...type, nullable: false } : type);

export function schemaDrift(declared: ReadonlyMap<string, CreateTable>, live: readonly MysqlTable[], database: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const drift = (payload: Drift, path: string): void => {
    out.push({ ...textFields(INTROSPECT_TEXTS.drift(payload)), severity: payload.kind === 'undeclared' ? 'warning' : 'error', path });
  };
  const { typed } = typedTables(live);
  const liveByName = new Map(typed.map((t) => [t.table.name, t]));
  for (const [name, statement] of declared) {
    const flinkName = statement.path.join('.');
    const current = liveByName.get(name);
    if (current === undefined) {
      drift({ kind: 'tableGone', database, table: name, declaredAs: flinkName }, `tables.${name}`);
      continue;
    }
    const declaredKey = new Set(statement.primaryKey?.columns ?? []);
    const liveKey = new Set(current.table.primaryKey);
    const physical = new Map<string, DataType>();
    for (const c of statement.columns) if (c.kind === 'PhysicalColumn') physical.set(c.name, c.type);
    for (const c of current.columns) {
      const mine = physical.get(c.name);
      if (mine === undefined) {
        drift({ kind: 'columnAdded', database, table: name, column: c.name, type: printDataType(c.type), declaredAs: flinkName }, `tables.${name}.${c.name}`);
        continue;
      }
      const was = shown(mine, declaredKey.has(c.name));
      const now = shown(c.type, liveKey.has(c.name));
      if (was !== now) drift({ kind: 'columnChanged', database, table: name, column: c.name, live: now, declared: was, declaredAs: flinkName }, `tables.${name}.${c.name}`);
    }
    const liveColumns = new Set(current.columns.map((c) => c.name));
    for (const c of physical.keys()) {
      if (!liveColumns.has(c)) drift({ kind: 'columnDropped', database, table: name, column: c, declaredAs: flinkName }, `tables.${name}.${c}`);
    }
    const was = [...declaredKey].join(', ');
    const now = current.table.primaryKey.join(', ');
    if (was !== now) drift({ kind: 'keyChanged', database, table: name, live: now, declared: was, declaredAs: flinkName }, `tables.${name}.primaryKey`);
  }
  for (const t of live) {
    if (!declared.has(t.name)) drift({ kind: 'undeclared', database, table: t.name, view: t.kind === 'view' }, `tables.${t.name}`);
  }
  return out;
}
