/**
 * `flinkts introspect mysql://user@host:port/db`: reads a MySQL / MariaDB database's information_schema and writes
 * a TypeScript module of typed MySQL CDC source tables (optionally JDBC lookup and Paimon ODS mirrors; views as JDBC tables); with
 * `--check`, compares the tables a module or script declares with the live schema and reports the drift.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic } from '@flinkts/core';
import { parseArgs, REPORTING_HELP } from '../args.js';
import type { CliIO, Command } from '../command.js';
import { COMMAND_SUMMARIES } from '../command-summaries.js';
import { countDiagnostics, EXIT_CODES_HELP, EXIT_USAGE, summaryLine } from '../exit-code.js';

const HELP = `Usage: flinkts introspect mysql://user@host:port/database [--tables a,b] [--out file.ts] [--check]
                         [--jdbc-lookup] [--paimon-ods <catalog>] [--password-env NAME] [--json]

Read the database's information_schema and write typed Flink tables for its tables: a MySQL CDC source per
table (Flink CDC 3.x's MySQL → Flink type mapping, primary keys, NOT NULL, comments; credentials as the
secrets MYSQL_USERNAME / MYSQL_PASSWORD). The password is read from the environment variable MYSQL_PASSWORD
(or --password-env), never from the URL. A view gets a JDBC table (lookup_<view>) instead: MySQL CDC reads the
binlog, which records the base tables' changes, never a view's. The module is written whole or not at all.

Options:
  --tables <a,b>          only these tables and views (default: every table and view)
  --out <file>            the module to write (default: mysql-<database>.ts)
  --check                 write nothing: compare the tables declared in --out (a .ts/.js module or a .sql
                          script) with the live schema and report added / removed / changed columns (exit 1)
  --jdbc-lookup           also declare a JDBC table per table (for lookup joins)
  --paimon-ods <catalog>  also declare a Paimon table per table in <catalog>'s ods database
  --password-env <NAME>   the environment variable holding the password (default MYSQL_PASSWORD)
${REPORTING_HELP}
${EXIT_CODES_HELP}
`;

export const command: Command = {
  name: 'introspect',
  summary: COMMAND_SUMMARIES.introspect,
  help: HELP,
  async run(argv: readonly string[], io: CliIO): Promise<number> {
    const args = parseArgs(argv, { flags: ['check', 'jdbc-lookup'], values: ['tables', 'out', 'paimon-ods', 'password-env'], reporting: true });
    const url = args.positionals[0];
    const problem = args.problems[0] ?? (url === undefined ? 'no connection URL given' : args.positionals.length > 1 ? `one URL expected, got ${args.positionals.length}` : undefined);
    if (problem !== undefined || url === undefined) {
      io.stderr(`flinkts introspect: ${problem}\n\n${HELP}`);
      return EXIT_USAGE;
    }
    const pipelines = { ...(await import('@flinkts/pipelines')), ...(await import('@flinkts/pipelines/internal')) };
    const all: Diagnostic[] = [];
    const finish = async (wrote: string[]): Promise<number> => {
      const counts = countDiagnostics(all);
      const { exitFor } = await import('../exit-class.js');
      const code = exitFor(all, args.policy);
      if (args.json) {
        io.stdout(`${JSON.stringify({ ok: code === 0, errors: counts.errors, warnings: counts.warnings, wrote, diagnostics: all }, null, 2)}\n`);
        return code;
      }
      const { formatDiagnostic } = await import('@flinkts/core');
      for (const d of all) io.stdout(`${formatDiagnostic(d)}\n`);
      for (const f of wrote) io.stdout(`wrote ${f}\n`);
      io.stdout(`${summaryLine(counts, args.policy)}\n`);
      return code;
    };
    const parsed = pipelines.parseMysqlUrl(url, args.values.get('password-env') ?? 'MYSQL_PASSWORD', process.env);
    if (!parsed.ok) {
      all.push(parsed.diagnostic);
      return finish([]);
    }
    const { target, password } = parsed;
    const only = args.values.get('tables')?.split(',').map((t) => t.trim()).filter((t) => t !== '');
    const out = resolve(io.cwd, args.values.get('out') ?? `mysql-${target.database}.ts`);
    if (args.flags.has('check') && !existsSync(out)) {
      io.stderr(`flinkts introspect: --check compares the declarations in ${out}, which does not exist (give it with --out)\n`);
      return EXIT_USAGE;
    }
    const schema = await pipelines.readMysqlSchema(target, password, only);
    if (!schema.ok) {
      all.push(...schema.diagnostics);
      return finish([]);
    }
    if (args.flags.has('check')) {
      const { declaredTables } = await import('../declared-tables.js');
      const declared = await declaredTables(out);
      if (!declared.ok) {
        all.push(...declared.diagnostics);
        return finish([]);
      }
      const mine = pipelines.declaredMysqlTables(declared.tables, target.database);
      if (mine.size === 0) {
        const { textFields } = await import('@flinkts/core/internal');
        all.push({ ...textFields(pipelines.INTROSPECT_TEXTS.nothingDeclared({ file: out, database: target.database })), severity: 'error', file: out });
        return finish([]);
      }
      all.push(...pipelines.schemaDrift(mine, schema.tables, target.database));
      if (!args.json) io.stdout(`compared ${mine.size} declared table${mine.size === 1 ? '' : 's'} with ${target.user}@${target.host}:${target.port}/${target.database}\n`);
      return finish([]);
    }
    const paimonOds = args.values.get('paimon-ods');
    const generated = await pipelines.generateTablesModule({ target, tables: schema.tables, jdbcLookup: args.flags.has('jdbc-lookup'), ...(paimonOds === undefined ? {} : { paimonOds: { catalog: paimonOds } }) });
    if (!generated.ok) {
      all.push(...generated.diagnostics);
      return finish([]);
    }
    const { writeAtomically } = await import('../write-atomic.js');
    return finish(writeAtomically(io.cwd, [{ path: out, text: generated.text }]));
  },
};
