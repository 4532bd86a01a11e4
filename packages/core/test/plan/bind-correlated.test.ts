/**
 * The constructs the binder once left unbound (FTS4501, hidden by `check`): LATERAL sub-queries and their correlated
 * references, OVER in an aggregating query, LATERAL TABLE of user table functions, CREATE TABLE … AS SELECT and
 * CREATE TABLE … LIKE. Each is bound into the plan, so a wrong name inside it is FTS4001 with a "did you mean" hint;
 * what still cannot be bound is a visible FTS4501 warning.
 */
import { describe, expect, test } from 'vitest';
import { checkSql, parseScript } from '../../src/index.js';
import { bindScript, inputsOf } from '../../src/internal/index.js';
import type { PlanNode, PlanRoot, UserFunctionTypes } from '../../src/index.js';

const DDL = `
CREATE TABLE orders (order_id BIGINT, user_id BIGINT, amount INT, tags ARRAY<STRING>, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'datagen');
CREATE TABLE users (user_id BIGINT, name STRING, PRIMARY KEY (user_id) NOT ENFORCED) WITH ('connector' = 'datagen');
CREATE TABLE out1 (order_id BIGINT, name STRING) WITH ('connector' = 'blackhole');
CREATE FUNCTION split_words AS 'com.example.SplitWords';
`;

const SPLIT: UserFunctionTypes = new Map([['SPLIT_WORDS', { kind: 'table', columns: [{ name: 'word', type: { kind: 'VARCHAR', length: 2147483647, nullable: true } }, { name: 'len', type: { kind: 'INT', nullable: false } }] }]]);

function bound(sql: string, functions?: UserFunctionTypes) {
  const { script, diagnostics } = parseScript(DDL + sql);
  expect(diagnostics).toEqual([]);
  return bindScript(script.statements, functions === undefined ? {} : { functions });
}

/** `code message | hint` of each diagnostic `check` reports. */
function check(sql: string, functions?: UserFunctionTypes): string[] {
  return checkSql(DDL + sql, functions === undefined ? {} : { functions }).map((d) => `${d.severity} ${d.code} ${d.message} | ${d.hint ?? ''}`);
}

function shape(n: PlanRoot): string {
  const label = n.kind === 'Correlate' ? `Correlate:${n.fn}` : n.kind === 'Scan' ? `Scan:${n.table.path[2]}` : n.kind;
  const inputs = inputsOf(n);
  return inputs.length === 0 ? label : `${label}(${inputs.map(shape).join(', ')})`;
}

function sinkInput(sql: string, functions?: UserFunctionTypes): PlanNode {
  const b = bound(sql, functions);
  expect(b.diagnostics.map((d) => d.message)).toEqual([]);
  return b.statements.flatMap((s) => s.sinks)[0]!.input;
}

describe('LATERAL sub-queries', () => {
  test('are a Correlate whose sub-query reads the left row by correlated references', () => {
    const plan = sinkInput(`INSERT INTO out1 SELECT o.order_id, u.name FROM orders o, LATERAL (SELECT name FROM users WHERE users.user_id = o.user_id) AS u;`);
    expect(shape(plan)).toBe('Project(Correlate:LATERAL(Scan:orders))');
    const correlate = inputsOf(plan)[0]!;
    if (correlate.kind !== 'Correlate' || correlate.query === undefined) throw new Error('not a LATERAL correlate');
    expect(shape(correlate.query)).toBe('Project(Filter(Scan:users))');
    const filter = inputsOf(correlate.query)[0]!;
    if (filter.kind !== 'Filter') throw new Error('not a filter');
    // o.user_id: depth 1, position 1 of the left row
    expect(filter.condition.refs.map((r) => [r.depth, r.index])).toEqual([[0, 0], [1, 1]]);
    expect(correlate.columns.map((c) => c.name)).toEqual(['order_id', 'user_id', 'amount', 'tags', 'ts', 'name']);
  });

  test('LEFT JOIN LATERAL … ON TRUE pads with NULLs: its columns are nullable', () => {
    const plan = sinkInput(`INSERT INTO out1 SELECT o.order_id, CAST(t.n AS STRING) FROM orders o LEFT JOIN LATERAL (SELECT COUNT(*) AS n FROM users WHERE users.user_id = o.user_id) AS t ON TRUE;`);
    const correlate = inputsOf(plan)[0]!;
    expect(correlate.kind === 'Correlate' && [correlate.type, correlate.columns.at(-1)!.type]).toEqual(['LEFT', { kind: 'BIGINT', nullable: true }]);
  });

  test('a wrong column inside the sub-query, or in its correlated reference, is FTS4001 with a hint', () => {
    expect(check(`INSERT INTO out1 SELECT o.order_id, u.name FROM orders o, LATERAL (SELECT nmae AS name FROM users WHERE users.user_id = o.user_id) AS u;`))
      .toEqual(["error FTS4001 Column 'nmae' not found in any table of the FROM clause | did you mean 'name'?"]);
    expect(check(`INSERT INTO out1 SELECT o.order_id, u.name FROM orders o, LATERAL (SELECT name FROM users WHERE users.user_id = o.usr_id) AS u;`))
      .toEqual(["error FTS4001 Column 'o.usr_id' not found: 'o' has no column 'usr_id' | did you mean 'user_id'?"]);
    expect(check(`INSERT INTO out1 SELECT o.order_id, u.nam FROM orders o, LATERAL (SELECT name FROM users WHERE users.user_id = o.user_id) AS u;`))
      .toEqual(["error FTS4001 Column 'u.nam' not found: 'u' has no column 'nam' | did you mean 'name'?"]);
  });

  test('without FROM (expressions over the left row only), Flink 1.20.1 cannot plan it: FTS4502', () => {
    expect(check(`INSERT INTO out1 SELECT o.order_id, t.name FROM orders o CROSS JOIN LATERAL (SELECT CAST(o.amount * 2 AS STRING) AS name) AS t;`).map((d) => d.slice(0, 60)))
      .toEqual(['error FTS4502 Flink 1.20.1 cannot plan a LATERAL sub-query w']);
  });

  test('a LEFT JOIN LATERAL with a condition other than TRUE is bound (the condition on the Correlate), its names checked', () => {
    expect(check(`INSERT INTO out1 SELECT o.order_id, u.name FROM orders o LEFT JOIN LATERAL (SELECT user_id, name FROM users) AS u ON u.user_id = o.usr_id;`).map((d) => d.slice(0, 40)))
      .toEqual(['error FTS4001 Column \'o.usr_id\' not foun']);
    const plan = sinkInput(`INSERT INTO out1 SELECT o.order_id, u.name FROM orders o LEFT JOIN LATERAL (SELECT user_id, name FROM users WHERE users.user_id = o.user_id) AS u ON u.name <> 'x';`);
    expect(shape(plan)).toBe('Project(Correlate:LATERAL(Scan:orders))');
    const correlate = inputsOf(plan)[0]!;
    if (correlate.kind !== 'Correlate') throw new Error('not a Correlate');
    // the condition reads the Correlate's output row: orders' 5 columns, then the sub-query's (name at 6)
    expect(correlate.condition?.refs.map((r) => r.index)).toEqual([6]);
  });

  test('RIGHT / FULL JOIN of a LATERAL sub-query, UNNEST or LATERAL TABLE is FTS4531, as Flink cannot plan it', () => {
    expect(check(`INSERT INTO out1 SELECT o.order_id, u.name FROM orders o RIGHT JOIN LATERAL (SELECT name FROM users WHERE users.user_id = o.user_id) AS u ON TRUE;`).map((d) => d.slice(0, 50)))
      .toEqual(['error FTS4531 Unknown join type RIGHT: Flink 1.20.']);
    expect(check(`INSERT INTO out1 SELECT o.order_id, t.w FROM orders o FULL JOIN UNNEST(o.tags) AS t(w) ON TRUE;`).map((d) => d.slice(0, 40)))
      .toEqual(['error FTS4531 Unknown join type FULL: Fl']);
  });

  test('LEFT JOIN UNNEST … ON a condition of the unnested columns is bound; one reading the left side is FTS4532', () => {
    const plan = sinkInput(`INSERT INTO out1 SELECT o.order_id, t.w FROM orders o LEFT JOIN UNNEST(o.tags) AS t(w) ON t.w <> 'x';`);
    const correlate = inputsOf(plan)[0]!;
    if (correlate.kind !== 'Correlate') throw new Error('not a Correlate');
    expect([correlate.type, correlate.condition?.refs.map((r) => r.index)]).toEqual(['LEFT', [5]]);
    expect(check(`INSERT INTO out1 SELECT o.order_id, t.w FROM orders o LEFT JOIN UNNEST(o.tags) AS t(w) ON t.w = CAST(o.user_id AS STRING);`).map((d) => d.slice(0, 70)))
      .toEqual(['error FTS4532 unexpected correlate variable $cor0 in the plan: Flink 1']);
  });
});

describe('OVER in an aggregating query', () => {
  test('is an Over above the Aggregate, reading its grouped keys and aggregate calls', () => {
    const b = bound(`SELECT user_id, SUM(amount) AS s, ROW_NUMBER() OVER (ORDER BY SUM(amount) DESC) AS rn FROM orders GROUP BY user_id;`);
    expect(b.diagnostics).toEqual([]);
    const plan = b.statements.at(-1)!.query!;
    expect(shape(plan)).toBe('Project(Over(Aggregate(Scan:orders)))');
    const over = inputsOf(plan)[0]!;
    if (over.kind !== 'Over') throw new Error('not an Over');
    expect(over.calls[0]!.orderBy[0]!.expr.refs.map((r) => r.index)).toEqual([1]);
    expect(plan.columns.map((c) => `${c.name} ${c.type?.kind}`)).toEqual(['user_id BIGINT', 's INT', 'rn BIGINT']);
  });

  test('filtered on its row number in an outer query, it is a TopN over the aggregation', () => {
    const plan = sinkInput(`INSERT INTO out1 SELECT user_id, CAST(s AS STRING) FROM (SELECT user_id, SUM(amount) AS s, ROW_NUMBER() OVER (ORDER BY SUM(amount) DESC) AS rn FROM orders GROUP BY user_id) WHERE rn <= 3;`);
    expect(shape(plan)).toBe('Project(Project(Rank(Aggregate(Scan:orders))))');
  });

  test('a wrong column inside the OVER call or the grouped query is FTS4001 with a hint; an ungrouped column is FTS4411', () => {
    expect(check(`INSERT INTO out1 SELECT user_id AS order_id, CAST(s AS STRING) FROM (SELECT user_id, SUM(amount) AS s, ROW_NUMBER() OVER (ORDER BY SUM(amont) DESC) AS rn FROM orders GROUP BY user_id) WHERE rn <= 3;`))
      .toEqual(["error FTS4001 Column 'amont' not found in any table of the FROM clause | did you mean 'amount'?"]);
    expect(check(`INSERT INTO out1 SELECT user_id AS order_id, CAST(s AS STRING) FROM (SELECT user_id, SUM(amount) AS s, ROW_NUMBER() OVER (PARTITION BY usr_id ORDER BY SUM(amount) DESC) AS rn FROM orders GROUP BY user_id) WHERE rn <= 3;`))
      .toEqual(["error FTS4001 Column 'usr_id' not found in any table of the FROM clause | did you mean 'user_id'?"]);
    expect(check(`INSERT INTO out1 SELECT user_id AS order_id, CAST(s AS STRING) FROM (SELECT user_id, SUM(amount) AS s, ROW_NUMBER() OVER (ORDER BY order_id) AS rn FROM orders GROUP BY user_id) WHERE rn <= 3;`))
      .toEqual(["error FTS4411 Expression 'order_id' is not being grouped | add it to GROUP BY, or aggregate it (e.g. MAX(order_id))"]);
  });
});

describe('LATERAL TABLE of a user table function', () => {
  test('is typed by the declared result row: no aliases needed, the aliases rename it', () => {
    const plan = sinkInput(`INSERT INTO out1 SELECT order_id, word FROM orders, LATERAL TABLE(split_words(CAST(amount AS STRING)));`, SPLIT);
    expect(shape(plan)).toBe('Project(Correlate:split_words(Scan:orders))');
    expect(plan.columns.map((c) => `${c.name} ${c.type?.kind}`)).toEqual(['order_id BIGINT', 'word VARCHAR']);
    const renamed = sinkInput(`INSERT INTO out1 SELECT order_id, w FROM orders LEFT JOIN LATERAL TABLE(split_words(CAST(amount AS STRING))) AS t(w, n) ON TRUE;`, SPLIT);
    const correlate = inputsOf(renamed)[0]!;
    expect(correlate.columns.slice(-2).map((c) => `${c.name} ${c.type?.kind} ${c.type?.nullable}`)).toEqual(['w VARCHAR true', 'n INT true']);
  });

  test('a wrong column among its arguments or its output, an unknown function, a wrong alias count: diagnostics with hints', () => {
    expect(check(`INSERT INTO out1 SELECT order_id, word AS name FROM orders, LATERAL TABLE(split_words(CAST(amout AS STRING)));`, SPLIT))
      .toEqual(["error FTS4001 Column 'amout' not found in any table of the FROM clause | did you mean 'amount'?"]);
    expect(check(`INSERT INTO out1 SELECT order_id, wrd AS name FROM orders, LATERAL TABLE(split_words(CAST(amount AS STRING)));`, SPLIT))
      .toEqual(["error FTS4001 Column 'wrd' not found in any table of the FROM clause | did you mean 'word'?"]);
    expect(check(`INSERT INTO out1 SELECT order_id, word AS name FROM orders, LATERAL TABLE(split_word(CAST(amount AS STRING)));`, SPLIT))
      .toEqual(["error FTS4404 No match found for function signature split_word(<STRING>) | did you mean 'SPLIT_WORDS'?"]);
    expect(check(`INSERT INTO out1 SELECT order_id, w FROM orders, LATERAL TABLE(split_words(CAST(amount AS STRING))) AS t(w);`, SPLIT))
      .toEqual(['error FTS4425 List of column aliases must have same degree as table: 1 aliases for 2 columns | give 2 aliases, one per column']);
  });

  test('LEFT JOIN LATERAL TABLE with an ON condition other than TRUE is FTS4530 with Flink\'s message', () => {
    expect(check(`INSERT INTO out1 SELECT order_id, w FROM orders LEFT JOIN LATERAL TABLE(split_words(CAST(amount AS STRING))) AS t(w, n) ON t.n > 2;`, SPLIT))
      .toEqual(['error FTS4530 Left outer joins with a table function do not accept a predicate such as `t`.`n` > 2. Only literal TRUE is accepted. | write LEFT JOIN LATERAL TABLE(…) ON TRUE and filter in WHERE (which drops the padded rows too), or use [CROSS] JOIN']);
    expect(check(`INSERT INTO out1 SELECT order_id, w AS name FROM orders JOIN LATERAL TABLE(split_words(CAST(amount AS STRING))) AS t(w, n) ON t.n > 2;`, SPLIT)).toEqual([]);
  });

  test('a select list reading a NOT NULL output column of a LEFT JOIN LATERAL TABLE function is FTS4533 (Flink cannot plan it)', () => {
    expect(check(`INSERT INTO out1 SELECT order_id, CAST(n AS STRING) AS name FROM orders LEFT JOIN LATERAL TABLE(split_words(CAST(amount AS STRING))) AS t(w, n) ON TRUE;`, SPLIT).map((d) => d.slice(0, 120)))
      .toEqual(["error FTS4533 Conversion to relational algebra failed to preserve datatypes: Flink 1.20.1 cannot plan a select list read"]);
    // the nullable column, the NOT NULL one only in WHERE, or an inner join: Flink plans them
    expect(check(`INSERT INTO out1 SELECT order_id, w AS name FROM orders LEFT JOIN LATERAL TABLE(split_words(CAST(amount AS STRING))) AS t(w, n) ON TRUE WHERE n IS NULL;`, SPLIT)).toEqual([]);
    expect(check(`INSERT INTO out1 SELECT order_id, CAST(n AS STRING) AS name FROM orders, LATERAL TABLE(split_words(CAST(amount AS STRING))) AS t(w, n);`, SPLIT)).toEqual([]);
  });

  test('without a declared result type, aliases name untyped columns; without aliases it is a visible FTS4501 warning', () => {
    expect(check(`INSERT INTO out1 SELECT order_id, w AS name FROM orders, LATERAL TABLE(split_words(CAST(amount AS STRING))) AS t(w);`)).toEqual([]);
    expect(check(`INSERT INTO out1 SELECT order_id, word FROM orders, LATERAL TABLE(split_words(CAST(amount AS STRING)));`).map((d) => d.slice(0, 60)))
      .toEqual(['warning FTS4501 LATERAL TABLE(split_words(…)) without column']);
  });
});

describe('CREATE TABLE … AS SELECT and CREATE TABLE … LIKE', () => {
  test('CTAS: the query is checked, and the new table has its columns and types', () => {
    expect(check(`CREATE TABLE big WITH ('connector' = 'blackhole') AS SELECT order_idd, amount FROM orders;`))
      .toEqual(["error FTS4001 Column 'order_idd' not found in any table of the FROM clause | did you mean 'order_id'?"]);
    expect(check(`CREATE TABLE big WITH ('connector' = 'blackhole') AS SELECT order_id, amount * 2 AS doubled FROM orders; INSERT INTO out1 SELECT order_id, CAST(doubld AS STRING) FROM big;`))
      .toEqual(["error FTS4001 Column 'doubld' not found in any table of the FROM clause | did you mean 'doubled'?"]);
    const b = bound(`CREATE TABLE big WITH ('connector' = 'blackhole') AS SELECT order_id, amount * 2 AS doubled FROM orders;`);
    const sink = b.statements.at(-1)!.sinks[0]!;
    expect(sink.tableColumns.map((c) => `${c.name} ${c.type?.kind}`)).toEqual(['order_id BIGINT', 'doubled INT']);
  });

  test('LIKE: the source is merged in as Flink merges it (columns, watermark, options); reads of it are checked', () => {
    expect(check(`CREATE TABLE orders2 (note STRING) LIKE orders; INSERT INTO out1 SELECT order_idd, note AS name FROM orders2;`))
      .toEqual(["error FTS4001 Column 'order_idd' not found in any table of the FROM clause | did you mean 'order_id'?"]);
    const b = bound(`CREATE TABLE orders2 (note STRING) WITH ('rows-per-second' = '5') LIKE orders; SELECT * FROM orders2;`);
    expect(b.diagnostics).toEqual([]);
    const scan = b.statements.at(-1)!.query!;
    expect(scan.columns.map((c) => `${c.name}${c.time === undefined ? '' : ` ${c.time}`}`)).toEqual(['order_id', 'user_id', 'amount', 'tags', 'ts rowtime', 'note']);
    const entry = b.catalog.lookup(['orders2']);
    expect(entry?.kind === 'table' && entry.statement.options.map((o) => `${o.key}=${o.value}`)).toEqual(['connector=datagen', 'rows-per-second=5']);
    const excluded = bound(`CREATE TABLE orders3 (note STRING) WITH ('connector' = 'blackhole') LIKE orders (EXCLUDING ALL); SELECT * FROM orders3;`).statements.at(-1)!.query!;
    expect(excluded.columns.map((c) => `${c.name}${c.time === undefined ? '' : ` ${c.time}`}`)).toEqual(['order_id', 'user_id', 'amount', 'tags', 'ts', 'note']);
  });

  test('LIKE: what Flink rejects is FTS4016; an unknown source is FTS4002', () => {
    expect(check(`CREATE TABLE o2 (amount INT) LIKE orders;`)).toEqual(["error FTS4016 A column named 'amount' already exists in the table 'orders' of the LIKE clause | give the new column another name: the source's physical columns are always taken"]);
    expect(check(`CREATE TABLE o2 (t2 TIMESTAMP(3), WATERMARK FOR t2 AS t2) LIKE orders;`)).toEqual(["error FTS4016 The table 'orders' of the LIKE clause already has a watermark (on 'ts') | write EXCLUDING WATERMARKS or OVERWRITING WATERMARKS"]);
    expect(check(`CREATE TABLE o2 (WATERMARK FOR ts AS ts) LIKE orders (OVERWRITING WATERMARKS);`)).toEqual([]);
    expect(check(`CREATE TABLE o2 (t2 TIMESTAMP(3), WATERMARK FOR t2 AS t2) LIKE orders (OVERWRITING WATERMARKS);`).map((d) => d.slice(0, 22))).toEqual(['error FTS4016 The tabl']);
    expect(check(`CREATE TABLE u2 (PRIMARY KEY (name) NOT ENFORCED) LIKE users;`)).toEqual(["error FTS4016 The table 'users' of the LIKE clause already has a primary key | write EXCLUDING CONSTRAINTS to declare another primary key"]);
    expect(check(`CREATE TABLE o2 WITH ('connector' = 'blackhole') LIKE orders (INCLUDING OPTIONS);`)).toEqual(["error FTS4016 The table 'orders' of the LIKE clause already has the option 'connector' | write OVERWRITING OPTIONS to replace it, or EXCLUDING OPTIONS"]);
    expect(check(`CREATE TABLE o2 (x INT) LIKE ordrs;`)).toEqual(["error FTS4002 Source table 'ordrs' of the LIKE clause is not declared in this script | did you mean 'orders'?"]);
    expect(check(`CREATE VIEW v AS SELECT * FROM orders; CREATE TABLE o2 (x INT) LIKE v;`)).toEqual(["error FTS4016 Source table 'default_catalog.default_database.v' of the LIKE clause can not be a VIEW | name a table in LIKE, or declare the columns yourself"]);
  });
});
