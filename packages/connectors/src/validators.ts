/**
 * The connectors' checks as core's analyzer plug-in (`OptionValidators`): WITH clauses of CREATE TABLE,
 * CREATE CATALOG options and SET keys, validated against the real option catalogs, and each table's changelog
 * capabilities for the changelog-mode checks. `flinkts check` and
 * `@flinkts/pipelines` both analyze with these.
 */
import type { OptionValidators } from '@flinkts/core';
import { checkList, checkObject, checkString } from '@flinkts/core/internal';
import { validateCatalogOptions } from './catalogs/catalogs.js';
import { validateSettings } from './settings/settings.js';
import { checkCreateTable, resolveTableCapabilities } from './table-options.js';

/**
 * Core's analyzer calls these with parsed statements; a JavaScript caller may call them with anything, so each
 * checks its statement (an object with its options or key) and path or context first.
 */
export const connectorValidators: OptionValidators = {
  table: (statement, context) => checkCreateTable(statement, context),
  catalog: (statement, path) => {
    checkObject('connectorValidators.catalog()', 'statement', statement, 'a CREATE CATALOG statement');
    checkString('connectorValidators.catalog()', 'path', path);
    return validateCatalogOptions(statement.options, { path });
  },
  settings: (statement, path) => {
    checkObject('connectorValidators.settings()', 'statement', statement, 'a SET statement');
    checkString('connectorValidators.settings()', 'path', path);
    return validateSettings([{ key: statement.key!, value: statement.value ?? '' }], { path }).diagnostics;
  },
  capabilities: (statement, context) => {
    checkObject('connectorValidators.capabilities()', 'statement', statement, 'a CREATE TABLE statement');
    // shapes only (no schema): core calls this once per table of every script it checks
    checkList('connectorValidators.capabilities()', 'statement.options', statement.options, 'a list of options');
    checkObject('connectorValidators.capabilities()', 'context', context);
    return resolveTableCapabilities(statement.options, { hasPrimaryKey: statement.primaryKey !== undefined, ...(context.catalogType === undefined ? {} : { catalogType: context.catalogType }) });
  },
};
