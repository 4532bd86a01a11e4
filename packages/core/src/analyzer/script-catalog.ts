/**
 * The catalog a SQL script declares for itself: CREATE CATALOG / TABLE / VIEW and USE statements, in order.
 * Names resolve like Flink resolves them: a one-part name in the current catalog and database, a two-part name
 * in the current catalog.
 */
import { Namespace } from '../catalog/namespace.js';
import type { CreateTable, Statement } from '../ast/statement.js';
import type { DataType } from '../types/data-type.js';
import { expressionType } from '../typing/expression-type.js';

export interface CatalogColumn {
  readonly name: string;
  /** Undefined when it cannot be known here (computed columns, view columns of unknown type). */
  readonly type?: DataType;
  /** Physical and non-virtual metadata columns are written by INSERT. */
  readonly writable: boolean;
}

export interface CatalogTable {
  readonly kind: 'table' | 'view';
  readonly path: readonly [string, string, string];
  readonly columns: readonly CatalogColumn[];
  readonly statement?: CreateTable;
  /** The `type` of the catalog the table was created in, when the script declared it. */
  readonly catalogType?: string;
  /** A view whose columns could not be worked out: references to its columns are not checked. */
  readonly opaque?: boolean;
}

/** A computed column nested too deeply to type stays untyped (its checks are skipped, nothing throws). */
function typeOrUndefined(f: () => DataType | undefined): DataType | undefined {
  try {
    return f();
  } catch (e) {
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}

export { DEFAULT_CATALOG, DEFAULT_DATABASE } from '../catalog/namespace.js';

export class ScriptCatalog {
  private readonly namespace = new Namespace();
  private readonly tables = new Map<string, CatalogTable>();
  private readonly catalogTypes = new Map<string, string>();
  private readonly userFunctions = new Set<string>();

  /** Upper-cased names of the functions the script declared with CREATE FUNCTION (last path part). */
  functions(): ReadonlySet<string> {
    return this.userFunctions;
  }

  /** A fully qualified path for a name as written at this point of the script. */
  qualify(path: readonly string[]): [string, string, string] {
    return this.namespace.qualify(path);
  }

  lookup(path: readonly string[]): CatalogTable | undefined {
    return this.tables.get(this.qualify(path).join('.'));
  }

  /** Tables and views with this name in any catalog and database (for hints when the path does not match). */
  withName(name: string): CatalogTable[] {
    return [...this.tables.values()].filter((t) => t.path[2] === name);
  }

  /** Names of every known table and view, for "did you mean" hints. */
  names(): string[] {
    return [...this.tables.values()].map((t) => t.path[2]);
  }

  /** Apply a statement's effect on the catalog (DDL and USE). */
  apply(statement: Statement, viewColumns?: readonly CatalogColumn[]): void {
    switch (statement.kind) {
      case 'UseCatalog':
      case 'UseDatabase':
        this.namespace.apply(statement);
        return;
      case 'CreateCatalog': {
        const type = statement.options.find((o) => o.key === 'type')?.value;
        if (type !== undefined) this.catalogTypes.set(statement.name, type);
        return;
      }
      case 'CreateTable': {
        const path = this.qualify(statement.path);
        const pk = new Set(statement.primaryKey?.columns ?? []);
        // Computed columns are typed over the physical and metadata columns they may reference.
        const scope = statement.columns.flatMap((c) => (c.kind === 'ComputedColumn' ? [] : [{ relation: statement.path[statement.path.length - 1]!, name: c.name, type: c.type }]));
        const columns: CatalogColumn[] = statement.columns.map((c) => {
          if (c.kind === 'ComputedColumn') {
            const type = typeOrUndefined(() => expressionType(c.expr, scope));
            return { name: c.name, ...(type === undefined || type.kind === 'NULL' ? {} : { type }), writable: false };
          }
          const type = pk.has(c.name) ? ({ ...c.type, nullable: false } as DataType) : c.type;
          return { name: c.name, type, writable: c.kind === 'PhysicalColumn' || !c.virtual };
        });
        const catalogType = this.catalogTypes.get(path[0]);
        this.tables.set(path.join('.'), { kind: 'table', path, columns, statement, ...(catalogType === undefined ? {} : { catalogType }) });
        return;
      }
      case 'CreateView': {
        const path = this.qualify(statement.path);
        const columns = (viewColumns ?? []).map((c, i) => ({ ...c, name: statement.columns?.[i] ?? c.name, writable: false }));
        this.tables.set(path.join('.'), { kind: 'view', path, columns, ...(viewColumns === undefined ? { opaque: true } : {}) });
        return;
      }
      case 'CreateFunction':
        this.userFunctions.add(statement.path[statement.path.length - 1]!.toUpperCase());
        return;
      case 'Drop':
        if (statement.object === 'TABLE' || statement.object === 'VIEW') this.tables.delete(this.qualify(statement.path).join('.'));
        return;
      default:
        return;
    }
  }

  /** The catalog type a CREATE TABLE at this point of the script lands in. */
  catalogTypeFor(path: readonly string[]): string | undefined {
    return this.catalogTypes.get(this.qualify(path)[0]);
  }
}
