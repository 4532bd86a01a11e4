/**
 * Prints statements and scripts: one function per statement kind. Every statement ends with `;`.
 * CREATE TABLE prints columns (names aligned), then WATERMARK, PRIMARY KEY, COMMENT, DISTRIBUTED BY,
 * PARTITIONED BY, WITH (one option per line), LIKE and AS — an order Flink and dt-sql-parser both accept.
 */
import { checkList, checkNode } from '../../diagnostics/arguments.js';
import type {
  AlterOther, AlterTable, AlterTableAction, ColumnDefinition, CreateCatalog, CreateDatabase, CreateFunction,
  CreateTable, CreateView, Describe, Drop, Explain, Insert, LikeClause, OptionEntry, PrimaryKeyDefinition,
  QueryStatement, ResetStatement, Script, SetStatement, Show, Statement, StatementSet, UseCatalog, UseDatabase,
  UseModules, WatermarkDefinition,
} from '../../ast/statement.js';
import { printDataType } from './data-type.js';
import { printExpression } from './expression.js';
import { INDENT, atEntry, atTop, commentLines, indent } from './layout.js';
import { printHints, printQuery } from './query.js';
import { quoteIdentifier, quotePath, quoteString } from './quote.js';

const SCRIPT: ReadonlySet<string> = new Set(['Script']);

/** Prints one statement, with its leading comments, terminated by `;`. */
export function printStatement(s: Statement): string {
  if (atEntry()) checkNode('printStatement()', 'statement', s, 'a statement (a built or parsed Statement)');
  return atTop(printStatementText, s);
}

function printStatementText(s: Statement): string {
  return `${commentLines(s.comments)}${printStatementBody(s)};`;
}

/** Prints statements separated by blank lines, ending with a newline (nothing for no statements). */
export function printStatements(statements: readonly Statement[]): string {
  checkList('printStatements()', 'statements', statements, 'a list of statements').forEach((s, i) => checkNode('printStatements()', `statements[${i}]`, s, 'a statement (a built or parsed Statement)'));
  return atTop(printStatementsText, statements);
}

function printStatementsText(statements: readonly Statement[]): string {
  return statements.length === 0 ? '' : statements.map(printStatement).join('\n\n') + '\n';
}

/** Prints a whole script, including comments after its last statement. */
export function printScript(script: Script): string {
  checkNode('printScript()', 'script', script, 'a script (parseScript(…).script)', SCRIPT);
  checkList('printScript()', 'script.statements', script.statements, 'a list of statements').forEach((s, i) => checkNode('printScript()', `script.statements[${i}]`, s, 'a statement'));
  return atTop(printScriptText, script);
}

function printScriptText(script: Script): string {
  const parts = script.statements.map(printStatement);
  if (script.trailingComments !== undefined && script.trailingComments.length > 0) parts.push(script.trailingComments.join('\n'));
  return parts.length === 0 ? '' : parts.join('\n\n') + '\n';
}

/** A statement without its `;` and comments. */
export function printStatementBody(s: Statement): string {
  return atTop(printStatementBodyText, s);
}

function printStatementBodyText(s: Statement): string {
  switch (s.kind) {
    case 'Set': return printSet(s);
    case 'Reset': return printReset(s);
    case 'CreateCatalog': return printCreateCatalog(s);
    case 'CreateDatabase': return printCreateDatabase(s);
    case 'CreateTable': return printCreateTable(s);
    case 'CreateView': return printCreateView(s);
    case 'CreateFunction': return printCreateFunction(s);
    case 'Drop': return printDrop(s);
    case 'AlterTable': return printAlterTable(s);
    case 'AlterOther': return printAlterOther(s);
    case 'UseCatalog': return printUseCatalog(s);
    case 'UseDatabase': return printUseDatabase(s);
    case 'UseModules': return printUseModules(s);
    case 'Show': return printShow(s);
    case 'Describe': return printDescribe(s);
    case 'Explain': return printExplain(s);
    case 'Insert': return printInsert(s);
    case 'StatementSet': return printStatementSet(s);
    case 'QueryStatement': return printQueryStatement(s);
  }
}

// Shared pieces -------------------------------------------------------------------------------------------

export function printOptions(options: readonly OptionEntry[]): string {
  return atTop(printOptionsText, options);
}

function printOptionsText(options: readonly OptionEntry[]): string {
  const lines = options.map((o) => `${commentLines(o.comments)}${quoteString(o.key)} = ${quoteString(o.value)}`);
  return `(\n${indent(lines.join(',\n'))}\n)`;
}

function withClause(options: readonly OptionEntry[]): string {
  return options.length === 0 ? '' : `\nWITH ${printOptions(options)}`;
}

function commentClause(comment: string | undefined, separator = ' '): string {
  return comment === undefined ? '' : `${separator}COMMENT ${quoteString(comment)}`;
}

function ifNotExists(flag: boolean): string {
  return flag ? ' IF NOT EXISTS' : '';
}

function ifExists(flag: boolean | undefined): string {
  return flag ? ' IF EXISTS' : '';
}

function nameList(names: readonly string[]): string {
  return `(${names.map(quoteIdentifier).join(', ')})`;
}

/** A column definition; `width` pads the quoted name so types line up. */
function printColumn(c: ColumnDefinition, width: number): string {
  const name = quoteIdentifier(c.name).padEnd(width);
  let body: string;
  switch (c.kind) {
    case 'PhysicalColumn':
      body = `${name} ${printDataType(c.type)}`;
      break;
    case 'ComputedColumn':
      body = `${name} AS ${printExpression(c.expr)}`;
      break;
    case 'MetadataColumn':
      body = `${name} ${printDataType(c.type)} METADATA${c.from === undefined ? '' : ` FROM ${quoteString(c.from)}`}${c.virtual ? ' VIRTUAL' : ''}`;
      break;
  }
  return `${commentLines(c.comments)}${body}${commentClause(c.comment)}`;
}

function printWatermark(w: WatermarkDefinition): string {
  return `WATERMARK FOR ${quoteIdentifier(w.column)} AS ${printExpression(w.expr)}`;
}

function printPrimaryKey(pk: PrimaryKeyDefinition): string {
  return `${pk.name === undefined ? '' : `CONSTRAINT ${quoteIdentifier(pk.name)} `}PRIMARY KEY ${nameList(pk.columns)} NOT ENFORCED`;
}

/** The parenthesised schema part shared by CREATE TABLE and ALTER TABLE ADD/MODIFY. */
function schemaElements(columns: readonly ColumnDefinition[], watermark?: WatermarkDefinition, primaryKey?: PrimaryKeyDefinition): string[] {
  const width = Math.max(0, ...columns.map((c) => quoteIdentifier(c.name).length));
  const elements = columns.map((c) => printColumn(c, width));
  if (watermark !== undefined) elements.push(printWatermark(watermark));
  if (primaryKey !== undefined) elements.push(printPrimaryKey(primaryKey));
  return elements;
}

function printLike(like: LikeClause): string {
  const options = like.options.length === 0 ? '' : ` (\n${indent(like.options.map((o) => `${o.mode} ${o.target}`).join('\n'))}\n)`;
  return `\nLIKE ${quotePath(like.path)}${options}`;
}

// Statements ----------------------------------------------------------------------------------------------

function printSet(s: SetStatement): string {
  return s.key === undefined ? 'SET' : `SET ${quoteString(s.key)} = ${quoteString(s.value ?? '')}`;
}

function printReset(s: ResetStatement): string {
  return s.key === undefined ? 'RESET' : `RESET ${quoteString(s.key)}`;
}

function printCreateCatalog(s: CreateCatalog): string {
  return `CREATE CATALOG${ifNotExists(s.ifNotExists)} ${quoteIdentifier(s.name)}${commentClause(s.comment, '\n')}${withClause(s.options)}`;
}

function printCreateDatabase(s: CreateDatabase): string {
  return `CREATE DATABASE${ifNotExists(s.ifNotExists)} ${quotePath(s.path)}${commentClause(s.comment, '\n')}${withClause(s.options)}`;
}

function printCreateTable(s: CreateTable): string {
  let text = `CREATE ${s.temporary ? 'TEMPORARY ' : ''}TABLE${ifNotExists(s.ifNotExists)} ${quotePath(s.path)}`;
  const elements = schemaElements(s.columns, s.watermark, s.primaryKey);
  if (elements.length > 0) text += ` (\n${indent(elements.join(',\n'))}\n)`;
  text += commentClause(s.comment, '\n');
  if (s.distribution !== undefined) {
    const d = s.distribution;
    const by = d.columns.length > 0 ? ` BY ${d.algorithm === undefined ? '' : `${d.algorithm}`}${nameList(d.columns)}` : '';
    text += `\nDISTRIBUTED${by}${d.buckets === undefined ? '' : ` INTO ${d.buckets} BUCKETS`}`;
  }
  if (s.partitionedBy.length > 0) text += `\nPARTITIONED BY ${nameList(s.partitionedBy)}`;
  text += withClause(s.options);
  if (s.like !== undefined) text += printLike(s.like);
  if (s.asQuery !== undefined) text += `\nAS\n${printQuery(s.asQuery)}`;
  return text;
}

function printCreateView(s: CreateView): string {
  const cols = s.columns !== undefined && s.columns.length > 0 ? ` ${nameList(s.columns)}` : '';
  return `CREATE ${s.temporary ? 'TEMPORARY ' : ''}VIEW${ifNotExists(s.ifNotExists)} ${quotePath(s.path)}${cols}${commentClause(s.comment, '\n')}\nAS\n${printQuery(s.query)}`;
}

function printCreateFunction(s: CreateFunction): string {
  const kind = `${s.temporary ? 'TEMPORARY ' : ''}${s.system ? 'SYSTEM ' : ''}FUNCTION`;
  const language = s.language === undefined ? '' : ` LANGUAGE ${s.language}`;
  const jars = s.jars === undefined || s.jars.length === 0 ? '' : ` USING ${s.jars.map((j) => `JAR ${quoteString(j)}`).join(', ')}`;
  return `CREATE ${kind}${ifNotExists(s.ifNotExists)} ${quotePath(s.path)} AS ${quoteString(s.className)}${language}${jars}`;
}

function printDrop(s: Drop): string {
  const kind = `${s.temporary ? 'TEMPORARY ' : ''}${s.system ? 'SYSTEM ' : ''}${s.object}`;
  return `DROP ${kind}${ifExists(s.ifExists)} ${quotePath(s.path)}${s.behavior === undefined ? '' : ` ${s.behavior}`}`;
}

function printAlterTableAction(a: AlterTableAction): string {
  switch (a.kind) {
    case 'RenameTable': return `RENAME TO ${quotePath(a.to)}`;
    case 'SetOptions': return `SET ${printOptions(a.options)}`;
    case 'ResetOptions': return `RESET (${a.keys.map(quoteString).join(', ')})`;
    case 'AddSchema': return `ADD (\n${indent(schemaElements(a.columns, a.watermark, a.primaryKey).join(',\n'))}\n)`;
    case 'ModifySchema': return `MODIFY (\n${indent(schemaElements(a.columns, a.watermark, a.primaryKey).join(',\n'))}\n)`;
    case 'DropColumns': return `DROP ${nameList(a.columns)}`;
    case 'DropPrimaryKey': return 'DROP PRIMARY KEY';
    case 'DropWatermark': return 'DROP WATERMARK';
    case 'RenameColumn': return `RENAME ${quoteIdentifier(a.from)} TO ${quoteIdentifier(a.to)}`;
  }
}

function printAlterTable(s: AlterTable): string {
  return `ALTER TABLE${ifExists(s.ifExists)} ${quotePath(s.path)} ${printAlterTableAction(s.action)}`;
}

function printAlterOther(s: AlterOther): string {
  const head = `ALTER ${s.temporary ? 'TEMPORARY ' : ''}${s.object}${ifExists(s.ifExists)} ${quotePath(s.path)}`;
  if (s.renameTo !== undefined) return `${head} RENAME TO ${quotePath(s.renameTo)}`;
  if (s.options !== undefined) return `${head} SET ${printOptions(s.options)}`;
  if (s.query !== undefined) return `${head} AS\n${printQuery(s.query)}`;
  if (s.className !== undefined) return `${head} AS ${quoteString(s.className)}`;
  return head;
}

function printUseCatalog(s: UseCatalog): string {
  return `USE CATALOG ${quoteIdentifier(s.name)}`;
}

function printUseDatabase(s: UseDatabase): string {
  return `USE ${quotePath(s.path)}`;
}

function printUseModules(s: UseModules): string {
  return `USE MODULES ${s.modules.map(quoteIdentifier).join(', ')}`;
}

function printShow(s: Show): string {
  let text = `SHOW ${s.what}`;
  if (s.target !== undefined) text += ` ${quotePath(s.target)}`;
  if (s.from !== undefined) text += ` FROM ${quotePath(s.from)}`;
  if (s.like !== undefined) text += ` ${s.like.negated ? 'NOT ' : ''}${s.like.ilike ? 'ILIKE' : 'LIKE'} ${quoteString(s.like.pattern)}`;
  return text;
}

function printDescribe(s: Describe): string {
  return `DESCRIBE ${quotePath(s.path)}`;
}

function printExplain(s: Explain): string {
  const details = s.details.length === 0 ? '' : ` ${s.details.join(', ')}`;
  return `EXPLAIN${details}\n${printStatementBody(s.statement)}`;
}

/** An INSERT's column list stays on the INSERT line up to this width, else it is one column per line. */
const MAX_LINE = 100;

function printInsert(s: Insert): string {
  let text = `INSERT ${s.overwrite ? 'OVERWRITE' : 'INTO'} ${quotePath(s.target)}${printHints(s.hints)}`;
  if (s.partition !== undefined && s.partition.length > 0) {
    text += ` PARTITION (${s.partition.map((p) => `${quoteIdentifier(p.key)} = ${printExpression(p.value)}`).join(', ')})`;
  }
  if (s.columns !== undefined) {
    const oneLine = `${text} ${nameList(s.columns)}`;
    text = oneLine.length <= MAX_LINE ? oneLine : `${text} (\n${s.columns.map((c) => INDENT + quoteIdentifier(c)).join(',\n')}\n)`;
  }
  return `${text}\n${printQuery(s.query)}`;
}

function printStatementSet(s: StatementSet): string {
  const inserts = s.inserts.map((i) => `${commentLines(i.comments)}${printInsert(i)};`);
  return `EXECUTE STATEMENT SET\nBEGIN\n${indent(inserts.join('\n\n'))}\nEND`;
}

function printQueryStatement(s: QueryStatement): string {
  return printQuery(s.query);
}
