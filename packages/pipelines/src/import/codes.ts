/** Diagnostic codes of `flinkts import` (FTS913x: CLI, Flink SQL → TypeScript), with their texts. */
import { codeTable, template } from '@flinkts/core/internal';

/** Why a query or statement stays SQL text, and where it goes (sqlQuery / sqlStatement / sqlInsert). */
export type KeptAsSql =
  | { readonly kind: 'query'; readonly what: string; readonly why: string }
  | { readonly kind: 'table'; readonly table: string; readonly why: string }
  | { readonly kind: 'viewColumns'; readonly view: string }
  | { readonly kind: 'statement'; readonly statement: string }
  | { readonly kind: 'insert'; readonly target: string; readonly why: string }
  | { readonly kind: 'useCatalog'; readonly catalog: string }
  | { readonly kind: 'variable'; readonly name: string };

function keptAsSql(p: KeptAsSql): string {
  switch (p.kind) {
    case 'query': return `${p.what}: its query stays SQL text (sqlQuery): the builder does not express ${p.why}`;
    case 'table': return `table ${p.table} stays SQL text (sqlStatement): table() has no ${p.why}`;
    case 'viewColumns': return `view ${p.view} stays SQL text (sqlStatement): view() has no column alias list`;
    case 'statement': return `a ${p.statement} statement stays SQL text (sqlStatement): the builder has no ${p.statement}`;
    case 'insert': return `INSERT INTO ${p.target} stays SQL text (sqlInsert): ${p.why}`;
    case 'useCatalog': return `USE CATALOG ${p.catalog}: the scripts do not declare the catalog, so the job in flinkts.config.ts has no \`use\`; declare it with catalog('${p.catalog}', …) to build the pipeline`;
    case 'variable': return `\${${p.name}} is declared as a pipeline variable; give it a value in each environment of flinkts.config.ts`;
  }
}

export const IMPORT_CODE_TABLE = codeTable({
  fixed: ['FTS9130', 'flinkts import: a certain fix applied to the SQL (a reserved word quoted, USE DATABASE x written USE x) — a note.', template(
    (p: { readonly line: number; readonly fix: string }) => `line ${p.line}: ${p.fix}`,
  )],
  literalCredential: ['FTS9131', 'flinkts import: a literal credential in the SQL, replaced by a secret placeholder (its value is not written).', template(
    (p: { readonly where: string; readonly key: string; readonly secret: string }) => `${p.where}: '${p.key}' holds a literal credential; the TypeScript uses the secret ${p.secret} instead (the value is not written)`,
    (p) => `declare the secret ${p.secret} in the pipeline and give its value to the platform`,
  )],
  untypedConnector: ['FTS9132', 'flinkts import: options the typed connector / catalog factory refuses or does not know; kept, every option as written, in genericConnector() / a plain catalog connector.', template(
    (p: { readonly kind: 'connector' | 'catalog'; readonly where: string; readonly name: string; readonly problem: string | undefined }) =>
      `${p.where}: the '${p.name}' ${p.kind === 'connector' ? 'connector is kept in genericConnector()' : 'catalog is kept as a plain catalog connector'} with every option as written: ${p.problem}`,
    (p) => (p.kind === 'connector' ? 'fix the options (or wait for a typed factory that knows them) and switch to the typed connector' : 'fix the options and switch to the typed catalog factory'),
  )],
  keptAsSql: ['FTS9133', 'flinkts import: a query or statement kept as SQL text in a typed escape hatch (sqlQuery, sqlInsert, sqlStatement), with the reason.', template(keptAsSql)],
  notImported: ['FTS9134', 'flinkts import: a script in which no statement parses, even after the certain fixes; nothing is written.', template(
    (p: { readonly kind: 'unsettled' } | { readonly kind: 'nothingParses'; readonly file: string } | { readonly kind: 'crashed'; readonly error: string }) =>
      p.kind === 'unsettled' ? 'the script did not settle after the automatic fixes'
        : p.kind === 'nothingParses' ? `${p.file} was not imported: no statement in it parses (even after the certain fixes)`
          : `flinkts failed while importing (${p.error}); nothing was written`,
    (p) => (p.kind === 'nothingParses' ? 'fix the errors above; nothing was written' : p.kind === 'crashed' ? 'please report these scripts to the flinkts maintainers' : undefined),
  )],
  refused: ['FTS9136', 'flinkts import: a statement that does not parse even after the certain fixes; the rest of the script is imported and this statement is carried, as written, in a comment (its literal credentials redacted).', template(
    (p: { readonly firstLine: number; readonly lastLine: number; readonly errors: string; readonly module: string; readonly redacted: number }) =>
      `lines ${p.firstLine}-${p.lastLine} were not imported: the statement does not parse as Flink SQL (${p.errors}); it is carried as written in a comment in src/${p.module}.ts${p.redacted === 0 ? '' : `, its ${p.redacted} literal credential${p.redacted === 1 ? '' : 's'} replaced by ***`}`,
    () => 'fix the statement (Flink rejects it too) and import the script again',
  )],
  normalised: ['FTS9135', 'flinkts import: a declaration the builder normalises (primary key columns NOT NULL, computed columns after the others).', template(
    (p: { readonly kind: 'computedFirst'; readonly table: string; readonly column: string } | { readonly kind: 'keyNotNull'; readonly table: string; readonly column: string; readonly type: string }) =>
      p.kind === 'computedFirst' ? `table ${p.table}: column ${p.column} follows a computed column; table() declares computed columns after the others, so the column order changes`
        : `table ${p.table}: primary key column ${p.column} is ${p.type} NOT NULL in the TypeScript (Flink makes primary key columns NOT NULL)`,
  )],
});

export const IMPORT_CODES = IMPORT_CODE_TABLE.codes;
export const IMPORT_TEXTS = IMPORT_CODE_TABLE.texts;
