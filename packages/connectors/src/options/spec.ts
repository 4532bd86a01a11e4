/**
 * The shape of the generated option catalogs (src/generated/*.ts, produced by scripts/generate-catalog.ts from
 * the real connectors' option definitions in catalog/*.json).
 */

/** The value type of an option, as the connector/Flink parses it. */
export type OptionType = 'string' | 'integer' | 'long' | 'double' | 'boolean' | 'duration' | 'memory' | 'enum' | 'list' | 'map';

export interface OptionSpec {
  /** The exact Flink key. Pattern options (`properties.*`, `fields.#.kind`) carry `pattern` instead. */
  readonly key: string;
  readonly type: OptionType;
  /** The default as Flink text, absent when there is none. */
  readonly default?: string;
  readonly required?: boolean;
  /** Numeric range enforced by the connector. */
  readonly min?: number;
  readonly max?: number;
  /** Accepted values of an enum (matched case-insensitively, like Flink does). */
  readonly values?: readonly string[];
  /** For `list` options whose items are enum values. */
  readonly itemValues?: readonly string[];
  /** A regex the full key must match (pattern / prefix options). */
  readonly pattern?: string;
  /** The value is a credential: only a `secret()` placeholder is accepted. */
  readonly secret?: boolean;
  readonly deprecated?: boolean;
  /** Older keys still read by Flink for this option. */
  readonly deprecatedKeys?: readonly string[];
  /** `source`, `sink`, `lookup`, `both`, … where the catalog states it. */
  readonly scope?: string;
  readonly requiredWhen?: string;
  readonly description: string;
}

export interface OptionCatalog {
  /** `connector` / `type` / `format` identifier, or the settings family. */
  readonly identifier: string;
  /** The release the options were read from. */
  readonly version: string;
  /** Formats a connector takes (`format = …`). */
  readonly supportedFormats?: readonly string[];
  /** For formats: what a source decoding it emits and what a sink encoding it writes. */
  readonly changelog?: { readonly decode: string; readonly encode: string };
  readonly options: readonly OptionSpec[];
}
