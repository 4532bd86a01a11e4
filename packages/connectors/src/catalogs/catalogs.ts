/**
 * Typed catalog factories: `CREATE CATALOG … WITH ('type' = …)` for Hive, Paimon, JDBC, StarRocks and the
 * generic in-memory catalog, validated like connector options (Paimon: unknown keys are warnings).
 */
import { checkContext, checkEntries, checkOptionsObject } from '../options/arguments.js';
import type { CatalogConnector, Diagnostic, MavenArtifact, Severity } from '@flinkts/core';
import { FlinktsError } from '@flinkts/core';
import { textFields } from '@flinkts/core/internal';
import { ARTIFACTS, jdbcDriver } from '../artifacts.js';
import { genericCatalogCatalog } from '../generated/generic-catalog.js';
import type { GenericCatalogOptions } from '../generated/generic-catalog.js';
import { hiveCatalogCatalog } from '../generated/hive-catalog.js';
import type { HiveCatalogOptions } from '../generated/hive-catalog.js';
import { jdbcCatalogCatalog } from '../generated/jdbc-catalog.js';
import type { JdbcCatalogOptions } from '../generated/jdbc-catalog.js';
import { paimonCatalogCatalog } from '../generated/paimon-catalog.js';
import { paimonCatalog as paimonTableCatalog } from '../generated/paimon.js';
import type { PaimonCatalogOptions } from '../generated/paimon-catalog.js';
import { starrocksCatalogCatalog } from '../generated/starrocks-catalog.js';
import type { StarrocksCatalogOptions } from '../generated/starrocks-catalog.js';
import { TEXTS, type RulePayload } from '../options/codes.js';
import { hiveSiteEntries } from './hive-site.js';
import type { HiveSiteEntry, HiveSiteInput } from './hive-site.js';
import { OptionSet } from '../options/option-set.js';
import type { OptionCatalog } from '../options/spec.js';
import { toEntries } from '../options/to-entries.js';
import type { Entry, ValidatedEntry } from '../options/validate.js';
import { keyPath, missingRequired, validateEntries } from '../options/validate.js';

export type { HiveSiteEntry, HiveSiteInput } from './hive-site.js';
export type { GenericCatalogOptions, HiveCatalogOptions, JdbcCatalogOptions, PaimonCatalogOptions, StarrocksCatalogOptions };

interface CatalogDefinition {
  readonly type: string;
  readonly catalog: OptionCatalog;
  readonly unknownKeys?: Severity;
  readonly artifacts: (values: ReadonlyMap<string, string>) => MavenArtifact[];
  readonly rules?: (values: ReadonlyMap<string, string>, report: (rule: RulePayload, key: string) => void) => void;
}

export const CATALOGS: ReadonlyMap<string, CatalogDefinition> = new Map(
  (
    [
      { type: 'hive', catalog: hiveCatalogCatalog, artifacts: () => [ARTIFACTS.hive] },
      {
        type: 'paimon',
        catalog: paimonCatalogCatalog,
        unknownKeys: 'warning',
        artifacts: (v) => [ARTIFACTS.paimon, ...((v.get('metastore') ?? '').toLowerCase() === 'hive' ? [ARTIFACTS.hive] : [])],
        rules: (v, report) => {
          const metastore = (v.get('metastore') ?? 'filesystem').toLowerCase();
          if (metastore === 'jdbc' && !v.has('uri')) report({ kind: 'needs', key: 'metastore', value: 'jdbc', needed: 'uri' }, 'metastore');
        },
      },
      { type: 'jdbc', catalog: jdbcCatalogCatalog, artifacts: (v) => [ARTIFACTS.jdbc, ...jdbcDriver(v.get('base-url'))] },
      { type: 'starrocks', catalog: starrocksCatalogCatalog, artifacts: () => [ARTIFACTS.starrocks] },
      { type: 'generic_in_memory', catalog: genericCatalogCatalog, artifacts: () => [] },
    ] satisfies CatalogDefinition[]
  ).map((d) => [d.type, d]),
);

export interface CatalogValidation {
  readonly diagnostics: Diagnostic[];
  readonly entries: ValidatedEntry[];
  readonly values: ReadonlyMap<string, string>;
}

/** Validates `CREATE CATALOG` options (with `type`) — also for catalogs parsed from SQL text. */
export function validateCatalogOptions(options: readonly Entry[], context: { readonly path?: string } = {}): Diagnostic[] {
  checkEntries('validateCatalogOptions()', 'options', options);
  checkContext('validateCatalogOptions()', context);
  return checkCatalog(options, context.path).diagnostics;
}

function checkCatalog(options: readonly Entry[], path?: string): CatalogValidation {
  const type = options.find((o) => o.key === 'type')?.value.trim().toLowerCase();
  const def = type === undefined ? undefined : CATALOGS.get(type);
  if (!def) {
    const diagnostics: Diagnostic[] = [
      type === undefined
        ? { ...textFields(TEXTS.missingRequired({ kind: 'catalogType', types: [...CATALOGS.keys()] })), severity: 'error', path: path ?? 'options' }
        : { ...textFields(TEXTS.unknownConnector({ kind: 'catalog type', name: type, known: [...CATALOGS.keys()] })), severity: 'info', path: keyPath(path, 'type') },
    ];
    return { diagnostics, entries: [...options], values: new Map(options.map((o) => [o.key, o.value])) };
  }
  const what = `the '${def.type}' catalog`;
  const set = OptionSet.of(def.catalog);
  const extra = def.type === 'paimon' ? [OptionSet.of(paimonTableCatalog, 'table-default.', 'warning')] : [];
  const result = validateEntries(options, [...extra, set], { what, path, unknownKeys: def.unknownKeys, reserved: ['type'] });
  const diagnostics = [...result.diagnostics, ...missingRequired([set], result.values, { what, path })];
  def.rules?.(result.values, (rule, key) => diagnostics.push({ ...textFields(TEXTS.ruleViolation(rule)), severity: 'error', path: keyPath(path, key) }));
  return { diagnostics, entries: result.entries, values: result.values };
}

export interface TypedCatalog extends CatalogConnector {
  readonly warnings: readonly Diagnostic[];
  /** Hive catalogs: the settings a pipeline writes to hive-site.xml in the catalog's `hive-conf-dir`. */
  readonly hiveSite?: readonly HiveSiteEntry[];
}

function buildCatalog(type: string, input: object, extra: { readonly hiveSite?: HiveSiteInput } = {}): TypedCatalog {
  const path = `${type}Catalog()`;
  checkOptionsObject(path, 'extra', extra);
  const converted = toEntries(input as Readonly<Record<string, unknown>>, path);
  const result = checkCatalog([{ key: 'type', value: type }, ...converted.entries], path);
  const diagnostics = [...converted.diagnostics, ...result.diagnostics];
  let hiveSite: HiveSiteEntry[] | undefined;
  if (extra.hiveSite !== undefined) {
    const site = hiveSiteEntries(extra.hiveSite, path);
    diagnostics.push(...site.diagnostics);
    hiveSite = site.entries;
    if (!result.values.has('hive-conf-dir')) diagnostics.push({ ...textFields(TEXTS.missingRequired({ kind: 'hiveConfDir' })), severity: 'error', path: `${path}.hive-conf-dir` });
  }
  if (diagnostics.some((d) => d.severity === 'error')) throw new FlinktsError(diagnostics);
  return Object.freeze({
    type,
    options: Object.freeze(result.entries.map((e) => Object.freeze({ key: e.key, value: e.value }))),
    artifacts: Object.freeze(CATALOGS.get(type)!.artifacts(result.values)),
    warnings: Object.freeze(diagnostics),
    ...(hiveSite === undefined ? {} : { hiveSite: Object.freeze(hiveSite.map((e) => Object.freeze(e))) }),
  });
}

/** Whether a catalog connector carries hive-site.xml settings. */
export function hiveSiteOf(connector: CatalogConnector): readonly HiveSiteEntry[] | undefined {
  const site = (connector as Partial<TypedCatalog>).hiveSite;
  return Array.isArray(site) ? site : undefined;
}

/**
 * `CREATE CATALOG … WITH ('type' = 'hive', …)`. Settings Hive reads from hive-site.xml (metastore URIs, warehouse,
 * file-system endpoint and keys) go in `hiveSite`; a pipeline writes them to `<hive-conf-dir>/hive-site.xml`.
 */
export const hiveCatalog = (options: HiveCatalogOptions = {}, extra: { readonly hiveSite?: HiveSiteInput } = {}): TypedCatalog => buildCatalog('hive', options, extra);
export const paimonCatalog = (options: PaimonCatalogOptions): TypedCatalog => buildCatalog('paimon', options);
export const jdbcCatalog = (options: JdbcCatalogOptions): TypedCatalog => buildCatalog('jdbc', options);
export const starrocksCatalog = (options: StarrocksCatalogOptions): TypedCatalog => buildCatalog('starrocks', options);
export const genericInMemoryCatalog = (options: GenericCatalogOptions = {}): TypedCatalog => buildCatalog('generic_in_memory', options);
