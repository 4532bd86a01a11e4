/** Flink 1.20's typing rules as the analyzer applies them, and valid queries that must check clean. */
import { describe, expect, test } from 'vitest';
import { checkSql } from '../../src/index.js';
import type { ScopeColumn } from '../../src/typing/expression-type.js';
import { expressionType } from '../../src/typing/expression-type.js';
import { bindScript } from '../../src/plan/bind.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { parseDataType, parseExpression, parseScript } from '../../src/sql/parser/index.js';
import { printDataType } from '../../src/sql/printer/data-type.js';

const COLUMNS: Record<string, string> = {
  i: 'INT', i_nn: 'INT NOT NULL', b: 'BIGINT', si: 'SMALLINT', ti: 'TINYINT', f: 'FLOAT', dbl: 'DOUBLE',
  d52: 'DECIMAL(5, 2)', d102: 'DECIMAL(10, 2)', d3820: 'DECIMAL(38, 20)', s: 'STRING', s_nn: 'STRING NOT NULL',
  c5: 'CHAR(5) NOT NULL', v10: 'VARCHAR(10)', ts: 'TIMESTAMP(3)', ltz: 'TIMESTAMP_LTZ(3)', dt: 'DATE', bo: 'BOOLEAN',
  arr: 'ARRAY<INT>', m: 'MAP<STRING, BIGINT>', r: 'ROW<a INT, b STRING>',
};
const SCOPE: ScopeColumn[] = Object.entries(COLUMNS).map(([name, t]) => ({ relation: 't', name, type: parseDataType(t).type! }));

function typeOf(sql: string): string {
  const e = parseExpression(sql).expression;
  if (e === undefined) throw new Error(`does not parse: ${sql}`);
  const t = expressionType(e, SCOPE);
  return t === undefined ? '?' : printDataType(t);
}

describe('expression types', () => {
  test.each([
    // literals
    ["'abc'", 'CHAR(3) NOT NULL'], ['42', 'INT NOT NULL'], ['3000000000', 'BIGINT NOT NULL'], ['1.50', 'DECIMAL(3, 2) NOT NULL'],
    ['1.5E3', 'DOUBLE NOT NULL'], ["DATE '2024-01-01'", 'DATE NOT NULL'], ["TIMESTAMP '2024-01-01 10:00:00.123'", 'TIMESTAMP(3) NOT NULL'],
    // integer arithmetic stays integer, the wider type wins; integer division truncates and stays integer
    ['i + si', 'INT'], ['i * b', 'BIGINT'], ['i / 2', 'INT'], ['ti / si', 'SMALLINT'], ['i_nn + 1', 'INT NOT NULL'], ['i % b', 'BIGINT'],
    // approximate types win
    ['i + f', 'FLOAT'], ['f * dbl', 'DOUBLE'], ['d52 + f', 'DOUBLE'], ['d52 * dbl', 'DOUBLE'],
    // DECIMAL precision and scale
    ['d52 + d102', 'DECIMAL(11, 2)'], ['d52 - i', 'DECIMAL(13, 2)'], ['d52 * d102', 'DECIMAL(16, 4)'],
    ['d52 / d102', 'DECIMAL(18, 13)'], ['CAST(1.5 AS DECIMAL(2, 1)) / CAST(2.5 AS DECIMAL(2, 1))', 'DECIMAL(8, 6) NOT NULL'], ['d3820 * d3820', 'DECIMAL(38, 6)'], ['d3820 + d3820', 'DECIMAL(38, 19)'], ['d102 % i', 'DECIMAL(10, 2)'],
    // datetime arithmetic
    ["ts + INTERVAL '1' HOUR", 'TIMESTAMP(3)'], ["dt - INTERVAL '1' DAY", 'DATE'],
    // ROUND / TRUNCATE by a literal digit count; by a column the operand type stays; MOD of DECIMALs as %
    ['TRUNCATE(d102, 1)', 'DECIMAL(10, 1)'], ['TRUNCATE(d102)', 'DECIMAL(9, 0)'], ['TRUNCATE(d102, i)', 'DECIMAL(10, 2)'], ['MOD(d102, d52)', 'DECIMAL(5, 2)'],
    // TIMESTAMPADD keeps a DATE for date units and gives TIMESTAMP(6) for time-of-day units
    ['TIMESTAMPADD(DAY, 1, dt)', 'DATE'], ['TIMESTAMPADD(MINUTE, 1, dt)', 'TIMESTAMP(6)'], ['TIMESTAMPADD(HOUR, i, ts)', 'TIMESTAMP(3)'],
    // CASE / COALESCE results: Flink's common type (TIMESTAMP with TIMESTAMP_LTZ gives TIMESTAMP_LTZ)
    ['CASE WHEN bo THEN ts ELSE ltz END', 'TIMESTAMP_LTZ(3)'], ['COALESCE(i, b, d52)', 'DECIMAL(21, 2)'], ['COALESCE(arr, ARRAY[b])', 'ARRAY<BIGINT> NOT NULL'],
    // aggregates: AVG(INT) stays INT, SUM(INT) is INT, DECIMAL widened to 38
    ['AVG(i)', 'INT'], ['SUM(i)', 'INT'], ['SUM(d52)', 'DECIMAL(38, 2)'], ['AVG(d52)', 'DECIMAL(38, 6)'], ['COUNT(*)', 'BIGINT NOT NULL'],
    ['COUNT(s)', 'BIGINT NOT NULL'], ['MAX(s_nn)', 'STRING'],
    // conditionals: common types and nullability
    ['CASE WHEN bo THEN i ELSE b END', 'BIGINT'], ['CASE WHEN bo THEN 1 ELSE 2 END', 'INT NOT NULL'], ['CASE WHEN bo THEN 1 END', 'INT'],
    ["CASE WHEN bo THEN 'a' ELSE 'bcd' END", 'VARCHAR(3) NOT NULL'], ['COALESCE(i, i_nn)', 'INT NOT NULL'], ['COALESCE(i, b)', 'BIGINT'],
    ['IF(bo, i, d52)', 'DECIMAL(12, 2)'], ['IF(bo, s, c5)', 'STRING'], ['NULLIF(i_nn, 1)', 'INT'], ['IFNULL(i, 0)', 'INT NOT NULL'],
    // strings
    ["c5 || 'ab'", 'CHAR(7) NOT NULL'], ['v10 || c5', 'VARCHAR(15)'], ['UPPER(c5)', 'CHAR(5) NOT NULL'], ['CHAR_LENGTH(s)', 'INT'],
    ['SUBSTRING(s FROM 2)', 'STRING'], ['TRIM(c5)', 'VARCHAR(5) NOT NULL'], ['MD5(s_nn)', 'CHAR(32) NOT NULL'],
    // predicates
    ['i = b', 'BOOLEAN'], ['i_nn = 1', 'BOOLEAN NOT NULL'], ['s IS NULL', 'BOOLEAN NOT NULL'], ["dt = '2024-01-01'", 'BOOLEAN'],
    ["s LIKE 'a%'", 'BOOLEAN'], ['i IN (1, 2)', 'BOOLEAN'], ['i BETWEEN 1 AND 2', 'BOOLEAN'],
    // casts (TRY_CAST is always nullable and CAST keeps the operand's nullability, as on the Flink 1.20.1 planner)
    ['CAST(s AS INT)', 'INT'], ['CAST(i_nn AS BIGINT)', 'BIGINT NOT NULL'], ['TRY_CAST(s_nn AS INT)', 'INT'], ['TRY_CAST(i_nn AS STRING)', 'STRING'], ['CAST(i_nn AS DECIMAL(3, 1))', 'DECIMAL(3, 1) NOT NULL'],
    // collections and rows
    ['arr[1]', 'INT'], ["m['k']", 'BIGINT'], ['r.a', 'INT'], ['CARDINALITY(arr)', 'INT'], ['ARRAY[1, 2]', 'ARRAY<INT NOT NULL> NOT NULL'],
    // temporal
    ['EXTRACT(YEAR FROM ts)', 'BIGINT'], ['PROCTIME()', 'TIMESTAMP_LTZ(3) NOT NULL'], ['CURRENT_DATE', 'DATE NOT NULL'], ['DATE_FORMAT(ts, \'yyyy\')', 'STRING'],
    ['TIMESTAMPDIFF(DAY, ts, ts)', 'INT'], ['TIMESTAMPDIFF(NANOSECOND, ts, ts)', 'BIGINT'], ['TIMESTAMPDIFF(MICROSECOND, ts, ts)', 'INT'],
  ])('%s → %s', (sql, expected) => {
    expect(typeOf(sql)).toBe(expected);
  });
});

const DDL = [
  "CREATE TABLE orders (id INT NOT NULL, user_id BIGINT, amount DECIMAL(10, 2), name STRING, ts TIMESTAMP(3), tags ARRAY<STRING>, items ARRAY<ROW<sku STRING, qty INT>>, addr ROW<city STRING, zip INT>, pt AS PROCTIME(), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'datagen');",
  "CREATE TABLE users (id INT, name STRING, age INT, `user` STRING) WITH ('connector' = 'datagen');",
].join('\n');

/** The output columns of the script's last statement (a query), as `name TYPE`, and the diagnostics of the whole script. */
function columnsOf(sql: string): { columns: string[]; diagnostics: Diagnostic[] } {
  const { script } = parseScript(`${DDL}\n${sql}`);
  const statements = script.statements;
  const last = statements[statements.length - 1]!;
  if (last.kind !== 'QueryStatement') throw new Error('the last statement must be a query');
  const bound = bindScript(statements);
  const plan = bound.statements.find((b) => b.statement === last)?.query;
  return { columns: (plan?.columns ?? []).map((c) => `${c.name} ${c.type === undefined ? '?' : printDataType(c.type)}`), diagnostics: [...bound.diagnostics] };
}

describe('query column types', () => {
  test('computed columns are typed (PROCTIME() is TIMESTAMP_LTZ(3) NOT NULL)', () => {
    expect(columnsOf('SELECT pt, amount * 2 AS doubled FROM orders;').columns).toEqual(['pt TIMESTAMP_LTZ(3) NOT NULL', 'doubled DECIMAL(21, 2)']);
  });

  test('CTEs resolve, with their column lists', () => {
    const r = columnsOf('WITH big (oid, amt) AS (SELECT id, amount FROM orders WHERE amount > 100) SELECT oid, amt / 2 AS half FROM big;');
    expect(r.diagnostics).toEqual([]);
    expect(r.columns).toEqual(['oid INT NOT NULL', 'half DECIMAL(21, 13)']);
  });

  test('views keep their column types', () => {
    const r = columnsOf('CREATE VIEW v AS SELECT id, SUM(amount) AS total FROM orders GROUP BY id;\nSELECT total FROM v;');
    expect(r.columns).toEqual(['total DECIMAL(38, 2)']);
  });

  test('UNION ALL takes the common type of its branches', () => {
    expect(columnsOf('SELECT id, name FROM orders UNION ALL SELECT age, name FROM users;').columns).toEqual(['id INT', 'name STRING']);
  });

  test('UNNEST of an ARRAY of ROWs exposes the fields; WITH ORDINALITY adds an INT (and is FTS4535: Flink 1.20.1 cannot plan it)', () => {
    const r = columnsOf('SELECT o.id, t.sku, t.qty, t.pos FROM orders o CROSS JOIN UNNEST(o.items) WITH ORDINALITY AS t (sku, qty, pos);');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['FTS4535']);
    expect(r.columns).toEqual(['id INT NOT NULL', 'sku STRING', 'qty INT', 'pos INT NOT NULL']);
  });

  test('window TVF columns', () => {
    const r = columnsOf("SELECT window_start, window_time, COUNT(*) AS c FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end, window_time;");
    expect(r.columns).toEqual(['window_start TIMESTAMP(3) NOT NULL', 'window_time TIMESTAMP(3) NOT NULL', 'c BIGINT NOT NULL']);
  });

  test('catalog.database.table paths resolve', () => {
    expect(columnsOf('SELECT t.age FROM default_catalog.default_database.users AS t;').columns).toEqual(['age INT']);
  });
});

describe('valid queries check clean', () => {
  const clean = (sql: string) => checkSql(`${DDL}\n${sql}`).filter((d) => /^FTS4(0|4)/.test(d.code));
  test.each([
    ['a USING join column is not ambiguous unqualified', 'SELECT id, o.name FROM orders o JOIN users u USING (id);'],
    ['temporal values compare with strings', "SELECT id FROM orders WHERE ts > '2024-01-01 00:00:00';"],
    ['correlated sub-queries see the outer columns', 'SELECT id FROM users u WHERE EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.id);'],
    ['a column named user is a column', 'SELECT `user`, COUNT(*) FROM users GROUP BY `user`;'],
    ['grouped expressions and aggregates', 'SELECT UPPER(name), COUNT(*) AS c, MAX(age) + 1 FROM users GROUP BY UPPER(name) HAVING COUNT(*) > 1;'],
    ['qualified and unqualified references to the same grouped column', 'SELECT u.age, COUNT(*) FROM users u GROUP BY age;'],
    ['legacy group windows', "SELECT TUMBLE_START(ts, INTERVAL '1' MINUTE), COUNT(*) FROM orders GROUP BY TUMBLE(ts, INTERVAL '1' MINUTE);"],
    ['ROW fields', 'SELECT addr.city, o.addr.zip FROM orders o;'],
    ['deduplication with ROW_NUMBER', 'SELECT id FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY ts DESC) AS rn FROM orders) WHERE rn = 1;'],
    ['ORDER BY a select alias', 'SELECT age AS years FROM users ORDER BY years;'],
    ['numeric comparisons across types', 'SELECT id FROM orders WHERE amount > 10 AND user_id = id;'],
    ['user functions declared in the script', "CREATE FUNCTION my_fn AS 'com.example.MyFn';\nSELECT my_fn(name) FROM users;"],
  ])('%s', (_title, sql) => {
    expect(clean(sql)).toEqual([]);
  });
});

describe('INSERT … VALUES', () => {
  test('typed per column over all rows; generated column names raise no positional-name warning', () => {
    const sql = "CREATE TABLE snk (a BIGINT, b STRING) WITH ('connector' = 'blackhole');\nINSERT INTO snk VALUES (1, 'x'), (2, CAST(NULL AS STRING));";
    expect(checkSql(sql)).toEqual([]);
    const narrow = "CREATE TABLE snk (a INT, b STRING) WITH ('connector' = 'blackhole');\nINSERT INTO snk VALUES (1, 'x'), (3000000000, 'y');";
    expect(checkSql(narrow).map((d) => d.code)).toEqual(['FTS4102']);
  });
});
