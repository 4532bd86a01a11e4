/**
 * A compiled option catalog: looks up a key (exact key, deprecated alias, sub-key of a Map option, or a
 * pattern key such as `properties.*` / `fields.#.kind`), optionally under a prefix (`json.`, `value.json.`).
 */
import type { OptionCatalog, OptionSpec } from './spec.js';

export interface KeyMatch {
  readonly spec: OptionSpec;
  /** The key to print (the current key when an alias was written). */
  readonly key: string;
  /** The deprecated alias that was written, if any. */
  readonly deprecatedAlias?: string;
  /** A sub-key of a Map option or a pattern key: a free-form string value. */
  readonly free?: boolean;
}

/** Compiled sets by catalog, then by prefix and closedness (see `OptionSet.of`). */
const compiled = new WeakMap<OptionCatalog, Map<string, OptionSet>>();

export class OptionSet {
  /**
   * The compiled set of `catalog` under `prefix`, built once and shared: a set never changes once built, and
   * validating a table compiles its connector's and formats' catalogs (maps and pattern regexes) — once per table of
   * every job before, the largest part of checking a CREATE TABLE.
   */
  static of(catalog: OptionCatalog, prefix = '', closed?: 'error' | 'warning'): OptionSet {
    let byPrefix = compiled.get(catalog);
    if (byPrefix === undefined) compiled.set(catalog, (byPrefix = new Map()));
    const key = `${closed ?? ''}\u0000${prefix}`;
    let set = byPrefix.get(key);
    if (set === undefined) byPrefix.set(key, (set = new OptionSet(catalog, prefix, closed)));
    return set;
  }

  readonly catalog: OptionCatalog;
  readonly prefix: string;
  private readonly byKey = new Map<string, OptionSpec>();
  private readonly aliases = new Map<string, OptionSpec>();
  private readonly patterns: { readonly regex: RegExp; readonly spec: OptionSpec }[] = [];
  private readonly maps: OptionSpec[] = [];

  /**
   * When set, a key under this set's prefix that the set does not know is reported with this severity, even if a
   * broader pass-through pattern (`<format>.*`, `table-default.*`) would take it.
   */
  readonly closed: 'error' | 'warning' | undefined;

  constructor(catalog: OptionCatalog, prefix = '', closed?: 'error' | 'warning') {
    this.catalog = catalog;
    this.prefix = prefix;
    this.closed = prefix === '' ? undefined : closed;
    for (const spec of catalog.options) {
      if (spec.pattern !== undefined) {
        this.patterns.push({ regex: new RegExp(spec.pattern), spec });
        continue;
      }
      this.byKey.set(spec.key, spec);
      if (spec.type === 'map') this.maps.push(spec);
    }
    for (const spec of catalog.options) {
      for (const old of spec.deprecatedKeys ?? []) if (!this.byKey.has(old) && !this.aliases.has(old)) this.aliases.set(old, spec);
    }
  }

  /** The option a full key (with this set's prefix) refers to, or undefined. */
  match(fullKey: string): KeyMatch | undefined {
    if (!fullKey.startsWith(this.prefix)) return undefined;
    const key = fullKey.slice(this.prefix.length);
    const exact = this.byKey.get(key);
    if (exact) return { spec: exact, key: fullKey };
    const alias = this.aliases.get(key);
    if (alias) return { spec: alias, key: this.prefix + alias.key, deprecatedAlias: fullKey };
    for (const { regex, spec } of this.patterns) if (regex.test(key)) return { spec, key: fullKey, free: spec.type === 'string' };
    for (const spec of this.maps) {
      if (key.startsWith(`${spec.key}.`) && key.length > spec.key.length + 1) {
        return { spec: { ...spec, type: 'string' }, key: fullKey, free: true };
      }
    }
    return undefined;
  }

  /** Every exact key (with prefix), for "did you mean". Pattern keys are instantiated with `key`'s segments. */
  candidates(forKey: string): string[] {
    const out = [...this.byKey.keys()].map((k) => this.prefix + k);
    const segments = forKey.slice(this.prefix.length).split('.');
    for (const { spec } of this.patterns) {
      const parts = spec.key.split('.');
      const at = parts.findIndex((p) => p === '#' || /^<[^>]+>$/.test(p));
      if (parts.length > 1 && at >= 0 && segments[at] !== undefined && !parts.includes('*')) {
        out.push(this.prefix + parts.map((p, i) => (i === at ? segments[at]! : p)).join('.'));
      }
    }
    return out;
  }

  /**
   * Every key as the catalog writes it (with prefix), for a "known options" list: pattern keys keep their
   * placeholder (`fields.#.kind`) — instantiated with another key's segment they would name options of a column
   * that does not exist.
   */
  known(): string[] {
    return [...this.byKey.keys(), ...this.patterns.map((p) => p.spec.key), ...this.maps.map((m) => `${m.key}.<key>`)].map((k) => this.prefix + k);
  }

  /** Options declared required (`requiredOptions()` of the factory). */
  required(): OptionSpec[] {
    return [...this.byKey.values()].filter((s) => s.required === true);
  }

  get(key: string): OptionSpec | undefined {
    return this.byKey.get(key);
  }
}
