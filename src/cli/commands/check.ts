/**
 * `flinkts check <files…>`: parse and analyze Flink SQL scripts with the catalog each script declares, using the
 * connectors' option catalogs for WITH clauses, catalogs and SET keys. Exit 1 when there are errors.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkSql, formatDiagnostic } from '@flinkts/core';
import type { Diagnostic, OptionValidators } from '@flinkts/core';
import { checkCreateTable, resolveTableCapabilities, validateCatalogOptions, validateSettings } from '@flinkts/connectors';
import type { CliIO, Command } from '../command.js';

const HELP = `Usage: flinkts check [--json] <files…>

Parse and check Flink SQL scripts before they are deployed: syntax and reserved words, unknown tables and
columns, INSERT column counts and types (Flink's implicit casts), positional INSERTs that pair differently named
columns, connector / catalog / SET options against the real option catalogs, changelog modes (an append-only
sink fed the updates of a GROUP BY, an outer join, a TopN, …; upsert sinks without PRIMARY KEY; a PRIMARY KEY
that differs from the query's upsert key) and time attributes (window TVFs, interval joins, temporal and lookup
joins need a rowtime or PROCTIME() column that no CAST or GROUP BY has turned into a plain timestamp).
Use - to read standard input.

Options:
  --json   print the diagnostics as JSON
Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage error.
`;

/** The connectors' option checks, plugged into the core analyzer. */
export const connectorValidators: OptionValidators = {
  table: (statement, context) => checkCreateTable(statement, context),
  catalog: (statement, path) => validateCatalogOptions(statement.options, { path }),
  settings: (statement, path) => validateSettings([{ key: statement.key!, value: statement.value ?? '' }], { path }).diagnostics,
  capabilities: (statement, context) =>
    resolveTableCapabilities(statement.options, { hasPrimaryKey: statement.primaryKey !== undefined, ...(context.catalogType === undefined ? {} : { catalogType: context.catalogType }) }),
};

export const command: Command = {
  name: 'check',
  summary: 'check Flink SQL scripts (syntax, names, INSERT types, connector options, changelog modes, time attributes) before deploying',
  help: HELP,
  async run(args: readonly string[], io: CliIO): Promise<number> {
    const json = args.includes('--json');
    const unknown = args.filter((a) => a.startsWith('--') && a !== '--json');
    const files = args.filter((a) => !a.startsWith('--'));
    if (unknown.length > 0 || files.length === 0) {
      io.stderr(`${unknown.length > 0 ? `flinkts check: unknown option ${unknown[0]}` : 'flinkts check: no files given'}\n\n${HELP}`);
      return 2;
    }
    const all: Diagnostic[] = [];
    for (const file of files) {
      let text: string;
      try {
        text = file === '-' ? await io.readStdin() : readFileSync(resolve(io.cwd, file), 'utf8');
      } catch {
        io.stderr(`flinkts check: cannot read ${file}\n`);
        return 2;
      }
      all.push(...checkSql(text, { file: file === '-' ? '<stdin>' : file, validators: connectorValidators }));
    }
    const errors = all.filter((d) => d.severity === 'error').length;
    if (json) io.stdout(`${JSON.stringify({ errors, warnings: all.length - errors, diagnostics: all }, null, 2)}\n`);
    else {
      for (const d of all) io.stdout(`${formatDiagnostic(d)}\n`);
      io.stdout(`${errors} error${errors === 1 ? '' : 's'}, ${all.length - errors} warning${all.length - errors === 1 ? '' : 's'}\n`);
    }
    return errors > 0 ? 1 : 0;
  },
};
