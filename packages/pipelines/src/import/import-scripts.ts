/**
 * `flinkts import`: Flink SQL scripts → a flinkts repo. The scripts are parsed (with the certain fixes applied
 * and reported), their catalog worked out statement by statement like the analyzer does, and written as:
 *   src/tables.ts     every catalog, table and view, declared once (typed connectors, formats, secrets)
 *   src/<script>.ts   the script's INSERTs (`inserts`) and all its statements in order (`statements`)
 *   flinkts.config.ts a pipeline with one job per script (SET lines → typed settings, USE → the job's `use`)
 * Anything the builder cannot express yet stays SQL text in the typed escape hatches (sqlQuery, sqlInsert,
 * sqlStatement), with a note naming it. `printStatements(statements)` of a generated script module prints SQL
 * whose AST equals the input's, modulo the reported fixes and comments.
 */
import { checkSql } from '@flinkts/core';
import { ObjectCatalog } from '@flinkts/core/internal';
import { bind, sameAst, tableColumns, textFields } from '@flinkts/core/internal';
import type { BindTrace, CatalogEntry, DataType, CreateCatalog, CreateTable, CreateView, Diagnostic, Insert, NamedPlan, Query, Statement } from '@flinkts/core';
import { connectorValidators, validateSettings } from '@flinkts/connectors';
import { formatted, newSourceFile } from '../codegen/format.js';
import { NameScope, identifier, key, str } from '../codegen/ts-literal.js';
import { typeCode } from '../codegen/type-code.js';
import { IMPORT_TEXTS } from './codes.js';
import { applyCertainFixes } from './fixes.js';
import { catalogCode } from './options-code.js';
import { templateText } from './sql-text.js';
import { tableCode } from './table-code.js';
import { queryCode } from './query-code.js';
import { carriedStatement, redactCredentials, tsComments } from './comments.js';
import { printQuery, printStatement } from '@flinkts/core';

export interface ImportInput {
  /** The file name as the user gave it (diagnostics, the job name). */
  readonly file: string;
  readonly text: string;
}

export interface ImportOptions {
  /** The pipeline's name (default: `imported`). */
  readonly name?: string;
}

export interface ImportedFile {
  /** Relative to the output folder. */
  readonly path: string;
  readonly text: string;
}

export type ImportResult = { readonly ok: true; readonly files: readonly ImportedFile[]; readonly diagnostics: readonly Diagnostic[] } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

interface Declaration {
  readonly variable: string;
  readonly statement: Statement;
  readonly code: string;
  /** Constants the code reads, written before it (a CTE's query). */
  readonly preamble: readonly string[];
  readonly kind: 'catalog' | 'table' | 'view' | 'statement';
  readonly typed: boolean;
}

interface ScriptModule {
  readonly name: string;
  readonly file: string;
  readonly module: string;
  /** Code of each statement in order. */
  readonly statements: string[];
  /** TypeScript comments to write before statements[i] (i = statements.length: after the last one). */
  readonly comments: Map<number, string[]>;
  readonly inserts: string[];
  /** Constants the inserts read, written before them (a CTE's query). */
  readonly preamble: string[];
  readonly settings: [string, string][];
  use?: { catalog?: string; database?: string };
  readonly uses: Set<string>;
}

const sameStatement = (a: Statement, b: Statement): boolean => sameAst(strip(a), strip(b));
/** Comments are kept as TypeScript comments, not in the AST the declarations print. */
export function strip<T>(node: T): T {
  if (Array.isArray(node)) return node.map(strip) as T;
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) if (k !== 'comments' && k !== 'span') out[k] = strip(v);
  return out as T;
}

/** A statement without its own comments (written as TypeScript comments before it); comments inside it stay in its text. */
const ownless = <T extends Statement>(s: T): T => {
  const { comments: _own, ...rest } = s as T & { comments?: unknown };
  return rest as T;
};

const jobName = (file: string): string => (file.split(/[\\/]/).pop() ?? file).replace(/\.sql$/i, '').replace(/[^A-Za-z0-9_.-]+/g, '-') || 'job';

function columnsSpec(columns: readonly { readonly name: string | undefined; readonly type?: DataType }[] | undefined, imports: Set<string>): string | undefined {
  if (columns === undefined || columns.some((c) => c.name === undefined)) return undefined;
  if (columns.some((c) => c.type !== undefined)) imports.add('t');
  return `[${columns.map((c) => `[${str(c.name!)}, ${c.type === undefined ? 'null' : typeCode(c.type)}]`).join(', ')}]`;
}

export async function importScripts(inputs: readonly ImportInput[], options: ImportOptions = {}): Promise<ImportResult> {
  const diagnostics: Diagnostic[] = [];
  const exported = [...Object.keys(await import('@flinkts/core')), ...Object.keys(await import('@flinkts/connectors'))];
  const names = new NameScope([...exported, 't', 'table', 'view', 'catalog', 'fn', 'sql', 'sqlAs', 'sqlQuery', 'sqlInsert', 'sqlStatement', 'insertInto', 'insertIntoPositional', 'statementSet', 'set', 'use', 'useCatalog', 'createDatabase', 'column', 'metadata', 'interval', 'secret', 'genericConnector', 'job', 'pipeline', 'statements', 'inserts']);
  const declarations: Declaration[] = [];
  /** The declaration of each CREATE statement (a statement repeated in several scripts shares the first one's). */
  const declaredBy = new Map<Statement, Declaration>();
  const coreImports = new Set<string>();
  const connectorImports = new Set<string>();
  const secrets = new Set<string>();
  const scripts: ScriptModule[] = [];
  const moduleNames = new NameScope(['tables']);
  const failed: Diagnostic[] = [];

  for (const input of inputs) {
    const fixed = applyCertainFixes(input.text, input.file);
    if (fixed.script === undefined) {
      failed.push(...fixed.errors, { ...textFields(IMPORT_TEXTS.notImported({ kind: 'nothingParses', file: input.file })), severity: 'error', file: input.file });
      continue;
    }
    diagnostics.push(...fixed.notes);
    const scriptModuleName = moduleNames.take(jobName(input.file).replace(/[^A-Za-z0-9_-]+/g, '-'));
    for (const r of fixed.refused) {
      // Flink stops at such a statement; the import takes what is valid and carries the rest, reported.
      for (const d of r.errors) diagnostics.push({ ...d, severity: 'warning', message: `in the imported SQL: ${d.message}` });
      const redacted = redactCredentials(r.text).redacted;
      diagnostics.push({
        ...textFields(IMPORT_TEXTS.refused({ firstLine: r.firstLine, lastLine: r.lastLine, errors: r.errors.map((d) => `${d.code} at ${d.span?.start.line}:${d.span?.start.column}`).join(', '), module: scriptModuleName, redacted })),
        severity: 'warning',
        file: input.file,
        span: { start: { line: r.firstLine, column: 1, offset: 0 }, end: { line: r.lastLine, column: 1, offset: 0 } },
      });
    }
    // What the analyzer finds in the (fixed) script is reported with the import: the TypeScript keeps the meaning.
    const refusedAt = new Set(fixed.refused.flatMap((r) => r.errors.map((d) => `${d.code}@${d.span?.start.line}`)));
    for (const d of checkSql(fixed.text, { file: input.file, validators: connectorValidators })) {
      if (refusedAt.has(`${d.code}@${d.span?.start.line}`)) continue;
      diagnostics.push({ ...d, severity: d.severity === 'error' ? 'warning' : d.severity, message: `in the imported SQL: ${d.message}` });
    }
    // The binder's catalog, applied statement by statement: every query is bound against it (one bound plan).
    const catalog = new ObjectCatalog();
    const name = jobName(input.file);
    const script: ScriptModule = { name, file: input.file, module: scriptModuleName, statements: [], comments: new Map(), inserts: [], preamble: [], settings: [], uses: new Set() };
    scripts.push(script);
    const at = (s: Statement) => ({ file: input.file, ...(s.span === undefined ? {} : { span: s.span }) });
    let preamble: string[] = [];
    const declare = (statement: Statement, kind: Declaration['kind'], make: () => { code: string; typed: boolean }, base: string): string => {
      const existing = declarations.find((d) => d.kind === kind && sameStatement(d.statement, statement));
      if (existing !== undefined) {
        declaredBy.set(statement, existing);
        return existing.variable;
      }
      preamble = [];
      const made = make();
      // A name an import already uses (paimon_catalog → paimonCatalog, the catalog factory) gets a suffix:
      // paimonCatalogDecl, printTable.
      const wanted = identifier(base);
      const variable = names.take(names.has(wanted) ? `${wanted}${kind === 'catalog' || wanted.toLowerCase().endsWith(kind) ? 'Decl' : kind.charAt(0).toUpperCase() + kind.slice(1)}` : wanted);
      const d: Declaration = { variable, statement, code: made.code, preamble, kind, typed: made.typed };
      declarations.push(d);
      declaredBy.set(statement, d);
      return variable;
    };
    const keptQuery = (query: Query, columns: string | undefined, why: string): string => {
      coreImports.add('sqlQuery');
      return `/* kept as SQL: ${why} */ sqlQuery(${columns ?? '[]'})\`${templateText(printQuery(query))}\``;
    };
    /** The query bound against the catalog at this statement: its plan, and the trace the builder code follows. */
    const bound = (query: Query): { readonly plan?: NamedPlan; readonly trace: BindTrace } => {
      const trace: BindTrace = { queries: new Map(), tables: new Map() };
      bind(query, catalog, { trace });
      const plan = trace.queries.get(query);
      return { ...(plan === undefined ? {} : { plan }), trace };
    };
    const columnsOf = (plan: NamedPlan | undefined): { readonly name: string; readonly type?: DataType }[] | undefined =>
      plan?.names.map((name, i) => ({ name, ...(plan.plan.columns[i]?.type === undefined ? {} : { type: plan.plan.columns[i]!.type! }) }));
    /** The builder's code for a query, or the sqlQuery escape hatch with a note naming why. */
    const queryOrKept = (query: Query, what: string, s: Statement, uses: Set<string>, into: string[]): string => {
      const { plan, trace } = bound(query);
      const hoisted: string[] = [];
      const built = plan === undefined ? { ok: false as const, why: 'a query the binder does not bind' } : queryCode(query, {
        trace,
        catalog,
        declared: (entry: CatalogEntry) => {
          const d = declaredBy.get(entry.statement);
          return d === undefined || !d.typed || (d.kind !== 'table' && d.kind !== 'view') ? undefined : { variable: d.variable, path: (d.statement as CreateTable | CreateView).path };
        },
        imports: coreImports,
        uses,
        hoist: (name, code) => {
          const variable = names.take(identifier(name, 'query'));
          hoisted.push(`const ${variable} = ${code};`);
          return variable;
        },
      });
      if (built.ok) {
        into.push(...hoisted);
        return built.code;
      }
      diagnostics.push({ ...textFields(IMPORT_TEXTS.keptAsSql({ kind: 'query', what, why: built.why })), severity: 'info', ...at(s) });
      return keptQuery(query, columnsSpec(columnsOf(plan), coreImports), `the builder does not express ${built.why}`);
    };
    const commentBefore = (index: number, text: string): void => {
      script.comments.set(index, [...(script.comments.get(index) ?? []), text]);
    };
    const refusedBefore = (index: number): void => {
      for (const r of fixed.refused.filter((x) => x.before === index)) commentBefore(script.statements.length, carriedStatement(input.file, r));
    };
    for (const [index, statement] of fixed.script.statements.entries()) {
      refusedBefore(index);
      if (statement.comments !== undefined && statement.comments.length > 0) commentBefore(script.statements.length, tsComments(statement.comments));
      const ref = (variable: string): string => {
        script.uses.add(variable);
        return variable;
      };
      switch (statement.kind) {
        case 'CreateCatalog': {
          const s = statement as CreateCatalog;
          const variable = declare(s, 'catalog', () => {
            const c = catalogCode(s.options, { owner: s.name, where: `catalog ${s.name}`, file: input.file });
            diagnostics.push(...c.diagnostics.map((d) => ({ ...d, ...at(s) })));
            c.connectorImports.forEach((i) => connectorImports.add(i));
            c.secrets.forEach((x) => secrets.add(x));
            coreImports.add('catalog');
            const opts = [...(s.ifNotExists ? ['ifNotExists: true'] : []), ...(s.comment === undefined ? [] : [`comment: ${str(s.comment)}`])];
            return { code: `catalog(${str(s.name)}, ${c.code}${opts.length === 0 ? '' : `, { ${opts.join(', ')} }`})`, typed: true };
          }, s.name);
          script.statements.push(`${ref(variable)}.toStatement()`);
          break;
        }
        case 'CreateTable': {
          const s = statement as CreateTable;
          catalog.apply(s);
          const entry = catalog.lookup(s.path);
          const catalogType = entry?.kind === 'table' ? entry.catalog?.options.find((o) => o.key === 'type')?.value : undefined;
          const variable = declare(s, 'table', () => {
            const c = tableCode(s, { file: input.file, columns: entry?.kind === 'table' ? tableColumns(entry, catalog) : [], ...(catalogType === undefined ? {} : { catalogType }) });
            diagnostics.push(...c.diagnostics);
            c.coreImports.forEach((i) => coreImports.add(i));
            c.connectorImports.forEach((i) => connectorImports.add(i));
            c.secrets.forEach((x) => secrets.add(x));
            return { code: c.code, typed: c.typed };
          }, s.path[s.path.length - 1]!);
          const typed = declarations.find((d) => d.variable === variable)?.typed === true;
          script.statements.push(typed ? `${ref(variable)}.toStatement()` : ref(variable));
          break;
        }
        case 'CreateView': {
          const s = statement as CreateView;
          catalog.apply(s);
          const variable = declare(s, s.columns === undefined ? 'view' : 'statement', () => {
            if (s.columns !== undefined) {
              coreImports.add('sqlStatement');
              diagnostics.push({ ...textFields(IMPORT_TEXTS.keptAsSql({ kind: 'viewColumns', view: s.path.join('.') })), severity: 'info', ...at(s) });
              return { code: `/* kept as SQL: view() has no column alias list */ sqlStatement\`${templateText(printStatement(ownless(s)))}\``, typed: false };
            }
            coreImports.add('view');
            const query = queryOrKept(s.query, `view ${s.path.join('.')}`, s, new Set(), preamble);
            const opts = [
              ...(s.temporary ? [] : ['temporary: false']),
              ...(s.ifNotExists ? ['ifNotExists: true'] : []),
              ...(s.path.length === 3 ? [`catalog: ${str(s.path[0]!)}`, `database: ${str(s.path[1]!)}`] : s.path.length === 2 ? [`database: ${str(s.path[0]!)}`] : []),
              ...(s.comment === undefined ? [] : [`comment: ${str(s.comment)}`]),
            ];
            return { code: `view(${str(s.path[s.path.length - 1]!)}, ${query}${opts.length === 0 ? '' : `, { ${opts.join(', ')} }`})`, typed: true };
          }, s.path[s.path.length - 1]!);
          const kind = declarations.find((d) => d.variable === variable)?.kind;
          script.statements.push(kind === 'view' ? `${ref(variable)}.toStatement()` : ref(variable));
          break;
        }
        case 'Insert':
        case 'StatementSet': {
          const inserts = statement.kind === 'Insert' ? [statement as Insert] : (statement as { inserts: readonly Insert[] }).inserts;
          const codes = inserts.map((s) => `${statement.kind === 'StatementSet' ? tsComments(s.comments) : ''}${insertCode(s)}`);
          if (statement.kind === 'Insert') {
            script.inserts.push(codes[0]!);
            script.statements.push(`inserts[${script.inserts.length - 1}]!`);
          } else {
            coreImports.add('statementSet');
            const first = script.inserts.length;
            script.inserts.push(...codes);
            script.statements.push(`statementSet(${codes.map((_, i) => `inserts[${first + i}]!`).join(', ')})`);
          }
          break;
        }
        case 'Set': {
          const s = statement as { key?: string; value?: string };
          coreImports.add('set');
          if (s.key !== undefined && s.value !== undefined) {
            script.statements.push(`set(${str(s.key)}, ${str(s.value)})`);
            const checked = validateSettings([{ key: s.key, value: s.value }], { path: `${name}.settings` });
            if (checked.diagnostics.some((d) => d.severity === 'error')) {
              diagnostics.push(...checked.diagnostics.map((d) => ({ ...d, severity: 'warning' as const, message: `SET ${s.key}: ${d.message} — kept in the script's statements, not in the job's typed settings`, ...at(statement) })));
            } else script.settings.push([s.key, s.value]);
          } else script.statements.push(keptStatement(statement));
          break;
        }
        case 'UseCatalog': {
          const s = statement as { name: string };
          catalog.apply(statement);
          coreImports.add('useCatalog');
          script.statements.push(`useCatalog(${str(s.name)})`);
          script.use = { ...script.use, catalog: s.name };
          if (!declarations.some((d) => d.kind === 'catalog' && (d.statement as CreateCatalog).name === s.name)) {
            diagnostics.push({ ...textFields(IMPORT_TEXTS.keptAsSql({ kind: 'useCatalog', catalog: s.name })), severity: 'warning', ...at(statement) });
          }
          break;
        }
        case 'UseDatabase': {
          const s = statement as { path: readonly string[] };
          catalog.apply(statement);
          coreImports.add('use');
          script.statements.push(`use(${s.path.map(str).join(', ')})`);
          script.use = { ...script.use, database: s.path[s.path.length - 1]! };
          break;
        }
        case 'CreateDatabase': {
          const s = statement as { path: readonly string[]; ifNotExists: boolean; comment?: string; options: readonly { key: string; value: string }[] };
          coreImports.add('createDatabase');
          const opts = [...(s.ifNotExists ? ['ifNotExists: true'] : []), ...(s.comment === undefined ? [] : [`comment: ${str(s.comment)}`]), ...(s.options.length === 0 ? [] : [`properties: { ${s.options.map((o) => `${key(o.key)}: ${str(o.value)}`).join(', ')} }`])];
          script.statements.push(`createDatabase([${s.path.map(str).join(', ')}]${opts.length === 0 ? '' : `, { ${opts.join(', ')} }`})`);
          break;
        }
        default:
          catalog.apply(statement);
          script.statements.push(keptStatement(statement));
      }

      function keptStatement(s: Statement): string {
        coreImports.add('sqlStatement');
        diagnostics.push({ ...textFields(IMPORT_TEXTS.keptAsSql({ kind: 'statement', statement: s.kind })), severity: 'info', ...at(s) });
        return `/* kept as SQL: the builder has no ${s.kind} */ sqlStatement\`${templateText(printStatement(ownless(s)))}\``;
      }

      function insertCode(s: Insert): string {
        const target = catalog.lookup(s.target);
        const found = target === undefined ? undefined : declaredBy.get(target.statement);
        const declared = found?.kind === 'table' && found.typed ? found : undefined;
        const columns = columnsOf(bound(s.query).plan);
        const spec = columnsSpec(columns, coreImports);
        const why = declared === undefined ? 'its target table is not declared in the imported scripts' : !sameAst(s.target, (declared.statement as CreateTable).path) ? 'the target is written by a shorter name than its declaration (insertInto() writes the declared name)' : s.hints !== undefined && s.hints.length > 0 ? 'insertInto() has no target hints' : s.partition !== undefined ? 'insertInto() is not given a static PARTITION here' : spec === undefined ? 'the query has unnamed columns' : undefined;
        if (why !== undefined) {
          coreImports.add('sqlInsert');
          diagnostics.push({ ...textFields(IMPORT_TEXTS.keptAsSql({ kind: 'insert', target: s.target.join('.'), why })), severity: 'info', ...at(s) });
          return `/* kept as SQL: ${why} */ sqlInsert\`${templateText(printStatement(ownless(s)))}\``;
        }
        const sink = ref(declared!.variable);
        const query = queryOrKept(s.query, `INSERT INTO ${s.target.join('.')}`, s, script.uses, script.preamble);
        const names = (columns ?? []).map((c) => c.name);
        const overwrite = s.overwrite ? ', { overwrite: true }' : '';
        if (s.columns === undefined) {
          coreImports.add('insertIntoPositional');
          return `insertIntoPositional(${sink}, ${query}${overwrite})`;
        }
        coreImports.add('insertInto');
        if (sameAst(s.columns, names)) return `insertInto(${sink}, ${query}${overwrite})`;
        return `insertInto(${sink}, { columns: [${s.columns.map(str).join(', ')}]${s.overwrite ? ', overwrite: true' : ''} }, ${query})`;
      }
    }
    refusedBefore(fixed.script.statements.length);
    if (fixed.script.trailingComments !== undefined && fixed.script.trailingComments.length > 0) commentBefore(script.statements.length, tsComments(fixed.script.trailingComments));
  }
  if (failed.length > 0) return { ok: false, diagnostics: [...diagnostics, ...failed] };
  // Placeholders the SQL uses elsewhere (OPTIONS hints, kept SQL text): credentials become secrets, the rest
  // variables, which need a value per environment.
  const variables = new Set<string>();
  for (const input of inputs) {
    for (const m of input.text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}/g)) {
      const name = m[1]!;
      if (secrets.has(name)) continue;
      if (/(PASSWORD|PASSWD|SECRET|TOKEN|USER|USERNAME|ACCESS_KEY|CREDENTIAL|JAAS)/i.test(name)) secrets.add(name);
      else variables.add(name);
    }
  }
  for (const v of [...variables].sort()) {
    diagnostics.push({ ...textFields(IMPORT_TEXTS.keptAsSql({ kind: 'variable', name: v })), severity: 'info' });
  }

  const files: ImportedFile[] = [];
  files.push({ path: 'src/tables.ts', text: await tablesModule(declarations, coreImports, connectorImports) });
  for (const s of scripts) files.push({ path: `src/${s.module}.ts`, text: await scriptModule(s, declarations) });
  files.push({ path: 'flinkts.config.ts', text: await configModule(options.name ?? 'imported', scripts, declarations, [...secrets].sort(), [...variables].sort()) });
  return { ok: true, files, diagnostics };
}

/** Code without its template literals (SQL text) and comments, to see which names it uses. */
const withoutText = (code: string): string => code.replace(/`(?:\\.|[^`\\])*`/g, '``').replace(/\/\*[\s\S]*?\*\//g, '');

const CORE_ONLY_IN_SCRIPTS = new Set(['set', 'use', 'useCatalog', 'createDatabase', 'insertInto', 'insertIntoPositional', 'statementSet', 'sqlInsert']);

async function tablesModule(declarations: readonly Declaration[], coreImports: ReadonlySet<string>, connectorImports: ReadonlySet<string>): Promise<string> {
  const file = await newSourceFile('tables.ts');
  file.addStatements(`/**
 * The catalogs, tables and views of the imported scripts, each declared once (generated by \`flinkts import\`).
 * Credentials are secrets (\`\${NAME}\` placeholders); what stays SQL text says why in a comment.
 */`);
  const usedCore = [...coreImports].filter((i) => !CORE_ONLY_IN_SCRIPTS.has(i) && declarations.some((d) => new RegExp(`\\b${i}\\b`).test(withoutText([...d.preamble, d.code].join('\n')))));
  if (usedCore.length > 0) file.addImportDeclaration({ moduleSpecifier: '@flinkts/core', namedImports: usedCore.sort() });
  if (connectorImports.size > 0) file.addImportDeclaration({ moduleSpecifier: '@flinkts/connectors', namedImports: [...connectorImports].sort() });
  for (const d of declarations) file.addStatements(`${d.preamble.join('\n')}${d.preamble.length === 0 ? '' : '\n'}${tsComments(d.statement.comments)}export const ${d.variable} = ${d.code};`);
  return formatted(file);
}

async function scriptModule(s: ScriptModule, declarations: readonly Declaration[]): Promise<string> {
  const file = await newSourceFile(`${s.module}.ts`);
  // Names used outside SQL text (template literals) decide the imports.
  const body = withoutText([...s.preamble, ...s.statements, ...s.inserts].join('\n'));
  const core = ['Insert', 'Statement', 'from', 'fn', 'sql', 'sqlAs', 'set', 'use', 'useCatalog', 'createDatabase', 'insertInto', 'insertIntoPositional', 'statementSet', 'sqlInsert', 'sqlQuery', 'sqlStatement', 't', 'withCtes', 'cte', 'tumble', 'hop', 'cumulate', 'interval'].filter((n) => n === 'Insert' || n === 'Statement' || new RegExp(`(^|[^A-Za-z0-9_.])${n}\\b[(\`.]`).test(body));
  file.addStatements(`/**
 * ${s.file}, imported by \`flinkts import\`: \`inserts\` is the job's INSERTs, \`statements\` the whole script in
 * order (\`printStatements(statements)\` prints it back).
 */`);
  const values = core.filter((n) => n !== 'Insert' && n !== 'Statement');
  file.addImportDeclaration({ moduleSpecifier: '@flinkts/core', namedImports: values.sort(), });
  file.addImportDeclaration({ moduleSpecifier: '@flinkts/core', namedImports: ['Insert', 'Statement'], isTypeOnly: true });
  const used = declarations.filter((d) => s.uses.has(d.variable)).map((d) => d.variable).sort();
  if (used.length > 0) file.addImportDeclaration({ moduleSpecifier: './tables.js', namedImports: used });
  if (s.preamble.length > 0) file.addStatements(s.preamble.join('\n'));
  file.addStatements(`export const inserts: readonly Insert[] = [${s.inserts.map((code) => `\n${code}`).join(',')}];`);
  const before = (i: number): string => (s.comments.get(i) ?? []).join('');
  const elements = s.statements.map((code, i) => `\n${before(i)}${code}`);
  const after = before(s.statements.length);
  file.addStatements(`export const statements: readonly Statement[] = [${elements.join(',')}${after === '' ? '' : `,\n${after}`}];`);
  return formatted(file);
}

async function configModule(name: string, scripts: readonly ScriptModule[], declarations: readonly Declaration[], secrets: readonly string[], variables: readonly string[]): Promise<string> {
  const file = await newSourceFile('flinkts.config.ts');
  file.addStatements(`/**
 * The imported scripts as a pipeline (generated by \`flinkts import\`): one job per script, its SET lines as typed
 * settings, its USE statements as the job's \`use\`. \`npx flinkts build\` compiles it.
 */`);
  file.addImportDeclaration({ moduleSpecifier: '@flinkts/pipelines', namedImports: ['job', 'pipeline'] });
  const tables = declarations.filter((d) => d.typed && (d.kind === 'table' || d.kind === 'view')).map((d) => d.variable);
  const catalogs = declarations.filter((d) => d.kind === 'catalog').map((d) => d.variable);
  const usedCatalogs = scripts.flatMap((s) => (s.use?.catalog === undefined ? [] : [declarations.find((d) => d.kind === 'catalog' && (d.statement as CreateCatalog).name === s.use!.catalog)?.variable])).filter((v): v is string => v !== undefined);
  const fromTables = [...new Set([...tables, ...catalogs, ...usedCatalogs])].sort();
  if (fromTables.length > 0) file.addImportDeclaration({ moduleSpecifier: './src/tables.js', namedImports: fromTables });
  const jobs: string[] = [];
  const jobNames = new NameScope(['job', 'pipeline']);
  for (const s of scripts.filter((x) => x.inserts.length > 0)) {
    const alias = jobNames.take(identifier(s.module, 'inserts'));
    file.addImportDeclaration({ moduleSpecifier: `./src/${s.module}.js`, namedImports: [{ name: 'inserts', alias }] });
    const variable = jobNames.take(identifier(s.name, 'job'));
    const useCatalog = s.use?.catalog === undefined ? undefined : declarations.find((d) => d.kind === 'catalog' && (d.statement as CreateCatalog).name === s.use!.catalog)?.variable;
    const spec = [
      `statements: ${alias}`,
      ...(s.settings.length === 0 ? [] : [`settings: { ${s.settings.map(([k, v]) => `${key(k)}: ${str(v)}`).join(', ')} }`]),
      ...(useCatalog === undefined ? [] : [`use: { catalog: ${useCatalog}${s.use?.database === undefined ? '' : `, database: ${str(s.use.database)}`} }`]),
    ];
    file.addStatements(`export const ${variable} = job(${str(s.name)}, { ${spec.join(', ')} });`);
    jobs.push(variable);
  }
  const spec = [
    `name: ${str(name)}`,
    `jobs: [${jobs.join(', ')}]`,
    `tables: [${tables.join(', ')}]`,
    ...(catalogs.length === 0 ? [] : [`catalogs: [${catalogs.join(', ')}]`]),
    ...(variables.length === 0 ? [] : [`variables: { ${variables.map((x) => `${key(x)}: 'imported from the SQL scripts'`).join(', ')} }`]),
    ...(secrets.length === 0 ? [] : [`secrets: { ${secrets.map((x) => `${key(x)}: 'imported from the SQL scripts'`).join(', ')} }`]),
    'targets: { sql: {} }',
    'environments: { default: {} }',
  ];
  file.addStatements(`export default pipeline({ ${spec.join(', ')} });`);
  return formatted(file);
}
