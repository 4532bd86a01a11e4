/** Statement grammar: SET/RESET, CREATE/DROP/ALTER, USE, INSERT, statement sets, EXPLAIN, SHOW, DESCRIBE. */
import type { Expression } from '../../ast/expression.js';
import type { SourcePosition } from '../../ast/node.js';
import type {
  AlterTableAction, ColumnDefinition, CreateTable, DistributionDefinition, Insert, LikeOption, OptionEntry,
  PrimaryKeyDefinition, Statement, WatermarkDefinition,
} from '../../ast/statement.js';
import { LIKE_OPTION_MODES, LIKE_OPTION_TARGETS } from '../../ast/statement.js';
import { describe } from './cursor.js';
import type { Cursor } from './cursor.js';
import { parseType } from './data-type.js';
import { parseExpression } from './expression.js';
import { upperWord } from './keywords.js';
import { parseQuery, startsQuery } from './query.js';
import { parseHintBody } from './query.js';
import { SQL_TEXTS } from '../codes.js';

function options(p: Cursor): OptionEntry[] {
  p.expectOp('(', "'(' to start the options");
  const entries: OptionEntry[] = [];
  if (p.acceptOp(')')) return entries;
  do {
    const start = p.peek().start;
    const comments = p.takeComments(start.offset);
    const key = p.stringLiteral("a quoted option key such as 'connector'");
    if (!p.isOp('=')) {
      throw p.unexpected(`'=' after option key '${key}'`, `write '${key}' = 'value'`);
    }
    p.next();
    const valueToken = p.peek();
    if (valueToken.kind !== 'string') {
      throw p.unexpected(`a quoted value for option '${key}'`, valueToken.kind === 'number' || valueToken.kind === 'word' ? `write '${key}' = '${valueToken.text}'` : undefined);
    }
    p.next();
    const span = p.spanFrom(start);
    const more = p.acceptOp(',');
    const all = [...comments, ...p.takeTrailingComments()];
    entries.push({ key, value: valueToken.value, ...(all.length === 0 ? {} : { comments: all }), span });
    if (!more) break;
  } while (true);
  if (p.peek().kind === 'string') throw p.unexpected("',' between options");
  p.expectOp(')', "',' or ')' after an option");
  return entries;
}

function nameList(p: Cursor, what = 'a column name'): string[] {
  p.expectOp('(');
  const names: string[] = [];
  do names.push(p.identifier(what));
  while (p.acceptOp(','));
  p.expectOp(')', "',' or ')'");
  return names;
}

function comment(p: Cursor): string | undefined {
  return p.acceptWord('COMMENT') ? p.stringLiteral('the comment text') : undefined;
}

interface SchemaParts {
  columns: ColumnDefinition[];
  watermark?: WatermarkDefinition;
  primaryKey?: PrimaryKeyDefinition;
}

/** `( column, …, WATERMARK …, PRIMARY KEY … )` in any order of constraints (Flink accepts both orders). */
function schema(p: Cursor): SchemaParts {
  const parts: SchemaParts = { columns: [] };
  p.expectOp('(');
  if (p.isOp(')')) {
    // Flink requires a column; the rest of the statement is still checked (drafts often leave this empty).
    p.deferred.push(p.unexpected('a column definition', "Flink needs at least one column between '(' and ')'; leave the parentheses out for CREATE TABLE … LIKE or AS SELECT"));
    p.next();
    return parts;
  }
  for (;;) {
    if (schemaElement(p, parts)) continue;
    if (p.acceptOp(',')) continue;
    if (p.isOp(')')) {
      p.next();
      return parts;
    }
    const t = p.peek();
    if (t.kind === 'word' || t.kind === 'quoted') throw p.unexpected("',' or ')'", "missing ',' between column definitions");
    throw p.unexpected("',' or ')' after a column definition");
  }
}

/**
 * One element of a schema: a column, WATERMARK or PRIMARY KEY. For a column, also takes the ',' after it (so a
 * comment ending that line stays with the column) and returns whether it did.
 */
function schemaElement(p: Cursor, parts: SchemaParts): boolean {
  const start = p.peek().start;
  if (p.isWord('WATERMARK') || p.isWord('PRIMARY') || p.isWord('CONSTRAINT')) {
    p.statementComments.push(...p.takeComments(start.offset));
    constraint(p, parts, start);
    const more = p.acceptOp(',');
    p.statementComments.push(...p.takeTrailingComments());
    return more;
  }
  const comments = p.takeComments(start.offset);
  const col = column(p, comments, start, parts);
  if (p.isWord('FIRST') || p.isWord('AFTER')) {
    throw p.textAt(p.peek(), SQL_TEXTS.notReadYet({ kind: 'columnPosition', position: p.peek().value.toUpperCase() }));
  }
  const more = p.acceptOp(',');
  const trailing = p.takeTrailingComments();
  parts.columns.push(trailing.length === 0 ? col : { ...col, comments: [...(col.comments ?? []), ...trailing] });
  return more;
}

/** `WATERMARK FOR column AS expr` or `[CONSTRAINT name] PRIMARY KEY (…) NOT ENFORCED`. */
function constraint(p: Cursor, parts: SchemaParts, start: SourcePosition): void {
  if (p.isWord('WATERMARK')) {
    if (parts.watermark !== undefined) throw p.textAt(p.peek(), SQL_TEXTS.unexpectedToken({ kind: 'secondWatermark' }));
    p.next();
    p.expectWord('FOR', 'FOR in WATERMARK FOR column AS …');
    const column = p.identifier('the rowtime column');
    p.expectWord('AS', 'AS in WATERMARK FOR column AS …');
    parts.watermark = { column, expr: parseExpression(p), span: p.spanFrom(start) };
    return;
  }
  if (parts.primaryKey !== undefined) throw p.textAt(p.peek(), SQL_TEXTS.unexpectedToken({ kind: 'secondPrimaryKey' }));
  const name = p.acceptWord('CONSTRAINT') ? p.identifier('a constraint name') : undefined;
  p.expectWord('PRIMARY');
  p.expectWord('KEY');
  const columns = nameList(p);
  p.expectWord('NOT', 'NOT ENFORCED (Flink does not enforce primary keys)');
  p.expectWord('ENFORCED', 'NOT ENFORCED');
  parts.primaryKey = { ...(name === undefined ? {} : { name }), columns, span: p.spanFrom(start) };
}

function column(p: Cursor, comments: string[], start: SourcePosition, parts: SchemaParts): ColumnDefinition {
  const name = p.identifier('a column name');
  const withComments = <T extends ColumnDefinition>(c: T): T => (comments.length === 0 ? c : { ...c, comments });
  if (p.acceptWord('AS')) {
    const expr = parseExpression(p);
    const c = comment(p);
    return withComments({ kind: 'ComputedColumn', name, expr, ...(c === undefined ? {} : { comment: c }), span: p.spanFrom(start) });
  }
  let type = parseType(p);
  if (p.acceptWord('METADATA')) {
    const from = p.acceptWord('FROM') ? p.stringLiteral('the metadata key') : undefined;
    const virtual = p.acceptWord('VIRTUAL');
    const c = comment(p);
    return withComments({ kind: 'MetadataColumn', name, type, ...(from === undefined ? {} : { from }), virtual, ...(c === undefined ? {} : { comment: c }), span: p.spanFrom(start) });
  }
  // Inline constraint: `id BIGINT PRIMARY KEY NOT ENFORCED`.
  if (p.acceptWords('PRIMARY', 'KEY')) {
    p.expectWord('NOT', 'NOT ENFORCED');
    p.expectWord('ENFORCED');
    parts.primaryKey = { columns: [name] };
    type = { ...type, nullable: false } as typeof type;
  }
  const c = comment(p);
  return withComments({ kind: 'PhysicalColumn', name, type, ...(c === undefined ? {} : { comment: c }), span: p.spanFrom(start) });
}

/** `A, B or C`: the words a parse error expected. */
function orList(words: readonly string[]): string {
  return words.length === 1 ? words[0] as string : `${words.slice(0, -1).join(', ')} or ${words.at(-1) as string}`;
}

function createTable(p: Cursor, temporary: boolean): CreateTable {
  const ifNotExists = p.acceptWords('IF', 'NOT', 'EXISTS');
  const path = p.path('a table name');
  const parts: SchemaParts = p.isOp('(') ? schema(p) : { columns: [] };
  const c = comment(p);
  let distribution: DistributionDefinition | undefined;
  if (p.acceptWord('DISTRIBUTED')) {
    let algorithm: 'HASH' | 'RANGE' | undefined;
    let columns: string[] = [];
    if (p.acceptWord('BY')) {
      algorithm = p.acceptWord('HASH') ? 'HASH' : p.acceptWord('RANGE') ? 'RANGE' : undefined;
      columns = nameList(p);
    }
    const buckets = p.acceptWord('INTO') ? (() => { const n = p.integer('a bucket count'); p.expectWord('BUCKETS'); return n; })() : undefined;
    distribution = { ...(algorithm === undefined ? {} : { algorithm }), columns, ...(buckets === undefined ? {} : { buckets }) };
  }
  const partitionedBy = p.acceptWords('PARTITIONED', 'BY') ? nameList(p) : [];
  if (p.isWord('ENCRYPTED')) {
    throw p.textAt(p.peek(), SQL_TEXTS.encryptedWith({}));
  }
  const withOptions = p.acceptWord('WITH') ? options(p) : [];
  if (p.isWord('ENCRYPTED')) {
    throw p.textAt(p.peek(), SQL_TEXTS.encryptedWith({}));
  }
  let like: CreateTable['like'];
  if (p.acceptWord('LIKE')) {
    const likeStart = p.peek().start;
    const likePath = p.path('the source table');
    const likeOptions: LikeOption[] = [];
    if (p.acceptOp('(')) {
      while (!p.acceptOp(')')) {
        const mode = p.oneOf(LIKE_OPTION_MODES, orList(LIKE_OPTION_MODES));
        likeOptions.push({ mode, target: p.oneOf(LIKE_OPTION_TARGETS, orList(LIKE_OPTION_TARGETS)) });
      }
    }
    like = { path: likePath, options: likeOptions, span: p.spanFrom(likeStart) };
  }
  const asQuery = p.acceptWord('AS') ? parseQuery(p) : undefined;
  return {
    kind: 'CreateTable',
    path,
    temporary,
    ifNotExists,
    columns: parts.columns,
    ...(parts.watermark === undefined ? {} : { watermark: parts.watermark }),
    ...(parts.primaryKey === undefined ? {} : { primaryKey: parts.primaryKey }),
    ...(c === undefined ? {} : { comment: c }),
    ...(distribution === undefined ? {} : { distribution }),
    partitionedBy,
    options: withOptions,
    ...(like === undefined ? {} : { like }),
    ...(asQuery === undefined ? {} : { asQuery }),
  };
}

function parseInsert(p: Cursor): Insert {
  const overwrite = p.acceptWord('OVERWRITE');
  if (!overwrite) p.expectWord('INTO', 'INTO or OVERWRITE after INSERT');
  const target = p.path('the target table');
  const hintToken = p.peek();
  const hints = hintToken.kind === 'hint' ? (p.next(), parseHintBody(hintToken)) : undefined;
  let partition: { key: string; value: Expression }[] | undefined;
  if (p.acceptWord('PARTITION')) {
    p.expectOp('(');
    partition = [];
    do {
      const key = p.identifier('a partition column');
      p.expectOp('=');
      partition.push({ key, value: parseExpression(p) });
    } while (p.acceptOp(','));
    p.expectOp(')');
  }
  let columns: string[] | undefined;
  if (p.isOp('(') && !startsQuery(p)) columns = nameList(p);
  if (!startsQuery(p)) throw p.unexpected('a query (SELECT, VALUES or WITH) after the INSERT target');
  const query = parseQuery(p);
  // The common INSERT (no hints, partition or column list) as one literal: a long script holds one per statement.
  if ((hints === undefined || hints.length === 0) && partition === undefined && columns === undefined) return { kind: 'Insert', target, overwrite, query };
  return {
    kind: 'Insert',
    target,
    overwrite,
    ...(hints === undefined || hints.length === 0 ? {} : { hints }),
    ...(partition === undefined ? {} : { partition }),
    ...(columns === undefined ? {} : { columns }),
    query,
  };
}

function ifExists(p: Cursor): boolean {
  return p.acceptWords('IF', 'EXISTS');
}

function alterTable(p: Cursor): Statement {
  const exists = ifExists(p);
  const path = p.path('a table name');
  let action: AlterTableAction;
  if (p.acceptWords('RENAME', 'TO')) action = { kind: 'RenameTable', to: p.path('the new name') };
  else if (p.acceptWord('RENAME')) {
    const from = p.identifier('a column name');
    p.expectWord('TO');
    action = { kind: 'RenameColumn', from, to: p.identifier('the new column name') };
  } else if (p.acceptWord('SET')) action = { kind: 'SetOptions', options: options(p) };
  else if (p.acceptWord('RESET')) {
    p.expectOp('(');
    const keys: string[] = [];
    do keys.push(p.stringLiteral('an option key'));
    while (p.acceptOp(','));
    p.expectOp(')');
    action = { kind: 'ResetOptions', keys };
  } else if (p.isWord('ADD') || p.isWord('MODIFY')) {
    const kind = p.next().value.toUpperCase() === 'ADD' ? 'AddSchema' : 'ModifySchema';
    let parts: SchemaParts = { columns: [] };
    if (p.isOp('(')) parts = schema(p);
    else if (schemaElement(p, parts)) throw p.textAt(p.peek(-1), SQL_TEXTS.unexpectedToken({ kind: 'schemaParentheses', clause: kind === 'AddSchema' ? 'ADD' : 'MODIFY' }));
    action = { kind, columns: parts.columns, ...(parts.watermark === undefined ? {} : { watermark: parts.watermark }), ...(parts.primaryKey === undefined ? {} : { primaryKey: parts.primaryKey }) };
  } else if (p.acceptWords('DROP', 'PRIMARY', 'KEY')) action = { kind: 'DropPrimaryKey' };
  else if (p.acceptWords('DROP', 'WATERMARK')) action = { kind: 'DropWatermark' };
  else if (p.acceptWord('DROP')) action = { kind: 'DropColumns', columns: p.isOp('(') ? nameList(p) : [p.identifier('a column name')] };
  else throw p.unexpected('RENAME, SET, RESET, ADD, MODIFY or DROP');
  return { kind: 'AlterTable', path, ifExists: exists, action };
}

function parseCreate(p: Cursor): Statement {
  if (p.isWord('OR') && p.isWord('REPLACE', 1)) {
    throw p.textAt(p.peek(), SQL_TEXTS.notReadYet({ kind: 'createOrReplaceAs' }));
  }
  const temporary = p.acceptWord('TEMPORARY');
  const system = p.acceptWord('SYSTEM');
  const what = p.oneOf(['TABLE', 'VIEW', 'CATALOG', 'DATABASE', 'FUNCTION'] as const, 'TABLE, VIEW, CATALOG, DATABASE or FUNCTION after CREATE');
  switch (what) {
    case 'TABLE': return createTable(p, temporary);
    case 'VIEW': {
      const ifNotExists = p.acceptWords('IF', 'NOT', 'EXISTS');
      const path = p.path('a view name');
      const columns = p.isOp('(') ? nameList(p) : undefined;
      const c = comment(p);
      p.expectWord('AS', 'AS before the view query');
      return { kind: 'CreateView', path, temporary, ifNotExists, ...(columns === undefined ? {} : { columns }), ...(c === undefined ? {} : { comment: c }), query: parseQuery(p) };
    }
    case 'CATALOG': {
      const ifNotExists = p.acceptWords('IF', 'NOT', 'EXISTS');
      const name = p.identifier('a catalog name');
      const c = comment(p);
      p.expectWord('WITH', "WITH ('type' = …) after the catalog name");
      return { kind: 'CreateCatalog', name, ifNotExists, ...(c === undefined ? {} : { comment: c }), options: options(p) };
    }
    case 'DATABASE': {
      const ifNotExists = p.acceptWords('IF', 'NOT', 'EXISTS');
      const path = p.path('a database name');
      const c = comment(p);
      return { kind: 'CreateDatabase', path, ifNotExists, ...(c === undefined ? {} : { comment: c }), options: p.acceptWord('WITH') ? options(p) : [] };
    }
    case 'FUNCTION': {
      const ifNotExists = p.acceptWords('IF', 'NOT', 'EXISTS');
      const path = p.path('a function name');
      p.expectWord('AS');
      const className = p.stringLiteral('the implementing class name');
      const language = p.acceptWord('LANGUAGE') ? p.oneOf(['JAVA', 'SCALA', 'PYTHON'] as const, 'JAVA, SCALA or PYTHON') : undefined;
      let jars: string[] | undefined;
      if (p.acceptWord('USING')) {
        jars = [];
        do {
          p.expectWord('JAR');
          jars.push(p.stringLiteral('a jar path'));
        } while (p.acceptOp(','));
      }
      return { kind: 'CreateFunction', path, temporary, system, ifNotExists, className, ...(language === undefined ? {} : { language }), ...(jars === undefined ? {} : { jars }) };
    }
  }
}

function statementSet(p: Cursor): Statement {
  const inserts: Insert[] = [];
  while (!p.isWord('END')) {
    const start = p.peek().start;
    const comments = p.takeComments(start.offset);
    p.expectWord('INSERT', 'INSERT or END inside the statement set');
    const insert = parseInsert(p);
    inserts.push({ ...insert, ...(comments.length === 0 ? {} : { comments }), span: p.spanFrom(start) });
    p.expectOp(';', "';' after each INSERT in a statement set");
  }
  p.expectWord('END');
  return { kind: 'StatementSet', inserts };
}

const SHOW_WHAT = ['CATALOGS', 'DATABASES', 'TABLES', 'VIEWS', 'FUNCTIONS', 'MODULES', 'JARS', 'JOBS', 'COLUMNS', 'PARTITIONS', 'PROCEDURES'];

/** One statement, without its terminating `;`. */
export function parseStatementBody(p: Cursor): Statement {
  const t = p.peek();
  if (t.kind !== 'word') throw p.unexpected('a statement (SELECT, INSERT, CREATE, SET, USE, …)');
  const word = upperWord(t.value);
  switch (word) {
    case 'SET': {
      p.next();
      if (p.isOp(';') || p.atEnd()) return { kind: 'Set' };
      const key = p.peek().kind === 'string' ? p.next().value : p.path('a configuration key').join('.');
      p.expectOp('=', "'=' after the key");
      const value = p.peek().kind === 'string' ? p.next().value : p.next().text;
      return { kind: 'Set', key, value };
    }
    case 'RESET': {
      p.next();
      if (p.isOp(';') || p.atEnd()) return { kind: 'Reset' };
      return { kind: 'Reset', key: p.peek().kind === 'string' ? p.next().value : p.path('a configuration key').join('.') };
    }
    case 'CREATE':
      p.next();
      return parseCreate(p);
    case 'DROP': {
      p.next();
      const temporary = p.acceptWord('TEMPORARY');
      const system = p.acceptWord('SYSTEM');
      const object = p.oneOf(['TABLE', 'VIEW', 'CATALOG', 'DATABASE', 'FUNCTION'] as const, 'TABLE, VIEW, CATALOG, DATABASE or FUNCTION after DROP');
      const exists = ifExists(p);
      const path = p.path('a name');
      const behavior = object === 'DATABASE' ? (p.acceptWord('CASCADE') ? 'CASCADE' : p.acceptWord('RESTRICT') ? 'RESTRICT' : undefined) : undefined;
      return { kind: 'Drop', object, path, ifExists: exists, temporary, ...(system ? { system } : {}), ...(behavior === undefined ? {} : { behavior }) };
    }
    case 'ALTER': {
      p.next();
      const temporary = p.acceptWord('TEMPORARY');
      const object = p.oneOf(['TABLE', 'VIEW', 'DATABASE', 'CATALOG', 'FUNCTION'] as const, 'TABLE, VIEW, DATABASE, CATALOG or FUNCTION after ALTER');
      if (object === 'TABLE') return alterTable(p);
      const exists = ifExists(p);
      const path = p.path('a name');
      const base = { kind: 'AlterOther' as const, object, path, ...(temporary ? { temporary } : {}), ...(exists ? { ifExists: exists } : {}) };
      if (p.acceptWords('RENAME', 'TO')) return { ...base, renameTo: p.path('the new name') };
      if (p.acceptWord('SET')) return { ...base, options: options(p) };
      p.expectWord('AS', 'RENAME TO, SET or AS');
      if (object === 'FUNCTION') return { ...base, className: p.stringLiteral('the implementing class name') };
      return { ...base, query: parseQuery(p) };
    }
    case 'USE': {
      p.next();
      if (p.acceptWord('CATALOG')) return { kind: 'UseCatalog', name: p.identifier('a catalog name') };
      if (p.acceptWord('MODULES')) {
        const modules = [p.identifier('a module name')];
        while (p.acceptOp(',')) modules.push(p.identifier('a module name'));
        return { kind: 'UseModules', modules };
      }
      // `USE DATABASE dwd` is not Flink syntax but common in scripts; DATABASE here is read as the keyword.
      if (p.isWord('DATABASE') && (p.peek(1).kind === 'word' || p.peek(1).kind === 'quoted')) {
        throw p.textAt(p.peek(), SQL_TEXTS.useDatabase({ name: p.peek(1).text }));
      }
      return { kind: 'UseDatabase', path: p.path('a database name') };
    }
    case 'INSERT':
      p.next();
      return parseInsert(p);
    case 'EXECUTE': {
      p.next();
      if (p.acceptWords('STATEMENT', 'SET')) {
        p.expectWord('BEGIN', 'BEGIN after EXECUTE STATEMENT SET');
        return statementSet(p);
      }
      if (p.acceptWord('INSERT')) return parseInsert(p);
      if (startsQuery(p)) return { kind: 'QueryStatement', query: parseQuery(p) };
      throw p.unexpected('STATEMENT SET, INSERT or a query after EXECUTE');
    }
    case 'BEGIN':
      p.next();
      p.expectWord('STATEMENT', 'STATEMENT SET after BEGIN');
      p.expectWord('SET');
      p.expectOp(';', "';' after BEGIN STATEMENT SET");
      return statementSet(p);
    case 'EXPLAIN': {
      p.next();
      const details: string[] = [];
      while (p.peek().kind === 'word' && ['ESTIMATED_COST', 'CHANGELOG_MODE', 'JSON_EXECUTION_PLAN', 'PLAN_ADVICE'].includes(p.peek().value.toUpperCase())) {
        details.push(p.next().value.toUpperCase());
        p.acceptOp(',');
      }
      p.acceptWords('PLAN', 'FOR');
      const inner = parseStatementBody(p);
      if (inner.kind !== 'QueryStatement' && inner.kind !== 'Insert' && inner.kind !== 'StatementSet') throw p.unexpected('a query, INSERT or statement set to explain');
      return { kind: 'Explain', details, statement: inner };
    }
    case 'SHOW': {
      p.next();
      if (p.acceptWord('CREATE')) {
        const what = p.oneOf(['TABLE', 'VIEW', 'CATALOG', 'FUNCTION'] as const, 'TABLE, VIEW, CATALOG or FUNCTION');
        return { kind: 'Show', what: `CREATE ${what}`, target: p.path('a name') };
      }
      const words: string[] = [];
      while (p.peek().kind === 'word' && !p.isWord('FROM') && !p.isWord('IN') && !p.isWord('LIKE') && !p.isWord('ILIKE') && !p.isWord('NOT')) {
        words.push(p.next().value.toUpperCase());
        if (SHOW_WHAT.includes(words[words.length - 1]!)) break;
      }
      if (words.length === 0) throw p.unexpected('what to show (TABLES, DATABASES, …)');
      const from = p.acceptWord('FROM') || p.acceptWord('IN') ? p.path('a name') : undefined;
      const negated = p.acceptWord('NOT');
      const ilike = p.acceptWord('ILIKE');
      const like = ilike || p.acceptWord('LIKE') ? { pattern: p.stringLiteral('a LIKE pattern'), negated, ilike } : undefined;
      return { kind: 'Show', what: words.join(' '), ...(from === undefined ? {} : { from }), ...(like === undefined ? {} : { like }) };
    }
    case 'DESCRIBE':
    case 'DESC':
      p.next();
      if (p.isWord('EXTENDED')) throw p.textAt(p.peek(), SQL_TEXTS.notReadYet({ kind: 'describeExtended' }));
      return { kind: 'Describe', path: p.path('a table name') };
    case 'SELECT':
    case 'WITH':
    case 'VALUES':
      return { kind: 'QueryStatement', query: parseQuery(p) };
    default:
      if (p.isOp('(')) return { kind: 'QueryStatement', query: parseQuery(p) };
      if (t.kind === 'word' && UNSUPPORTED_STATEMENTS.has(t.value.toUpperCase())) {
        throw p.textAt(t, SQL_TEXTS.notReadYet({ kind: 'statement', statement: t.value.toUpperCase() }));
      }
      throw p.textAt(t, SQL_TEXTS.unexpectedToken({ kind: 'expected', expected: 'a statement', found: describe(t), hint: 'statements start with SELECT, INSERT, CREATE, DROP, ALTER, SET, RESET, USE, EXPLAIN, SHOW, DESCRIBE or EXECUTE STATEMENT SET' }));
  }
}

/** Statements Flink 1.20 has that flinkts does not read yet (a clear FTS1003 instead of "expected a statement"). */
const UNSUPPORTED_STATEMENTS = new Set(['REPLACE', 'LOAD', 'UNLOAD', 'ADD', 'REMOVE', 'CALL', 'TRUNCATE', 'ANALYZE', 'DELETE', 'UPDATE', 'COMPILE', 'STOP']);
