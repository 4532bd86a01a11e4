/** Diagnostic codes of `flinkts introspect` (FTS912x: CLI, reading a live MySQL / MariaDB schema), with their texts. */
import { codeTable, template } from '@flinkts/core/internal';

const URL_HINT = 'write mysql://user@host:port/database and put the password in an environment variable (MYSQL_PASSWORD, or the one --password-env names)';
const RERUN = 're-run flinkts introspect to regenerate the declarations (and adapt the jobs that read them)';

/** A difference between the declared tables and the live schema (`declaredAs`: the Flink table's name). */
export type Drift =
  | { readonly kind: 'tableGone'; readonly database: string; readonly table: string; readonly declaredAs: string }
  | { readonly kind: 'columnAdded'; readonly database: string; readonly table: string; readonly column: string; readonly type: string; readonly declaredAs: string }
  | { readonly kind: 'columnChanged'; readonly database: string; readonly table: string; readonly column: string; readonly live: string; readonly declared: string; readonly declaredAs: string }
  | { readonly kind: 'columnDropped'; readonly database: string; readonly table: string; readonly column: string; readonly declaredAs: string }
  | { readonly kind: 'keyChanged'; readonly database: string; readonly table: string; readonly live: string; readonly declared: string; readonly declaredAs: string }
  | { readonly kind: 'undeclared'; readonly database: string; readonly table: string; readonly view: boolean };

function driftMessage(p: Drift): string {
  const t = `${p.database}.${p.table}`;
  switch (p.kind) {
    case 'tableGone': return `${t} (declared as ${p.declaredAs}) no longer exists in MySQL`;
    case 'columnAdded': return `${t}: column ${p.column} ${p.type} was added in MySQL and is not declared in ${p.declaredAs}`;
    case 'columnChanged': return `${t}: column ${p.column} is ${p.live} in MySQL, declared ${p.declared} in ${p.declaredAs}`;
    case 'columnDropped': return `${t}: column ${p.column} is declared in ${p.declaredAs} but no longer exists in MySQL`;
    case 'keyChanged': return `${t}: the primary key is (${p.live}) in MySQL, declared (${p.declared}) in ${p.declaredAs}`;
    case 'undeclared': return `${t}${p.view ? ' (a view)' : ''} exists in MySQL and no table declares it`;
  }
}

export const INTROSPECT_CODE_TABLE = codeTable({
  badUrl: ['FTS9120', 'flinkts introspect: a connection URL that does not parse, names no user / database, or carries a password (passwords come from an environment variable only).', template(
    (p: { readonly kind: 'notUrl' | 'noUser' | 'noDatabase' | 'noHost'; readonly url: string } | { readonly kind: 'notMysql'; readonly protocol: string } | { readonly kind: 'password' } | { readonly kind: 'badPasswordEnv'; readonly name: string }) => {
      switch (p.kind) {
        case 'notUrl': return `'${p.url}' is not a connection URL`;
        case 'notMysql': return `'${p.protocol}//' is not a MySQL URL (use mysql://)`;
        case 'password': return 'the URL contains a password; flinkts reads passwords only from an environment variable';
        case 'noUser': return `'${p.url}' names no user (mysql://user@host:port/database)`;
        case 'noDatabase': return `'${p.url}' names no database (mysql://user@host:port/database)`;
        case 'noHost': return `'${p.url}' names no host`;
        case 'badPasswordEnv': return `--password-env '${p.name}' is not an environment variable name`;
      }
    },
    () => URL_HINT,
  )],
  unreachable: ['FTS9121', 'flinkts introspect: the MySQL server is unreachable (connection refused, unknown host, timeout).', template(
    (p: { readonly server: string; readonly reason: string }) => `${p.server}: cannot reach the server (${p.reason})`,
    () => 'check the host and port, and that the server accepts TCP connections from here',
  )],
  accessDenied: ['FTS9122', 'flinkts introspect: the MySQL server refused the user or password.', template(
    (p: { readonly server: string; readonly reason: string; readonly passwordEnv: string }) => `${p.server}: the server refused the login (${p.reason})`,
    (p) => `check the user and the password in the environment variable ${p.passwordEnv}`,
  )],
  unknownDatabase: ['FTS9123', 'flinkts introspect: the database does not exist, or the user may not read it.', template(
    (p: { readonly server: string; readonly database: string; readonly reason: string }) => `${p.server}: there is no database '${p.database}' this user can read (${p.reason})`,
    () => 'check the database name in the URL (SHOW DATABASES lists the ones this user can see)',
  )],
  unknownTable: ['FTS9124', 'flinkts introspect: a table named with --tables is not in the database.', template(
    (p: { readonly server: string; readonly table: string; readonly tables: readonly string[] }) => `${p.server} has no table or view '${p.table}'`,
    (p) => `the tables and views are: ${p.tables.join(', ') || '(none)'}`,
  )],
  unsupportedType: ['FTS9125', 'flinkts introspect: a MySQL column type that Flink CDC does not map to a Flink type.', template(
    (p: { readonly table: string; readonly column: string; readonly reason: string }) => `${p.table}.${p.column}: ${p.reason}`,
    () => 'leave the table out with --tables, or change the column type',
  )],
  drift: ['FTS9126', 'flinkts introspect --check: the declared tables differ from the live MySQL schema (a column added, dropped or changed, a changed primary key, a dropped table; an undeclared table is a warning).', template(
    driftMessage,
    (p) => (p.kind === 'tableGone' ? 'remove the declaration, or point it at the table that replaced it' : p.kind === 'undeclared' ? 'introspect it with --tables, or ignore this if the jobs do not need it' : RERUN),
  )],
  nothingDeclared: ['FTS9127', 'flinkts introspect --check: the file declares no mysql-cdc table of the database.', template(
    (p: { readonly file: string; readonly database: string }) => `${p.file} declares no mysql-cdc table (nor a JDBC table) of the database '${p.database}'`,
    () => 'point --out at the module flinkts introspect wrote (or a script with the CREATE TABLE statements)',
  )],
});

export const INTROSPECT_CODES = INTROSPECT_CODE_TABLE.codes;
export const INTROSPECT_TEXTS = INTROSPECT_CODE_TABLE.texts;
