/**
 * `checkScript`: parse-level problems plus the checks the script's own declarations allow — unknown tables and
 * columns, INSERT compatibility, and (through `validateOptions`) connector, catalog and SET options. Nothing
 * throws on user error; everything is a diagnostic.
 */
import type { CreateTable, Script, Statement } from '../ast/statement.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseScript } from '../sql/parser/script.js';
import { checkInsert } from './insert-check.js';
import type { QueryContext } from './query-columns.js';
import { queryColumns } from './query-columns.js';
import { ScriptCatalog } from './script-catalog.js';

/** Option validation supplied by `@flinkts/connectors` (core does not depend on it). */
export interface OptionValidators {
  readonly table?: (statement: CreateTable, context: { readonly catalogType?: string; readonly path: string }) => readonly Diagnostic[];
  readonly catalog?: (statement: Extract<Statement, { kind: 'CreateCatalog' }>, path: string) => readonly Diagnostic[];
  readonly settings?: (statement: Extract<Statement, { kind: 'Set' }>, path: string) => readonly Diagnostic[];
}

export interface CheckOptions {
  readonly file?: string;
  readonly validators?: OptionValidators;
}

function withLocation(d: Diagnostic, statement: Statement, file: string | undefined): Diagnostic {
  return { ...d, ...(d.span === undefined && statement.span !== undefined ? { span: statement.span } : {}), ...(file === undefined || d.file !== undefined ? {} : { file }) };
}

/** Check a parsed script. Diagnostics are in statement order. */
export function checkScript(script: Script, options: CheckOptions = {}): Diagnostic[] {
  const catalog = new ScriptCatalog();
  const diagnostics: Diagnostic[] = [];
  const ctx: QueryContext = { catalog, diagnostics, ...(options.file === undefined ? {} : { file: options.file }) };
  const v = options.validators ?? {};
  script.statements.forEach((statement, index) => {
    const path = `statements[${index}]`;
    const add = (ds: readonly Diagnostic[]) => diagnostics.push(...ds.map((d) => withLocation({ ...d, path: d.path ?? path }, statement, options.file)));
    switch (statement.kind) {
      case 'CreateTable':
        if (v.table !== undefined) {
          const catalogType = catalog.catalogTypeFor(statement.path);
          add(v.table(statement, { path, ...(catalogType === undefined ? {} : { catalogType }) }));
        }
        catalog.apply(statement);
        break;
      case 'CreateCatalog':
        if (v.catalog !== undefined) add(v.catalog(statement, path));
        catalog.apply(statement);
        break;
      case 'Set':
        if (v.settings !== undefined && statement.key !== undefined) add(v.settings(statement, path));
        break;
      case 'CreateView': {
        const columns = queryColumns(statement.query, ctx);
        catalog.apply(statement, columns?.map((c, i) => ({ name: c.name ?? `EXPR$${i}`, ...(c.type === undefined ? {} : { type: c.type }), writable: false })));
        break;
      }
      case 'Insert':
        checkInsert(statement, ctx, path);
        break;
      case 'StatementSet':
        statement.inserts.forEach((insert, i) => checkInsert(insert, ctx, `${path}.inserts[${i}]`));
        break;
      case 'QueryStatement':
        queryColumns(statement.query, ctx);
        break;
      default:
        catalog.apply(statement);
    }
  });
  return diagnostics;
}

/** Parse and check SQL text: parse errors first (each statement's first), then the checks. */
export function checkSql(text: string, options: CheckOptions = {}): Diagnostic[] {
  const { script, diagnostics } = parseScript(text, options.file === undefined ? {} : { file: options.file });
  const checked = checkScript(script, options);
  // A statement that did not parse may have declared the table a later statement uses: no follow-up errors.
  const followUps = diagnostics.length > 0 ? checked.filter((d) => d.code !== 'FTS4002') : checked;
  return [...diagnostics, ...followUps];
}
