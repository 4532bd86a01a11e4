import { describe, expect, test } from 'vitest';
import type { CreateTable, Insert, Query, Statement } from '../../src/index.js';
import { printQuery, printScript, printStatement, printStatements } from '../../src/index.js';
import { dtValidate } from '../../../../test/support/dt-sql-parser.js';
import { BIGINT_NN, INT, LTZ3, STRING, TS3, bin, call, col, item, num, select, str, tableRef } from './nodes.js';

const orders: CreateTable = {
  kind: 'CreateTable',
  path: ['cat', 'db', 'orders'],
  temporary: true,
  ifNotExists: true,
  columns: [
    { kind: 'PhysicalColumn', name: 'id', type: BIGINT_NN, comment: 'order id' },
    { kind: 'PhysicalColumn', name: 'timestamp', type: INT },
    { kind: 'PhysicalColumn', name: 'ts', type: TS3 },
    { kind: 'ComputedColumn', name: 'proc_time', expr: call('PROCTIME') },
    { kind: 'MetadataColumn', name: 'kafka_ts', type: LTZ3, from: 'timestamp', virtual: true },
  ],
  watermark: { column: 'ts', expr: bin('-', col('ts'), { kind: 'IntervalLiteral', negative: false, value: '5', qualifier: { start: 'SECOND' } }) },
  primaryKey: { columns: ['id'] },
  comment: 'orders table',
  partitionedBy: ['timestamp'],
  options: [
    { key: 'connector', value: 'upsert-kafka' },
    { key: 'topic', value: "it's" },
    { key: 'properties.sasl.jaas.config', value: '${KAFKA_JAAS}' },
  ],
};

const EXPECTED_ORDERS = `CREATE TEMPORARY TABLE IF NOT EXISTS \`cat\`.\`db\`.\`orders\` (
  \`id\`        BIGINT NOT NULL COMMENT 'order id',
  \`timestamp\` INT,
  \`ts\`        TIMESTAMP(3),
  \`proc_time\` AS PROCTIME(),
  \`kafka_ts\`  TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL,
  WATERMARK FOR \`ts\` AS \`ts\` - INTERVAL '5' SECOND,
  PRIMARY KEY (\`id\`) NOT ENFORCED
)
COMMENT 'orders table'
PARTITIONED BY (\`timestamp\`)
WITH (
  'connector' = 'upsert-kafka',
  'topic' = 'it''s',
  'properties.sasl.jaas.config' = '\${KAFKA_JAAS}'
);`;

const joinQuery: Query = select(
  [item(col('id', 'o'), 'order_id'), item(call('UPPER', col('name', 'u')), 'name'), { kind: 'SelectStar', table: 'o' }],
  {
    kind: 'Join',
    type: 'LEFT',
    left: tableRef('orders', 'o'),
    right: { kind: 'TableRef', path: ['users'], alias: 'u', forSystemTimeAsOf: col('proc_time', 'o'), hints: [{ name: 'OPTIONS', options: [{ key: 'lookup.cache', value: 'PARTIAL' }] }] },
    on: bin('=', col('user_id', 'o'), col('id', 'u')),
  },
  { where: bin('>', col('amount', 'o'), num('100')), orderBy: [{ expr: col('id', 'o') }], limit: num('10') },
);

describe('queries', () => {
  test('select with a lookup join, hints, where, order by and limit', () => {
    expect(printQuery(joinQuery)).toBe(
      [
        'SELECT',
        '  `o`.`id` AS `order_id`,',
        '  UPPER(`u`.`name`) AS `name`,',
        '  `o`.*',
        "FROM `orders` AS `o`\nLEFT JOIN `users` /*+ OPTIONS('lookup.cache'='PARTIAL') */ FOR SYSTEM_TIME AS OF `o`.`proc_time` AS `u`",
        '  ON `o`.`user_id` = `u`.`id`',
        'WHERE `o`.`amount` > 100',
        'ORDER BY `o`.`id`',
        'LIMIT 10',
      ].join('\n'),
    );
  });

  test('group by, having, distinct, named windows and grouping sets', () => {
    const q = select([item(col('k')), item({ kind: 'FunctionCall', name: ['COUNT'], args: [], star: true }, 'cnt')], tableRef('t'), {
      distinct: true,
      groupBy: [col('k'), { kind: 'GroupingSets', sets: [[col('a')], []] }, { kind: 'Rollup', exprs: [col('b')] }, { kind: 'Cube', exprs: [col('c')] }],
      having: bin('>', { kind: 'FunctionCall', name: ['COUNT'], args: [], star: true }, num('1')),
      windows: [{ name: 'w', spec: { partitionBy: [col('k')], orderBy: [] } }],
      hints: [{ name: 'STATE_TTL', options: [{ key: 't', value: '1d' }] }],
    });
    expect(printQuery(q)).toBe(
      "SELECT /*+ STATE_TTL('t'='1d') */ DISTINCT\n  `k`,\n  COUNT(*) AS `cnt`\nFROM `t`\nGROUP BY\n  `k`,\n  GROUPING SETS ((`a`), ()),\n  ROLLUP (`b`),\n  CUBE (`c`)\nHAVING COUNT(*) > 1\nWINDOW `w` AS (PARTITION BY `k`)",
    );
  });

  test('window TVF, unnest, lateral table function, subquery and comma join', () => {
    const tvf = {
      kind: 'TableFunction' as const,
      lateral: false,
      call: { kind: 'FunctionCall' as const, name: ['TUMBLE'], args: [{ kind: 'TableArg' as const, relation: tableRef('orders') }, { kind: 'Descriptor' as const, columns: ['ts'] }, { kind: 'IntervalLiteral' as const, negative: false, value: '10', qualifier: { start: 'MINUTE' as const } }] },
    };
    const q = select([item(col('window_start'))], {
      kind: 'Join',
      type: 'CROSS',
      left: {
        kind: 'Join', type: 'INNER', comma: true, left: tvf,
        right: { kind: 'SubqueryRelation', query: select([item(num('1'), 'x')]), alias: 's' },
      },
      right: { kind: 'Unnest', args: [col('tags')], withOrdinality: true, alias: 'tg', columnAliases: ['tag', 'pos'] },
    });
    expect(printQuery(q)).toBe(
      "SELECT\n  `window_start`\nFROM TABLE(TUMBLE(TABLE `orders`, DESCRIPTOR(`ts`), INTERVAL '10' MINUTE)),\n(\n  SELECT\n    1 AS `x`\n) AS `s`\nCROSS JOIN UNNEST(`tags`) WITH ORDINALITY AS `tg` (`tag`, `pos`)",
    );
    const lateral = select([item(col('w'))], {
      kind: 'Join', type: 'LEFT', left: tableRef('t'),
      right: { kind: 'TableFunction', lateral: true, call: { kind: 'FunctionCall', name: ['split'], args: [col('s')] }, alias: 'x', columnAliases: ['w'] },
      on: { kind: 'BooleanLiteral', value: true },
    });
    expect(printQuery(lateral)).toBe('SELECT\n  `w`\nFROM `t`\nLEFT JOIN LATERAL TABLE(`split`(`s`)) AS `x` (`w`)\n  ON TRUE');
  });

  test('indentation never changes multi-line string literals or back-quoted identifiers', () => {
    const inner = select([item(str("line 1\nline 2 'quoted'"), 'multi\nline'), item(col('a'))], tableRef('t'));
    const outer = select([item({ kind: 'ScalarSubquery', query: inner }, 'x')], { kind: 'SubqueryRelation', query: inner, alias: 's' });
    const text = printQuery(outer);
    expect(text).toBe(
      "SELECT\n  (\n    SELECT\n      'line 1\nline 2 ''quoted''' AS `multi\nline`,\n      `a`\n    FROM `t`\n  ) AS `x`\n" +
      "FROM (\n  SELECT\n    'line 1\nline 2 ''quoted''' AS `multi\nline`,\n    `a`\n  FROM `t`\n) AS `s`",
    );
  });

  test('control characters in literals, identifiers and comments are printed as they are, whatever the nesting', () => {
    // the deferred indentation marks nesting with U+0001 / U+0002 (layout.ts): text the user wrote may hold them
    const odd = '\u0001x\u0002\n\u0002';
    const inner = select([{ kind: 'SelectExpr', expr: str(odd), alias: odd, comments: [`-- ${odd.replace('\n', ' ')}`, `/* ${odd} */`] }], tableRef('t'));
    const text = printQuery(select([item(col('a'))], { kind: 'SubqueryRelation', query: inner, alias: 's' }));
    // (a block comment's later lines are indented with the code around it, as every comment line is)
    const comment = `/* ${odd.replace('\n', '\n    ')} */`;
    expect(text).toBe(`SELECT\n  \`a\`\nFROM (\n  SELECT\n    -- ${odd.replace('\n', ' ')}\n    ${comment}\n    '${odd}' AS \`${odd}\`\n  FROM \`t\`\n) AS \`s\``);
  });

  test('comments inside indented text may hold quotes', () => {
    const inner = select([{ kind: 'SelectExpr', expr: col('a'), comments: ["-- don't drop", '/* it\'s */'] }, item(col('b'))], tableRef('t'));
    expect(printQuery(select([item(col('a'))], { kind: 'SubqueryRelation', query: inner, alias: 's' }))).toBe(
      "SELECT\n  `a`\nFROM (\n  SELECT\n    -- don't drop\n    /* it's */\n    `a`,\n    `b`\n  FROM `t`\n) AS `s`",
    );
  });

  test('UNION ALL, VALUES and WITH', () => {
    const union: Query = {
      kind: 'SetOperation', op: 'UNION', all: true,
      left: select([item(col('a'))], tableRef('t1')),
      right: { kind: 'SetOperation', op: 'UNION', all: false, left: select([item(col('a'))], tableRef('t2')), right: { kind: 'Values', rows: [[num('1')], [num('2')]] } },
    };
    expect(printQuery(union)).toBe(
      'SELECT\n  `a`\nFROM `t1`\nUNION ALL\n(\n  SELECT\n    `a`\n  FROM `t2`\n  UNION\n  VALUES\n    (1),\n    (2)\n)',
    );
    const withQuery: Query = { kind: 'With', ctes: [{ name: 'c', columns: ['x'], query: select([item(num('1'))]) }], body: select([item(col('x'))], tableRef('c')) };
    expect(printQuery(withQuery)).toBe('WITH `c` (`x`) AS (\n  SELECT\n    1\n)\nSELECT\n  `x`\nFROM `c`');
  });
});

const insert: Insert = {
  kind: 'Insert',
  target: ['sink'],
  overwrite: false,
  columns: ['id', 'name'],
  query: select([item(col('id')), item(col('name'))], tableRef('src')),
};

const statements: [string, Statement, string][] = [
  ['SET', { kind: 'Set', key: 'table.exec.state.ttl', value: '1 d' }, "SET 'table.exec.state.ttl' = '1 d';"],
  ['SET alone', { kind: 'Set' }, 'SET;'],
  ['RESET', { kind: 'Reset', key: 'a.b' }, "RESET 'a.b';"],
  ['RESET alone', { kind: 'Reset' }, 'RESET;'],
  ['CREATE CATALOG', { kind: 'CreateCatalog', name: 'hive', ifNotExists: false, options: [{ key: 'type', value: 'hive' }, { key: 'hive-conf-dir', value: '/opt/hive' }] }, "CREATE CATALOG `hive`\nWITH (\n  'type' = 'hive',\n  'hive-conf-dir' = '/opt/hive'\n);"],
  ['CREATE DATABASE', { kind: 'CreateDatabase', path: ['c', 'db'], ifNotExists: true, comment: 'd', options: [] }, "CREATE DATABASE IF NOT EXISTS `c`.`db`\nCOMMENT 'd';"],
  ['CREATE TABLE', orders, EXPECTED_ORDERS],
  ['CREATE TABLE LIKE with distribution', {
    kind: 'CreateTable', path: ['t2'], temporary: false, ifNotExists: false, columns: [{ kind: 'PhysicalColumn', name: 'x', type: STRING }], partitionedBy: [],
    distribution: { algorithm: 'HASH', columns: ['x'], buckets: 4 },
    options: [{ key: 'connector', value: 'print' }], like: { path: ['orders'], options: [{ mode: 'EXCLUDING', target: 'OPTIONS' }, { mode: 'INCLUDING', target: 'WATERMARKS' }] },
  }, "CREATE TABLE `t2` (\n  `x` STRING\n)\nDISTRIBUTED BY HASH(`x`) INTO 4 BUCKETS\nWITH (\n  'connector' = 'print'\n)\nLIKE `orders` (\n  EXCLUDING OPTIONS\n  INCLUDING WATERMARKS\n);"],
  ['CTAS', { kind: 'CreateTable', path: ['t3'], temporary: false, ifNotExists: false, columns: [], partitionedBy: [], options: [{ key: 'connector', value: 'blackhole' }], asQuery: select([item(col('a'))], tableRef('t')) }, "CREATE TABLE `t3`\nWITH (\n  'connector' = 'blackhole'\n)\nAS\nSELECT\n  `a`\nFROM `t`;"],
  ['CREATE VIEW', { kind: 'CreateView', path: ['v'], temporary: true, ifNotExists: false, columns: ['a'], query: select([item(col('a'))], tableRef('t')) }, 'CREATE TEMPORARY VIEW `v` (`a`)\nAS\nSELECT\n  `a`\nFROM `t`;'],
  ['CREATE FUNCTION', { kind: 'CreateFunction', path: ['f'], temporary: true, system: true, ifNotExists: true, className: 'com.x.F', language: 'JAVA', jars: ['/x.jar'] }, "CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS `f` AS 'com.x.F' LANGUAGE JAVA USING JAR '/x.jar';"],
  ['DROP TABLE', { kind: 'Drop', object: 'TABLE', path: ['t'], ifExists: true, temporary: true }, 'DROP TEMPORARY TABLE IF EXISTS `t`;'],
  ['DROP DATABASE CASCADE', { kind: 'Drop', object: 'DATABASE', path: ['db'], ifExists: false, temporary: false, behavior: 'CASCADE' }, 'DROP DATABASE `db` CASCADE;'],
  ['ALTER TABLE RENAME', { kind: 'AlterTable', path: ['t'], ifExists: true, action: { kind: 'RenameTable', to: ['t2'] } }, 'ALTER TABLE IF EXISTS `t` RENAME TO `t2`;'],
  ['ALTER TABLE SET', { kind: 'AlterTable', path: ['t'], ifExists: false, action: { kind: 'SetOptions', options: [{ key: 'a', value: 'b' }] } }, "ALTER TABLE `t` SET (\n  'a' = 'b'\n);"],
  ['ALTER TABLE RESET', { kind: 'AlterTable', path: ['t'], ifExists: false, action: { kind: 'ResetOptions', keys: ['a', 'b'] } }, "ALTER TABLE `t` RESET ('a', 'b');"],
  ['ALTER TABLE ADD', { kind: 'AlterTable', path: ['t'], ifExists: false, action: { kind: 'AddSchema', columns: [{ kind: 'PhysicalColumn', name: 'c', type: INT }] } }, 'ALTER TABLE `t` ADD (\n  `c` INT\n);'],
  ['ALTER TABLE MODIFY', { kind: 'AlterTable', path: ['t'], ifExists: false, action: { kind: 'ModifySchema', columns: [], primaryKey: { name: 'pk', columns: ['a'] } } }, 'ALTER TABLE `t` MODIFY (\n  CONSTRAINT `pk` PRIMARY KEY (`a`) NOT ENFORCED\n);'],
  ['ALTER TABLE DROP columns', { kind: 'AlterTable', path: ['t'], ifExists: false, action: { kind: 'DropColumns', columns: ['a', 'b'] } }, 'ALTER TABLE `t` DROP (`a`, `b`);'],
  ['ALTER TABLE DROP PRIMARY KEY', { kind: 'AlterTable', path: ['t'], ifExists: false, action: { kind: 'DropPrimaryKey' } }, 'ALTER TABLE `t` DROP PRIMARY KEY;'],
  ['ALTER TABLE DROP WATERMARK', { kind: 'AlterTable', path: ['t'], ifExists: false, action: { kind: 'DropWatermark' } }, 'ALTER TABLE `t` DROP WATERMARK;'],
  ['ALTER TABLE RENAME column', { kind: 'AlterTable', path: ['t'], ifExists: false, action: { kind: 'RenameColumn', from: 'a', to: 'b' } }, 'ALTER TABLE `t` RENAME `a` TO `b`;'],
  ['ALTER VIEW AS', { kind: 'AlterOther', object: 'VIEW', path: ['v'], query: select([item(num('1'))]) }, 'ALTER VIEW `v` AS\nSELECT\n  1;'],
  ['ALTER DATABASE SET', { kind: 'AlterOther', object: 'DATABASE', path: ['db'], options: [{ key: 'k', value: 'v' }] }, "ALTER DATABASE `db` SET (\n  'k' = 'v'\n);"],
  ['ALTER FUNCTION', { kind: 'AlterOther', object: 'FUNCTION', path: ['f'], className: 'com.x.G', temporary: true, ifExists: true }, "ALTER TEMPORARY FUNCTION IF EXISTS `f` AS 'com.x.G';"],
  ['USE CATALOG', { kind: 'UseCatalog', name: 'hive' }, 'USE CATALOG `hive`;'],
  ['USE', { kind: 'UseDatabase', path: ['hive', 'db'] }, 'USE `hive`.`db`;'],
  ['USE MODULES', { kind: 'UseModules', modules: ['hive', 'core'] }, 'USE MODULES `hive`, `core`;'],
  ['SHOW TABLES', { kind: 'Show', what: 'TABLES', from: ['db'], like: { pattern: 'a%', negated: true, ilike: false } }, "SHOW TABLES FROM `db` NOT LIKE 'a%';"],
  ['SHOW CREATE TABLE', { kind: 'Show', what: 'CREATE TABLE', target: ['t'] }, 'SHOW CREATE TABLE `t`;'],
  ['DESCRIBE', { kind: 'Describe', path: ['t'] }, 'DESCRIBE `t`;'],
  ['EXPLAIN', { kind: 'Explain', details: ['CHANGELOG_MODE'], statement: { kind: 'QueryStatement', query: select([item(num('1'))]) } }, 'EXPLAIN CHANGELOG_MODE\nSELECT\n  1;'],
  ['INSERT with columns', insert, 'INSERT INTO `sink` (`id`, `name`)\nSELECT\n  `id`,\n  `name`\nFROM `src`;'],
  ['INSERT with a long column list', { ...insert, target: ['dwd_wrong_record_wide_delta'], columns: ['id', 'wrong_id', 'user_id', 'subject', 'subject_name', 'question_id', 'question'] } as Insert,
    'INSERT INTO `dwd_wrong_record_wide_delta` (\n  `id`,\n  `wrong_id`,\n  `user_id`,\n  `subject`,\n  `subject_name`,\n  `question_id`,\n  `question`\n)\nSELECT\n  `id`,\n  `name`\nFROM `src`;'],
  ['INSERT OVERWRITE with partition and hints', { ...insert, overwrite: true, columns: undefined, partition: [{ key: 'dt', value: str('2024-01-01') }], hints: [{ name: 'OPTIONS', options: [{ key: 'sink.parallelism', value: '2' }] }] } as Insert, "INSERT OVERWRITE `sink` /*+ OPTIONS('sink.parallelism'='2') */ PARTITION (`dt` = '2024-01-01')\nSELECT\n  `id`,\n  `name`\nFROM `src`;"],
  ['statement set', { kind: 'StatementSet', inserts: [insert, { ...insert, target: ['sink2'] }] }, 'EXECUTE STATEMENT SET\nBEGIN\n  INSERT INTO `sink` (`id`, `name`)\n  SELECT\n    `id`,\n    `name`\n  FROM `src`;\n\n  INSERT INTO `sink2` (`id`, `name`)\n  SELECT\n    `id`,\n    `name`\n  FROM `src`;\nEND;'],
  ['query statement with comments', { kind: 'QueryStatement', query: select([item(num('1'))]), comments: ['-- one', '/* two */'] }, '-- one\n/* two */\nSELECT\n  1;'],
];

describe('statements', () => {
  test.each(statements)('%s', (_name, statement, sql) => {
    expect(printStatement(statement)).toBe(sql);
  });

  test('a script separates statements with blank lines, keeps trailing comments and ends with a newline', () => {
    const byName = (n: string): Statement => statements.find(([name]) => name === n)![1];
    const text = printScript({ kind: 'Script', statements: [byName('SET'), byName('USE CATALOG')], trailingComments: ['-- end'] });
    expect(text).toBe("SET 'table.exec.state.ttl' = '1 d';\n\nUSE CATALOG `hive`;\n\n-- end\n");
    expect(printScript({ kind: 'Script', statements: [] })).toBe('');
  });

  test('printStatements is printScript without trailing comments', () => {
    const list = [statements[0]![1], statements[1]![1]];
    expect(printStatements(list)).toBe(printScript({ kind: 'Script', statements: list }));
    expect(printStatements([])).toBe('');
  });

  test('printed output has no trailing whitespace', () => {
    for (const [, statement] of statements) {
      expect(printStatement(statement)).not.toMatch(/[ \t]+$/m);
    }
  });
});

describe('dt-sql-parser accepts the printed statements its grammar covers', () => {
  // dt-sql-parser's FlinkSQL grammar is not complete (no ALTER … MODIFY, USE MODULES, SHOW … NOT LIKE,
  // DISTRIBUTED BY, EXPLAIN details …), so only the statement kinds it covers are cross-checked.
  const covered = new Set([
    'SET', 'RESET', 'CREATE CATALOG', 'CREATE TABLE', 'CTAS', 'CREATE VIEW', 'DROP TABLE',
    'ALTER TABLE RENAME', 'ALTER TABLE SET', 'USE CATALOG', 'USE', 'DESCRIBE', 'INSERT with columns', 'INSERT with a long column list', 'statement set',
    'query statement with comments',
  ]);
  test.each(statements.filter(([name]) => covered.has(name)))('%s', (_name, statement) => {
    expect(dtValidate(printStatement(statement))).toEqual([]);
  });

  test('CREATE DATABASE with a WITH clause (dt-sql-parser requires one)', () => {
    expect(dtValidate(printStatement({ kind: 'CreateDatabase', path: ['c', 'db'], ifNotExists: true, comment: 'd', options: [{ key: 'k', value: 'v' }] }))).toEqual([]);
  });

  test('queries', () => {
    expect(dtValidate(`${printQuery(joinQuery)};`)).toEqual([]);
  });
});
