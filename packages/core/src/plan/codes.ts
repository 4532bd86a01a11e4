/**
 * Diagnostic codes the binder declares in a table of its own, with the message and hint of each name code (the other
 * codes of FTS40xx–FTS44xx are still listed in registry.ts). `BIND_TEXTS.columnNotFound({ … })` gives the code, the
 * message and the hint (with its "did you mean"), so each code's wording lives here.
 */
import { codeTable, template } from '../diagnostics/code-table.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { LikeConflict } from '../catalog/like.js';

const list = (names: readonly string[]): string => [...new Set(names)].join(', ');

export const BIND_CODE_TABLE = codeTable({
  columnNotFound: ['FTS4001', 'A column not found in any table of the FROM clause.', template(
    (p: { readonly table?: string; readonly name: string; readonly candidates: readonly string[]; readonly selectAlias?: boolean }) =>
      p.table === undefined ? `Column '${p.name}' not found in any table of the FROM clause` : `Column '${p.table}.${p.name}' not found: '${p.table}' has no column '${p.name}'`,
    (p) => p.selectAlias === true
      ? `'${p.name}' is an alias of the SELECT list, which this clause cannot use; repeat the expression or select from a sub-query`
      : didYouMean(p.name, p.candidates) ?? (p.table !== undefined ? `columns of '${p.table}': ${p.candidates.join(', ')}` : p.candidates.length === 0 ? 'the query has no FROM clause columns' : `available columns: ${list(p.candidates)}`),
  )],
  tableNotDeclared: ['FTS4002', 'An INSERT target (or a read table) that the script does not declare.', template(
    (p: { readonly path: string; readonly insert: boolean; readonly like?: boolean; readonly readsItself?: boolean; readonly declaredAs: readonly string[]; readonly known: readonly string[] }) =>
      p.readsItself === true ? `view '${p.path}' reads itself`
        : p.like === true ? `Source table '${p.path}' of the LIKE clause is not declared in this script` : `${p.insert ? 'INSERT target' : 'table or view'} '${p.path}' is not declared in this script`,
    (p) => p.readsItself === true ? 'a view cannot be defined over itself' : p.declaredAs.length > 0
      ? `it is declared as ${p.declaredAs.join(', ')}; qualify the name or USE its database`
      : didYouMean(p.path.split('.').at(-1)!, p.known) ?? (p.insert ? 'declare the sink with CREATE TABLE first' : p.like === true ? 'declare the source table with CREATE TABLE before the LIKE' : 'declare it with CREATE TABLE before it is used'),
  )],
  ambiguousColumn: ['FTS4003', 'An unqualified column that several tables of the FROM clause have.', template(
    (p: { readonly name: string; readonly relations: readonly string[] }) => `Column '${p.name}' is ambiguous: it is a column of ${p.relations.map((r) => `'${r || '(sub-query)'}'`).join(' and ')}`,
    (p) => `qualify it: ${p.relations.filter((r) => r !== '').map((r) => `${r}.${p.name}`).join(' or ') || 'select it once in the sub-query'}`,
  )],
  unknownQualifier: ['FTS4004', 'A table or alias qualifier that is not in the FROM clause.', template(
    (p: { readonly table: string; readonly names: readonly string[]; readonly star?: boolean }) =>
      p.star === true ? `Unknown identifier '${p.table}' in '${p.table}.*': no table or alias of that name in the FROM clause` : `Table '${p.table}' not found: no table or alias of that name in the FROM clause`,
    (p) => didYouMean(p.table, p.names) ?? (p.names.length === 0 ? 'the FROM clause has no named relation' : `tables and aliases in scope: ${p.names.join(', ')}`),
  )],
  duplicateRelation: ['FTS4005', 'The same relation name twice in a FROM clause.', template(
    (p: { readonly name: string }) => `Duplicate relation name '${p.name}' in FROM clause`,
    () => 'give one of them another alias',
  )],
  usingColumnMissing: ['FTS4011', 'A USING column missing on one side of the join.', template(
    (p: { readonly name: string; readonly side: 'left' | 'right'; readonly candidates: readonly string[] }) => `Column '${p.name}' in USING clause not found in the ${p.side} side of the join`,
    (p) => didYouMean(p.name, p.candidates),
  )],
  likeRejected: ['FTS4016', "A CREATE TABLE … LIKE that Flink rejects: the source is a view, or both tables define a column, watermark, primary key, partitioning or option that the LIKE options do not let the new table overwrite.", template(
    (p: LikeConflict) => {
      switch (p.conflict) {
        case 'view': return `Source table '${p.table}' of the LIKE clause can not be a VIEW`;
        case 'column': return `A column named '${p.column}' already exists in the table '${p.table}' of the LIKE clause`;
        case 'feature': return `The table '${p.table}' of the LIKE clause already has ${p.what}`;
        case 'watermark': return `The table '${p.table}' of the LIKE clause has a watermark on '${p.sourceColumn}' and this one on '${p.column}': Flink does not support multiple watermark definitions`;
        case 'option': return `The table '${p.table}' of the LIKE clause already has the option '${p.key}'`;
      }
    },
    (p) => {
      switch (p.conflict) {
        case 'view': return 'name a table in LIKE, or declare the columns yourself';
        case 'column': return p.feature === 'PHYSICAL' ? "give the new column another name: the source's physical columns are always taken" : `give it another name, or write OVERWRITING ${p.feature} (or EXCLUDING ${p.feature})`;
        case 'feature': return p.feature === 'CONSTRAINTS' ? 'write EXCLUDING CONSTRAINTS to declare another primary key' : `write EXCLUDING ${p.feature} or OVERWRITING ${p.feature}`;
        case 'watermark': return 'write EXCLUDING WATERMARKS, or put the watermark on the same column';
        case 'option': return 'write OVERWRITING OPTIONS to replace it, or EXCLUDING OPTIONS';
      }
    },
  )],
  notNullColumnOmitted: ['FTS4108', "An INSERT column list leaves out a NOT NULL column of the sink (Flink: \"Column 'x' has no default value and does not allow NULLs\").", template(
    (p: { readonly column: string; readonly table: string }) => `Column '${p.column}' of '${p.table}' has no default value and does not allow NULLs: the column list leaves it out`,
    (p) => `list '${p.column}' and select a value for it`,
  )],
  notBound: ['FTS4501', 'A construct flinkts does not build a plan for yet (warning): the names and types the construct holds are not checked, nor its statement\'s sink, changelog and time rules, and it has no lineage.', template(
    (p: { readonly what: string }) => `${p.what} is not bound into a plan by flinkts yet: names and types inside it, and its statement's sink and changelog rules, are not checked`,
    () => 'rewrite it with the supported constructs, or verify the statement on Flink (EXPLAIN); flinkts gives no lineage for it',
  )],
  rankOnStream: ['FTS4503', 'RANK() / DENSE_RANK() filtered by their rank outside a window TVF: Flink 1.20 plans no streaming rank for them ("RANK() on streaming table is not supported currently").', template(
    (p: { readonly fn: string }) => `${p.fn}() on streaming table is not supported currently`,
    () => 'use ROW_NUMBER() for a TopN, or rank within a window TVF (PARTITION BY window_start, window_end)',
  )],
  leftTableFunctionPredicate: ['FTS4530', 'A LEFT JOIN LATERAL TABLE(…) with an ON condition other than the literal TRUE: Flink 1.20.1 refuses it ("Left outer joins with a table function do not accept a predicate such as … Only literal TRUE is accepted.").', template(
    (p: { readonly condition: string }) => `Left outer joins with a table function do not accept a predicate such as ${p.condition}. Only literal TRUE is accepted.`,
    () => 'write LEFT JOIN LATERAL TABLE(…) ON TRUE and filter in WHERE (which drops the padded rows too), or use [CROSS] JOIN',
  )],
  lateralJoinType: ['FTS4531', 'A RIGHT or FULL JOIN of a LATERAL sub-query, LATERAL TABLE or UNNEST: Flink 1.20.1 cannot plan it ("Unknown join type RIGHT").', template(
    (p: { readonly type: string; readonly right: 'LATERAL sub-query' | 'UNNEST' | 'LATERAL TABLE' }) => `Unknown join type ${p.type}: Flink 1.20.1 cannot plan a ${p.type} JOIN of a ${p.right}`,
    () => 'join it with [CROSS] JOIN or LEFT JOIN',
  )],
  unnestConditionCorrelated: ['FTS4532', 'A LEFT JOIN UNNEST(…) ON condition that reads a column of the left side: Flink 1.20.1 fails to plan it ("unexpected correlate variable $cor0 in the plan"); a condition on the unnested columns only is accepted.', template(
    (_: object) => 'unexpected correlate variable $cor0 in the plan: Flink 1.20.1 cannot plan a LEFT JOIN UNNEST(…) whose ON condition reads a column of the left side',
    () => 'compare only the unnested columns in ON, and filter the left side in WHERE or a sub-query',
  )],
  leftLateralNotNull: ['FTS4533', 'A select list reading a NOT NULL output column of a user table function joined by LEFT JOIN LATERAL TABLE: Flink 1.20.1 fails to plan it ("Conversion to relational algebra failed to preserve datatypes").', template(
    (p: { readonly column: string }) => `Conversion to relational algebra failed to preserve datatypes: Flink 1.20.1 cannot plan a select list reading '${p.column}', a NOT NULL output column of a table function in LEFT JOIN LATERAL TABLE`,
    () => "declare the function's output column nullable, or use [CROSS] JOIN LATERAL TABLE",
  )],
  groupingNotGrouped: ['FTS4534', 'An argument of GROUPING / GROUPING_ID that is not a grouping key of the aggregation: Flink 1.20.1 rejects it ("Argument to GROUPING operator must be a grouped expression").', template(
    (p: { readonly fn: string }) => `Argument to ${p.fn} operator must be a grouped expression`,
    () => 'pass GROUPING only columns or expressions of the GROUP BY clause',
  )],
  unnestWithOrdinality: ['FTS4535', 'UNNEST … WITH ORDINALITY: Flink 1.20.1 fails planning it, whatever the array ("Cannot add expression of different type to set").', template(
    (_: object) => 'Cannot add expression of different type to set: Flink 1.20.1 cannot plan UNNEST … WITH ORDINALITY',
    () => 'number the elements another way, e.g. an ARRAY of ROWs that carries the position',
  )],
  zeroLengthChar: ['FTS4536', "A VALUES column or a SELECT without FROM whose values are all '' (CHAR(0)): Flink 1.20.1 plans it but fails when it submits the job (\"Zero-length character strings have no serializable string representation.\").", template(
    (_: object) => 'Zero-length character strings have no serializable string representation.',
    () => "CAST('' AS STRING), or give the column a non-empty value",
  )],
  miniBatchLatency: ['FTS4537', "'table.exec.mini-batch.enabled' = 'true' without a positive 'table.exec.mini-batch.allow-latency', on a streaming query that reads a table with a WATERMARK or that Flink plans a mini-batch operator for: Flink 1.20.1's planner refuses it (\"MiniBatch Latency must be greater than 0 ms.\").", template(
    (_: object) => 'MiniBatch Latency must be greater than 0 ms.',
    () => "set 'table.exec.mini-batch.allow-latency' (e.g. '5 s') when 'table.exec.mini-batch.enabled' is true",
  )],
  miniBatchSize: ['FTS4538', "'table.exec.mini-batch.enabled' = 'true' without a positive 'table.exec.mini-batch.size', on a query Flink plans a mini-batch operator for (a group aggregation, a regular join, a deduplication, an upsert source's ChangelogNormalize): Flink 1.20.1 refuses it (\"Key: 'table.exec.mini-batch.size' , default: -1 (fallback keys: []) must be > 0.\", for a deduplication \"table.exec.mini-batch.size should be greater than 0.\").", template(
    (p: { readonly deduplication: boolean }) => p.deduplication ? 'table.exec.mini-batch.size should be greater than 0.' : "Key: 'table.exec.mini-batch.size' , default: -1 (fallback keys: []) must be > 0.",
    () => "set 'table.exec.mini-batch.size' (e.g. '1000') when 'table.exec.mini-batch.enabled' is true",
  )],
  lateralWithoutFrom: ['FTS4502', "A LATERAL sub-query without FROM (only expressions over the left row): Flink 1.20.1 fails to plan it (\"unexpected correlate variable $cor0 in the plan\").", template(
    (_: object) => 'Flink 1.20.1 cannot plan a LATERAL sub-query without FROM ("unexpected correlate variable $cor0 in the plan")',
    () => 'compute these expressions in the outer SELECT list instead',
  )],
});

export const BIND_CODES = BIND_CODE_TABLE.codes;
export const BIND_TEXTS = BIND_CODE_TABLE.texts;
