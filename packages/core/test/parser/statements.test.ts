/** The statements and syntax real scripts contain, including what dt-sql-parser rejects. */
import { describe, expect, test } from 'vitest';
import { parseExpression, parseScript, parseStatement, printScript, printStatement } from '../../src/index.js';
import { stripSpans } from '../../src/internal/index.js';
import type { Statement } from '../../src/index.js';

function one(sql: string): Statement {
  const { statement, diagnostics } = parseStatement(sql);
  expect(diagnostics).toEqual([]);
  return stripSpans(statement!);
}

function roundTrips(sql: string): void {
  const { script, diagnostics } = parseScript(sql);
  expect(diagnostics).toEqual([]);
  const again = parseScript(printScript(script));
  expect(again.diagnostics).toEqual([]);
  expect(stripSpans(again.script)).toEqual(stripSpans(script));
}

describe('statements', () => {
  const scripts = [
    "SET 'table.exec.state.ttl' = '1 d'; SET; RESET 'a.b'; RESET;",
    "CREATE CATALOG c WITH ('type' = 'paimon', 'warehouse' = 's3://w');",
    "CREATE DATABASE IF NOT EXISTS c.db COMMENT 'x' WITH ('k' = 'v');",
    'CREATE TABLE t (a INT, b STRING);',
    "CREATE TABLE t (id BIGINT, ts TIMESTAMP(3), PRIMARY KEY (id) NOT ENFORCED, WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'x');",
    "CREATE TEMPORARY TABLE IF NOT EXISTS t2 (x STRING, m MAP<STRING, ARRAY<INT NOT NULL>>, r ROW<a INT, b STRING 'desc'>) COMMENT 'c' DISTRIBUTED BY HASH(x) INTO 4 BUCKETS PARTITIONED BY (x) WITH ('connector' = 'print') LIKE t (EXCLUDING ALL INCLUDING WATERMARKS);",
    "CREATE TABLE ctas WITH ('connector' = 'blackhole') AS SELECT * FROM t;",
    'CREATE TEMPORARY VIEW v (a) AS SELECT a FROM t;',
    "CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS f AS 'com.x.F' LANGUAGE JAVA USING JAR '/a.jar';",
    'DROP TEMPORARY TABLE IF EXISTS t; DROP DATABASE db CASCADE; DROP CATALOG c; DROP FUNCTION f; DROP VIEW v;',
    "ALTER TABLE t RENAME TO t3; ALTER TABLE t SET ('k' = 'v'); ALTER TABLE t RESET ('k'); ALTER TABLE t ADD (c INT); ALTER TABLE t MODIFY (PRIMARY KEY (a) NOT ENFORCED); ALTER TABLE t DROP (a, b); ALTER TABLE t DROP PRIMARY KEY; ALTER TABLE t DROP WATERMARK; ALTER TABLE t RENAME a TO b;",
    "ALTER TABLE t ADD c INT; ALTER TABLE t ADD PRIMARY KEY (a) NOT ENFORCED; ALTER TABLE t ADD WATERMARK FOR ts AS ts; ALTER TABLE t MODIFY WATERMARK FOR ts AS ts - INTERVAL '1' SECOND;",
    "ALTER VIEW v RENAME TO w; ALTER VIEW v AS SELECT 1; ALTER DATABASE db SET ('k' = 'v'); ALTER FUNCTION f AS 'com.x.G';",
    'USE CATALOG c; USE c.db; USE db; USE MODULES hive, core;',
    "SHOW CATALOGS; SHOW TABLES FROM db NOT LIKE 'a%'; SHOW CREATE TABLE t; SHOW CURRENT CATALOG; DESCRIBE t; DESC t;",
    'EXPLAIN CHANGELOG_MODE, ESTIMATED_COST SELECT * FROM t;',
    "INSERT INTO s SELECT * FROM t; INSERT OVERWRITE s PARTITION (dt = '2024-01-01') SELECT a FROM t; INSERT INTO s (a, b) VALUES (1, 'x'), (2, 'y');",
    "INSERT INTO s /*+ OPTIONS('sink.parallelism' = '2') */ SELECT a FROM t /*+ OPTIONS('scan.startup.mode' = 'latest-offset') */;",
    'EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT * FROM t; INSERT INTO b SELECT * FROM t; END;',
    'WITH c AS (SELECT a FROM t) SELECT a FROM c UNION ALL SELECT a FROM t ORDER BY a DESC LIMIT 10;',
    "SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '10' MINUTES)) GROUP BY window_start, window_end;",
    "SELECT * FROM TABLE(HOP(DATA => TABLE t, TIMECOL => DESCRIPTOR(ts), SLIDE => INTERVAL '5' MINUTE, SIZE => INTERVAL '10' MINUTE));",
    "SELECT * FROM TABLE(SESSION(TABLE t PARTITION BY k, DESCRIPTOR(ts), INTERVAL '5' MINUTE)); SELECT * FROM TABLE(SESSION(TABLE t PARTITION BY (k, s), DESCRIPTOR(ts), INTERVAL '5' MINUTE));",
    'SELECT o.id, d.name FROM o LEFT JOIN d FOR SYSTEM_TIME AS OF o.proc_time AS d ON o.k = d.k;',
    'SELECT id, tag FROM t CROSS JOIN UNNEST(tags) AS x (tag); SELECT * FROM t, LATERAL TABLE(split(s)) AS x(w);',
    'SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY ts DESC) AS rn FROM t) WHERE rn <= 3;',
    'SELECT a, SUM(b) OVER (PARTITION BY a ORDER BY ts RANGE BETWEEN INTERVAL \'1\' HOUR PRECEDING AND CURRENT ROW) FROM t;',
    'SELECT k, COUNT(DISTINCT a) FILTER (WHERE b > 1), LISTAGG(c, \',\') FROM t GROUP BY GROUPING SETS ((k), ()) HAVING COUNT(*) > 1;',
  ];
  test.each(scripts)('%s', (sql) => roundTrips(sql));

  test('the legacy BEGIN STATEMENT SET form gives the same node as EXECUTE STATEMENT SET', () => {
    const legacy = parseScript('BEGIN STATEMENT SET;\nINSERT INTO a SELECT * FROM t;\nEND;');
    const modern = parseScript('EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT * FROM t; END;');
    expect(legacy.diagnostics).toEqual([]);
    expect(stripSpans(legacy.script)).toEqual(stripSpans(modern.script));
  });

  test('PRIMARY KEY before WATERMARK and WITH-less DDL are accepted (dt-sql-parser rejects them)', () => {
    const s = one("CREATE TABLE t (id INT, ts TIMESTAMP(3), PRIMARY KEY (id) NOT ENFORCED, WATERMARK FOR ts AS ts)");
    expect(s).toMatchObject({ kind: 'CreateTable', primaryKey: { columns: ['id'] }, watermark: { column: 'ts' }, options: [] });
  });

  test('special forms normalise to one node whatever syntax they use', () => {
    const a = parseExpression('SUBSTRING(s FROM 1 FOR 2)').expression;
    const b = parseExpression('substring(s, 1, 2)').expression;
    expect(stripSpans(a)).toEqual(stripSpans(b));
    // A WHEN value list stays a list on its WHEN: the operand is never copied (copies made nested CASEs exponential).
    expect(stripSpans(parseExpression("CASE x WHEN 1, 2 THEN 'a' ELSE 'b' END").expression)).toEqual({
      kind: 'Case', operand: { kind: 'ColumnRef', name: 'x' },
      whens: [{ when: { kind: 'NumericLiteral', text: '1' }, extraValues: [{ kind: 'NumericLiteral', text: '2' }], then: { kind: 'StringLiteral', value: 'a' } }],
      else: { kind: 'StringLiteral', value: 'b' },
    });
    expect(stripSpans(parseExpression('upper(x)').expression)).toEqual({ kind: 'FunctionCall', name: ['UPPER'], args: [{ kind: 'ColumnRef', name: 'x' }] });
    expect(stripSpans(parseExpression('my_udf(x)').expression)).toMatchObject({ name: ['my_udf'] });
    expect(stripSpans(parseExpression("INTERVAL '2' HOURS").expression)).toEqual({ kind: 'IntervalLiteral', negative: false, value: '2', qualifier: { start: 'HOUR' } });
  });

  test('comments are kept on statements, columns, options and select items', () => {
    const text = "-- the source\nCREATE TABLE t (\n  -- the key\n  id INT\n) WITH (\n  -- where\n  'connector' = 'x'\n);\nSELECT\n  -- first\n  a\nFROM t;\n-- end\n";
    const { script } = parseScript(text);
    const printed = printScript(script);
    for (const c of ['-- the source', '-- the key', '-- where', '-- first', '-- end']) expect(printed).toContain(c);
    expect(stripSpans(parseScript(printed).script)).toEqual(stripSpans(script));
  });

  test('a comment at the end of a line belongs to what that line holds, not to the next element', () => {
    const text = [
      "SET 'a' = 'b'; -- after set",
      'CREATE TABLE t (',
      '  id INT, -- the id',
      '  name STRING -- the name',
      ") WITH ('connector' = 'x', -- which",
      "  'topic' = 'y')",
      ';',
      'SELECT a, -- first',
      '  b',
      'FROM t;',
    ].join('\n');
    const { script, diagnostics } = parseScript(text);
    expect(diagnostics).toEqual([]);
    const [set, create, select] = script.statements;
    expect(set!.comments).toEqual(['-- after set']);
    if (create?.kind !== 'CreateTable' || select?.kind !== 'QueryStatement' || select.query.kind !== 'Select') throw new Error('unexpected statements');
    expect(create.columns.map((c) => c.comments)).toEqual([['-- the id'], ['-- the name']]);
    expect(create.options.map((o) => o.comments)).toEqual([['-- which'], undefined]);
    expect(select.query.items.map((i) => i.comments)).toEqual([['-- first'], undefined]);
    expect(stripSpans(parseScript(printScript(script)).script)).toEqual(stripSpans(script));
  });

  test('comments around WATERMARK / PRIMARY KEY (which have no comments field) go to the statement, not to a column', () => {
    const text = "CREATE TABLE t (\n  a INT,\n  -- late events\n  WATERMARK FOR a AS a, -- wm\n  b INT\n);";
    const { script } = parseScript(text);
    const create = script.statements[0]!;
    if (create.kind !== 'CreateTable') throw new Error('unexpected statement');
    expect(create.comments).toEqual(['-- late events', '-- wm']);
    expect(create.columns.map((c) => c.comments)).toEqual([undefined, undefined]);
    expect(stripSpans(parseScript(printScript(script)).script)).toEqual(stripSpans(script));
  });

  test('Windows line ends: comments are kept without their CR', () => {
    const { script, diagnostics } = parseScript('-- head\r\nSELECT a, -- first\r\n  /* two\r\n  lines */ b\r\nFROM t;\r\n');
    expect(diagnostics).toEqual([]);
    const q = script.statements[0]!;
    expect(q.comments).toEqual(['-- head']);
    if (q.kind !== 'QueryStatement' || q.query.kind !== 'Select') throw new Error('unexpected statement');
    expect(q.query.items.map((i) => i.comments)).toEqual([['-- first'], ['/* two\n  lines */']]);
    expect(printScript(script)).not.toContain('\r');
  });

  test('every node carries its source span', () => {
    const { script } = parseScript('SELECT a + 1 AS x\nFROM t');
    const q = script.statements[0]!;
    expect(q.span).toEqual({ start: { line: 1, column: 1, offset: 0 }, end: { line: 2, column: 7, offset: 24 } });
    const item = (q as Extract<Statement, { kind: 'QueryStatement' }>).query;
    const expr = item.kind === 'Select' && item.items[0]!.kind === 'SelectExpr' ? item.items[0]!.expr : undefined;
    expect(expr?.span).toEqual({ start: { line: 1, column: 8, offset: 7 }, end: { line: 1, column: 13, offset: 12 } });
  });

  test('printStatement of a parsed statement is canonical (fmt is idempotent)', () => {
    const first = printStatement(one("create table T ( A int , b varchar(3) not null ) with ( 'connector' = 'x' )"));
    expect(printStatement(one(first))).toBe(first);
  });
});
