/**
 * What StreamPark 2.1.x does with a `flinkSql` before it runs it (streampark-flink-shims-base
 * `SqlCommandParser.scala`, tags v2.1.5–v2.1.7): `SqlSplitter.splitSql` cuts the text at semicolons outside
 * quotes and comments (comments are dropped, `/*+ hints *\/` kept), and every statement must fully match one of
 * the command patterns below (case-insensitive, `.` across lines), else verification fails with "unsupported sql".
 * There is no pattern for `EXECUTE …`: StreamPark gathers the plain INSERTs of a script into one statement set
 * itself. A script without an executable statement fails too. The StreamPark library modules that hold this code
 * are not published to Maven Central, so this is a faithful port of the rules, tested case by case.
 */
import { checkString } from '@flinkts/core/internal';
import { TEXTS } from '../codes.js';

/** The commands StreamPark accepts, by name, in its order (first match wins). */
export const STREAMPARK_COMMANDS: readonly (readonly [string, RegExp])[] = (
  [
    ['select', '(SELECT\\s+.+)'],
    ['create table', '(CREATE\\s+(TEMPORARY\\s+|)TABLE\\s+.+)'],
    ['create catalog', '(CREATE\\s+CATALOG\\s+.+)'],
    ['create database', '(CREATE\\s+DATABASE\\s+.+)'],
    ['create view', '(CREATE\\s+(TEMPORARY\\s+|)VIEW\\s+(IF\\s+NOT\\s+EXISTS\\s+|)(\\S+)\\s+AS\\s+SELECT\\s+.+)'],
    ['create function', '(CREATE\\s+(TEMPORARY\\s+|TEMPORARY\\s+SYSTEM\\s+|)FUNCTION\\s+(IF\\s+NOT\\s+EXISTS\\s+|)(\\S+)\\s+AS\\s+.*)'],
    ['drop catalog', '(DROP\\s+CATALOG\\s+.+)'],
    ['drop table', '(DROP\\s+(TEMPORARY\\s+|)TABLE\\s+.+)'],
    ['drop database', '(DROP\\s+DATABASE\\s+.+)'],
    ['drop view', '(DROP\\s+(TEMPORARY\\s+|)VIEW\\s+.+)'],
    ['drop function', '(DROP\\s+(TEMPORARY\\s+|TEMPORARY\\s+SYSTEM\\s+|)FUNCTION\\s+.+)'],
    ['alter table', '(ALTER\\s+TABLE\\s+.+)'],
    ['alter view', '(ALTER\\s+VIEW\\s+.+)'],
    ['alter database', '(ALTER\\s+DATABASE\\s+.+)'],
    ['alter function', '(ALTER\\s+(TEMPORARY\\s+|TEMPORARY\\s+SYSTEM\\s+|)FUNCTION\\s+.+)'],
    ['insert', '(INSERT\\s+(INTO|OVERWRITE)\\s+.+)'],
    ['desc', '(DESC\\s+.+)'],
    ['describe', '(DESCRIBE\\s+.+)'],
    ['explain', '(EXPLAIN\\s+.+)'],
    ['use catalog', '(USE\\s+CATALOG\\s+.+)'],
    ['use modules', '(USE\\s+MODULES\\s+.+)'],
    ['use database', '(USE\\s+(?!(CATALOG|MODULES)).+)'],
    ['show catalogs', '(SHOW\\s+CATALOGS\\s*)'],
    ['show current catalog', '(SHOW\\s+CURRENT\\s+CATALOG\\s*)'],
    ['show databases', '(SHOW\\s+DATABASES\\s*)'],
    ['show current database', '(SHOW\\s+CURRENT\\s+DATABASE\\s*)'],
    ['show tables', '(SHOW\\s+TABLES.*)'],
    ['show create table', '(SHOW\\s+CREATE\\s+TABLE\\s+.+)'],
    ['show columns', '(SHOW\\s+COLUMNS\\s+.+)'],
    ['show views', '(SHOW\\s+VIEWS\\s*)'],
    ['show create view', '(SHOW\\s+CREATE\\s+VIEW\\s+.+)'],
    ['show functions', '(SHOW\\s+(USER\\s+|)FUNCTIONS\\s*)'],
    ['show modules', '(SHOW\\s+(FULL\\s+|)MODULES\\s*)'],
    ['load module', '(LOAD\\s+MODULE\\s+.+)'],
    ['unload module', '(UNLOAD\\s+MODULE\\s+.+)'],
    ['set', 'SET(\\s+(\\S+)\\s*=(.*))?'],
    ['reset', "RESET\\s+'(.*)'"],
    ['reset all', 'RESET'],
    ['begin statement set', 'BEGIN\\s+STATEMENT\\s+SET'],
    ['end statement set', 'END'],
    ['delete', '(DELETE\\s+FROM\\s+.+)'],
    ['update', '(UPDATE\\s+.+)'],
  ] as const
).map(([name, source]) => [name, new RegExp(`^(?:${source})$`, 'is')] as const);

/** A statement of the script and its first line (1-based), as StreamPark's splitter cuts it. */
export interface StreamparkSegment {
  readonly sql: string;
  readonly line: number;
}

/** `SqlSplitter.splitSql`: statements at `;` outside quotes and comments; comments removed, line breaks kept. */
export function streamparkSplit(sql: string): StreamparkSegment[] {
  const out: StreamparkSegment[] = [];
  // The statement being read is `pieces` plus the plain run sql[run, i): text is copied in slices, not a character
  // at a time (a script of 4 kB was 4,000 string concatenations).
  let pieces: string[] = [];
  let run = 0;
  let line = 1;
  let start = 1;
  let single = false;
  let double = false;
  let lineComment = false;
  let blockComment = false;
  const cut = (at: number): void => {
    if (at > run) pieces.push(sql.slice(run, at));
  };
  const flush = (): void => {
    const current = pieces.join('');
    if (current.trim() !== '') {
      const leading = current.slice(0, current.length - current.trimStart().length);
      out.push({ sql: current.trim(), line: start + (leading.match(/\n/g)?.length ?? 0) });
    }
    pieces = [];
    start = line;
  };
  const n = sql.length;
  for (let i = 0; i < n; i++) {
    const ch = sql.charCodeAt(i);
    if (lineComment) {
      if (ch === NEWLINE) {
        lineComment = false; // the line break is kept: the next run starts with it
        run = i;
        line += 1;
      }
      continue;
    }
    if (blockComment) {
      if (ch === NEWLINE) {
        pieces.push('\n');
        line += 1;
      }
      if (ch === SLASH && sql.charCodeAt(i - 1) === STAR) {
        blockComment = false;
        run = i + 1;
      }
      continue;
    }
    if (ch === QUOTE && !double) single = !single;
    else if (ch === DOUBLE_QUOTE && !single) double = !double;
    if (!single && !double) {
      if (ch === DASH && sql.charCodeAt(i + 1) === DASH) {
        cut(i);
        lineComment = true;
        continue;
      }
      if (ch === SLASH && sql.charCodeAt(i + 1) === STAR && sql.charCodeAt(i + 2) !== PLUS) {
        cut(i);
        blockComment = true;
        i += 1;
        continue;
      }
      if (ch === SEMICOLON) {
        cut(i);
        flush();
        run = i + 1;
        continue;
      }
    }
    if (ch === NEWLINE) line += 1;
  }
  if (!lineComment && !blockComment) cut(n);
  flush();
  return out;
}

const NEWLINE = 10;
const QUOTE = 39;
const DOUBLE_QUOTE = 34;
const DASH = 45;
const SLASH = 47;
const STAR = 42;
const PLUS = 43;
const SEMICOLON = 59;

/** The command StreamPark matches a statement to, or undefined ("unsupported sql"). */
export function streamparkCommand(statement: string): string | undefined {
  const text = statement.trim();
  return STREAMPARK_COMMANDS.find(([, re]) => re.test(text))?.[0];
}

/** Why StreamPark's verification would refuse the script (empty when it accepts it). */
export function streamparkSqlProblems(sql: string): string[] {
  checkString('streamparkSqlProblems()', 'sql', sql, TEXTS.badArgument);
  const segments = streamparkSplit(sql);
  if (segments.length === 0) return ['verify failed: flink sql cannot be empty'];
  const problems: string[] = [];
  const commands: string[] = [];
  for (const s of segments) {
    const command = streamparkCommand(s.sql);
    if (command === undefined) problems.push(`unsupported sql at line ${s.line}: ${s.sql.split('\n')[0]!.slice(0, 80)}`);
    else commands.push(command);
  }
  if (!commands.includes('insert')) problems.push('the script has no INSERT (FlinkSqlValidator refuses it)');
  return problems;
}
