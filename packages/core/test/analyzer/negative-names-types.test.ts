/**
 * One test per planner error class the query walk reports (names FTS4001–FTS4099, expression types
 * FTS4401–FTS4499): the code and the line:column of the offending node.
 */
import { describe, expect, test } from 'vitest';
import { bindScript } from '../../src/plan/bind.js';
import { checkSql } from '../../src/index.js';
import { parseScript } from '../../src/sql/parser/index.js';

const DDL = [
  "CREATE TABLE orders (id INT, user_id BIGINT, amount DECIMAL(10, 2), name STRING, ts TIMESTAMP(3), d DATE, flag BOOLEAN, tags ARRAY<STRING>, attrs MAP<STRING, INT>, addr ROW<city STRING, zip INT>, WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'datagen');",
  "CREATE TABLE users (id INT, name STRING, age INT) WITH ('connector' = 'datagen');",
].join('\n');

/** The name and type diagnostics of `DDL + sql`, as `code line:column`. */
function found(sql: string): string[] {
  return checkSql(`${DDL}\n${sql}`)
    .filter((d) => /^FTS4(0|4)/.test(d.code))
    .map((d) => `${d.code} ${d.span?.start.line}:${d.span?.start.column}`);
}

/** `code line:column` of the `nth` occurrence of `needle` in `sql` (lines counted after the DDL). */
function at(code: string, sql: string, needle: string, nth = 1): string {
  let index = -1;
  for (let i = 0; i < nth; i++) index = sql.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`'${needle}' is not in the test SQL`);
  const before = sql.slice(0, index).split('\n');
  return `${code} ${before.length + 2}:${before[before.length - 1]!.length + 1}`;
}

type Case = readonly [title: string, sql: string, code: string, needle: string, nth?: number];

const NAMES: readonly Case[] = [
  ['unknown column', 'SELECT nme FROM users;', 'FTS4001', 'nme'],
  ['unknown column of a qualified relation', 'SELECT u.nme FROM users u;', 'FTS4001', 'u.nme'],
  ['unknown column of a view (views expose only their own columns)', 'CREATE VIEW v AS SELECT id, name FROM users;\nSELECT age FROM v;', 'FTS4001', 'age'],
  ['unknown column in a CTE body', 'WITH c AS (SELECT id FROM users) SELECT nm FROM c;', 'FTS4001', 'nm FROM'],
  ['unknown column in a correlated sub-query', 'SELECT id FROM users u WHERE EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.idd);', 'FTS4001', 'u.idd'],
  ['unknown column in GROUP BY', 'SELECT COUNT(*) FROM users GROUP BY agee;', 'FTS4001', 'agee'],
  ['unknown table', 'SELECT id FROM userz;', 'FTS4002', 'userz'],
  ['ambiguous column of a join', 'SELECT name FROM orders o JOIN users u ON o.user_id = u.id;', 'FTS4003', 'name'],
  ['unknown qualifier', 'SELECT x.id FROM users u;', 'FTS4004', 'x.id'],
  ['unknown qualifier in x.*', 'SELECT x.* FROM users u;', 'FTS4004', 'x.*'],
  ['duplicate relation name', 'SELECT u.id FROM users u JOIN orders u ON TRUE;', 'FTS4005', 'orders u'],
  ['unknown field of a ROW column', 'SELECT addr.cty FROM orders;', 'FTS4006', 'addr.cty'],
  ['CTE column list of the wrong length', 'WITH c (a, b) AS (SELECT id FROM users) SELECT a FROM c;', 'FTS4008', 'WITH'],
  ['unknown DESCRIPTOR column of a window TVF', "SELECT window_start FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(tss), INTERVAL '1' MINUTE));", 'FTS4009', 'DESCRIPTOR'],
  ['unknown named window', 'SELECT SUM(amount) OVER w1 FROM orders WINDOW w AS (ORDER BY ts);', 'FTS4010', 'SUM'],
  ['USING column missing on one side', 'SELECT o.id FROM orders o JOIN users u USING (age);', 'FTS4011', 'orders o'],
  ['SELECT * without FROM', 'SELECT *;', 'FTS4012', '*'],
];

const TYPES: readonly Case[] = [
  ['INT compared with a string', "SELECT id FROM users WHERE id = '1';", 'FTS4401', "id = '1'"],
  ['BOOLEAN compared with a number', 'SELECT id FROM orders WHERE flag = 1;', 'FTS4401', 'flag = 1'],
  ['IN list of another type', "SELECT id FROM users WHERE age IN ('a', 'b');", 'FTS4401', "'a'"],
  ['BETWEEN bounds of another type', "SELECT id FROM users WHERE age BETWEEN 'a' AND 'z';", 'FTS4401', "'a'"],
  ['arithmetic on a string', 'SELECT name + 1 FROM users;', 'FTS4402', 'name + 1'],
  ['unary minus on a string', 'SELECT -name FROM users;', 'FTS4402', '-name'],
  ['|| on a number', "SELECT age || 'x' FROM users;", 'FTS4402', 'age'],
  ['non-boolean WHERE', 'SELECT id FROM users WHERE age + 1;', 'FTS4403', 'age + 1'],
  ['non-boolean ON', 'SELECT u.id FROM users u JOIN orders o ON o.id;', 'FTS4403', 'o.id'],
  ['non-boolean HAVING', 'SELECT age FROM users GROUP BY age HAVING COUNT(*);', 'FTS4403', 'COUNT(*)'],
  ['non-boolean CASE WHEN', 'SELECT CASE WHEN age THEN 1 END FROM users;', 'FTS4403', 'age THEN'],
  ['unknown function', 'SELECT UPPPER(name) FROM users;', 'FTS4404', 'UPPPER'],
  ['wrong number of arguments', 'SELECT UPPER(name, name) FROM users;', 'FTS4429', 'UPPER'],
  ['wrong argument type of a math function', 'SELECT ABS(name) FROM users;', 'FTS4406', 'name)'],
  ['CONCAT of a number (no implicit number-to-string conversion)', "SELECT CONCAT(name, '-', age) FROM users;", 'FTS4406', 'age)'],
  ['SUM of a string', 'SELECT SUM(name) FROM users;', 'FTS4406', 'name)'],
  ['EXTRACT from a string', 'SELECT EXTRACT(YEAR FROM name) FROM users;', 'FTS4406', 'name)'],
  ['CASE results without a common type', "SELECT CASE WHEN age > 1 THEN 1 ELSE DATE '2020-01-01' END FROM users;", 'FTS4407', 'CASE'],
  ['COALESCE arguments without a common type', 'SELECT COALESCE(age, name) FROM users;', 'FTS4407', 'COALESCE'],
  ['UNION branches with different column counts', 'SELECT id FROM users UNION ALL SELECT id, name FROM users;', 'FTS4408', 'SELECT id, name'],
  ['UNION column without a common type', 'SELECT id FROM users UNION ALL SELECT name FROM users;', 'FTS4409', 'name'],
  ['aggregate in WHERE', 'SELECT id FROM users WHERE COUNT(*) > 1;', 'FTS4410', 'COUNT'],
  ['column not grouped', 'SELECT name, COUNT(*) FROM users GROUP BY age;', 'FTS4411', 'name'],
  ['column not grouped in a global aggregation', 'SELECT name, COUNT(*) FROM users;', 'FTS4411', 'name'],
  ['NOT of a number', 'SELECT id FROM users WHERE NOT age;', 'FTS4412', 'age'],
  ['LIKE on a number', "SELECT id FROM users WHERE age LIKE '1%';", 'FTS4413', 'age LIKE'],
  ['IN sub-query with two columns', 'SELECT id FROM users WHERE id IN (SELECT id, age FROM users);', 'FTS4414', 'id IN'],
  ['scalar sub-query with two columns', 'SELECT (SELECT id, age FROM users) FROM users;', 'FTS4415', '(SELECT'],
  ['OVER on a scalar function', 'SELECT UPPER(name) OVER (ORDER BY ts) FROM orders;', 'FTS4416', 'UPPER'],
  ['window function without OVER', 'SELECT ROW_NUMBER() FROM users;', 'FTS4417', 'ROW_NUMBER'],
  ['windowed aggregate in WHERE', 'SELECT id FROM orders WHERE ROW_NUMBER() OVER (ORDER BY ts) = 1;', 'FTS4418', 'ROW_NUMBER'],
  ['nested aggregates', 'SELECT SUM(COUNT(*)) FROM users;', 'FTS4419', 'COUNT'],
  ['field access on a non-ROW column', 'SELECT name.first FROM users;', 'FTS4420', 'name.first'],
  ['subscript of a non-collection', 'SELECT age[1] FROM users;', 'FTS4421', 'age[1]'],
  ['VALUES rows of different lengths', 'SELECT * FROM (VALUES (1, 2), (3)) AS t (a, b);', 'FTS4422', '3)'],
  ['UNNEST of a non-collection', 'SELECT t.x FROM users CROSS JOIN UNNEST(users.name) AS t (x);', 'FTS4423', 'users.name'],
  ['aggregate in GROUP BY', 'SELECT COUNT(*) FROM users GROUP BY COUNT(*);', 'FTS4424', 'COUNT', 2],
  ['a CAST Flink rejects (numeric to TIMESTAMP)', 'SELECT CAST(age AS TIMESTAMP(3)) FROM users;', 'FTS4426', 'CAST'],
  ['IS JSON of a number', 'SELECT age IS JSON FROM users;', 'FTS4406', 'age IS'],
  ['column aliases of the wrong degree', 'SELECT a FROM (SELECT id FROM users) AS t (a, b);', 'FTS4425', '(SELECT'],
];

const rows = (cases: readonly Case[]) => cases.map(([title, sql, code, needle, nth]) => ({ title, sql, code, needle, nth: nth ?? 1 }));

describe('name resolution errors', () => {
  test.each(rows(NAMES))('$title', ({ sql, code, needle, nth }) => {
    expect(found(sql)).toEqual([at(code, sql, needle, nth)]);
  });
});

describe('expression and type errors', () => {
  test.each(rows(TYPES))('$title', ({ sql, code, needle, nth }) => {
    expect(found(sql)).toEqual([at(code, sql, needle, nth)]);
  });
});

test('at least 35 distinct error classes are covered', () => {
  expect(new Set([...NAMES, ...TYPES].map((c) => c[0])).size).toBeGreaterThanOrEqual(35);
  expect(new Set([...NAMES, ...TYPES].map((c) => c[2])).size).toBeGreaterThanOrEqual(35);
});

describe('messages and hints', () => {
  test('the comparison error says to CAST', () => {
    const d = checkSql(`${DDL}\nSELECT id FROM users WHERE id = '1';`).find((x) => x.code === 'FTS4401')!;
    expect(d.message).toBe("Cannot apply '=' to arguments of type INT and CHAR(1) NOT NULL: a numeric value cannot be compared with a character string value without an explicit CAST");
    expect(d.hint).toBe('Flink does not convert implicitly here; CAST the right operand: CAST(… AS INT)');
  });
  test('unknown functions and qualifiers get did-you-mean hints', () => {
    const ds = checkSql(`${DDL}\nSELECT UPPPER(name), us.id FROM users AS usr;`);
    expect(ds.map((d) => [d.code, d.hint])).toEqual([['FTS4404', "did you mean 'UPPER'?"], ['FTS4004', "did you mean 'usr'?"]]);
  });
  test('an unknown table is the statement\'s one name error, as in Flink (no follow-ups from columns that cannot be known)', () => {
    expect(found("SELECT * FROM userz WHERE 1 = 'a';")).toEqual(['FTS4002 3:15']);
  });
  test('a SELECT alias used in WHERE is explained', () => {
    const d = checkSql(`${DDL}\nSELECT age + 1 AS next_age FROM users WHERE next_age > 18;`).find((x) => x.code === 'FTS4001')!;
    expect(d.hint).toBe("'next_age' is an alias of the SELECT list, which this clause cannot use; repeat the expression or select from a sub-query");
  });
  test('an unknown DESCRIPTOR column gets a did-you-mean hint', () => {
    const d = checkSql(`${DDL}\nSELECT window_start FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(tss), INTERVAL '1' MINUTE));`).find((x) => x.code === 'FTS4009')!;
    expect(d.hint).toBe("did you mean 'ts'?");
  });
  test('a column that is not grouped is named as Flink names it', () => {
    const d = checkSql(`${DDL}\nSELECT name, COUNT(*) FROM users GROUP BY age;`).find((x) => x.code === 'FTS4411')!;
    expect(d.message).toBe("Expression 'name' is not being grouped");
    expect(d.severity).toBe('error');
  });
});

test('a 20,000-term chain (a tree as deep as it is long) is typed in a loop: no stack overflow, no diagnostic', () => {
  const { script } = parseScript(`${DDL}\nSELECT ${'age + '.repeat(20000)}1 FROM users;`);
  const bound = bindScript(script.statements);
  expect(bound.statements[0]?.query?.columns.map((c) => c.type?.kind)).toEqual(['INT']);
  expect(bound.diagnostics).toEqual([]);
});
