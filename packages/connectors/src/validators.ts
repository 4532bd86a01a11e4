/**
 * The connectors' checks as core's analyzer plug-in (`OptionValidators`): WITH clauses of CREATE TABLE,
 * CREATE CATALOG options and SET keys, validated against the real option catalogs, and each table's changelog
 * capabilities for the changelog-mode checks. `flinkts check` and
 * `@flinkts/pipelines` both analyze with these.
 */
import type { OptionValidators } from '@flinkts/core';
import { validateCatalogOptions } from './catalogs/catalogs.js';
import { validateSettings } from './settings/settings.js';
import { checkCreateTable, resolveTableCapabilities } from './table-options.js';

export const connectorValidators: OptionValidators = {
  table: (statement, context) => checkCreateTable(statement, context),
  catalog: (statement, path) => validateCatalogOptions(statement.options, { path }),
  settings: (statement, path) => validateSettings([{ key: statement.key!, value: statement.value ?? '' }], { path }).diagnostics,
  capabilities: (statement, context) =>
    resolveTableCapabilities(statement.options, { hasPrimaryKey: statement.primaryKey !== undefined, ...(context.catalogType === undefined ? {} : { catalogType: context.catalogType }) }),
};
