/**
 * CREATE TABLE → `table(name, { columns, computed, watermark, primaryKey, … connector })`. Physical columns keep
 * their types and comments; metadata columns become `metadata(…)`; computed columns and custom watermarks are
 * `sqlAs(type)` / `sql` tags over the table's typed columns. What `table()` cannot say (LIKE, AS SELECT,
 * DISTRIBUTED BY, a named constraint) keeps the statement as SQL text (`sqlStatement`), reported.
 */
import { printDataType, printStatement } from '@flinkts/core';
import type { CreateTable, DataType, Diagnostic, Expression, PlanColumn } from '@flinkts/core';
import { key, str } from '../codegen/ts-literal.js';
import { typeCode } from '../codegen/type-code.js';
import { textFields } from '@flinkts/core/internal';
import { IMPORT_TEXTS } from './codes.js';
import { connectorCode } from './options-code.js';
import { interpolated, templateText } from './sql-text.js';
import { tsComments } from './comments.js';

export interface TableCode {
  /** `table('x', { … })`, or `sqlStatement\`…\`` when the statement stays SQL. */
  readonly code: string;
  /** Whether `code` is a typed table (usable in from(…) and insertInto(…)). */
  readonly typed: boolean;
  readonly coreImports: readonly string[];
  readonly connectorImports: readonly string[];
  readonly secrets: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

const UNITS = new Set(['YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND']);

/** An expression over the table's own columns (`c.amount`), typed when the analyzer knows its type. */
function columnExpr(e: Expression, names: ReadonlySet<string>, type: DataType | undefined, imports: Set<string>): string {
  if (e.kind === 'FunctionCall' && e.name.length === 1 && e.name[0]!.toUpperCase() === 'PROCTIME' && e.args.length === 0 && e.distinct !== true && e.over === undefined && e.filter === undefined) {
    imports.add('fn');
    return 'fn.proctime()';
  }
  const body = interpolated(e, (table, name) => (table === undefined && names.has(name) ? `c[${str(name)}]` : undefined));
  if (type === undefined) {
    imports.add('sql');
    return `sql\`${body}\``;
  }
  imports.add('sqlAs');
  imports.add('t');
  return `sqlAs(${typeCode(type)})\`${body}\``;
}

export function tableCode(statement: CreateTable, context: { readonly file?: string; readonly catalogType?: string; readonly columns: readonly PlanColumn[] }): TableCode {
  const diagnostics: Diagnostic[] = [];
  const name = statement.path[statement.path.length - 1]!;
  const where = `table ${statement.path.join('.')}`;
  const at = context.file === undefined ? {} : { file: context.file, ...(statement.span === undefined ? {} : { span: statement.span }) };
  const kept = (why: string): TableCode => {
    diagnostics.push({ ...textFields(IMPORT_TEXTS.keptAsSql({ kind: 'table', table: statement.path.join('.'), why })), severity: 'info', ...at });
    return { code: `/* kept as SQL: table() has no ${why} */ sqlStatement\`${templateText(printStatement(statement))}\``, typed: false, coreImports: ['sqlStatement'], connectorImports: [], secrets: [], diagnostics };
  };
  if (statement.like !== undefined) return kept('LIKE clause');
  if (statement.asQuery !== undefined) return kept('AS SELECT');
  if (statement.distribution !== undefined) return kept('DISTRIBUTED BY');
  if (statement.primaryKey?.name !== undefined) return kept('named PRIMARY KEY constraint');
  if (statement.path.length > 3) return kept(`${statement.path.length}-part name`);
  const imports = new Set<string>(['table']);
  const pk = new Set(statement.primaryKey?.columns ?? []);
  const physicalNames = new Set(statement.columns.filter((c) => c.kind !== 'ComputedColumn').map((c) => c.name));
  const columns: string[] = [];
  const computed: string[] = [];
  let seenComputed = false;
  for (const c of statement.columns) {
    if (c.kind === 'ComputedColumn') {
      seenComputed = true;
      const type = context.columns.find((x) => x.name === c.name)?.type;
      computed.push(`${tsComments(c.comments)}${key(c.name)}: ${columnExpr(c.expr, physicalNames, type, imports)}`);
      if (c.comment !== undefined) return kept('COMMENT on a computed column');
      continue;
    }
    if (seenComputed) {
      diagnostics.push({ ...textFields(IMPORT_TEXTS.normalised({ kind: 'computedFirst', table: statement.path.join('.'), column: c.name })), severity: 'warning', ...at });
    }
    imports.add('t');
    if (!c.type.nullable || !pk.has(c.name)) {
      // fine as written
    } else {
      diagnostics.push({ ...textFields(IMPORT_TEXTS.normalised({ kind: 'keyNotNull', table: statement.path.join('.'), column: c.name, type: printDataType(c.type) })), severity: 'info', ...at });
    }
    const type = typeCode(pk.has(c.name) ? { ...c.type, nullable: true } : c.type);
    if (c.kind === 'MetadataColumn') {
      imports.add('metadata');
      const options = [...(c.from === undefined ? [] : [`from: ${str(c.from)}`]), ...(c.virtual ? ['virtual: true'] : []), ...(c.comment === undefined ? [] : [`comment: ${str(c.comment)}`])];
      columns.push(`${tsComments(c.comments)}${key(c.name)}: metadata(${type}${options.length === 0 ? '' : `, { ${options.join(', ')} }`})`);
    } else if (c.comment !== undefined) {
      imports.add('column');
      columns.push(`${tsComments(c.comments)}${key(c.name)}: column(${type}, ${str(c.comment)})`);
    } else columns.push(`${tsComments(c.comments)}${key(c.name)}: ${type}`);
  }
  const spec: string[] = [`columns: { ${columns.join(', ')} }`];
  if (computed.length > 0) spec.push(`computed: (${computed.some((x) => x.includes('c[')) ? 'c' : ''}) => ({ ${computed.join(', ')} })`);
  if (statement.watermark !== undefined) {
    const w = statement.watermark;
    const e = w.expr;
    if (e.kind === 'Binary' && e.op === '-' && e.left.kind === 'ColumnRef' && e.left.table === undefined && e.left.name === w.column && e.right.kind === 'IntervalLiteral' && !e.right.negative && e.right.qualifier.end === undefined && UNITS.has(e.right.qualifier.start) && e.right.qualifier.startPrecision === undefined && e.right.qualifier.fractionalPrecision === undefined) {
      imports.add('interval');
      spec.push(`watermark: { column: ${str(w.column)}, delay: interval(${str(e.right.value)}, ${str(e.right.qualifier.start)}) }`);
    } else if (e.kind === 'ColumnRef' && e.table === undefined && e.name === w.column) {
      spec.push(`watermark: { column: ${str(w.column)} }`);
    } else {
      const names = new Set([...physicalNames, ...statement.columns.filter((c) => c.kind === 'ComputedColumn').map((c) => c.name)]);
      spec.push(`watermark: { column: ${str(w.column)}, expr: (c) => ${columnExpr(e, names, undefined, imports)} }`);
    }
  }
  if (pk.size > 0) spec.push(`primaryKey: [${[...pk].map(str).join(', ')}]`);
  if (statement.partitionedBy.length > 0) spec.push(`partitionedBy: [${statement.partitionedBy.map(str).join(', ')}]`);
  if (statement.comment !== undefined) spec.push(`comment: ${str(statement.comment)}`);
  if (statement.path.length === 3) spec.push(`catalog: ${str(statement.path[0]!)}`, `database: ${str(statement.path[1]!)}`);
  if (statement.path.length === 2) spec.push(`database: ${str(statement.path[0]!)}`);
  if (statement.temporary) spec.push('temporary: true');
  if (statement.ifNotExists) spec.push('ifNotExists: true');
  const connector = connectorCode(statement.options, { owner: name, where, ...(context.file === undefined ? {} : { file: context.file }), ...(context.catalogType === undefined ? {} : { catalogType: context.catalogType }) });
  if (connector !== undefined) {
    spec.push(`connector: ${connector.code}`);
    diagnostics.push(...connector.diagnostics.map((d) => ({ ...d, ...at })));
  }
  return {
    code: `table(${str(name)}, { ${spec.join(', ')} })`,
    typed: true,
    coreImports: [...imports, ...(connector?.coreImports ?? [])],
    connectorImports: connector?.connectorImports ?? [],
    secrets: connector?.secrets ?? [],
    diagnostics,
  };
}
