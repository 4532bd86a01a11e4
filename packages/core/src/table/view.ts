/** View declarations: `view('v', query)` → `CREATE [TEMPORARY] VIEW v AS …`, readable like a table. */
import type { Relation } from '../ast/query.js';
import type { CreateView } from '../ast/statement.js';
import { z } from 'zod';
import { SelectQuery } from '../builder/query.js';
import { checkName } from '../builder/expr.js';
import { argumentError, checkArgument } from '../diagnostics/arguments.js';
import type { ColumnInfo, Source } from '../builder/source.js';
import { relationAlias } from '../builder/source.js';

export class View<Name extends string = string, Cols = unknown> implements Source<Cols> {
  declare readonly __columns: Cols;
  readonly kind = 'view' as const;
  readonly path: readonly string[];
  readonly statement: CreateView;
  readonly columnTypes: readonly ColumnInfo[];

  constructor(readonly name: Name, readonly query: SelectQuery<Cols>, options: ViewOptions) {
    checkView('new View()', name, query, options);
    this.path = [options.catalog, options.database, name].filter((p): p is string => p !== undefined);
    this.columnTypes = query.columnTypes;
    this.statement = Object.freeze({
      kind: 'CreateView',
      path: this.path,
      temporary: options.temporary ?? true,
      ifNotExists: options.ifNotExists ?? false,
      ...(options.comment === undefined ? {} : { comment: options.comment }),
      query: query.query,
    });
    Object.freeze(this);
  }

  toStatement(): CreateView {
    return this.statement;
  }

  toRelation(alias: string | undefined): Relation {
    relationAlias(alias);
    return alias === undefined ? { kind: 'TableRef', path: this.path } : { kind: 'TableRef', path: this.path, alias };
  }
}

export interface ViewOptions {
  /** Default `true`: CREATE TEMPORARY VIEW. */
  readonly temporary?: boolean;
  readonly ifNotExists?: boolean;
  readonly catalog?: string;
  readonly database?: string;
  readonly comment?: string;
}

const VIEW_OPTIONS = z.strictObject({ temporary: z.boolean().optional(), ifNotExists: z.boolean().optional(), catalog: z.string().trim().min(1).optional(), database: z.string().trim().min(1).optional(), comment: z.string().optional() });

/** view()'s arguments; the constructor checks them too (`new View(…)` from JavaScript), under its own name. */
function checkView(call: string, name: unknown, query: unknown, options: unknown): void {
  checkName(call, 'name', name);
  if (!(query instanceof SelectQuery)) throw argumentError(call, 'query', 'a query built with from(…).select(…)', query);
  checkArgument(call, 'options', VIEW_OPTIONS, options);
}

/** Declare a view over a built query. Its columns are the query's. */
export function view<Name extends string, Cols>(name: Name, query: SelectQuery<Cols>, options: ViewOptions = {}): View<Name, Cols> {
  checkView(typeof name === 'string' ? `view('${name}')` : 'view()', name, query, options);
  return new View(name, query, options);
}

/** `CREATE [TEMPORARY] VIEW name AS query` as a statement (the same node as `view(name, query).toStatement()`). */
export function createView<Cols>(name: string, query: SelectQuery<Cols>, options: ViewOptions = {}): CreateView {
  return view(name, query, options).toStatement();
}
