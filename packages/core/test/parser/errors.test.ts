/** Error messages: the first real problem, where it is, what was found and expected — no cascades. */
import { describe, expect, test } from 'vitest';
import { parseDataType, parseExpression, parseScript } from '../../src/index.js';

function firstError(sql: string) {
  const { diagnostics } = parseScript(sql);
  expect(diagnostics.length).toBeGreaterThan(0);
  const d = diagnostics[0]!;
  return { message: d.message, hint: d.hint, code: d.code, at: `${d.span!.start.line}:${d.span!.start.column}` };
}

describe('parse errors', () => {
  test('missing comma between column definitions', () => {
    expect(firstError('CREATE TABLE t (\n  a INT\n  b STRING\n)')).toEqual({
      message: "expected ',' or ')' but found 'b'", hint: "missing ',' between column definitions", code: 'FTS1001', at: '3:3',
    });
  });

  test('unterminated string literal', () => {
    expect(firstError("SELECT 1;\nSELECT 'abc\nFROM t")).toMatchObject({ message: 'unterminated string literal starting at 2:8', code: 'FTS1000', at: '2:8' });
  });

  test('unterminated quoted identifier and comment', () => {
    expect(firstError('SELECT `abc FROM t')).toMatchObject({ message: 'unterminated quoted identifier starting at 1:8' });
    expect(firstError('SELECT 1 /* never closed')).toMatchObject({ message: 'unterminated comment starting at 1:10' });
  });

  test('reserved words as identifiers need back-quotes; non-reserved keywords do not', () => {
    expect(firstError('CREATE TABLE t (value STRING)')).toMatchObject({
      code: 'FTS1002', message: "'value' is a reserved word in Flink SQL; quote it as `value` to use it as a column name", hint: 'quote it as `value`', at: '1:17',
    });
    expect(firstError('SELECT a AS select FROM t')).toMatchObject({ code: 'FTS1002', at: '1:13' });
    expect(parseScript('CREATE TABLE t (type STRING, data INT, `timestamp` BIGINT, `value` STRING)').diagnostics).toEqual([]);
  });

  test('options need quoted keys, "=" and quoted values', () => {
    expect(firstError("CREATE TABLE t (a INT) WITH ('connector')")).toMatchObject({ message: "expected '=' after option key 'connector' but found ')'", hint: "write 'connector' = 'value'" });
    expect(firstError("CREATE TABLE t (a INT) WITH ('sink.parallelism' = 2)")).toMatchObject({ message: "expected a quoted value for option 'sink.parallelism' but found the number 2", hint: "write 'sink.parallelism' = '2'" });
    expect(firstError("CREATE TABLE t (a INT) WITH ('a' = 'b' 'c' = 'd')")).toMatchObject({ message: "expected ',' between options but found the string 'c'" });
  });

  test('double-quoted identifiers get a hint', () => {
    expect(firstError('SELECT "a" FROM t')).toMatchObject({ message: `unexpected character '"'`, hint: 'Flink SQL quotes identifiers with back-quotes (`name`) and strings with single quotes' });
    expect(firstError('SELECT a & b FROM t')).toEqual({ message: "unexpected character '&'", hint: undefined, code: 'FTS1000', at: '1:10' });
  });

  test('misspelt keywords suggest the closest one', () => {
    expect(firstError('CREATE TABEL t (a INT)')).toMatchObject({ message: "expected TABLE, VIEW, CATALOG, DATABASE or FUNCTION after CREATE but found 'TABEL'", hint: "did you mean 'TABLE'?" });
  });

  test('a missing semicolon is reported at the next statement', () => {
    expect(firstError('SELECT 1\nSELECT 2')).toMatchObject({ at: '2:1', hint: "missing ';' before 'SELECT'?" });
  });

  test('each statement reports its first error only, and parsing continues after it', () => {
    const { script, diagnostics } = parseScript("SELECT FROM t;\nSET 'a' = 'b';\nCREATE TABLE x (a INT b INT, c);\nUSE CATALOG c;");
    expect(diagnostics.map((d) => d.span!.start.line)).toEqual([1, 3]);
    expect(script.statements.map((s) => s.kind)).toEqual(['Set', 'UseCatalog']);
  });

  test('errors inside hints point at the line and column in the script; nothing in a hint is dropped', () => {
    expect(firstError("SELECT a\nFROM t /*+ OPTIONS('a'='b) */")).toMatchObject({ code: 'FTS1000', message: 'unterminated string literal starting at 2:24', at: '2:24' });
    expect(firstError("INSERT INTO t\n  /*+ OPTIONS(\n 'a'='b',, ) */ SELECT 1")).toMatchObject({ message: "expected an option key but found ','", at: '3:10' });
    expect(firstError("SELECT /*+ OPTIONS('a'='b') FOO */ 1")).toMatchObject({ message: "expected ',' between hints but found 'FOO'", at: '1:29' });
    expect(firstError('SELECT /*+ */ 1')).toMatchObject({ message: 'empty hint', at: '1:8' });
  });

  test('an empty column list and values without commas are rejected', () => {
    expect(firstError('CREATE TABLE t ()')).toMatchObject({ message: "expected a column definition but found ')'", at: '1:17' });
    // A later error in the same statement is reported too (the empty list is often a draft's placeholder).
    const { script, diagnostics } = parseScript("CREATE TABLE t () WITH ('a');\nSELECT 1;");
    expect(diagnostics.map((d) => d.span!.start.column)).toEqual([17, 28]);
    expect(script.statements.map((s) => s.kind)).toEqual(['QueryStatement']);
    expect(firstError('SELECT JSON_ARRAY(1 2)')).toMatchObject({ message: "expected ',', NULL ON NULL, ABSENT ON NULL or ')' in JSON_ARRAY but found the number 2", at: '1:21' });
  });

  test('intervals need a quoted value; PRIMARY KEY needs NOT ENFORCED', () => {
    expect(firstError('SELECT INTERVAL 5 SECOND')).toMatchObject({ message: "expected a quoted interval value such as '10' but found the number 5", hint: "write INTERVAL '5' SECOND" });
    expect(firstError('CREATE TABLE t (a INT, PRIMARY KEY (a))')).toMatchObject({ message: "expected NOT ENFORCED (Flink does not enforce primary keys) but found ')'" });
  });

  test('MATCH_RECOGNIZE without PATTERN says what is missing', () => {
    expect(firstError('SELECT * FROM t MATCH_RECOGNIZE (PARTITION BY a)')).toMatchObject({ code: 'FTS1001', message: "expected PATTERN (…) but found ')'" });
  });

  test('Flink statements flinkts does not read yet are a clear "not supported", never silently dropped', () => {
    expect(firstError("LOAD MODULE hive WITH ('hive-version' = '3.1.3')")).toMatchObject({ code: 'FTS1003', message: 'LOAD statements are Flink SQL but not supported by flinkts yet', at: '1:1' });
    expect(firstError("SELECT 1;\nADD JAR '/x.jar';")).toMatchObject({ code: 'FTS1003', at: '2:1' });
    expect(firstError('DESCRIBE EXTENDED t')).toMatchObject({ code: 'FTS1003', message: 'DESCRIBE EXTENDED is not supported by flinkts yet', at: '1:10' });
    expect(firstError('CREATE OR REPLACE TABLE t AS SELECT 1')).toMatchObject({ code: 'FTS1003', at: '1:8' });
    expect(firstError('ALTER TABLE t ADD c INT AFTER b')).toMatchObject({ code: 'FTS1003', message: 'column positions (AFTER) in ALTER TABLE are not supported by flinkts yet', at: '1:25' });
    expect(firstError("SELECT * FROM TABLE(SESSION(TABLE t PARTITION BY k, DESCRIPTOR(ts), INTERVAL '5' MINUTE))")).toMatchObject({ code: 'FTS1003', at: '1:37' });
    expect(firstError('SELECT * FROM a NATURAL JOIN b')).toMatchObject({ code: 'FTS1003', message: 'NATURAL joins are not supported by flinkts yet', hint: 'name the join columns: JOIN … USING (a, b)', at: '1:17' });
  });

  test('a table has one WATERMARK and one PRIMARY KEY', () => {
    expect(firstError('CREATE TABLE t (a INT, PRIMARY KEY (a) NOT ENFORCED, PRIMARY KEY (a) NOT ENFORCED)')).toMatchObject({ message: 'a table has at most one PRIMARY KEY', at: '1:54' });
    expect(firstError('CREATE TABLE t (ts TIMESTAMP(3), WATERMARK FOR ts AS ts, WATERMARK FOR ts AS ts)')).toMatchObject({ message: 'a table has at most one WATERMARK', at: '1:58' });
  });

  test('absurdly deep nesting is a diagnostic, not a stack overflow', () => {
    const deep = `SELECT 1;\nSELECT ${'('.repeat(20000)}1${')'.repeat(20000)};\nSELECT 2;`;
    const { script, diagnostics } = parseScript(deep);
    expect(diagnostics.map((d) => [d.code, d.message, d.span!.start.line, d.span!.start.column])).toEqual([
      ['FTS1006', 'this statement nests more than 500 levels deep (parentheses, function calls, CASE, sub-queries); flinkts takes at most 500 (Flink\'s own parser fewer)', 2, 8 + 500],
    ]);
    expect(script.statements).toHaveLength(2);
    expect(parseExpression(`${'('.repeat(20000)}1${')'.repeat(20000)}`).diagnostics[0]!.code).toBe('FTS1006');
  });

  test('single-expression and data-type entry points report errors too', () => {
    expect(parseExpression('a +').diagnostics[0]!.message).toBe('expected an expression but found the end of the input');
    expect(parseDataType('DECIMAL(10,').diagnostics[0]!.message).toBe('expected a scale but found the end of the input');
    expect(parseDataType('TIMESTAMP(3) WITH TIME ZONE').diagnostics[0]!.hint).toBe('TIMESTAMP WITH TIME ZONE is not supported by Flink; use TIMESTAMP_LTZ');
  });
});
