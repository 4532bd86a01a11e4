/** Catalog declarations: `catalog('hive', hiveCatalog({...}))` → `CREATE CATALOG … WITH (…)`. */
import type { CreateCatalog } from '../ast/statement.js';
import type { CatalogConnector } from '../connector/connector.js';

export class Catalog<Name extends string = string> {
  readonly kind = 'catalog' as const;
  readonly statement: CreateCatalog;
  constructor(readonly name: Name, readonly connector: CatalogConnector, options: { readonly comment?: string; readonly ifNotExists?: boolean } = {}) {
    this.statement = Object.freeze({
      kind: 'CreateCatalog',
      name,
      ifNotExists: options.ifNotExists ?? false,
      ...(options.comment === undefined ? {} : { comment: options.comment }),
      options: connector.options,
    });
    Object.freeze(this);
  }
  toStatement(): CreateCatalog {
    return this.statement;
  }
}

export function catalog<Name extends string>(name: Name, connector: CatalogConnector, options: { readonly comment?: string; readonly ifNotExists?: boolean } = {}): Catalog<Name> {
  return new Catalog(name, connector, options);
}

/** `CREATE CATALOG name WITH (…)` as a statement (the same node as `catalog(name, connector).toStatement()`). */
export function createCatalog(name: string, connector: CatalogConnector, options: { readonly comment?: string; readonly ifNotExists?: boolean } = {}): CreateCatalog {
  return new Catalog(name, connector, options).toStatement();
}
