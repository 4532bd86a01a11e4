/**
 * Flink's rule for naming catalog objects, shared by `flinkts check` and the local runtime: a one-part name lives
 * in the current catalog and database, a two-part name `db.t` in the current catalog, a three-part name is whole.
 * `USE CATALOG c` switches to `c.default_database`, `USE [c.]db` to that database. Names are case-sensitive and
 * a qualified name is kept whole: `a.t` and `b.t` are two tables.
 */
import type { Statement } from '../ast/statement.js';

export const DEFAULT_CATALOG = 'default_catalog';
export const DEFAULT_DATABASE = 'default_database';

export type QualifiedName = readonly [catalog: string, database: string, object: string];

export class Namespace {
  private catalog = DEFAULT_CATALOG;
  private database = DEFAULT_DATABASE;

  /** The current catalog and database at this point of the script. */
  current(): [catalog: string, database: string] {
    return [this.catalog, this.database];
  }

  /** The fully qualified name of `path` as written at this point of the script. */
  qualify(path: readonly string[]): [string, string, string] {
    if (path.length >= 3) return [path[path.length - 3]!, path[path.length - 2]!, path[path.length - 1]!];
    if (path.length === 2) return [this.catalog, path[0]!, path[1]!];
    return [this.catalog, this.database, path[0]!];
  }

  /**
   * The keys of one-part names in the current catalog and database, made once each: every statement looks its tables
   * up by name, and a joined string per lookup was a few per cent of `check` on long scripts.
   */
  private local = new Map<string, string>();

  /** The map key of `path`: its qualified name joined with dots. */
  key(path: readonly string[]): string {
    if (path.length !== 1) return this.qualify(path).join('.');
    const name = path[0]!;
    let key = this.local.get(name);
    if (key === undefined) this.local.set(name, (key = `${this.catalog}.${this.database}.${name}`));
    return key;
  }

  /** Follows USE CATALOG / USE; other statements leave the namespace as it is. */
  apply(statement: Statement): void {
    if (statement.kind === 'UseCatalog' || statement.kind === 'UseDatabase') this.local = new Map();
    if (statement.kind === 'UseCatalog') {
      this.catalog = statement.name;
      this.database = DEFAULT_DATABASE;
    } else if (statement.kind === 'UseDatabase') {
      if (statement.path.length === 2) this.catalog = statement.path[0]!;
      this.database = statement.path[statement.path.length - 1]!;
    }
  }
}

/** A copy of `namespace` frozen at this point of the script (a view resolves its names where it was created). */
export function namespaceSnapshot(namespace: Namespace): Namespace {
  const copy = new Namespace();
  const [catalog, database] = namespace.current();
  copy.apply({ kind: 'UseCatalog', name: catalog });
  copy.apply({ kind: 'UseDatabase', path: [catalog, database] });
  return copy;
}
