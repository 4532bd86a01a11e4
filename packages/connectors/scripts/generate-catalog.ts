/**
 * Generates src/generated/*.ts (typed option catalogs) from the in-package copies of the real option
 * definitions in catalog/*.json. Run: `npx tsx packages/connectors/scripts/generate-catalog.ts`.
 * `generate()` returns the files without writing them (the test checks the committed files are current).
 */
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const catalogDir = join(root, 'catalog');
const outDir = join(root, 'src', 'generated');

interface RawOption {
  key: string;
  type: string;
  default: unknown;
  required?: boolean;
  enum?: string[] | null;
  deprecatedKeys?: string[];
  fallbackKeys?: string[];
  prefixMap?: boolean;
  keyPattern?: string;
  secret?: boolean;
  deprecated?: boolean;
  scope?: string;
  requiredWhen?: string;
  description: string;
  deprecatedEnumValues?: string[];
  validation?: { min?: unknown; max?: unknown } | string;
}

const read = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(catalogDir, file), 'utf8')) as Record<string, unknown>;

function mapType(raw: RawOption): { type: string; values?: string[]; itemValues?: string[] } {
  const t = raw.type;
  if (t === 'String') return raw.enum && raw.enum.length > 0 && raw.key !== 'type' ? { type: 'enum', values: raw.enum } : { type: 'string' };
  if (t === 'Integer') return { type: 'integer' };
  if (t === 'Long') return { type: 'long' };
  if (t === 'Double' || t === 'Float') return { type: 'double' };
  if (t === 'Boolean') return { type: 'boolean' };
  if (t === 'Duration') return { type: 'duration' };
  if (t === 'MemorySize') return { type: 'memory' };
  if (t === 'Map') return { type: 'map' };
  if (t === 'List<String>') return { type: 'list' };
  if (t === 'Enum' || t.startsWith('Enum(')) return { type: 'enum', values: [...(raw.enum ?? []), ...(raw.deprecatedEnumValues ?? [])] };
  if (t.startsWith('List<Enum(')) return { type: 'list', itemValues: raw.enum ?? [] };
  throw new Error(`unknown option type ${t} (${raw.key})`);
}

function defaultText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.join(';');
  return String(value);
}

function spec(raw: RawOption, prefixPattern?: (raw: RawOption) => string | undefined): Record<string, unknown> {
  const mapped = mapType(raw);
  const out: Record<string, unknown> = { key: raw.key, type: mapped.type };
  const d = defaultText(raw.default);
  if (d !== undefined) out.default = d;
  if (raw.required) out.required = true;
  if (mapped.values) out.values = mapped.values;
  if (mapped.itemValues) out.itemValues = mapped.itemValues;
  const pattern = prefixPattern?.(raw) ?? raw.keyPattern;
  if (pattern) out.pattern = pattern;
  if (raw.prefixMap && mapped.type === 'map') out.type = 'string';
  if (raw.validation && typeof raw.validation === 'object') {
    if (typeof raw.validation.min === 'number') out.min = raw.validation.min;
    if (typeof raw.validation.max === 'number') out.max = raw.validation.max;
  }
  if (raw.secret) out.secret = true;
  if (raw.deprecated) out.deprecated = true;
  const old = [...(raw.deprecatedKeys ?? []), ...(raw.fallbackKeys ?? [])];
  if (old.length > 0) out.deprecatedKeys = old;
  if (raw.scope) out.scope = raw.scope;
  if (raw.requiredWhen) out.requiredWhen = raw.requiredWhen;
  out.description = raw.description;
  return out;
}

/** The TypeScript key type for a pattern option (`properties.${string}`). */
function templateKey(pattern: string): string {
  const alt = /^\^\(([^)]+)\)\\\.\.\+\$$/.exec(pattern);
  if (alt) return alt[1]!.split('|').map((p) => '`' + p + '.${string}`').join(' | ');
  let body = pattern.replace(/^\^/, '').replace(/\$$/, '');
  body = body.replace(/\[\^\.\]\+\(,\[\^\.\]\+\)\*/g, '${string}').replace(/\[\^\.\]\+/g, '${string}').replace(/\.\+/g, '${string}');
  body = body.replace(/\\(.)/g, '$1');
  if (/[\\^$()[\]|*+?]/.test(body.replaceAll('${string}', ''))) throw new Error(`cannot turn ${pattern} into a template type`);
  return '`' + body + '`';
}

const VALUE_TYPES: Record<string, string> = {
  string: 'StringValue',
  integer: 'IntegerValue',
  long: 'IntegerValue',
  double: 'NumberValue',
  boolean: 'BooleanValue',
  duration: 'DurationValue',
  memory: 'MemorySizeValue',
  list: 'ListValue',
  map: 'MapValue',
};

function valueType(s: Record<string, unknown>, overrides: Record<string, string>): string {
  const key = s.key as string;
  if (overrides[key]) return overrides[key]!;
  if (s.secret === true) return 'SecretValue';
  if (s.type === 'enum') return [...(s.values as string[]).map((v) => `'${v}'`), 'Placeholder'].join(' | ');
  return VALUE_TYPES[s.type as string]!;
}

function jsdoc(s: Record<string, unknown>, indent: string): string {
  const parts = [String(s.description).replace(/\*\//g, '* /')];
  if (s.default !== undefined) parts.push(`Default: \`${String(s.default)}\`.`);
  if (s.requiredWhen) parts.push(`Required when ${String(s.requiredWhen)}.`);
  const tags = s.deprecated ? `\n${indent} * @deprecated` : '';
  return `${indent}/** ${parts.join(' ')}${tags} */\n`;
}

interface Target {
  file: string;
  constName: string;
  typeName: string;
  identifier: string;
  version: string;
  options: RawOption[];
  /** Keys to leave out of the generated interface (typed separately). */
  overrides?: Record<string, string>;
  /** Also emit the interface (false for settings, which get their own). */
  interfaceDoc: string;
  requiredInType?: boolean;
  extra?: Record<string, unknown>;
}

const output = new Map<string, string>();

function emit(target: Target): void {
  const specs = target.options.map((o) => spec(o));
  const overrides = target.overrides ?? {};
  const named = specs.filter((s) => s.pattern === undefined);
  const patterns = specs.filter((s) => s.pattern !== undefined);
  const usedTypes = new Set<string>(['OptionCatalog']);
  let iface = `/** ${target.interfaceDoc} */\nexport interface ${target.typeName} {\n`;
  for (const s of named) {
    const vt = valueType(s, overrides);
    for (const t of vt.split(/[^A-Za-z]+/)) if (/Value$|^Placeholder$|^FormatRef$/.test(t)) usedTypes.add(t);
    const optional = target.requiredInType !== false && s.required ? '' : '?';
    iface += jsdoc(s, '  ') + `  readonly '${s.key as string}'${optional}: ${vt};\n`;
  }
  const namedKeys = new Set(named.map((s) => s.key as string));
  for (const s of named) {
    for (const old of (s.deprecatedKeys as string[] | undefined) ?? []) {
      if (namedKeys.has(old)) continue;
      namedKeys.add(old);
      iface += `  /** @deprecated Flink reads it as '${s.key as string}'; write that key instead. */\n  readonly '${old}'?: ${valueType(s, overrides)};\n`;
    }
  }
  const patternTypes = new Map<string, string[]>();
  for (const s of patterns) {
    const regex = new RegExp(s.pattern as string);
    const clashing = named.filter((n) => regex.test(n.key as string)).map((n) => valueType(n, overrides));
    for (const key of templateKey(s.pattern as string).split(' | ')) {
      const vt = [...new Set([valueType(s, overrides), ...clashing])].join(' | ');
      for (const t of vt.split(/[^A-Za-z]+/)) if (/Value$|^Placeholder$|^FormatRef$/.test(t)) usedTypes.add(t);
      patternTypes.set(key, [...(patternTypes.get(key) ?? []), vt]);
    }
  }
  for (const [key, types] of patternTypes) {
    iface += `  readonly [key: ${key}]: ${[...new Set(types)].join(' | ')} | undefined;\n`;
  }
  iface += '}\n';
  const valueImports = [...usedTypes].filter((t) => t !== 'OptionCatalog' && t !== 'FormatRef').sort();
  const data = { identifier: target.identifier, version: target.version, ...(target.extra ?? {}), options: specs };
  const text =
    `// Generated by scripts/generate-catalog.ts from catalog/${target.file}. Do not edit by hand.\n` +
    (usedTypes.has('FormatRef') ? `import type { FormatRef } from '../formats/format.js';\n` : '') +
    `import type { OptionCatalog } from '../options/spec.js';\n` +
    (valueImports.length > 0 ? `import type { ${valueImports.join(', ')} } from '../options/values.js';\n` : '') +
    `\nexport const ${target.constName}: OptionCatalog = ${JSON.stringify(data, null, 2)};\n\n` +
    iface;
  output.set(`${target.file.replace(/\.json$/, '')}.ts`, text);
}

const camel = (s: string): string => s.replace(/[-_.]([a-z])/g, (_, c: string) => c.toUpperCase());
const pascal = (s: string): string => camel(s).replace(/^./, (c) => c.toUpperCase());

export function generate(): ReadonlyMap<string, string> {
  output.clear();
  /** `format` keys take `json({ … })` or one of the connector's format identifiers. */
  const formatOverrides = (supported: string[] | undefined): Record<string, string> => {
    const type = ['FormatRef', ...(supported ?? []).map((f) => `'${f}'`)].join(' | ');
    return { format: type, 'value.format': type, 'key.format': type };
  };
  const common = read('flink-common-options.json').options as RawOption[];
  const watermarkOptions = common.filter((o) => o.key.startsWith('scan.watermark.'));

  for (const file of readdirSync(catalogDir).filter((f) => f.endsWith('.json')).sort()) {
    const json = read(file);
    if (file === 'flink-config-options.json' || file === 'flink-common-options.json') continue;
    const name = file.replace(/\.json$/, '');
    if (file === 'formats.json') {
      for (const format of json.formats as { identifier: string; version?: string; options?: RawOption[]; sameOptionsAs?: string; changelog: unknown }[]) {
        const source = format.sameOptionsAs
          ? (json.formats as { identifier: string; options?: RawOption[] }[]).find((f) => f.identifier === format.sameOptionsAs)!.options ?? []
          : format.options ?? [];
        const options = source.map((o) =>
          o.keyPattern ? { ...o, keyPattern: o.keyPattern.replace(new RegExp(`^\\^${format.identifier.replace(/-/g, '\\-')}\\\\\\.`), '^') } : o,
        );
        emit({
          file: `format-${format.identifier}.json`,
          constName: `${camel(format.identifier)}FormatCatalog`,
          typeName: `${pascal(format.identifier)}FormatOptions`,
          identifier: format.identifier,
          version: String(json.version),
          options,
          extra: { changelog: format.changelog },
          interfaceDoc: `Options of the \`${format.identifier}\` format, without the \`${format.identifier}.\` prefix.`,
        });
      }
      continue;
    }
    let options = (json.options as RawOption[]).filter((o) => o.key !== 'connector');
    // Identifiers only: a catalog may annotate one (filesystem: 'avro-confluent (sink needs …subject)').
    const supportedFormats = (json.supportedFormats as string[] | undefined)?.map((f) => f.split(' ')[0]!);
    const isCatalog = json.catalogTypeKey !== undefined;
    if (isCatalog) options = options.filter((o) => o.key !== 'type');
    if (json.acceptsWatermarkOptions === true) {
      options = [...options, ...watermarkOptions.filter((w) => !options.some((o) => o.key === w.key))];
    }
    emit({
      file,
      constName: `${camel(name)}Catalog`,
      typeName: `${pascal(name)}Options`,
      identifier: String(json.identifier),
      version: String(json.version),
      options,
      overrides: formatOverrides(supportedFormats),
      ...(supportedFormats ? { extra: { supportedFormats } } : {}),
      interfaceDoc: isCatalog
        ? `Typed WITH options of \`CREATE CATALOG … WITH ('type' = '${String(json.identifier)}')\` (${String(json.version).split('(')[0]!.trim()}).`
        : `Typed WITH options of the \`${String(json.identifier)}\` connector (${String(json.version).split('(')[0]!.trim()}).`,
    });
    if (file === 'hive-catalog.json') {
      emit({
        file: 'hive-table.json',
        constName: 'hiveTableCatalog',
        typeName: 'HiveTableOptions',
        identifier: 'hive',
        version: String(json.version),
        options: (json.hiveTableOptions as { options: RawOption[] }).options,
        interfaceDoc: 'Options of a Hive table inside a Hive catalog.',
      });
    }
  }

  // Flink settings (SET / job configuration): config-options.json plus the session keys of the catalogs.
  const config = read('flink-config-options.json') as unknown as RawOption[];
  const session = [
    ...((read('hive-catalog.json').sessionConfig as { options: RawOption[] }).options),
    ...((read('generic-catalog.json').sessionConfig as { options: RawOption[] }).options),
  ].filter((o) => !config.some((c) => c.key === o.key));
  emit({
    file: 'flink-settings.json',
    constName: 'flinkSettingsCatalog',
    typeName: 'FlinkSettingsInput',
    identifier: 'flink-settings',
    version: 'Flink 1.20.1',
    options: [...config, ...session],
    interfaceDoc: 'Flink 1.20 configuration keys (SET statements and job configuration).',
    requiredInType: false,
  });
  return new Map(output);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const [file, text] of generate()) writeFileSync(join(outDir, file), text);
}
