/**
 * A query → builder code, driven by the bound plan: the binder's trace (`BindTrace`) says what every table name in
 * FROM is (a declared table or view, a CTE) and gives every query's plan, whose columns type the selection and whose
 * Aggregate / Over nodes name the aggregate and window calls. Written with the builder, for the shapes it prints
 * back exactly: `from(source, 'a')` over declared tables, views, CTEs (`withCtes` / `cte`), sub-queries and window
 * TVFs (`tumble` / `hop` / `cumulate`); joins with ON (`join`, `leftJoin`, …), temporal and lookup joins
 * (`temporalJoin`, FOR SYSTEM_TIME AS OF); WHERE; GROUP BY / HAVING with aggregate calls as `fn` calls; window calls
 * (`fn.rowNumber().over({ … })`, TopN and deduplication as the plan recognises them); DISTINCT; ORDER BY output
 * columns and LIMIT n (`.orderBy(…)`, `.limit(n)`); UNION ALL;
 * `.select({ … })` / `.selectList([ … ])`. Column references are the typed scope (`o.amount`); other expressions are
 * `sqlAs(type)` tags over typed references and `fn` calls, with the type the plan works out. Anything else returns
 * the reason, and the caller keeps the query in `sqlQuery` with a note naming it.
 */
import type { BindTrace, CatalogEntry, DataType, Expression, FunctionCall, NamedPlan, OrderItem, PlanColumn, PlanNode, Query, Relation, Select, TableRef } from '@flinkts/core';
import { fn } from '@flinkts/core';
import { sameAst, tableColumns } from '@flinkts/core/internal';
import type { ObjectCatalog } from '@flinkts/core';
import { key, str } from '../codegen/ts-literal.js';
import { typeCode } from '../codegen/type-code.js';
import { interpolatedNodes } from './sql-text.js';
import { tsComments } from './comments.js';

export interface DeclaredSource {
  /** The TypeScript variable of the declared table or view. */
  readonly variable: string;
  /** Its path as declared (the builder prints this). */
  readonly path: readonly string[];
}

export interface QueryCodeContext {
  readonly trace: BindTrace;
  readonly catalog: ObjectCatalog;
  /** The typed declaration of a catalog table or view, or undefined. */
  readonly declared: (entry: CatalogEntry) => DeclaredSource | undefined;
  readonly imports: Set<string>;
  /** Declarations the code reads (imported by the module). */
  readonly uses: Set<string>;
  /** Declares a constant before the code (a CTE's query) and gives its variable. */
  readonly hoist: (name: string, code: string) => string;
}

export type QueryCode = { readonly ok: true; readonly code: string } | { readonly ok: false; readonly why: string };

class NotExpressed extends Error {}
const fail = (why: string): never => {
  throw new NotExpressed(why);
};

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const RESERVED_PARAMS = new Set(['t', 'fn', 'sql', 'sqlAs', 'from', 'table', 'view', 'cte', 'withCtes', 'tumble', 'hop', 'cumulate', 'interval', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield', 'let', 'static', 'await']);
const WINDOWS = { TUMBLE: ['size', 'offset'], HOP: ['slide', 'size', 'offset'], CUMULATE: ['step', 'size'] } as const;
const SIMPLE_UNITS = new Set(['DAY', 'HOUR', 'MINUTE', 'SECOND']);
const COMPARISONS: Readonly<Record<string, string>> = { '=': 'eq', '<>': 'neq', '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte' };
const NUMERIC = new Set(['TINYINT', 'SMALLINT', 'INT', 'BIGINT', 'DECIMAL', 'FLOAT', 'DOUBLE']);

const camel = (name: string): string => name.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const refCode = (alias: string, column: string): string => `${alias}${IDENT.test(column) ? `.${column}` : `[${str(column)}]`}`;

interface InScope {
  readonly alias: string;
  readonly columns: readonly PlanColumn[];
}

interface Cte {
  readonly variable: string;
  readonly plan: NamedPlan;
}

export function queryCode(query: Query, ctx: QueryCodeContext): QueryCode {
  try {
    return { ok: true, code: new Writer(ctx).query(query, new Map()) };
  } catch (e) {
    if (e instanceof NotExpressed) return { ok: false, why: e.message };
    throw e;
  }
}

class Writer {
  constructor(private readonly ctx: QueryCodeContext) {}

  private planOf(q: Query): NamedPlan {
    return this.ctx.trace.queries.get(q) ?? fail('a query the binder did not bind');
  }

  query(q: Query, ctes: ReadonlyMap<string, Cte>): string {
    switch (q.kind) {
      case 'Select':
        return this.select(q, ctes);
      case 'SetOperation': {
        if (q.op !== 'UNION' || !q.all) return fail(`${q.op}${q.all ? ' ALL' : ''} (the builder writes UNION ALL only)`);
        const rest = q as unknown as Record<string, unknown>;
        if (rest.orderBy !== undefined || rest.limit !== undefined || rest.offset !== undefined) return fail('ORDER BY / LIMIT on a set operation');
        const left = this.planOf(q.left);
        const right = this.planOf(q.right);
        // unionAll() takes a query with the same columns: the same names and, as TypeScript sees them, types.
        const same = left.names.length === right.names.length && left.names.every((n, i) => n === right.names[i] && sameType(left.plan.columns[i]?.type, right.plan.columns[i]?.type));
        if (!same) return fail('UNION ALL of sides whose column names or types differ (unionAll() takes the same columns)');
        return `${this.query(q.left, ctes)}.unionAll(${this.query(q.right, ctes)})`;
      }
      case 'With': {
        const inner = new Map(ctes);
        const entries: string[] = [];
        for (const c of q.ctes) {
          if (c.columns !== undefined) fail(`WITH ${c.name} (column list)`);
          const code = this.query(c.query, inner);
          const variable = this.ctx.hoist(c.name, code);
          inner.set(c.name, { variable, plan: this.planOf(c.query) });
          entries.push(`${key(c.name)}: ${variable}`);
        }
        this.ctx.imports.add('withCtes');
        return `withCtes({ ${entries.join(', ')} }, ${this.query(q.body, inner)})`;
      }
      default:
        return fail('VALUES');
    }
  }

  private select(s: Select, ctes: ReadonlyMap<string, Cte>): string {
    if (s.hints !== undefined && s.hints.length > 0) fail('query hints');
    if (s.windows !== undefined || s.offset !== undefined) fail('WINDOW / OFFSET in the SELECT');
    if (s.orderBy !== undefined && s.items.some((i) => i.kind === 'SelectExpr' && i.alias !== undefined && !IDENT.test(i.alias))) fail('ORDER BY next to column names that are not plain TypeScript names');
    if (s.from === undefined) fail('a SELECT without FROM');
    const named = this.planOf(s);
    const { project, aggregate, over } = parts(named.plan, s.distinct);
    const special = new Set<Expression>([...(aggregate?.calls.map((c) => c.ast) ?? []), ...(over?.calls.map((c) => c.ast) ?? [])]);
    const scope: InScope[] = [];
    const from = this.relation(s.from!, scope, ctes, special);
    const param = `{ ${scope.map((b) => b.alias).join(', ')} }`;
    const e = new Expressions(scope, special, this.ctx);
    const chain = [from];
    if (s.where !== undefined) chain.push(`.where((${param}) => ${e.condition(s.where)})`);
    if (s.groupBy !== undefined) {
      const keys = s.groupBy.map((g, i): string => {
        if (typeof g === 'object' && 'kind' in g && (g.kind === 'GroupingSets' || g.kind === 'Rollup' || g.kind === 'Cube')) return fail('GROUPING SETS / ROLLUP / CUBE');
        return e.code(g as Expression, aggregate?.keys[i]?.type);
      });
      chain.push(`.groupBy((${param}) => [${keys.join(', ')}])`);
    }
    if (s.having !== undefined) chain.push(`.having((${param}) => ${e.condition(s.having)})`);
    if (s.distinct) chain.push('.distinct()');
    const typeAt = (i: number): DataType | undefined => project?.exprs[i]?.type;
    // `.selectAll()`: the only source's columns, unqualified and in order (what the builder prints for it).
    const only = scope.length === 1 ? scope[0]!.columns.map((c) => c.name) : [];
    if (only.length > 0 && s.items.length === only.length && s.items.every((item, i) => item.kind === 'SelectExpr' && item.alias === undefined && item.expr.kind === 'ColumnRef' && item.expr.table === undefined && item.expr.name === only[i])) {
      chain.push('.selectAll()');
    } else if (s.items.every((item) => item.kind === 'SelectExpr' && item.alias !== undefined)) {
      const seen = new Set<string>();
      const entries = s.items.map((item, i) => {
        if (item.kind !== 'SelectExpr' || item.alias === undefined) return fail('a selected item without AS name');
        if (/^\d/.test(item.alias) || seen.has(item.alias) || item.alias === '__proto__') return fail(`the column name ${item.alias}`);
        seen.add(item.alias);
        return `${tsComments(item.comments)}${key(item.alias)}: ${e.code(item.expr, typeAt(i))}`;
      });
      chain.push(`.select((${param}) => ({ ${entries.join(', ')} }))`);
    } else {
      // selectList keeps a bare qualified column as written (`o.id`) and names the rest with `.as('…')`.
      const seen = new Set<string>();
      const list = s.items.map((item, i) => {
        if (item.kind !== 'SelectExpr') return fail('SELECT * next to other items');
        const name = item.alias ?? (item.expr.kind === 'ColumnRef' ? item.expr.name : fail('a computed item without AS name'));
        if (seen.has(name)) return fail(`the column name ${name} twice`);
        seen.add(name);
        if (item.alias === undefined) {
          const ref = item.expr.kind === 'ColumnRef' ? e.ref(item.expr.table, item.expr.name) : undefined;
          return `${tsComments(item.comments)}${ref ?? fail(`the unqualified column ${name} (the builder qualifies every column it selects)`)}`;
        }
        if (item.expr.kind === 'ColumnRef' && item.expr.name === item.alias) return fail(`${item.alias} AS ${item.alias} next to unnamed items`);
        const code = e.code(item.expr, typeAt(i));
        return `${tsComments(item.comments)}${code}.as(${str(item.alias)})`;
      });
      chain.push(`.selectList((${param}) => [${list.join(', ')}])`);
    }
    // ORDER BY output columns by name, and LIMIT n: the finished query's orderBy(…) / limit(…).
    if (s.orderBy !== undefined) {
      const items = s.orderBy.map((o) => {
        if (o.expr.kind !== 'ColumnRef' || o.expr.table !== undefined || !named.names.includes(o.expr.name)) return fail('ORDER BY other than output columns by name');
        const c = refCode('c', o.expr.name);
        if (o.direction === undefined) return o.nulls === undefined ? c : fail('NULLS FIRST / LAST without ASC / DESC');
        return `${c}.${o.direction === 'ASC' ? 'asc' : 'desc'}(${o.nulls === undefined ? '' : str(o.nulls)})`;
      });
      chain.push(`.orderBy((c) => [${items.join(', ')}])`);
    }
    if (s.limit !== undefined) {
      if (s.limit.kind !== 'NumericLiteral' || !/^(0|[1-9]\d{0,14})$/.test(s.limit.text)) fail('LIMIT other than a whole number');
      chain.push(`.limit(${(s.limit as { text: string }).text})`);
    }
    this.ctx.imports.add('from');
    return chain.join('');
  }

  /** The FROM clause: the first source as `from(…)`, each join as a method call. */
  private relation(r: Relation, scope: InScope[], ctes: ReadonlyMap<string, Cte>, special: ReadonlySet<Expression>): string {
    if (r.kind === 'Join') {
      if (r.comma === true || r.using !== undefined || r.type === 'CROSS' || r.on === undefined) fail('a comma / CROSS / USING join');
      const left = this.relation(r.left, scope, ctes, special);
      const right = r.right;
      const versioned = right.kind === 'TableRef' ? right.forSystemTimeAsOf : undefined;
      const source = this.source(right.kind === 'TableRef' && versioned !== undefined ? { ...right, forSystemTimeAsOf: undefined } as TableRef : right, ctes, right);
      const before = [...scope];
      scope.push(source.bound);
      const param = `{ ${scope.map((b) => b.alias).join(', ')} }`;
      const on = new Expressions(scope, special, this.ctx).condition(r.on!);
      if (versioned !== undefined) {
        if (r.type !== 'INNER' && r.type !== 'LEFT') fail(`a ${r.type} temporal join`);
        const asOf = versioned.kind === 'ColumnRef' ? new Expressions(before, special, this.ctx).ref(versioned.table, versioned.name) : undefined;
        const time = asOf === undefined ? undefined : before.find((b) => b.alias === (versioned as { table?: string }).table)?.columns.find((c) => c.name === (versioned as { name: string }).name)?.type;
        if (asOf === undefined || (time?.kind !== 'TIMESTAMP' && time?.kind !== 'TIMESTAMP_LTZ')) fail('FOR SYSTEM_TIME AS OF an expression that is not a qualified time column');
        return `${left}.temporalJoin(${source.code}, ${str(source.bound.alias)}, { asOf: ({ ${(versioned as { table: string }).table} }) => ${asOf!}, on: (${param}) => ${on}${r.type === 'LEFT' ? ", type: 'LEFT'" : ''} })`;
      }
      const method = ({ INNER: 'join', LEFT: 'leftJoin', RIGHT: 'rightJoin', FULL: 'fullJoin' } as Record<string, string>)[r.type];
      return `${left}.${method}(${source.code}, ${str(source.bound.alias)}, (${param}) => ${on})`;
    }
    const source = this.source(r, ctes, r);
    scope.push(source.bound);
    return `from(${source.code}, ${str(source.bound.alias)})`;
  }

  /** A FROM item other than a join: its source code and its alias with its columns. */
  private source(r: Relation, ctes: ReadonlyMap<string, Cte>, original: Relation): { readonly code: string; readonly bound: InScope } {
    const alias = (r as { alias?: string }).alias;
    if (alias === undefined) return fail('a FROM item without an alias (the builder names every source)');
    if (!IDENT.test(alias) || RESERVED_PARAMS.has(alias)) return fail(`the alias ${alias} is not a plain TypeScript name`);
    if ((r as { columnAliases?: unknown }).columnAliases !== undefined) return fail('column aliases on a FROM item');
    if (r.kind === 'TableRef') {
      const { code, columns } = this.named(r, original as TableRef, ctes);
      return { code, bound: { alias, columns } };
    }
    if (r.kind === 'SubqueryRelation') {
      if (r.lateral === true) fail('a LATERAL sub-query');
      const plan = this.planOf(r.query);
      return { code: this.query(r.query, ctes), bound: { alias, columns: plan.names.map((name, i) => ({ name, ...(plan.plan.columns[i]?.type === undefined ? {} : { type: plan.plan.columns[i]!.type! }) })) } };
    }
    if (r.kind === 'TableFunction') {
      const call = r.call;
      const name = call.name.length === 1 ? call.name[0]!.toUpperCase() : '';
      const fields = (WINDOWS as Record<string, readonly string[]>)[name];
      if (r.lateral || fields === undefined || call.name[0] !== name) return fail(`the table function ${call.name.join('.')}`);
      const [table, descriptor, ...args] = call.args;
      if (table?.kind !== 'TableArg' || table.relation.kind !== 'TableRef' || table.relation.alias !== undefined || descriptor?.kind !== 'Descriptor' || descriptor.columns.length !== 1) return fail(`${name}(…) other than TABLE name, DESCRIPTOR(column), intervals`);
      if (args.length > fields.length || args.length < (name === 'TUMBLE' ? 1 : 2)) return fail(`${name}(…) with ${args.length} interval arguments`);
      const input = this.named(table.relation, table.relation, ctes);
      const intervals = args.map((a, i) => {
        if (a.kind !== 'IntervalLiteral' || a.negative || a.qualifier.end !== undefined || !SIMPLE_UNITS.has(a.qualifier.start) || a.qualifier.startPrecision !== undefined || a.qualifier.fractionalPrecision !== undefined) return fail(`${name}(…) with an interval other than INTERVAL 'n' DAY / HOUR / MINUTE / SECOND`);
        this.ctx.imports.add('interval');
        return `${fields[i]}: interval(${str(a.value)}, ${str(a.qualifier.start)})`;
      });
      const time = descriptor.columns[0]!;
      const timeType = input.columns.find((c) => c.name === time)?.type;
      if (timeType?.kind !== 'TIMESTAMP' && timeType?.kind !== 'TIMESTAMP_LTZ') fail(`${name} over ${time}, which is not a TIMESTAMP / TIMESTAMP_LTZ column`);
      const fnName = name.toLowerCase();
      this.ctx.imports.add(fnName);
      const windowTime: DataType = { kind: timeType!.kind === 'TIMESTAMP_LTZ' ? 'TIMESTAMP_LTZ' : 'TIMESTAMP', precision: 3, nullable: false } as DataType;
      const columns: PlanColumn[] = [
        ...input.columns,
        { name: 'window_start', type: { kind: 'TIMESTAMP', precision: 3, nullable: false } as DataType },
        { name: 'window_end', type: { kind: 'TIMESTAMP', precision: 3, nullable: false } as DataType },
        { name: 'window_time', type: windowTime },
      ];
      return { code: `${fnName}(${input.code}, { timecol: ${str(time)}, ${intervals.join(', ')} })`, bound: { alias, columns } };
    }
    return fail(`a ${r.kind} in FROM`);
  }

  /** A table name: a declared table or view, or a CTE in scope, as the binder bound it. */
  private named(r: TableRef, original: TableRef, ctes: ReadonlyMap<string, Cte>): { readonly code: string; readonly columns: readonly PlanColumn[] } {
    if (r.hints !== undefined && r.hints.length > 0) fail('table hints');
    if (r.forSystemTimeAsOf !== undefined) fail('FOR SYSTEM_TIME AS OF outside a join');
    const bound = this.ctx.trace.tables.get(original) ?? fail(`${r.path.join('.')}, which the binder did not bind`);
    if (bound.kind === 'cte') {
      const c = ctes.get(bound.name) ?? fail(`the CTE ${bound.name} outside its WITH`);
      this.ctx.imports.add('cte');
      return { code: `cte(${str(bound.name)}, ${c.variable})`, columns: c.plan.names.map((name, i) => ({ name, ...(c.plan.plan.columns[i]?.type === undefined ? {} : { type: c.plan.plan.columns[i]!.type! }) })) };
    }
    const declared = this.ctx.declared(bound.entry) ?? fail(`${r.path.join('.')} is not a declared table or view`);
    if (!sameAst(declared.path, r.path)) fail(`${r.path.join('.')} is written by another name than its declaration`);
    this.ctx.uses.add(declared.variable);
    if (bound.entry.kind === 'table') return { code: declared.variable, columns: tableColumns(bound.entry, this.ctx.catalog) };
    const view = this.planOf(bound.entry.statement.query);
    const names = bound.entry.statement.columns ?? view.names;
    return { code: declared.variable, columns: names.map((name, i) => ({ name, ...(view.plan.columns[i]?.type === undefined ? {} : { type: view.plan.columns[i]!.type! }) })) };
  }
}

/** The Project of a SELECT's plan, and the Aggregate / Over below it. */
function parts(plan: PlanNode, distinct: boolean): { project?: Extract<PlanNode, { kind: 'Project' }>; aggregate?: Extract<PlanNode, { kind: 'Aggregate' }>; over?: Extract<PlanNode, { kind: 'Over' }> } {
  let node: PlanNode = plan;
  while (node.kind === 'Sort' || (distinct && node.kind === 'Aggregate' && node.calls.length === 0 && node.input.kind === 'Project')) node = node.input;
  if (node.kind !== 'Project') return {};
  let below: PlanNode = node.input;
  while (below.kind === 'Filter' || below.kind === 'Rank' || below.kind === 'Deduplicate') below = below.input;
  return { project: node, ...(below.kind === 'Aggregate' ? { aggregate: below } : {}), ...(below.kind === 'Over' ? { over: below } : {}) };
}

/** Whether TypeScript sees the same column type (root and nullability) for two Flink types. */
function sameType(a: DataType | undefined, b: DataType | undefined): boolean {
  return a !== undefined && b !== undefined && a.kind === b.kind && a.nullable === b.nullable;
}

/** Expressions over the sources in scope. */
class Expressions {
  constructor(private readonly scope: readonly InScope[], private readonly special: ReadonlySet<Expression>, private readonly ctx: QueryCodeContext) {}

  private column(table: string | undefined, name: string): PlanColumn | undefined {
    if (table === undefined) return undefined;
    return this.scope.find((b) => b.alias === table)?.columns.find((c) => c.name === name);
  }

  /** `o.amount` for a qualified column of a source in scope. */
  ref(table: string | undefined, name: string): string | undefined {
    return this.column(table, name) === undefined ? undefined : refCode(table!, name);
  }

  /** A typed reference, an `fn` call, or a `sqlAs(type)` tag over them. */
  code(e: Expression, type: DataType | undefined): string {
    const direct = this.direct(e);
    if (direct !== undefined) return direct;
    const body = interpolatedNodes(e, (n) => this.direct(n));
    if (type === undefined) {
      this.ctx.imports.add('sql');
      return `sql\`${body}\``;
    }
    this.ctx.imports.add('sqlAs');
    this.ctx.imports.add('t');
    return `sqlAs(${typeCode(type)})\`${body}\``;
  }

  /** A column reference or an aggregate / window call the plan names, as builder code; otherwise undefined. */
  private direct(e: Expression): string | undefined {
    if (e.kind === 'ColumnRef') return this.ref(e.table, e.name);
    // The plan's Aggregate keeps one call per distinct aggregate: HAVING's SUM(x) is the SELECT's SUM(x).
    if (e.kind === 'FunctionCall' && (this.special.has(e) || [...this.special].some((x) => sameAst(x, e)))) return this.call(e);
    return undefined;
  }

  /** An aggregate or window call as `fn.name(args)`, with `.distinct()`, `.filter(…)`, `.over({ … })`. */
  private call(c: FunctionCall): string {
    const name = c.name.length === 1 ? c.name[0]! : '';
    const builder = camel(name);
    // The builder prints the upper-case name: a call written otherwise would not print back the same.
    if (name !== name.toUpperCase() || !(builder in fn) || builder === 'count' && c.distinct === true && c.star === true) return fail(`the call ${c.name.join('.')}(…) with fn`);
    if (builder === 'listagg' && c.args.length !== 1) fail('LISTAGG with a separator');
    if (c.star === true && builder !== 'count') fail(`${name}(*)`);
    if ((c as { nullTreatment?: unknown }).nullTreatment !== undefined) fail(`${name} with RESPECT / IGNORE NULLS`);
    this.ctx.imports.add('fn');
    const args = c.star === true ? '' : c.args.map((a) => this.code(a, undefined)).join(', ');
    let code = `fn.${builder}(${args})`;
    if (c.distinct === true) code += '.distinct()';
    if (c.filter !== undefined) code += `.filter(${this.condition(c.filter)})`;
    if (c.over !== undefined) {
      if (typeof c.over === 'string' || c.over.frame !== undefined || (c.over as { name?: unknown }).name !== undefined) fail('a named window or a window frame');
      const over = c.over as { partitionBy?: readonly Expression[]; orderBy?: readonly OrderItem[] };
      const spec = [
        ...(over.partitionBy === undefined || over.partitionBy.length === 0 ? [] : [`partitionBy: [${over.partitionBy.map((p) => this.code(p, undefined)).join(', ')}]`]),
        ...(over.orderBy === undefined || over.orderBy.length === 0 ? [] : [`orderBy: [${over.orderBy.map((o) => this.order(o)).join(', ')}]`]),
      ];
      code += `.over({ ${spec.join(', ')} })`;
    }
    return code;
  }

  private order(o: OrderItem): string {
    const e = this.code(o.expr, undefined);
    if (o.direction === undefined) return o.nulls === undefined ? e : fail('NULLS FIRST / LAST without ASC / DESC');
    return `${e}.${o.direction === 'ASC' ? 'asc' : 'desc'}(${o.nulls === undefined ? '' : str(o.nulls)})`;
  }

  /**
   * A condition: ANDs as `.and(…)`; a comparison of a column with a same-typed column or with a number / string
   * literal as `.eq(…)`, `.lte(…)`, … (so the analyzer sees it: `r.rn.lte(3)` is a TopN's filter); the rest a
   * BOOLEAN tag.
   */
  condition(e: Expression): string {
    if (e.kind === 'Binary' && e.op === 'AND') return `${this.condition(e.left)}.and(${this.condition(e.right)})`;
    const method = e.kind === 'Binary' ? COMPARISONS[e.op] : undefined;
    if (e.kind === 'Binary' && method !== undefined && e.left.kind === 'ColumnRef') {
      const a = this.column(e.left.table, e.left.name)?.type;
      const left = this.ref(e.left.table, e.left.name);
      const r = e.right;
      if (a !== undefined && left !== undefined) {
        if (r.kind === 'ColumnRef') {
          const b = this.column(r.table, r.name)?.type;
          if (b !== undefined && a.kind === b.kind) return `${left}.${method}(${this.ref(r.table, r.name)!})`;
        } else if (r.kind === 'NumericLiteral' && NUMERIC.has(a.kind) && /^(0|[1-9]\d{0,14})$/.test(r.text)) {
          return `${left}.${method}(${r.text})`;
        } else if (r.kind === 'StringLiteral' && (a.kind === 'CHAR' || a.kind === 'VARCHAR') && Object.keys(r).every((k) => k === 'kind' || k === 'value' || k === 'span')) {
          return `${left}.${method}(${str(r.value)})`;
        }
      }
    }
    return this.code(e, { kind: 'BOOLEAN', nullable: true } as DataType);
  }
}
