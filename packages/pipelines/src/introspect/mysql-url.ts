/**
 * `mysql://user@host:port/db`: where `flinkts introspect` connects. The password never appears in the URL (it
 * would end up in shell history and CI logs): it comes from an environment variable, `MYSQL_PASSWORD` unless
 * `--password-env` names another one.
 */
import type { Diagnostic } from '@flinkts/core';
import { textFields } from '@flinkts/core/internal';
import { INTROSPECT_TEXTS } from './codes.js';

export interface MysqlTarget {
  readonly user: string;
  readonly host: string;
  readonly port: number;
  readonly database: string;
  /** The environment variable the password was read from (undefined: none set, connect without a password). */
  readonly passwordEnv: string;
}

export type ParsedTarget = { readonly ok: true; readonly target: MysqlTarget; readonly password: string | undefined } | { readonly ok: false; readonly diagnostic: Diagnostic };

export function parseMysqlUrl(text: string, passwordEnv: string, env: Readonly<Record<string, string | undefined>>): ParsedTarget {
  const bad = (payload: Parameters<typeof INTROSPECT_TEXTS.badUrl>[0]): ParsedTarget => ({ ok: false, diagnostic: { ...textFields(INTROSPECT_TEXTS.badUrl(payload)), severity: 'error', path: 'url' } });
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return bad({ kind: 'notUrl', url: text });
  }
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') return bad({ kind: 'notMysql', protocol: url.protocol });
  if (url.password !== '') return bad({ kind: 'password' });
  const user = decodeURIComponent(url.username);
  if (user === '') return bad({ kind: 'noUser', url: text });
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (database === '' || database.includes('/')) return bad({ kind: 'noDatabase', url: text });
  if (url.hostname === '') return bad({ kind: 'noHost', url: text });
  const port = url.port === '' ? 3306 : Number(url.port);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(passwordEnv)) return bad({ kind: 'badPasswordEnv', name: passwordEnv });
  return { ok: true, target: { user, host: url.hostname.replace(/^\[|\]$/g, ''), port, database, passwordEnv }, password: env[passwordEnv] };
}
