/**
 * Validation and capabilities for tables whose WITH clause comes from SQL text (or from any CREATE TABLE AST):
 * `validateTableOptions` (used by `flinkts check`) and `resolveCapabilities` (core's ConnectorResolver).
 */
import { checkContext, checkEntries } from './options/arguments.js';
import type { ChangelogCapabilities, ConnectorResolver, CreateTable, Diagnostic } from '@flinkts/core';
import { argumentError, textFields } from '@flinkts/core/internal';
import { CONNECTORS } from './connectors/registry.js';
import { paimonDefinition } from './connectors/paimon.js';
import { hiveTableDefinition } from './connectors/hive-table.js';
import type { ConnectorDefinition } from './connectors/definition.js';
import { validateConnector } from './connectors/definition.js';
import { TEXTS } from './options/codes.js';
import { checkPaimonPrimaryKey } from './connectors/paimon-primary-key.js';
import type { Entry } from './options/validate.js';
import { keyPath } from './options/validate.js';

export interface TableOptionsContext {
  readonly hasPrimaryKey: boolean;
  readonly columns?: readonly string[];
  readonly path?: string;
  /** The type of the catalog the table lives in: `paimon` and `hive` tables have no `connector` key. */
  readonly catalogType?: string;
}

function definitionFor(options: readonly Entry[], catalogType?: string): ConnectorDefinition | undefined {
  const id = options.find((o) => o.key === 'connector')?.value.trim().toLowerCase();
  if (id !== undefined) return CONNECTORS.get(id);
  switch (catalogType?.toLowerCase()) {
    case 'paimon':
      return paimonDefinition;
    case 'hive':
      return hiveTableDefinition;
    default:
      return undefined;
  }
}

/** Diagnostics for a table's WITH options: unknown keys, value types, required keys, cross-option and PK rules. */
export function validateTableOptions(options: readonly Entry[], context: TableOptionsContext): Diagnostic[] {
  checkEntries('validateTableOptions()', 'options', options);
  checkContext('validateTableOptions()', context, true);
  const id = options.find((o) => o.key === 'connector')?.value;
  const def = definitionFor(options, context.catalogType);
  if (!def) {
    if (id === undefined) return [];
    return [{ ...textFields(TEXTS.unknownConnector({ kind: 'connector', name: id, known: [...CONNECTORS.keys()] })), severity: 'info', path: keyPath(context.path, 'connector') }];
  }
  return validateConnector(def, options, context).diagnostics;
}

/** The changelog capabilities of a table's connector, or undefined when flinkts does not know the connector. */
export function resolveTableCapabilities(options: readonly Entry[], context: Omit<TableOptionsContext, 'columns' | 'path'>): ChangelogCapabilities | undefined {
  const def = definitionFor(options, context.catalogType);
  if (!def) return undefined;
  const values = new Map(options.map((o) => [o.key, o.value]));
  return Object.freeze(def.capabilities(values, { hasPrimaryKey: context.hasPrimaryKey }));
}

/** Core's `ConnectorResolver`; a context that also carries `catalogType` resolves Paimon and Hive catalog tables. */
export const resolveCapabilities: ConnectorResolver = (options, context) => {
  checkEntries('resolveCapabilities()', 'options', options);
  checkContext('resolveCapabilities()', context, true);
  return resolveTableCapabilities(options, context);
};

/** Checks a CREATE TABLE statement (from SQL text or a `table(...)` declaration) against its connector. */
export function checkCreateTable(statement: CreateTable, context: { readonly path?: string; readonly catalogType?: string } = {}): Diagnostic[] {
  const s = statement as Partial<CreateTable> | null;
  if (s?.kind !== 'CreateTable' || !Array.isArray(s.columns) || !Array.isArray(s.path)) throw argumentError('checkCreateTable()', 'statement', 'a CREATE TABLE statement (a table\'s .statement, a parsed CreateTable)', statement);
  checkEntries('checkCreateTable()', 'statement.options', s.options ?? []);
  checkContext('checkCreateTable()', context);
  const columns = statement.columns.map((c) => c.name);
  const path = context.path ?? `tables.${statement.path.join('.')}.with`;
  // Flink finds a default-catalog table's connector by the exact key 'connector' (a LIKE table inherits it).
  if (context.catalogType === undefined && statement.like === undefined && !statement.options.some((o) => o.key === 'connector')) {
    const near = statement.options.find((o) => o.key.trim().toLowerCase() === 'connector');
    return [{
      ...textFields(TEXTS.missingConnector({ table: statement.path.join('.'), ...(near === undefined ? {} : { near: { key: near.key, value: near.value } }) })),
      severity: 'error',
      path: keyPath(path, near?.key ?? 'connector'),
    }];
  }
  const paimonKey = checkPaimonPrimaryKey(statement, { path, ...(context.catalogType === undefined ? {} : { catalogType: context.catalogType }) });
  return [...paimonKey, ...validateTableOptions(statement.options, {
    hasPrimaryKey: statement.primaryKey !== undefined,
    columns,
    path,
    ...(context.catalogType !== undefined ? { catalogType: context.catalogType } : {}),
  })];
}
