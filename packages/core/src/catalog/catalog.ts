/**
 * The catalog of a script as the binder reads it: CREATE CATALOG / TABLE / VIEW / FUNCTION, DROP and USE, in
 * order, with Flink's name rule (namespace.ts). Tables keep their CREATE TABLE statement; views keep their query and
 * the namespace they were created in, so the binder follows them through with the names they were written with.
 */
import type { CreateCatalog, CreateTable, CreateView, Statement } from '../ast/statement.js';
import type { LikeProblem } from './like.js';
import { mergeLike } from './like.js';
import type { QualifiedName } from './namespace.js';
import { Namespace, namespaceSnapshot } from './namespace.js';

export interface CatalogTableEntry {
  readonly kind: 'table';
  readonly path: QualifiedName;
  /**
   * The table as Flink's catalog holds it: for `CREATE TABLE … LIKE` the source merged in (like.ts), for `CREATE TABLE
   * … AS SELECT` the query's columns (set by the binder, `defineTable`); else the statement as written.
   */
  readonly statement: CreateTable;
  /** What Flink rejects in a LIKE clause (an unknown source, a view, a merge conflict): the binder reports them. */
  readonly likeProblems?: readonly LikeProblem[];
  /** The CREATE CATALOG the table lives in, when the script declares it (its `type`, `warehouse`, …). */
  readonly catalog?: CreateCatalog;
}

export interface CatalogViewEntry {
  readonly kind: 'view';
  readonly path: QualifiedName;
  readonly statement: CreateView;
  /** The namespace the view was created in: its query's names resolve there. */
  readonly namespace: Namespace;
}

export type CatalogEntry = CatalogTableEntry | CatalogViewEntry;

export class ObjectCatalog {
  private readonly namespace = new Namespace();

  constructor(
    private readonly entries = new Map<string, CatalogEntry>(),
    private readonly catalogs = new Map<string, CreateCatalog>(),
    private readonly userFunctions = new Set<string>(),
    private readonly systemFunctionNames = new Set<string>(),
    /** Upper-cased last names of the catalog and temporary (not system) functions: a DROP of one leaves a system function of the same name. */
    private readonly catalogFunctionNames = new Set<string>(),
  ) {}

  /** A catalog holding the DDL of `statements` (DDL and USE; other statements are ignored). */
  static of(statements: readonly Statement[]): ObjectCatalog {
    const c = new ObjectCatalog();
    for (const s of statements) c.apply(s);
    return c;
  }

  qualify(path: readonly string[]): QualifiedName {
    return this.namespace.qualify(path);
  }

  /** The table or view `path` names at this point of the script. */
  lookup(path: readonly string[]): CatalogEntry | undefined {
    return this.entries.get(this.namespace.key(path));
  }

  /** The `type` of the catalog a table named `path` at this point of the script lives in, when the script declares it. */
  catalogTypeOf(path: readonly string[]): string | undefined {
    return this.catalogs.get(this.qualify(path)[0])?.options.find((o) => o.key === 'type')?.value;
  }

  /** Every table and view, for "did you mean" hints. */
  all(): readonly CatalogEntry[] {
    return [...this.entries.values()];
  }

  /** Upper-cased last names of the functions the script declares (CREATE FUNCTION). */
  functions(): ReadonlySet<string> {
    return this.userFunctions;
  }

  /**
   * Upper-cased names of the temporary system functions (CREATE TEMPORARY SYSTEM FUNCTION): the only user functions
   * that shadow a built-in of the same name (plan/function-lookup.ts).
   */
  systemFunctions(): ReadonlySet<string> {
    return this.systemFunctionNames;
  }

  /**
   * A catalog that resolves names in `namespace` but reads this one's objects (a view's query, bound at once): the
   * same maps, not copies — a script of 10,000 views copied the whole catalog once per view.
   */
  within(namespace: Namespace): ObjectCatalog {
    const c = new ObjectCatalog(this.entries, this.catalogs, this.userFunctions, this.systemFunctionNames, this.catalogFunctionNames);
    const [catalog, database] = namespace.current();
    c.apply({ kind: 'UseCatalog', name: catalog });
    c.apply({ kind: 'UseDatabase', path: [catalog, database] });
    return c;
  }

  /** A LIKE clause's source merged in (like.ts). */
  private merged(statement: CreateTable): { readonly table: CreateTable; readonly problems: readonly LikeProblem[] } {
    const like = statement.like;
    if (like === undefined) return { table: statement, problems: [] };
    const source = this.lookup(like.path);
    const { like: _like, ...rest } = statement;
    if (source === undefined) {
      const last = like.path[like.path.length - 1]!;
      const near = this.all().filter((e) => e.path[2] === last).map((e) => e.path.join('.'));
      return { table: rest, problems: [{ kind: 'unknown', path: like.path.join('.'), declaredAs: near, known: this.all().map((e) => e.path[2]) }] };
    }
    if (source.kind === 'view') return { table: rest, problems: [{ kind: 'rejected', conflict: { conflict: 'view', table: source.path.join('.') } }] };
    return mergeLike(statement, source.statement);
  }

  /** `CREATE TABLE … AS SELECT`: the table with the columns its query gives (the binder derives them). */
  defineTable(path: readonly string[], statement: CreateTable): void {
    const entry = this.lookup(path);
    if (entry?.kind !== 'table') return;
    this.entries.set(this.namespace.key(path), Object.freeze({ ...entry, statement }));
  }

  apply(statement: Statement): void {
    switch (statement.kind) {
      case 'UseCatalog':
      case 'UseDatabase':
        this.namespace.apply(statement);
        return;
      case 'CreateCatalog':
        this.catalogs.set(statement.name, statement);
        return;
      case 'CreateTable': {
        const path = this.qualify(statement.path);
        const key = path.join('.');
        if (statement.ifNotExists && this.entries.has(key)) return;
        const catalog = this.catalogs.get(path[0]);
        const { table, problems } = this.merged(statement);
        this.entries.set(key, Object.freeze({ kind: 'table', path, statement: table, ...(catalog === undefined ? {} : { catalog }), ...(problems.length === 0 ? {} : { likeProblems: problems }) }));
        return;
      }
      case 'CreateView': {
        const path = this.qualify(statement.path);
        const key = path.join('.');
        if (statement.ifNotExists && this.entries.has(key)) return;
        this.entries.set(key, Object.freeze({ kind: 'view', path, statement, namespace: namespaceSnapshot(this.namespace) }));
        return;
      }
      case 'CreateFunction':
        this.userFunctions.add(statement.path[statement.path.length - 1]!.toUpperCase());
        if (statement.system) this.systemFunctionNames.add(statement.path[statement.path.length - 1]!.toUpperCase());
        else this.catalogFunctionNames.add(statement.path[statement.path.length - 1]!.toUpperCase());
        return;
      case 'Drop': {
        if (statement.object === 'TABLE' || statement.object === 'VIEW') this.entries.delete(this.namespace.key(statement.path));
        // DROP [TEMPORARY [SYSTEM]] FUNCTION: a later call no longer finds it (Flink 1.20.1: "No match found for function signature")
        if (statement.object !== 'FUNCTION') return;
        const name = statement.path[statement.path.length - 1]!.toUpperCase();
        if (statement.system === true) this.systemFunctionNames.delete(name);
        else this.catalogFunctionNames.delete(name);
        if (!this.systemFunctionNames.has(name) && !this.catalogFunctionNames.has(name)) this.userFunctions.delete(name);
        return;
      }
      default:
        return;
    }
  }
}
