/**
 * WITH options → the typed factory call that prints them: `kafka({ topic: 'x', format: json({ … }) })`,
 * `hiveCatalog({ … })`. Credentials become `secret('NAME')` (a literal credential is replaced by a secret and
 * reported, its value never written). The options object is built and passed to the real factory while
 * importing: when the factory refuses it (an unknown key, a bad value) the connector is kept in
 * `genericConnector(…)` — every option as written — with a comment saying why, and the reasons are reported.
 */
import { FlinktsError } from '@flinkts/core';
import type { CatalogConnector, Connector, Diagnostic, OptionEntry } from '@flinkts/core';
import * as connectors from '@flinkts/connectors';
import { secret } from '@flinkts/connectors';
import { isSensitive } from '@flinkts/connectors/internal';
import { key, str } from '../codegen/ts-literal.js';
import { textFields } from '@flinkts/core/internal';
import { IMPORT_TEXTS } from './codes.js';
import { CODES } from '@flinkts/connectors';

/** Connector identifier → factory export of @flinkts/connectors. */
const CONNECTOR_FACTORIES: Readonly<Record<string, string>> = {
  kafka: 'kafka', 'upsert-kafka': 'upsertKafka', 'mysql-cdc': 'mysqlCdc', jdbc: 'jdbc', paimon: 'paimon', starrocks: 'starrocks', filesystem: 'filesystem', datagen: 'datagen', print: 'print', blackhole: 'blackhole',
};
const CATALOG_FACTORIES: Readonly<Record<string, string>> = { hive: 'hiveCatalog', paimon: 'paimonCatalog', jdbc: 'jdbcCatalog', starrocks: 'starrocksCatalog', generic_in_memory: 'genericInMemoryCatalog' };
const FORMAT_FACTORIES: Readonly<Record<string, string>> = {
  json: 'json', csv: 'csv', avro: 'avro', 'avro-confluent': 'avroConfluent', 'debezium-avro-confluent': 'debeziumAvroConfluent', 'debezium-json': 'debeziumJson', 'canal-json': 'canalJson', 'maxwell-json': 'maxwellJson', 'ogg-json': 'oggJson', raw: 'raw', protobuf: 'protobuf', parquet: 'parquet', orc: 'orc',
};
const FORMAT_KEYS: Readonly<Record<string, string>> = { format: '', 'value.format': 'value.', 'key.format': 'key.' };

type Factory = (options: Record<string, unknown>) => unknown;
const factory = (name: string): Factory => (connectors as unknown as Record<string, Factory>)[name]!;

export interface OptionsCode {
  /** The expression that makes the connector / catalog. */
  readonly code: string;
  /** Names imported from @flinkts/core and @flinkts/connectors. */
  readonly coreImports: readonly string[];
  readonly connectorImports: readonly string[];
  /** Secrets the options use. */
  readonly secrets: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Passwords and the like, and user names: written as secrets. */
export const isCredential = (k: string): boolean => isSensitive(k) || /(^|[.-])(user|username)$/i.test(k);

const PLACEHOLDER = /^\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}$/;

/** A secret's name for a literal credential: the table and key, upper-cased (`ORDERS_PASSWORD`). */
const secretName = (owner: string, k: string): string => `${owner}_${k}`.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase().replace(/^([0-9])/, '_$1');

interface Item {
  readonly key: string;
  readonly code: string;
  readonly value: unknown;
}

function credentialItems(entries: readonly OptionEntry[], owner: string, where: string, file: string | undefined, diagnostics: Diagnostic[], secrets: string[]): Item[] {
  return entries.map((e) => {
    if (!isCredential(e.key)) return { key: e.key, code: str(e.value), value: e.value };
    const placeholder = PLACEHOLDER.exec(e.value)?.[1];
    const name = placeholder ?? secretName(owner, e.key);
    if (placeholder === undefined) {
      diagnostics.push({ ...textFields(IMPORT_TEXTS.literalCredential({ where, key: e.key, secret: name })), severity: 'warning', ...(file === undefined ? {} : { file }) });
    }
    secrets.push(name);
    return { key: e.key, code: `secret(${str(name)})`, value: secret(name) };
  });
}

/** Folds `format` + the contiguous `<format>.*` options after it into `format: json({ … })`. */
function withFormats(items: readonly Item[], imports: Set<string>): Item[] {
  const out: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const prefix = FORMAT_KEYS[item.key];
    const id = typeof item.value === 'string' ? item.value : undefined;
    const fn = id === undefined ? undefined : FORMAT_FACTORIES[id];
    if (prefix === undefined || id === undefined || fn === undefined) {
      out.push(item);
      continue;
    }
    const own = `${prefix}${id}.`;
    const options: Item[] = [];
    while (i + 1 < items.length && items[i + 1]!.key.startsWith(own)) options.push(items[++i]!);
    // A format option elsewhere in the list would move: keep the plain form then.
    if (items.slice(i + 1).some((x) => x.key.startsWith(own))) {
      out.push(item, ...options);
      continue;
    }
    try {
      const ref = factory(fn)(Object.fromEntries(options.map((o) => [o.key.slice(own.length), o.value])));
      imports.add(fn);
      const body = options.map((o) => `${key(o.key.slice(own.length))}: ${o.code}`).join(', ');
      out.push({ key: item.key, code: `${fn}(${options.length === 0 ? '' : `{ ${body} }`})`, value: ref });
    } catch {
      out.push(item, ...options);
    }
  }
  return out;
}

function refusal(e: unknown): string {
  if (e instanceof FlinktsError) return e.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message).join('; ');
  return e instanceof Error ? e.message : String(e);
}

/**
 * The connector of a CREATE TABLE. `identifier` undefined: a table without 'connector' (inside a Paimon catalog
 * it is a Paimon table).
 */
export function connectorCode(options: readonly OptionEntry[], context: { readonly owner: string; readonly where: string; readonly file?: string; readonly catalogType?: string }): OptionsCode | undefined {
  const diagnostics: Diagnostic[] = [];
  const secrets: string[] = [];
  const connectorImports = new Set<string>();
  const id = options.find((o) => o.key === 'connector')?.value ?? (context.catalogType === 'paimon' && options.length > 0 ? 'paimon' : undefined);
  if (id === undefined) return options.length === 0 ? undefined : { code: `{ identifier: '', options: [${options.map((o) => `{ key: ${str(o.key)}, value: ${str(o.value)} }`).join(', ')}], capabilities: UNKNOWN_CAPABILITIES, artifacts: [] }`, coreImports: ['UNKNOWN_CAPABILITIES'], connectorImports: [], secrets, diagnostics };
  const rest = options.filter((o) => o.key !== 'connector');
  const items = credentialItems(rest, context.owner, context.where, context.file, diagnostics, secrets);
  if (secrets.length > 0) connectorImports.add('secret');
  const fn = CONNECTOR_FACTORIES[id];
  let problem: string | undefined = fn === undefined ? `flinkts has no typed factory for the '${id}' connector` : undefined;
  if (fn !== undefined) {
    const formatImports = new Set<string>();
    const typed = withFormats(items, formatImports);
    try {
      const connector = factory(fn)(Object.fromEntries(typed.map((i) => [i.key, i.value]))) as Connector & { readonly warnings?: readonly Diagnostic[] };
      const unknown = (connector.warnings ?? []).filter((d) => d.code === CODES.unknownKey);
      const printed = connector.options.filter((o) => o.key !== 'connector').map((o) => `${o.key}=${o.value}`);
      const wanted = rest.map((o) => `${o.key}=${isCredential(o.key) ? (items.find((i) => i.key === o.key)?.value as { toString(): string }).toString() : o.value}`);
      if (unknown.length > 0) problem = unknown.map((d) => d.message).join('; ');
      else if (printed.join('\n') !== wanted.join('\n')) problem = `${fn}() would print these options in another order or form`;
      else {
        connectorImports.add(fn);
        for (const f of formatImports) connectorImports.add(f);
        const body = typed.map((i) => `${key(i.key)}: ${i.code}`).join(', ');
        const printsKey = connector.options.some((o) => o.key === 'connector');
        const hasKey = options.some((o) => o.key === 'connector');
        if (printsKey === hasKey) return { code: `${fn}(${typed.length === 0 ? '' : `{ ${body} }`})`, coreImports: [], connectorImports: [...connectorImports], secrets, diagnostics };
        problem = `${fn}() would ${printsKey ? 'add' : 'leave out'} the 'connector' option`;
      }
    } catch (e) {
      problem = refusal(e);
    }
  }
  diagnostics.push({ ...textFields(IMPORT_TEXTS.untypedConnector({ kind: 'connector', where: context.where, name: id, problem })), severity: 'warning', ...(context.file === undefined ? {} : { file: context.file }) });
  const body = items.map((i) => `${key(i.key)}: ${i.code.startsWith('secret(') ? `${i.code}.toString()` : i.code}`).join(', ');
  return {
    code: `/* escape hatch: ${problem?.replace(/\*\//g, '* /')} */ genericConnector(${str(id)}, { ${body} })`,
    coreImports: ['genericConnector'],
    connectorImports: [...connectorImports],
    secrets,
    diagnostics,
  };
}

export function catalogCode(options: readonly OptionEntry[], context: { readonly owner: string; readonly where: string; readonly file?: string }): OptionsCode {
  const diagnostics: Diagnostic[] = [];
  const secrets: string[] = [];
  const type = options.find((o) => o.key === 'type')?.value ?? '';
  const rest = options.filter((o) => o.key !== 'type');
  const items = credentialItems(rest, context.owner, context.where, context.file, diagnostics, secrets);
  const fn = CATALOG_FACTORIES[type];
  let problem = fn === undefined ? `flinkts has no typed factory for '${type}' catalogs` : '';
  if (fn !== undefined) {
    try {
      const built = factory(fn)(Object.fromEntries(items.map((i) => [i.key, i.value]))) as CatalogConnector;
      const printed = built.options.map((o) => `${o.key}=${o.value}`).join('\n');
      const wanted = [{ key: 'type', value: type }, ...rest.map((o, i) => ({ key: o.key, value: String(items[i]!.value) }))].map((o) => `${o.key}=${o.value}`).join('\n');
      if (printed === wanted) {
        const body = items.map((i) => `${key(i.key)}: ${i.code}`).join(', ');
        return { code: `${fn}(${items.length === 0 ? '' : `{ ${body} }`})`, coreImports: [], connectorImports: [fn, ...(secrets.length > 0 ? ['secret'] : [])], secrets, diagnostics };
      }
      problem = `${fn}() would print these options in another order or form`;
    } catch (e) {
      problem = refusal(e);
    }
  }
  diagnostics.push({ ...textFields(IMPORT_TEXTS.untypedConnector({ kind: 'catalog', where: context.where, name: type, problem })), severity: 'warning', ...(context.file === undefined ? {} : { file: context.file }) });
  const entries = [{ key: 'type', code: str(type) }, ...items].map((i) => `{ key: ${str(i.key)}, value: ${i.code.startsWith('secret(') ? `${i.code}.toString()` : i.code} }`).join(', ');
  return { code: `/* escape hatch: ${problem.replace(/\*\//g, '* /')} */ { type: ${str(type)}, options: [${entries}], artifacts: [] }`, coreImports: [], connectorImports: secrets.length > 0 ? ['secret'] : [], secrets, diagnostics };
}

