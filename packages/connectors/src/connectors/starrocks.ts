/**
 * The `starrocks` connector (1.2.10). Source and sink are separate factories under one identifier: a table is
 * a source (scan-url, scan.*, lookup.*) or a sink (load-url, sink.*), never both.
 */
import { starrocksCatalog } from '../generated/starrocks.js';
import type { StarrocksOptions } from '../generated/starrocks.js';
import { ARTIFACTS } from '../artifacts.js';
import { OptionSet } from '../options/option-set.js';
import type { ConnectorDefinition, TypedConnector } from './definition.js';
import { buildConnector } from './definition.js';
import { lower } from './helpers.js';

export type { StarrocksOptions };

type SourceKey = 'scan-url' | `scan.${string}` | `lookup.${string}`;
type SinkKey = 'load-url' | `sink.${string}`;
/** A StarRocks table that is written: load-url and sink.* options. */
export type StarrocksSinkOptions = { readonly [K in keyof StarrocksOptions as K extends SourceKey ? never : K]: StarrocksOptions[K] };
/** A StarRocks table that is read (or looked up): scan-url, scan.* and lookup.* options. */
export type StarrocksSourceOptions = { readonly [K in keyof StarrocksOptions as K extends SinkKey ? never : K]: StarrocksOptions[K] };

const scoped = (scopes: readonly string[]): OptionSet =>
  new OptionSet({ ...starrocksCatalog, options: starrocksCatalog.options.filter((o) => scopes.includes(o.scope ?? 'both')) });
const SINK = scoped(['both', 'sink']);
const SOURCE = scoped(['both', 'source', 'lookup']);

const sinkKeys = (values: ReadonlyMap<string, string>): string[] => [...values.keys()].filter((k) => SINK.match(k) && !SOURCE.match(k));
const sourceKeys = (values: ReadonlyMap<string, string>): string[] => [...values.keys()].filter((k) => SOURCE.match(k) && !SINK.match(k));
const isSource = (values: ReadonlyMap<string, string>): boolean => sinkKeys(values).length === 0 && sourceKeys(values).length > 0;

export const starrocksDefinition: ConnectorDefinition = {
  identifier: 'starrocks',
  catalog: starrocksCatalog,
  requiredSets: (values) => [isSource(values) ? SOURCE : SINK],
  rules(ctx) {
    const sink = sinkKeys(ctx.values);
    const source = sourceKeys(ctx.values);
    if (sink.length > 0 && source.length > 0) {
      ctx.report({ kind: 'sourceAndSink', connector: 'StarRocks', source, sink, hint: 'declare one table to read (scan-url, scan.*, lookup.*) and another to write (load-url, sink.*)' }, { key: source[0]! });
    }
    if (lower(ctx.values, 'sink.version', 'AUTO') === 'v2') {
      for (const key of ['sink.buffer-flush.max-rows', 'sink.buffer-flush.enqueue-timeout-ms']) {
        if (ctx.values.has(key)) ctx.report({ kind: 'noEffect', key, when: "with 'sink.version' = 'V2'", why: 'only the V1 sink reads it' }, { key, severity: 'warning' });
      }
    }
  },
  capabilities: (values) =>
    isSource(values)
      ? { source: 'insert-only', primaryKey: 'optional', lookup: true, bounded: true }
      // Updates need the StarRocks table's PRIMARY KEY declared: a Primary Key table checks it at run time, and the
      // other table models drop DELETE and UPDATE_BEFORE rows silently.
      : { sink: 'all', primaryKey: 'required-for-updates', lookup: false, bounded: true },
  artifacts: () => [ARTIFACTS.starrocks],
};

/** `'connector' = 'starrocks'`: a sink (load-url, sink.*) or a source (scan-url, scan.*). */
export function starrocks(options: StarrocksSinkOptions | StarrocksSourceOptions): TypedConnector {
  return buildConnector(starrocksDefinition, options);
}
