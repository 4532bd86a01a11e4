/**
 * `flinkts introspect --check`: the declared MySQL CDC tables and the JDBC tables over views (CREATE TABLE
 * statements, from a TypeScript module's tables or a SQL script) against the live schema. Each difference is an FTS9126 error at the table and column:
 * a column added in MySQL, one dropped there, a type / nullability change (compared after Flink CDC's type
 * mapping), a changed primary key, a declared table that no longer exists. A MySQL table that nothing declares is
 * a warning.
 */
import { printDataType } from '@flinkts/core';
import type { CreateTable, DataType, Diagnostic } from '@flinkts/core';
import { INTROSPECT_CODES } from './codes.js';
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
  const drift = (message: string, path: string, hint: string, severity: 'error' | 'warning' = 'error'): void => {
    out.push({ code: INTROSPECT_CODES.drift, severity, message, hint, path });
  };
  const rerun = 're-run flinkts introspect to regenerate the declarations (and adapt the jobs that read them)';
  const { typed } = typedTables(live);
  const liveByName = new Map(typed.map((t) => [t.table.name, t]));
  for (const [name, statement] of declared) {
    const flinkName = statement.path.join('.');
    const current = liveByName.get(name);
    if (current === undefined) {
      drift(`${database}.${name} (declared as ${flinkName}) no longer exists in MySQL`, `tables.${name}`, 'remove the declaration, or point it at the table that replaced it');
      continue;
    }
    const declaredKey = new Set(statement.primaryKey?.columns ?? []);
    const liveKey = new Set(current.table.primaryKey);
    const physical = new Map<string, DataType>();
    for (const c of statement.columns) if (c.kind === 'PhysicalColumn') physical.set(c.name, c.type);
    for (const c of current.columns) {
      const mine = physical.get(c.name);
      if (mine === undefined) {
        drift(`${database}.${name}: column ${c.name} ${printDataType(c.type)} was added in MySQL and is not declared in ${flinkName}`, `tables.${name}.${c.name}`, rerun);
        continue;
      }
      const was = shown(mine, declaredKey.has(c.name));
      const now = shown(c.type, liveKey.has(c.name));
      if (was !== now) drift(`${database}.${name}: column ${c.name} is ${now} in MySQL, declared ${was} in ${flinkName}`, `tables.${name}.${c.name}`, rerun);
    }
    const liveColumns = new Set(current.columns.map((c) => c.name));
    for (const c of physical.keys()) {
      if (!liveColumns.has(c)) drift(`${database}.${name}: column ${c} is declared in ${flinkName} but no longer exists in MySQL`, `tables.${name}.${c}`, rerun);
    }
    const was = [...declaredKey].join(', ');
    const now = current.table.primaryKey.join(', ');
    if (was !== now) drift(`${database}.${name}: the primary key is (${now}) in MySQL, declared (${was}) in ${flinkName}`, `tables.${name}.primaryKey`, rerun);
  }
  for (const t of live) {
    if (!declared.has(t.name)) drift(`${database}.${t.name}${t.kind === 'view' ? ' (a view)' : ''} exists in MySQL and no table declares it`, `tables.${t.name}`, 'introspect it with --tables, or ignore this if the jobs do not need it', 'warning');
  }
  return out;
}
