/**
 * Reads tables, columns, primary keys and comments of one MySQL / MariaDB database from `information_schema`
 * (with mysql2, imported only here). Connection failures come back as diagnostics: the server unreachable, the
 * user or password refused, the database unknown — never a stack trace.
 */
import type { Diagnostic } from '@flinkts/core';
import { textFields } from '@flinkts/core/internal';
import { INTROSPECT_TEXTS } from './codes.js';
import type { MysqlColumn } from './mysql-types.js';
import type { MysqlTarget } from './mysql-url.js';

export interface MysqlTable {
  readonly name: string;
  /** A base table, or a view (MySQL CDC cannot capture a view: the binlog has its base tables' changes). */
  readonly kind: 'table' | 'view';
  readonly comment: string;
  readonly columns: readonly MysqlColumn[];
  /** Primary key columns in key order (empty: no primary key). */
  readonly primaryKey: readonly string[];
}

export type SchemaResult = { readonly ok: true; readonly tables: readonly MysqlTable[] } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

const where = (t: MysqlTarget): string => `${t.user}@${t.host}:${t.port}/${t.database}`;

function connectionDiagnostic(e: unknown, target: MysqlTarget): Diagnostic {
  const err = e as { code?: string; errno?: number; message?: string };
  const code = err.code ?? '';
  const message = err.message ?? String(e);
  if (code === 'ER_ACCESS_DENIED_ERROR' || code === 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR') {
    return { ...textFields(INTROSPECT_TEXTS.accessDenied({ server: where(target), reason: message, passwordEnv: target.passwordEnv })), severity: 'error', path: 'url' };
  }
  // The login succeeded; MySQL answers 1044 instead of 1049 when the user may not see the database, so that the
  // existence of databases does not leak: both mean there is no such database for this user.
  if (code === 'ER_BAD_DB_ERROR' || code === 'ER_DBACCESS_DENIED_ERROR') {
    return { ...textFields(INTROSPECT_TEXTS.unknownDatabase({ server: where(target), database: target.database, reason: message })), severity: 'error', path: 'url' };
  }
  return { ...textFields(INTROSPECT_TEXTS.unreachable({ server: where(target), reason: code || message })), severity: 'error', path: 'url' };
}

interface ColumnRow {
  TABLE_NAME: string;
  COLUMN_NAME: string;
  DATA_TYPE: string;
  COLUMN_TYPE: string;
  IS_NULLABLE: string;
  CHARACTER_MAXIMUM_LENGTH: number | string | null;
  NUMERIC_PRECISION: number | string | null;
  NUMERIC_SCALE: number | string | null;
  DATETIME_PRECISION: number | string | null;
  COLUMN_COMMENT: string;
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

/** Reads the database's base tables and views (all, or the ones named), sorted by name. */
export async function readMysqlSchema(target: MysqlTarget, password: string | undefined, only?: readonly string[]): Promise<SchemaResult> {
  const mysql = await import('mysql2/promise');
  let conn: Awaited<ReturnType<typeof mysql.createConnection>>;
  try {
    conn = await mysql.createConnection({ host: target.host, port: target.port, user: target.user, ...(password === undefined ? {} : { password }), database: target.database, connectTimeout: 5000, supportBigNumbers: true, bigNumberStrings: true });
  } catch (e) {
    return { ok: false, diagnostics: [connectionDiagnostic(e, target)] };
  }
  try {
    const [tableRows] = await conn.query("SELECT TABLE_NAME, TABLE_TYPE, TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE IN ('BASE TABLE', 'VIEW') ORDER BY TABLE_NAME", [target.database]);
    const [columnRows] = await conn.query(
      'SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, IS_NULLABLE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION, COLUMN_COMMENT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION',
      [target.database],
    );
    const [keyRows] = await conn.query("SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ? AND CONSTRAINT_NAME = 'PRIMARY' ORDER BY TABLE_NAME, ORDINAL_POSITION", [target.database]);
    // A view's TABLE_COMMENT is the word VIEW (MySQL) or empty (MariaDB): views have no comment of their own.
    const tables = (tableRows as { TABLE_NAME: string; TABLE_TYPE: string; TABLE_COMMENT: string }[]).map((t) => (t.TABLE_TYPE === 'VIEW' ? { name: t.TABLE_NAME, kind: 'view' as const, comment: '' } : { name: t.TABLE_NAME, kind: 'table' as const, comment: t.TABLE_COMMENT ?? '' }));
    const names = new Set(tables.map((t) => t.name));
    const missing = (only ?? []).filter((n) => !names.has(n));
    if (missing.length > 0) {
      return {
        ok: false,
        diagnostics: missing.map((n) => ({ ...textFields(INTROSPECT_TEXTS.unknownTable({ server: where(target), table: n, tables: [...names] })), severity: 'error' as const, path: 'tables' })),
      };
    }
    const wanted = only === undefined ? tables : tables.filter((t) => only.includes(t.name));
    return {
      ok: true,
      tables: wanted.map((t) => ({
        name: t.name,
        kind: t.kind,
        comment: t.comment,
        columns: (columnRows as ColumnRow[])
          .filter((c) => c.TABLE_NAME === t.name)
          .map((c) => ({
            name: c.COLUMN_NAME,
            dataType: c.DATA_TYPE,
            columnType: c.COLUMN_TYPE,
            nullable: c.IS_NULLABLE === 'YES',
            charLength: num(c.CHARACTER_MAXIMUM_LENGTH),
            numericPrecision: num(c.NUMERIC_PRECISION),
            numericScale: num(c.NUMERIC_SCALE),
            datetimePrecision: num(c.DATETIME_PRECISION),
            comment: c.COLUMN_COMMENT ?? '',
          })),
        primaryKey: (keyRows as { TABLE_NAME: string; COLUMN_NAME: string }[]).filter((k) => k.TABLE_NAME === t.name).map((k) => k.COLUMN_NAME),
      })),
    };
  } catch (e) {
    return { ok: false, diagnostics: [connectionDiagnostic(e, target)] };
  } finally {
    await conn.end().catch(() => undefined);
  }
}
