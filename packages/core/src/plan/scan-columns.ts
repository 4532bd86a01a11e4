/**
 * The columns of a catalog table as a Scan reads them: physical, metadata and computed columns in declaration order,
 * computed columns bound over the table's other columns, time attributes marked (PROCTIME() computed columns are
 * proctime, the WATERMARK column is rowtime), PRIMARY KEY columns NOT NULL.
 */
import type { Expression } from '../ast/expression.js';
import type { CatalogTableEntry, ObjectCatalog } from '../catalog/catalog.js';
import type { DataType } from '../types/data-type.js';
import { withNullable } from '../types/type-predicates.js';
import type { BindContext, Scope, ScopeEntry } from './bind-context.js';
import { bindExpression } from './bind-expression.js';
import type { TimeAttribute } from './node.js';
import type { ScanColumn } from './scan.js';

const cache = new WeakMap<CatalogTableEntry, readonly ScanColumn[]>();

function isProctimeCall(e: Expression): boolean {
  return e.kind === 'FunctionCall' && e.name.length === 1 && e.name[0]!.toUpperCase() === 'PROCTIME';
}

export function scanColumns(table: CatalogTableEntry, ctx: BindContext): readonly ScanColumn[] {
  const known = cache.get(table);
  if (known !== undefined) return known;
  const s = table.statement;
  const pk = new Set(s.primaryKey?.columns ?? []);
  const rowtime = s.watermark?.column;
  const relation = s.path[s.path.length - 1]!;
  const declared = (name: string, type: DataType): DataType => (pk.has(name) ? withNullable(type, false) : type);
  // Computed columns read the physical and metadata columns (by their position in the table).
  const base: ScopeEntry[] = [];
  s.columns.forEach((c, index) => {
    if (c.kind !== 'ComputedColumn') base.push({ relation, name: c.name, type: declared(c.name, c.type), index });
  });
  const scope: Scope = { columns: base, relations: [relation] };
  const inner: BindContext = { ...ctx, outer: [], ctes: new Map() };
  const time = (name: string, proctime: boolean): { time?: TimeAttribute } => (proctime ? { time: 'proctime' } : name === rowtime ? { time: 'rowtime' } : {});
  const columns: ScanColumn[] = s.columns.map((c) => {
    if (c.kind === 'ComputedColumn') {
      const expr = bindExpression(c.expr, scope, inner);
      return Object.freeze({ name: c.name, ...(expr.type === undefined ? {} : { type: expr.type }), ...time(c.name, isProctimeCall(c.expr)), origin: 'computed' as const, expr });
    }
    const type = declared(c.name, c.type);
    if (c.kind === 'MetadataColumn') return Object.freeze({ name: c.name, type, ...time(c.name, false), origin: 'metadata' as const, metadataKey: c.from ?? c.name, ...(c.virtual ? { virtual: true as const } : {}) });
    return Object.freeze({ name: c.name, type, ...time(c.name, false), origin: 'physical' as const });
  });
  const frozenColumns = Object.freeze(columns);
  cache.set(table, frozenColumns);
  return frozenColumns;
}

/** The columns of a catalog table as the plan reads them (computed columns typed), outside of any statement. */
/** Whether INSERT writes the column: physical and non-virtual metadata columns. */
export function isWritable(c: ScanColumn): boolean {
  return c.origin === 'physical' || (c.origin === 'metadata' && c.virtual !== true);
}

export function tableColumns(table: CatalogTableEntry, catalog: ObjectCatalog): readonly ScanColumn[] {
  return scanColumns(table, { catalog, diagnostics: [], ctes: new Map(), outer: [], views: new Map(), viewStack: new Set(), subqueries: new Map() });
}
