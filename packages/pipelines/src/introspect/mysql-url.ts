/**
 * `mysql://user@host:port/db`: where `flinkts introspect` connects. The password never appears in the URL (it
 * would end up in shell history and CI logs): it comes from an environment variable, `MYSQL_PASSWORD` unless
 * `--password-env` names another one.
 */
import type { Diagnostic } from '@flinkts/core';
import { INTROSPECT_CODES } from './codes.js';

export interface MysqlTarget {
  readonly user: string;
  readonly host: string;
  readonly port: number;
  readonly database: string;
  /** The environment variable the password was read from (undefined: none set, connect without a password). */
  readonly passwordEnv: string;
}

export type ParsedTarget = { readonly ok: true; readonly target: MysqlTarget; readonly password: string | undefined } | { readonly ok: false; readonly diagnostic: Diagnostic };

const HINT = 'write mysql://user@host:port/database and put the password in an environment variable (MYSQL_PASSWORD, or the one --password-env names)';

export function parseMysqlUrl(text: string, passwordEnv: string, env: Readonly<Record<string, string | undefined>>): ParsedTarget {
  const bad = (message: string): ParsedTarget => ({ ok: false, diagnostic: { code: INTROSPECT_CODES.badUrl, severity: 'error', message, hint: HINT, path: 'url' } });
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return bad(`'${text}' is not a connection URL`);
  }
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') return bad(`'${url.protocol}//' is not a MySQL URL (use mysql://)`);
  if (url.password !== '') return bad('the URL contains a password; flinkts reads passwords only from an environment variable');
  const user = decodeURIComponent(url.username);
  if (user === '') return bad(`'${text}' names no user (mysql://user@host:port/database)`);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (database === '' || database.includes('/')) return bad(`'${text}' names no database (mysql://user@host:port/database)`);
  if (url.hostname === '') return bad(`'${text}' names no host`);
  const port = url.port === '' ? 3306 : Number(url.port);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(passwordEnv)) return bad(`--password-env '${passwordEnv}' is not an environment variable name`);
  return { ok: true, target: { user, host: url.hostname.replace(/^\[|\]$/g, ''), port, database, passwordEnv }, password: env[passwordEnv] };
}
