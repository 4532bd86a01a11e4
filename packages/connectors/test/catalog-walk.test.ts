/**
 * Walks every option of every catalog file: a valid value of its type is accepted, an invalid one is rejected
 * (where the type allows one), and a one-letter typo of each key is rejected with that key as the suggestion.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { CATALOGS, CONNECTORS, FORMAT_CATALOGS, validateSettings } from '@flinkts/connectors';
import type { OptionCatalog, OptionSpec } from '@flinkts/connectors';
import { OptionSet } from '../src/options/option-set.js';
import { validateEntries } from '../src/options/validate.js';
import { isSensitive } from '../src/options/sensitive.js';
import { flinkSettingsCatalog } from '../src/generated/flink-settings.js';
import { hiveTableCatalog } from '../src/generated/hive-table.js';

const catalogDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'catalog');

const families: [string, OptionCatalog][] = [
  ...[...CONNECTORS.values()].map((d) => [`connector ${d.identifier}`, d.catalog] as [string, OptionCatalog]),
  ...[...CATALOGS.values()].map((d) => [`catalog ${d.type}`, d.catalog] as [string, OptionCatalog]),
  ...[...FORMAT_CATALOGS.values()].map((c) => [`format ${c.identifier}`, c] as [string, OptionCatalog]),
  ['hive table', hiveTableCatalog],
];

/** A concrete key for a pattern option (`fields.#.kind` → `fields.col.kind`). */
function exampleKey(spec: OptionSpec): string {
  if (spec.pattern === undefined) return spec.key;
  const alt = /^\^\(([^)|]+)[^)]*\)\\\.\.\+\$$/.exec(spec.pattern);
  if (alt) return `${alt[1]!}.x`;
  return spec.pattern
    .replace(/^\^/, '')
    .replace(/\$$/, '')
    .replace(/\[\^\.\]\+\(,\[\^\.\]\+\)\*/g, 'col')
    .replace(/\[\^\.\]\+/g, 'col')
    .replace(/\.\+/g, 'x')
    .replace(/\\(.)/g, '$1');
}

function validValue(spec: OptionSpec, key: string): string {
  if (isSensitive(key, spec)) return '${SOME_SECRET}';
  switch (spec.type) {
    case 'string':
      return 'some-text';
    case 'integer':
    case 'long':
      return String(spec.min ?? 1);
    case 'double':
      return '0.5';
    case 'boolean':
      return 'true';
    case 'duration':
      return '30 s';
    case 'memory':
      return '128mb';
    case 'enum':
      return spec.values![0]!;
    case 'list':
      return spec.itemValues ? spec.itemValues[0]! : 'a;b';
    case 'map':
      return 'k1:v1,k2:v2';
  }
}

function invalidValue(spec: OptionSpec): string | undefined {
  switch (spec.type) {
    case 'integer':
    case 'long':
    case 'double':
      return 'twelve';
    case 'boolean':
      return 'yes';
    case 'duration':
      return '30s-300s';
    case 'memory':
      return '50 parsecs';
    case 'enum':
      return 'no-such-value';
    case 'list':
      return spec.itemValues ? 'no-such-value' : undefined;
    case 'map':
      return 'no-colon';
    case 'string':
      return undefined;
  }
}

function typo(key: string): string {
  return (key[0] === 'x' ? 'q' : 'x') + key.slice(1);
}

describe.each(families)('%s', (_name, catalog) => {
  const set = new OptionSet(catalog);
  const check = (key: string, value: string) => validateEntries([{ key, value }], [set], { what: catalog.identifier });
  test.each(catalog.options.map((o) => [o.pattern === undefined ? o.key : exampleKey(o), o] as const))('%s', (key, spec) => {
    const ok = check(key, validValue(spec, key));
    expect(ok.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const bad = invalidValue(spec);
    if (bad !== undefined) {
      const result = check(key, bad);
      expect(result.diagnostics.map((d) => d.code)).toContain('FTS3002');
      expect(result.diagnostics.find((d) => d.code === 'FTS3002')!.message).toContain(`received '${bad}'`);
    }
    if (spec.pattern === undefined && set.match(typo(key)) !== undefined) {
      // An open namespace (parquet.* is passed to Hadoop as is): the typo is a free-form key, as in Flink.
      expect(set.match(typo(key))!.free).toBe(true);
    } else if (spec.pattern === undefined) {
      const wrong = typo(key);
      const result = check(wrong, 'x');
      const unknown = result.diagnostics.find((d) => d.code === 'FTS3001');
      expect(unknown, `typo ${wrong}`).toBeDefined();
      expect(unknown!.hint).toBe(`did you mean '${key}'?`);
    }
  });
});

describe('Flink 1.20 settings', () => {
  test.each(flinkSettingsCatalog.options.map((o) => [o.key, o] as const))('%s', (key, spec) => {
    expect(validateSettings([{ key, value: validValue(spec, key) }]).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const bad = invalidValue(spec);
    if (bad !== undefined) expect(validateSettings([{ key, value: bad }]).diagnostics.map((d) => d.code)).toContain('FTS3102');
    const unknown = validateSettings([{ key: typo(key), value: 'x' }]).diagnostics.find((d) => d.code === 'FTS3101');
    expect(unknown?.hint).toBe(`did you mean '${key}'?`);
  });
  test('every deprecated key is accepted with a warning and normalized to its 1.20 key', () => {
    for (const spec of flinkSettingsCatalog.options) {
      for (const old of spec.deprecatedKeys ?? []) {
        if (flinkSettingsCatalog.options.some((o) => o.key === old)) continue;
        const result = validateSettings([{ key: old, value: validValue(spec, spec.key) }]);
        expect(result.diagnostics.map((d) => [d.code, d.severity])).toContainEqual(['FTS3103', 'warning']);
        expect(result.entries[0]!.key).toBe(spec.key);
      }
    }
  });
});

describe('generated modules match the catalog files', () => {
  const raw = (file: string) => JSON.parse(readFileSync(join(catalogDir, file), 'utf8')) as { options: { key: string }[] };
  test.each(readdirSync(catalogDir).filter((f) => !['formats.json', 'flink-config-options.json', 'flink-common-options.json'].includes(f)))('%s', (file) => {
    const type = /^(.*)-catalog\.json$/.exec(file)?.[1];
    const catalog = type ? CATALOGS.get(type === 'generic' ? 'generic_in_memory' : type)!.catalog : CONNECTORS.get(file.replace(/\.json$/, ''))!.catalog;
    const keys = new Set(catalog.options.map((o) => o.key));
    for (const o of raw(file).options) if (o.key !== 'connector' && o.key !== 'type') expect(keys.has(o.key), o.key).toBe(true);
  });
  test('formats.json', () => {
    const json = JSON.parse(readFileSync(join(catalogDir, 'formats.json'), 'utf8')) as { formats: { identifier: string; options?: { key: string }[] }[] };
    for (const f of json.formats) {
      const keys = FORMAT_CATALOGS.get(f.identifier)!.options.map((o) => o.key);
      for (const o of f.options ?? []) expect(keys).toContain(o.key);
    }
  });
  test('config-options.json', () => {
    const json = JSON.parse(readFileSync(join(catalogDir, 'flink-config-options.json'), 'utf8')) as { key: string }[];
    const keys = new Set(flinkSettingsCatalog.options.map((o) => o.key));
    expect(json.length).toBe(349);
    for (const o of json) expect(keys.has(o.key)).toBe(true);
  });
});

describe('the "known options" hint of a key with no near match', () => {
  test('lists pattern keys with their placeholder, never instantiated with the unknown key (a column that does not exist)', () => {
    const datagen = CONNECTORS.get('datagen')!;
    const result = validateEntries([{ key: 'scan.startup.mode', value: 'x' }], [new OptionSet(datagen.catalog)], { what: "the 'datagen' connector" });
    const hint = result.diagnostics.find((d) => d.code === 'FTS3001')?.hint ?? '';
    expect(hint).toContain('fields.#.kind');
    expect(hint).not.toContain('startup');
  });
  test('a map option is listed in both of its forms (one key with a map value, or a key per entry)', () => {
    const known = new OptionSet(CONNECTORS.get('paimon')!.catalog).known();
    expect(known).toContain('file.format.per.level.<key>');
    expect(known).toContain('file.format.per.level');
    expect(new OptionSet(CONNECTORS.get('kafka')!.catalog).known()).toContain('properties.*');
  });
});
