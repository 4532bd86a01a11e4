/**
 * What each source table emits, in one place for the analyzer (`check`) and the local runtime (`runJob`): its
 * connector's capabilities as the capabilities plug-in resolves them (`@flinkts/connectors`: `connectorValidators`
 * for `check`, `resolveCapabilities` for `runJob`). A connector the plug-in does not know (every connector, without
 * a plug-in) is read as insert-only by `check` (an info diagnostic says so), except Flink's test connector `values`,
 * whose `changelog-mode` option says what it emits (connector/values.ts); `runJob` refuses to read such a source
 * (FTS7008, connector/core-sources.ts) unless core knows its changelog.
 */
import type { CreateTable } from '../../ast/statement.js';
import type { CatalogTableEntry } from '../../catalog/catalog.js';
import type { ChangelogCapabilities, ConnectorResolver, SourceChangelog } from '../../connector/connector.js';
import { valuesSourceChangelog } from '../../connector/values.js';
import type { SourceModes } from './changelog.js';

/** A table's connector capabilities from its CREATE TABLE and the type of its catalog; undefined when not known. */
export type TableCapabilities = (statement: CreateTable, context: { readonly catalogType?: string }) => ChangelogCapabilities | undefined;

/** A resolver over WITH options (`resolveCapabilities`) as a table-capabilities plug-in. */
export function tableCapabilities(resolver: ConnectorResolver): TableCapabilities {
  return (statement, context) => resolver(statement.options, { hasPrimaryKey: statement.primaryKey !== undefined, ...context });
}

/** The type of the catalog a table lives in (`paimon`, …), when the script declares that catalog. */
function catalogTypeOf(entry: CatalogTableEntry): string | undefined {
  return entry.catalog?.options.find((o) => o.key === 'type')?.value;
}

/** What each table's source emits, from the capabilities plug-in (undefined: not known, read as insert-only). */
export function sourceModes(capabilities: TableCapabilities | undefined): SourceModes {
  return (entry) => {
    const catalogType = catalogTypeOf(entry);
    const known = capabilities?.(entry.statement, catalogType === undefined ? {} : { catalogType });
    return known === undefined ? valuesSourceChangelog(entry.statement) : known.source;
  };
}

/** A table's source changelog as the plan reads it: what the connector emits, insert-only when that is not known. */
export function sourceChangelogOf(modes: SourceModes, entry: CatalogTableEntry): SourceChangelog {
  return modes(entry) ?? 'insert-only';
}
