/**
 * Table declarations: `table(name, { columns, computed, watermark, primaryKey, … })`.
 *
 * A declaration is validated when it is made (unknown key/watermark/partition columns, rowtime types) and
 * exposes its `CreateTable` AST node, its layer, its connector and — at the type level — its columns, so
 * queries over it and INSERTs into it are type-checked in the editor.
 *
 * Column order in the table: `columns` in declaration order, then `computed` columns.
 */
import type { Expression } from '../ast/expression.js';
import type { Relation } from '../ast/query.js';
import type { ColumnDefinition, CreateTable, OptionEntry } from '../ast/statement.js';
import type { Connector } from '../connector/connector.js';
import type { DataType, TypeRoot } from '../types/data-type.js';
import type { AnySqlType, ValueOf } from '../types/sql-type.js';
import { FlinktsError } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { z } from 'zod';
import { arrayRule, booleanRule, customRule, enumRule, nameRule, optionalRule, recordRule, strictObjectRule, stringRule } from '../diagnostics/shape-rules.js';
import { Expr, checkName, exprNode } from '../builder/expr.js';
import { relationAlias } from '../builder/source.js';
import { argumentError, checkArgument, checkList, checkNode, checkObject, checkOneOf } from '../diagnostics/arguments.js';
import { SqlType, checkType } from '../types/sql-type.js';
import type { AnyExpr } from '../builder/expr.js';
import type { TimestampRoot } from '../builder/type-level.js';
import { DEFINITION_TEXTS } from '../diagnostics/definition-codes.js';
import { textFields } from '../diagnostics/code-table.js';

export const LAYERS = ['ods', 'dim', 'dwd', 'dws', 'ads'] as const;
export type Layer = (typeof LAYERS)[number];

/** A metadata column: `name type METADATA [FROM 'key'] [VIRTUAL]`. */
export class MetadataColumnSpec<T extends AnySqlType = AnySqlType, Virtual extends boolean = boolean> {
  declare readonly __virtual: Virtual;
  constructor(readonly type: T, readonly from: string | undefined, readonly virtual: Virtual, readonly comment?: string) {
    Object.freeze(this);
  }
}

/** A physical column with a comment: `column(t.int(), 'the id')`. */
export class PhysicalColumnSpec<T extends AnySqlType = AnySqlType> {
  constructor(readonly type: T, readonly comment: string) {
    Object.freeze(this);
  }
}

export type ColumnSpec = AnySqlType | PhysicalColumnSpec | MetadataColumnSpec;

/** `METADATA [FROM 'key'] [VIRTUAL]`. Virtual metadata columns are read-only (not part of INSERT). */
export function metadata<T extends AnySqlType, Virtual extends boolean = false>(
  type: T,
  options: { readonly from?: string; readonly virtual?: Virtual; readonly comment?: string } = {},
): MetadataColumnSpec<T, Virtual> {
  checkType('metadata()', 'type', type);
  checkArgument('metadata()', 'options', z.strictObject({ from: z.string().min(1).optional(), virtual: z.boolean().optional(), comment: z.string().optional() }), options);
  return new MetadataColumnSpec(type, options.from, (options.virtual ?? false) as Virtual, options.comment);
}

/** A physical column with a COMMENT. */
export function column<T extends AnySqlType>(type: T, comment: string): PhysicalColumnSpec<T> {
  checkType('column()', 'type', type);
  if (typeof comment !== 'string') throw argumentError('column()', 'comment', 'a string', comment);
  return new PhysicalColumnSpec(type, comment);
}

type TypeOfSpec<S> = S extends MetadataColumnSpec<infer T> ? T : S extends PhysicalColumnSpec<infer T> ? T : S;
type ColumnTypes<C extends Record<string, ColumnSpec>, PK = never> = {
  readonly [K in keyof C]: K extends PK ? NotNullType<TypeOfSpec<C[K]>> : TypeOfSpec<C[K]>;
};
/** PRIMARY KEY columns are NOT NULL (Flink makes them so). */
type NotNullType<T> = T extends SqlType<infer R, infer V, boolean> ? SqlType<R, V, false> : T;
type WritableKeys<C extends Record<string, ColumnSpec>> = { [K in keyof C]: C[K] extends MetadataColumnSpec<AnySqlType, true> ? never : K }[keyof C] & string;
type ExprOfType<T> = T extends SqlType<infer R, infer V, infer N> ? Expr<R, V, N> : never;
type ComputedTypes<X extends Record<string, AnyExpr>> = { readonly [K in keyof X]: SqlType<X[K]['__root'], X[K]['__value'], X[K]['__nullable']> };

/** Column expressions of a relation, keyed by column name (what query callbacks receive). */
export type ColumnExprs<Cols> = { readonly [K in keyof Cols]: ExprOfType<Cols[K]> };

export interface TableSpec<C extends Record<string, ColumnSpec>, X extends Record<string, AnyExpr>, PK extends keyof C & string = never, W extends string = string> {
  readonly columns: C;
  /** Computed columns, appended after `columns`: `computed: (c) => ({ proc_time: fn.proctime() })`. */
  readonly computed?: (columns: ColumnExprs<ColumnTypes<C>>) => X;
  /** `WATERMARK FOR column AS column - delay` (or a custom expression). */
  readonly watermark?: {
    /**
     * A TIMESTAMP(p) / TIMESTAMP_LTZ(p) column (p ≤ 3), physical or computed. Checked when the table is declared
     * (FTS2101 unknown column, FTS2103 wrong type); not in the editor, because a type-level check here would stop
     * TypeScript from inferring the computed columns.
     */
    readonly column: W;
    readonly delay?: AnyExpr;
    /** A custom watermark expression over the physical columns and the watermark column itself. */
    readonly expr?: (columns: ColumnExprs<ColumnTypes<C, PK>> & { readonly [K in W]: Expr<TimestampRoot, string, boolean> }) => AnyExpr;
  };
  /** `PRIMARY KEY (…) NOT ENFORCED`; its columns become NOT NULL. */
  readonly primaryKey?: readonly PK[];
  readonly partitionedBy?: readonly NoInfer<keyof C & string>[];
  readonly comment?: string;
  readonly catalog?: string;
  readonly database?: string;
  readonly temporary?: boolean;
  readonly ifNotExists?: boolean;
  readonly layer?: Layer;
  readonly connector?: Connector;
}

const CREATE_TABLE: ReadonlySet<string> = new Set(['CreateTable']);

/** A declared table. `Cols` maps every readable column to its type; `W` names the writable columns. */
export class Table<Name extends string = string, Cols = Record<string, AnySqlType>, W extends string = string> {
  declare readonly __columns: Cols;
  declare readonly __writable: W;
  readonly kind = 'table' as const;
  readonly name: Name;
  /** `[catalog, database, name]` as far as they were given. */
  readonly path: readonly string[];
  readonly layer: Layer | undefined;
  readonly connector: Connector | undefined;
  /** The CREATE TABLE statement this declaration prints as. */
  readonly statement: CreateTable;
  /** Column names with their types, in table order. */
  readonly columnTypes: readonly { readonly name: string; readonly type?: DataType; readonly writable: boolean }[];

  constructor(name: Name, statement: CreateTable, layer: Layer | undefined, connector: Connector | undefined, columnTypes: Table['columnTypes']) {
    // table(…) makes tables; from JavaScript, `new Table(…)` gets its arguments' shapes checked (not its SQL)
    const call = 'new Table()';
    checkName(call, 'name', name);
    checkNode(call, 'statement', statement, 'a CREATE TABLE statement (declare tables with table(…))', CREATE_TABLE);
    if (layer !== undefined) checkOneOf(call, 'layer', layer, LAYERS);
    if (connector !== undefined) checkObject(call, 'connector', connector, 'a connector (kafka(…), jdbc(…) …) or nothing');
    checkList(call, 'columnTypes', columnTypes, 'a list of columns { name, type, writable }');
    this.name = name;
    this.statement = statement;
    this.path = statement.path;
    this.layer = layer;
    this.connector = connector;
    this.columnTypes = columnTypes;
    Object.freeze(this);
  }

  /** The CREATE TABLE statement (the same node every time). */
  toStatement(): CreateTable {
    return this.statement;
  }

  /** This table as a FROM item. */
  toRelation(alias: string | undefined): Relation {
    relationAlias(alias);
    return alias === undefined ? { kind: 'TableRef', path: this.path } : { kind: 'TableRef', path: this.path, alias };
  }
}

/** The row type of a table or view: `RowOf<typeof orders>`. */
export type RowOf<T extends { readonly __columns: unknown }> = { -readonly [K in keyof T['__columns']]: ValueOf<T['__columns'][K]> };

function freezeDeep<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) freezeDeep(v);
    Object.freeze(value);
  }
  return value;
}

const isFunction = (v: unknown): boolean => typeof v === 'function';
const isColumnSpec = (v: unknown): boolean => v instanceof SqlType || v instanceof PhysicalColumnSpec || v instanceof MetadataColumnSpec;
const isConnector = (v: unknown): boolean => typeof v === 'object' && v !== null && typeof (v as Connector).identifier === 'string' && Array.isArray((v as Connector).options);

/**
 * What `table()` accepts, checked before anything is read from it (JavaScript callers, `as any`): one list of
 * rules, read as a plain predicate for the specs it accepts and as a zod schema that explains the others
 * (diagnostics/shape-rules.ts).
 */
const TABLE_SPEC = strictObjectRule({
  columns: recordRule(nameRule, customRule(isColumnSpec, 'a column type such as t.int(), column(t.int(), \'…\') or metadata(t.int())')),
  computed: optionalRule(customRule(isFunction, 'a function of the columns returning { name: expression }')),
  watermark: optionalRule(strictObjectRule({
    column: nameRule,
    delay: optionalRule(customRule((v) => v instanceof Expr, "an interval expression such as interval('5', 'SECOND')")),
    expr: optionalRule(customRule(isFunction, 'a function of the columns returning the watermark expression')),
  })),
  primaryKey: optionalRule(arrayRule(nameRule)),
  partitionedBy: optionalRule(arrayRule(nameRule)),
  comment: optionalRule(stringRule),
  catalog: optionalRule(nameRule),
  database: optionalRule(nameRule),
  temporary: optionalRule(booleanRule),
  ifNotExists: optionalRule(booleanRule),
  layer: optionalRule(enumRule(LAYERS)),
  connector: optionalRule(customRule(isConnector, 'a connector such as kafka({ … }) or genericConnector(\'datagen\')')),
});

const ROWTIME_ROOTS: readonly TypeRoot[] = ['TIMESTAMP', 'TIMESTAMP_LTZ'];

/** Declare a table. Throws `FlinktsError` (FTS21xx) when the declaration is inconsistent. */
export function table<
  Name extends string,
  C extends Record<string, ColumnSpec>,
  X extends Record<string, AnyExpr> = {},
  PK extends keyof C & string = never,
  W extends string = never,
>(
  name: Name,
  spec: TableSpec<C, X, PK, W>,
): Table<Name, ColumnTypes<C, PK> & ComputedTypes<X>, WritableKeys<C>> {
  checkName('table()', 'name', name);
  if (!TABLE_SPEC.accepts(spec)) checkArgument(`table('${name}')`, 'spec', TABLE_SPEC.schema, spec);
  const diagnostics: Diagnostic[] = [];
  const where = `tables.${name}`;
  const pk = new Set<string>(spec.primaryKey ?? []);
  const columns: ColumnDefinition[] = [];
  const columnTypes: { name: string; type?: DataType; writable: boolean }[] = [];
  const exprs: Record<string, AnyExpr> = {};

  for (const [columnName, s] of Object.entries(spec.columns)) {
    exprs[columnName] = new Expr({ kind: 'ColumnRef', name: columnName });
    if (s instanceof MetadataColumnSpec) {
      columns.push({ kind: 'MetadataColumn', name: columnName, type: s.type.node, ...(s.from === undefined ? {} : { from: s.from }), virtual: s.virtual, ...(s.comment === undefined ? {} : { comment: s.comment }) });
      columnTypes.push({ name: columnName, type: s.type.node, writable: !s.virtual });
      continue;
    }
    const type = s instanceof PhysicalColumnSpec ? s.type.node : s.node;
    // PRIMARY KEY columns are NOT NULL, as Flink makes them.
    const finalType = pk.has(columnName) ? ({ ...type, nullable: false } as DataType) : type;
    columns.push({ kind: 'PhysicalColumn', name: columnName, type: finalType, ...(s instanceof PhysicalColumnSpec ? { comment: s.comment } : {}) });
    columnTypes.push({ name: columnName, type: finalType, writable: true });
  }

  const computed = spec.computed?.(exprs as never) ?? ({} as X);
  if (computed === null || typeof computed !== 'object' || Array.isArray(computed)) throw argumentError(`table('${name}')`, 'spec.computed', 'a function returning { name: expression }', computed);
  for (const [columnName, e] of Object.entries(computed)) {
    exprNode(e, `table('${name}') computed column '${columnName}'`);
    if (Object.hasOwn(spec.columns, columnName)) {
      diagnostics.push({ ...textFields(DEFINITION_TEXTS.duplicateColumn({ column: columnName })), severity: 'error', path: `${where}.computed.${columnName}` });
    }
    columns.push({ kind: 'ComputedColumn', name: columnName, expr: e.node });
    // A computed column's type is inferred by the analyzer; it is never written by INSERT.
    columnTypes.push({ name: columnName, writable: false });
    exprs[columnName] = new Expr({ kind: 'ColumnRef', name: columnName });
  }

  if (columns.length === 0) {
    diagnostics.push({ ...textFields(DEFINITION_TEXTS.noColumns({ table: name })), severity: 'error', path: `${where}.columns` });
  }
  const known = columns.map((c) => c.name);
  const checkColumn = (columnName: string, path: string, role: 'primary key' | 'partition' | 'watermark'): boolean => {
    if (known.includes(columnName)) return true;
    diagnostics.push({ ...textFields(DEFINITION_TEXTS.unknownKeyColumn({ role, column: columnName, table: name, columns: known })), severity: 'error', path });
    return false;
  };
  for (const k of pk) {
    if (checkColumn(k, `${where}.primaryKey`, 'primary key') && !Object.hasOwn(spec.columns, k)) {
      diagnostics.push({ ...textFields(DEFINITION_TEXTS.computedKeyColumn({ column: k })), severity: 'error', path: `${where}.primaryKey` });
    }
  }
  for (const p of spec.partitionedBy ?? []) checkColumn(p, `${where}.partitionedBy`, 'partition');

  let watermark: CreateTable['watermark'];
  if (spec.watermark !== undefined) {
    const w = spec.watermark;
    if (checkColumn(w.column, `${where}.watermark.column`, 'watermark')) {
      const physical = columnTypes.find((c) => c.name === w.column)?.type;
      if (physical !== undefined && (!ROWTIME_ROOTS.includes(physical.kind) || (physical as { precision: number }).precision > 3)) {
        diagnostics.push({
          ...textFields(DEFINITION_TEXTS.badWatermarkColumn({ column: w.column })),
          severity: 'error',
          path: `${where}.watermark.column`,
        });
      }
      const column: Expression = { kind: 'ColumnRef', name: w.column };
      const expr: Expression = w.expr !== undefined
        ? exprNode(w.expr(exprs as never), `table('${name}') watermark.expr`)
        : w.delay !== undefined ? { kind: 'Binary', op: '-', left: column, right: w.delay.node } : column;
      watermark = { column: w.column, expr };
    }
  }
  if (diagnostics.length > 0) throw new FlinktsError(diagnostics);

  const options: readonly OptionEntry[] = spec.connector?.options ?? [];
  const path = [spec.catalog, spec.database, name].filter((p): p is string => p !== undefined);
  const statement: CreateTable = freezeDeep({
    kind: 'CreateTable',
    path,
    temporary: spec.temporary ?? false,
    ifNotExists: spec.ifNotExists ?? false,
    columns,
    ...(watermark === undefined ? {} : { watermark }),
    ...(pk.size === 0 ? {} : { primaryKey: { columns: [...pk] } }),
    ...(spec.comment === undefined ? {} : { comment: spec.comment }),
    partitionedBy: [...(spec.partitionedBy ?? [])],
    options: [...options],
  });
  return new Table(name, statement, spec.layer, spec.connector, freezeDeep(columnTypes));
}
