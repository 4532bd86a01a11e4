/** What `flinkts check` plugs into the analyzer: the connectors' option checks and changelog capabilities. */
import { checkCreateTable, validateCatalogOptions } from '@flinkts/connectors';
import { resolveTableCapabilities } from '@flinkts/connectors/internal';
import type { CheckOptions, Diagnostic, OptionValidators } from '../../src/index.js';
import { checkSql } from '../../src/index.js';

export const capabilitiesOnly: OptionValidators = {
  capabilities: (statement, context) => resolveTableCapabilities(statement.options, { hasPrimaryKey: statement.primaryKey !== undefined, ...context }),
};

export const allValidators: OptionValidators = {
  ...capabilitiesOnly,
  table: (statement, context) => checkCreateTable(statement, context),
  catalog: (statement, path) => validateCatalogOptions(statement.options, { path }),
};

/** The changelog (FTS42xx) and time-attribute (FTS43xx) diagnostics of a script, checked with real capabilities. */
export function changelogDiagnostics(sql: string, options: CheckOptions = { validators: capabilitiesOnly }): Diagnostic[] {
  return checkSql(sql, options).filter((d) => /^FTS4[23]\d\d$/.test(d.code));
}

/** `severity code line:column` of each changelog / time-attribute diagnostic. */
export function where(sql: string): string[] {
  return changelogDiagnostics(sql).map((d) => `${d.severity} ${d.code} ${d.span?.start.line}:${d.span?.start.column}`);
}
