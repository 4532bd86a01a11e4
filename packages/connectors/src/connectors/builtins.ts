/** Flink's built-in test connectors: `datagen` (source), `print` and `blackhole` (sinks). */
import { blackholeCatalog } from '../generated/blackhole.js';
import type { BlackholeOptions } from '../generated/blackhole.js';
import { datagenCatalog } from '../generated/datagen.js';
import type { DatagenOptions } from '../generated/datagen.js';
import { printCatalog } from '../generated/print.js';
import type { PrintOptions } from '../generated/print.js';
import type { ConnectorDefinition, TypedConnector } from './definition.js';
import { buildConnector } from './definition.js';

export type { BlackholeOptions, DatagenOptions, PrintOptions };

export const datagenDefinition: ConnectorDefinition = {
  identifier: 'datagen',
  catalog: datagenCatalog,
  rules(ctx) {
    for (const [key, value] of ctx.values) {
      const m = /^fields\.([^.]+)\.kind$/.exec(key);
      if (!m || value.trim().toLowerCase() !== 'sequence') continue;
      for (const bound of ['start', 'end']) {
        if (!ctx.values.has(`fields.${m[1]!}.${bound}`)) ctx.report({ kind: 'needs', key, value: 'sequence', needed: `fields.${m[1]!}.${bound}` }, { key });
      }
    }
    if (ctx.columns) {
      for (const key of ctx.values.keys()) {
        const m = /^fields\.([^.]+)\./.exec(key);
        if (m && !ctx.columns.includes(m[1]!)) ctx.report({ kind: 'unknownColumn', key, column: m[1]!, columns: ctx.columns }, { key });
      }
    }
  },
  capabilities: (values) => ({ source: 'insert-only', primaryKey: 'optional', lookup: false, bounded: values.has('number-of-rows') }),
  artifacts: () => [],
};

export const printDefinition: ConnectorDefinition = {
  identifier: 'print',
  catalog: printCatalog,
  capabilities: () => ({ sink: 'all', primaryKey: 'optional', lookup: false, bounded: false }),
  artifacts: () => [],
};

export const blackholeDefinition: ConnectorDefinition = {
  identifier: 'blackhole',
  catalog: blackholeCatalog,
  capabilities: () => ({ sink: 'upsert', primaryKey: 'optional', lookup: false, bounded: false }),
  artifacts: () => [],
};

export const datagen = (options: DatagenOptions = {}): TypedConnector => buildConnector(datagenDefinition, options);
export const print = (options: PrintOptions = {}): TypedConnector => buildConnector(printDefinition, options);
export const blackhole = (options: BlackholeOptions = {}): TypedConnector => buildConnector(blackholeDefinition, options);
