/** Catalog declarations: `catalog('hive', hiveCatalog({...}))` → `CREATE CATALOG … WITH (…)`. */
import { z } from 'zod';
import type { CreateCatalog } from '../ast/statement.js';
import { argumentError, checkArgument } from '../diagnostics/arguments.js';
import type { CatalogConnector } from '../connector/connector.js';

export class Catalog<Name extends string = string> {
  readonly kind = 'catalog' as const;
  readonly statement: CreateCatalog;
  constructor(readonly name: Name, readonly connector: CatalogConnector, options: { readonly comment?: string; readonly ifNotExists?: boolean } = {}) {
    checkCatalog('new Catalog()', name, connector, options);
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

const CATALOG_OPTIONS = z.strictObject({ comment: z.string().optional(), ifNotExists: z.boolean().optional() });

function checkCatalog(call: string, name: unknown, connector: unknown, options: unknown): void {
  if (typeof name !== 'string' || name.trim() === '') throw argumentError(call, 'name', 'a non-empty name', name);
  const c = connector as Partial<CatalogConnector> | null | undefined;
  if (c === null || typeof c !== 'object' || typeof c.type !== 'string' || !Array.isArray(c.options)) {
    throw argumentError(call, 'connector', 'a catalog connector', connector, "pass a catalog's factory result: hiveCatalog({ … }), jdbcCatalog({ … }) or genericCatalog('type', { … })");
  }
  checkArgument(call, 'options', CATALOG_OPTIONS, options);
}

export function catalog<Name extends string>(name: Name, connector: CatalogConnector, options: { readonly comment?: string; readonly ifNotExists?: boolean } = {}): Catalog<Name> {
  checkCatalog('catalog()', name, connector, options);
  return new Catalog(name, connector, options);
}

/** `CREATE CATALOG name WITH (…)` as a statement (the same node as `catalog(name, connector).toStatement()`). */
export function createCatalog(name: string, connector: CatalogConnector, options: { readonly comment?: string; readonly ifNotExists?: boolean } = {}): CreateCatalog {
  checkCatalog('createCatalog()', name, connector, options);
  return new Catalog(name, connector, options).toStatement();
}
