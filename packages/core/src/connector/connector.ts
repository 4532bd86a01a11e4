/**
 * The connector interface tables are declared with. Real connectors (Kafka, JDBC, Paimon, …) live in
 * `@flinkts/connectors` and implement it; `genericConnector` covers connectors flinkts does not know.
 */
import { z } from 'zod';
import type { OptionEntry } from '../ast/statement.js';
import { argumentError, checkArgument } from '../diagnostics/arguments.js';

/** What a source emits: only inserts, an upsert stream (+I/+U/-D keyed by the PRIMARY KEY), or all changes. */
export type SourceChangelog = 'insert-only' | 'upsert' | 'all';
/** What a sink accepts: only inserts, an upsert stream (needs a PRIMARY KEY), or every change kind. */
export type SinkChangelog = 'append' | 'upsert' | 'all';

export interface ChangelogCapabilities {
  /** Absent when the connector cannot be read. */
  readonly source?: SourceChangelog;
  /** Absent when the connector cannot be written. */
  readonly sink?: SinkChangelog;
  /**
   * PRIMARY KEY rule: `required` (upsert-kafka), `rejected` (kafka with a plain format),
   * `required-for-updates` (jdbc: needed only when the input has updates), `optional`.
   */
  readonly primaryKey: 'required' | 'rejected' | 'required-for-updates' | 'optional';
  /** Whether the table can be the right side of a lookup join. */
  readonly lookup: boolean;
  /** Whether a scan of the table ends (bounded) or is unbounded. */
  readonly bounded: boolean;
}

/** A Maven artifact a job needs on its classpath. */
export interface MavenArtifact {
  readonly groupId: string;
  readonly artifactId: string;
  readonly version: string;
}

/** A connector attached to a table: its identifier, the exact WITH entries, and what it can do. */
export interface Connector {
  readonly identifier: string;
  /** The complete WITH clause, `connector` first, in print order. Values are final strings (secrets as `${NAME}`). */
  readonly options: readonly OptionEntry[];
  readonly capabilities: ChangelogCapabilities;
  /** Jars this connector needs (empty for built-ins such as datagen or print). */
  readonly artifacts: readonly MavenArtifact[];
}

/** A catalog declaration: `CREATE CATALOG name WITH ('type' = …)`. */
export interface CatalogConnector {
  readonly type: string;
  /** The complete WITH clause, `type` first. */
  readonly options: readonly OptionEntry[];
  readonly artifacts: readonly MavenArtifact[];
}

/** Capabilities assumed for a connector flinkts does not know: readable and writable, append-only, no lookup. */
export const UNKNOWN_CAPABILITIES: ChangelogCapabilities = Object.freeze({
  source: 'insert-only',
  sink: 'append',
  primaryKey: 'optional',
  lookup: false,
  bounded: false,
});

const GENERIC_OPTIONS = z.record(z.string().trim().min(1), z.string());
const ARTIFACTS = z.array(z.object({ groupId: z.string().min(1), artifactId: z.string().min(1), version: z.string().min(1) }).loose());
const CAPABILITIES = z.record(z.string(), z.unknown());

/** The identifier / type, the options (strings: Flink's WITH values are strings) and the Maven artifacts. */
function checkGeneric(call: string, argument: string, name: unknown, options: unknown, artifacts: unknown): void {
  if (typeof name !== 'string' || name.trim() === '') throw argumentError(call, argument, 'a non-empty string', name);
  checkArgument(call, 'options', GENERIC_OPTIONS, options);
  checkArgument(call, 'artifacts', ARTIFACTS, artifacts);
}

/**
 * A connector flinkts has no typed module for: the identifier plus an options map, passed through as written.
 * Capabilities default to `UNKNOWN_CAPABILITIES`; state them when you know better.
 */
export function genericConnector(
  identifier: string,
  options: Readonly<Record<string, string>> = {},
  capabilities: Partial<ChangelogCapabilities> = {},
  artifacts: readonly MavenArtifact[] = [],
): Connector {
  checkGeneric('genericConnector()', 'identifier', identifier, options, artifacts);
  checkArgument('genericConnector()', 'capabilities', CAPABILITIES, capabilities);
  const entries: OptionEntry[] = [{ key: 'connector', value: identifier }];
  for (const [key, value] of Object.entries(options)) {
    if (key !== 'connector') entries.push(Object.freeze({ key, value }));
  }
  return Object.freeze({
    identifier,
    options: Object.freeze(entries),
    capabilities: Object.freeze({ ...UNKNOWN_CAPABILITIES, ...capabilities }),
    artifacts: Object.freeze([...artifacts]),
  });
}

/** A catalog flinkts has no typed module for. */
export function genericCatalog(type: string, options: Readonly<Record<string, string>> = {}, artifacts: readonly MavenArtifact[] = []): CatalogConnector {
  checkGeneric('genericCatalog()', 'type', type, options, artifacts);
  const entries: OptionEntry[] = [{ key: 'type', value: type }];
  for (const [key, value] of Object.entries(options)) {
    if (key !== 'type') entries.push(Object.freeze({ key, value }));
  }
  return Object.freeze({ type, options: Object.freeze(entries), artifacts: Object.freeze([...artifacts]) });
}

/**
 * Resolves the connector behind a table's WITH options (used by the analyzer for SQL-text tables).
 * `@flinkts/connectors` provides the real resolver; without one, every table gets `UNKNOWN_CAPABILITIES`.
 */
export type ConnectorResolver = (options: readonly OptionEntry[], context: { readonly hasPrimaryKey: boolean; readonly catalogType?: string }) => ChangelogCapabilities | undefined;
