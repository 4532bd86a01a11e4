import { describe, expect, test } from 'vitest';
import {
  FlinktsError,
  caseWhen,
  cast,
  catalog,
  coalesce,
  createDatabase,
  createTableLike,
  cte,
  deduplicate,
  fn,
  from,
  genericCatalog,
  genericConnector,
  hop,
  insertInto,
  insertIntoPositional,
  interval,
  lit,
  metadata,
  column,
  nullOf,
  printQuery,
  printStatement,
  set,
  sql,
  statementSet,
  t,
  table,
  topN,
  tryCast,
  tumble,
  use,
  useCatalog,
  view,
  withCtes,
  session,
  cumulate,
} from '../../src/index.js';
import { inferFunctionType, supportsImplicitCast } from '../../src/internal/index.js';
import type { DataType } from '../../src/index.js';

const orders = table('orders', {
  columns: {
    id: t.bigint(),
    user_id: t.int(),
    amount: t.decimal(10, 2),
    tags: t.array(t.string()),
    ts: t.timestamp(3),
    kafka_ts: metadata(t.timestampLtz(3), { from: 'timestamp', virtual: true }),
  },
  computed: () => ({ proc_time: fn.proctime() }),
  watermark: { column: 'ts', delay: interval('5', 'SECOND') },
  primaryKey: ['id'],
  layer: 'ods',
  connector: genericConnector('kafka', { topic: 'orders' }, { source: 'insert-only' }),
});
const users = table('users', { columns: { uid: t.int().notNull(), name: column(t.string(), 'display name') } });

describe('data types', () => {
  test('parameters, defaults and NOT NULL', () => {
    expect(t.string().node).toEqual({ kind: 'VARCHAR', length: 2147483647, nullable: true });
    expect(t.varchar().node).toEqual({ kind: 'VARCHAR', length: 1, nullable: true });
    expect(t.decimal().node).toEqual({ kind: 'DECIMAL', precision: 10, scale: 0, nullable: true });
    expect(t.timestamp().node).toEqual({ kind: 'TIMESTAMP', precision: 6, nullable: true });
    expect(t.time().node).toEqual({ kind: 'TIME', precision: 0, nullable: true });
    expect(t.bigint().notNull().node.nullable).toBe(false);
    expect(t.map(t.string(), t.array(t.int().notNull())).node).toEqual({
      kind: 'MAP', key: { kind: 'VARCHAR', length: 2147483647, nullable: true },
      value: { kind: 'ARRAY', element: { kind: 'INT', nullable: false }, nullable: true }, nullable: true,
    });
    expect(t.row({ a: t.int() }, { a: 'the a' }).node).toEqual({ kind: 'ROW', fields: [{ name: 'a', type: { kind: 'INT', nullable: true }, description: 'the a' }], nullable: true });
    expect(t.intervalDayTime('SECOND', 2, 3).node).toEqual({ kind: 'INTERVAL_DAY_TIME', resolution: 'SECOND', dayPrecision: 2, fractionalPrecision: 3, nullable: true });
  });

  test('out-of-range parameters are diagnostics, not silent clamps', () => {
    expect(() => t.decimal(39, 2)).toThrowError(FlinktsError);
    expect(() => t.decimal(10, 11)).toThrowError(/scale must be an integer from 0 to 10/);
    expect(() => t.timestamp(10)).toThrowError(/precision must be an integer from 0 to 9, got 10/);
    expect(() => t.varchar(0)).toThrowError(/length/);
    try {
      t.decimal(40);
    } catch (e) {
      expect((e as FlinktsError).diagnostics[0]!.code).toBe('FTS2002');
    }
  });

  test('implicit cast matrix follows Flink (INSERT INTO rules)', () => {
    const ty = (kind: DataType['kind']): DataType => ({ kind, nullable: true }) as DataType;
    expect(supportsImplicitCast(ty('INT'), ty('BIGINT'))).toBe(true);
    expect(supportsImplicitCast(ty('BIGINT'), ty('INT'))).toBe(false);
    expect(supportsImplicitCast(ty('INT'), t.string().node)).toBe(false);
    expect(supportsImplicitCast(ty('TIMESTAMP_LTZ'), ty('TIMESTAMP'))).toBe(true);
    expect(supportsImplicitCast(ty('TIMESTAMP'), ty('TIMESTAMP_LTZ'))).toBe(true);
    expect(supportsImplicitCast(ty('DATE'), ty('TIMESTAMP'))).toBe(false);
    expect(supportsImplicitCast(t.char(3).node, t.string().node)).toBe(true);
    expect(supportsImplicitCast(t.string().node, t.char(3).node)).toBe(false);
    expect(supportsImplicitCast(t.array(t.int()).node, t.array(t.bigint()).node)).toBe(true);
    expect(supportsImplicitCast(t.array(t.bigint()).node, t.array(t.int()).node)).toBe(false);
  });
});

describe('tables', () => {
  test('declaration becomes a CREATE TABLE node with PK columns NOT NULL and computed/metadata columns', () => {
    const s = orders.toStatement();
    expect(s.path).toEqual(['orders']);
    expect(s.columns.map((c) => `${c.kind}:${c.name}`)).toEqual([
      'PhysicalColumn:id', 'PhysicalColumn:user_id', 'PhysicalColumn:amount', 'PhysicalColumn:tags', 'PhysicalColumn:ts', 'MetadataColumn:kafka_ts', 'ComputedColumn:proc_time',
    ]);
    expect(s.columns[0]).toEqual({ kind: 'PhysicalColumn', name: 'id', type: { kind: 'BIGINT', nullable: false } });
    expect(s.primaryKey).toEqual({ columns: ['id'] });
    expect(s.watermark?.expr).toEqual({ kind: 'Binary', op: '-', left: { kind: 'ColumnRef', name: 'ts' }, right: { kind: 'IntervalLiteral', negative: false, value: '5', qualifier: { start: 'SECOND' } } });
    expect(s.options).toEqual([{ key: 'connector', value: 'kafka' }, { key: 'topic', value: 'orders' }]);
    expect(orders.layer).toBe('ods');
    expect(orders.connector?.capabilities.source).toBe('insert-only');
    expect(Object.isFrozen(s)).toBe(true);
    expect(orders.columnTypes.filter((c) => c.writable).map((c) => c.name)).toEqual(['id', 'user_id', 'amount', 'tags', 'ts']);
  });

  test('qualification, temporary, comments and partitions', () => {
    const d = table('dwd_orders', {
      columns: { id: t.bigint(), dt: t.string() },
      catalog: 'paimon', database: 'dwd', temporary: true, ifNotExists: true, comment: 'orders', partitionedBy: ['dt'],
    });
    expect(printStatement(d.toStatement())).toBe(
      "CREATE TEMPORARY TABLE IF NOT EXISTS `paimon`.`dwd`.`dwd_orders` (\n  `id` BIGINT,\n  `dt` STRING\n)\nCOMMENT 'orders'\nPARTITIONED BY (`dt`);",
    );
    expect(printStatement(users.toStatement())).toContain("`name` STRING COMMENT 'display name'");
  });

  test('inconsistent declarations are rejected with did-you-mean hints', () => {
    const attempt = () => table('x', { columns: { id: t.int(), ts: t.timestamp(6) }, primaryKey: ['idd' as 'id'], watermark: { column: 'ts' } });
    expect(attempt).toThrowError(FlinktsError);
    try {
      attempt();
    } catch (e) {
      const ds = (e as FlinktsError).diagnostics;
      expect(ds.map((d) => d.code)).toEqual(['FTS2101', 'FTS2103']);
      expect(ds[0]!.hint).toBe("did you mean 'id'?");
      expect(ds[0]!.path).toBe('tables.x.primaryKey');
    }
  });
});

describe('expressions and functions', () => {
  test('operators produce AST nodes', () => {
    const q = from(orders, 'o').where(({ o }) => o.amount.gt(100).and(o.user_id.in([1, 2])).or(o.id.between(1n, 10n).not()));
    const sel = q.select(({ o }) => ({ x: o.amount.times(2).plus(o.user_id), y: o.id.isNull() }));
    expect(printQuery(sel.query)).toBe(
      'SELECT\n  `o`.`amount` * 2 + `o`.`user_id` AS `x`,\n  `o`.`id` IS NULL AS `y`\nFROM `orders` AS `o`\nWHERE `o`.`amount` > 100 AND `o`.`user_id` IN (1, 2) OR NOT `o`.`id` BETWEEN 1 AND 10',
    );
  });

  test('literals keep exact values', () => {
    expect(lit(12345678901234567890n).node).toEqual({ kind: 'NumericLiteral', text: '12345678901234567890' });
    expect(lit(-1.5).node).toEqual({ kind: 'Unary', op: '-', operand: { kind: 'NumericLiteral', text: '1.5' } });
    expect(lit.decimal('123456789012345678901234.5678').node).toEqual({ kind: 'NumericLiteral', text: '123456789012345678901234.5678' });
    expect(lit.timestamp('2024-01-01 00:00:00.123456789').node).toEqual({ kind: 'TemporalLiteral', type: 'TIMESTAMP', value: '2024-01-01 00:00:00.123456789' });
    expect(lit("it's").node).toEqual({ kind: 'StringLiteral', value: "it's" });
    expect(() => lit(Number.NaN)).toThrowError(/NaN/);
  });

  test('functions, special forms, conditionals and casts print as Flink SQL', () => {
    const q = from(orders, 'o').select(({ o }) => ({
      h: fn.hashCode(o.id),
      j: fn.jsonValue(lit('{}'), '$.a', { returning: t.int(), onEmpty: { default: 0 }, onError: 'NULL' }),
      d: fn.dateFormat(o.ts, 'yyyy-MM-dd'),
      ltz: fn.toTimestampLtz(o.id, 3),
      diff: fn.timestampDiff('HOUR', o.ts, o.ts),
      e: fn.extract('DAY', o.ts),
      f: fn.floorTo(o.ts, 'HOUR'),
      s: fn.substring(lit('abc'), 1, 2),
      tr: fn.trim(lit(' x '), { side: 'LEADING' }),
      c: caseWhen(o.amount.gt(1), lit('big')).when(o.amount.gt(0), 'small').else('none'),
      co: coalesce(o.user_id, 0),
      ca: cast(o.user_id, t.string()),
      tc: tryCast(lit('1'), t.int()),
      n: nullOf(t.string()),
      sh: fn.sha2(lit('x'), 256),
      raw: sql<'INT', number>`MY_UDF(${o.id}, 'k')`,
    }));
    expect(printQuery(q.query).split('\n').slice(1, 17)).toEqual([
      '  HASH_CODE(`o`.`id`) AS `h`,',
      "  JSON_VALUE('{}', '$.a' RETURNING INT DEFAULT 0 ON EMPTY NULL ON ERROR) AS `j`,",
      "  DATE_FORMAT(`o`.`ts`, 'yyyy-MM-dd') AS `d`,",
      '  TO_TIMESTAMP_LTZ(`o`.`id`, 3) AS `ltz`,',
      '  TIMESTAMPDIFF(HOUR, `o`.`ts`, `o`.`ts`) AS `diff`,',
      '  EXTRACT(DAY FROM `o`.`ts`) AS `e`,',
      '  FLOOR(`o`.`ts` TO HOUR) AS `f`,',
      "  SUBSTRING('abc', 1, 2) AS `s`,",
      "  TRIM(LEADING FROM ' x ') AS `tr`,",
      "  CASE WHEN `o`.`amount` > 1 THEN 'big' WHEN `o`.`amount` > 0 THEN 'small' ELSE 'none' END AS `c`,",
      '  COALESCE(`o`.`user_id`, 0) AS `co`,',
      '  CAST(`o`.`user_id` AS STRING) AS `ca`,',
      "  TRY_CAST('1' AS INT) AS `tc`,",
      '  CAST(NULL AS STRING) AS `n`,',
      "  SHA2('x', 256) AS `sh`,",
      "  MY_UDF(`o`.`id`, 'k') AS `raw`",
    ]);
  });

  test('aggregates with FILTER and DISTINCT, OVER windows', () => {
    const q = from(orders, 'o')
      .groupBy(({ o }) => [o.user_id])
      .having(({ o }) => fn.count().gt(1))
      .select(({ o }) => ({
        u: o.user_id,
        n: fn.count(),
        nd: fn.countDistinct(o.id),
        s: fn.sum(o.amount).filter(o.amount.gt(0)),
        a: fn.avg(o.amount),
        l: fn.listagg(o.user_id, ','),
        fv: fn.firstValue(o.id),
      }));
    expect(printQuery(q.query)).toContain('SUM(`o`.`amount`) FILTER (WHERE `o`.`amount` > 0) AS `s`');
    expect(printQuery(q.query)).toContain('COUNT(DISTINCT `o`.`id`) AS `nd`');
    expect(printQuery(q.query)).toContain('HAVING COUNT(*) > 1');
    const over = from(orders, 'o').select(({ o }) => ({
      rn: fn.rowNumber().over({ partitionBy: [o.user_id], orderBy: [o.ts.desc()] }),
      r: fn.rank().over({ orderBy: [o.ts] }),
      run: fn.sum(o.amount).over({ partitionBy: [o.user_id], orderBy: [o.ts], frame: { unit: 'RANGE', start: { kind: 'Preceding', offset: interval('1', 'HOUR').node }, end: { kind: 'CurrentRow' } } }),
    }));
    expect(printQuery(over.query)).toContain('ROW_NUMBER() OVER (PARTITION BY `o`.`user_id` ORDER BY `o`.`ts` DESC) AS `rn`');
    expect(printQuery(over.query)).toContain("SUM(`o`.`amount`) OVER (PARTITION BY `o`.`user_id` ORDER BY `o`.`ts` RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW) AS `run`");
  });

  test('inferFunctionType uses the catalog rules', () => {
    const INT: DataType = { kind: 'INT', nullable: false };
    const STR: DataType = { kind: 'VARCHAR', length: 10, nullable: true };
    expect(inferFunctionType('HASH_CODE', [INT])).toEqual({ ok: true, type: { kind: 'INT', nullable: false } });
    expect(inferFunctionType('date_format', [STR, STR])).toEqual({ ok: true, type: { kind: 'VARCHAR', length: 2147483647, nullable: true } });
    expect(inferFunctionType('TO_TIMESTAMP_LTZ', [INT, INT])).toEqual({ ok: true, type: { kind: 'TIMESTAMP_LTZ', precision: 3, nullable: true } });
    expect(inferFunctionType('AVG', [INT])).toEqual({ ok: true, type: { kind: 'INT', nullable: true } });
    expect(inferFunctionType('COUNT', [STR])).toEqual({ ok: true, type: { kind: 'BIGINT', nullable: false } });
    expect(inferFunctionType('COALESCE', [STR, { kind: 'VARCHAR', length: 20, nullable: false }])).toEqual({ ok: true, type: { kind: 'VARCHAR', length: 20, nullable: false } });
    expect(inferFunctionType('UPPER', [INT, INT])).toEqual({ ok: false, reason: 'arity', expected: '1 argument' });
    expect(inferFunctionType('NO_SUCH', [])).toEqual({ ok: false, reason: 'unknown-function' });
  });
});

describe('queries', () => {
  test('joins: inner, left, temporal (lookup), interval and unnest', () => {
    const q = from(orders, 'o')
      .join(users, 'u', ({ o, u }) => o.user_id.eq(u.uid))
      .temporalJoin(users, 'd', { asOf: ({ o }) => o.proc_time, on: ({ o, d }) => o.user_id.eq(d.uid), type: 'LEFT' })
      .crossJoinUnnest('x', 'tag', ({ o }) => o.tags)
      .select(({ o, u, d, x }) => ({ id: o.id, name: u.name, name2: d.name, tag: x.tag }));
    expect(printQuery(q.query)).toBe(
      [
        'SELECT',
        '  `o`.`id` AS `id`,',
        '  `u`.`name` AS `name`,',
        '  `d`.`name` AS `name2`,',
        '  `x`.`tag` AS `tag`',
        'FROM `orders` AS `o`',
        'JOIN `users` AS `u`',
        '  ON `o`.`user_id` = `u`.`uid`',
        'LEFT JOIN `users` FOR SYSTEM_TIME AS OF `o`.`proc_time` AS `d`',
        '  ON `o`.`user_id` = `d`.`uid`',
        'CROSS JOIN UNNEST(`o`.`tags`) AS `x` (`tag`)',
      ].join('\n'),
    );
    const ij = from(orders, 'a').intervalJoin(orders, 'b', {
      on: ({ a, b }) => a.id.eq(b.id),
      time: ({ a, b }) => ({ left: a.ts, right: b.ts, lower: interval('1', 'HOUR'), upper: interval('10', 'MINUTE') }),
    }).select(({ a }) => ({ id: a.id }));
    expect(printQuery(ij.query)).toContain("ON `a`.`id` = `b`.`id` AND `a`.`ts` BETWEEN `b`.`ts` - INTERVAL '1' HOUR AND `b`.`ts` + INTERVAL '10' MINUTE");
  });

  test('window TVFs', () => {
    const size = interval('10', 'MINUTE');
    const tq = from(tumble(orders, { timecol: 'ts', size }), 'w').groupBy(({ w }) => [w.window_start, w.window_end]).select(({ w }) => ({ ws: w.window_start, we: w.window_end, n: fn.count() }));
    expect(printQuery(tq.query)).toContain("FROM TABLE(TUMBLE(TABLE `orders`, DESCRIPTOR(`ts`), INTERVAL '10' MINUTE)) AS `w`");
    const hq = from(hop(orders, { timecol: 'ts', slide: interval('5', 'MINUTE'), size }), 'w').select(({ w }) => ({ t: w.window_time }));
    expect(printQuery(hq.query)).toContain("HOP(TABLE `orders`, DESCRIPTOR(`ts`), INTERVAL '5' MINUTE, INTERVAL '10' MINUTE)");
    const cq = from(cumulate(orders, { timecol: 'ts', step: interval('1', 'MINUTE'), size }), 'w').select(({ w }) => ({ t: w.window_start }));
    expect(printQuery(cq.query)).toContain("CUMULATE(TABLE `orders`, DESCRIPTOR(`ts`), INTERVAL '1' MINUTE, INTERVAL '10' MINUTE)");
    const sq = from(session(orders, { timecol: 'ts', gap: interval('30', 'SECOND') }), 'w').select(({ w }) => ({ t: w.window_end }));
    expect(printQuery(sq.query)).toContain("SESSION(TABLE `orders`, DESCRIPTOR(`ts`), INTERVAL '30' SECOND)");
  });

  test('deduplication and TopN', () => {
    const first = deduplicate(orders, { partitionBy: (c) => [c.id], orderBy: (c) => c.proc_time, keep: 'first' });
    expect(printQuery(first.query)).toContain('ROW_NUMBER() OVER (PARTITION BY `id` ORDER BY `proc_time` ASC) AS `rn`');
    expect(printQuery(first.query)).toMatch(/WHERE `rn` = 1$/);
    const top = topN(orders, { partitionBy: (c) => [c.user_id], orderBy: (c) => [c.amount.desc()], n: 3 });
    expect(printQuery(top.query)).toMatch(/ORDER BY `amount` DESC\) AS `rn`[\s\S]*WHERE `rn` <= 3$/);
    expect(() => topN(orders, { partitionBy: () => [], orderBy: (c) => [c.id], n: 0 })).toThrowError(/positive integer/);
  });

  test('views, CTEs, UNION ALL, ORDER BY and LIMIT', () => {
    const v = view('big_orders', from(orders, 'o').where(({ o }) => o.amount.gt(100)).select(({ o }) => ({ id: o.id, amount: o.amount })));
    expect(printStatement(v.toStatement())).toBe('CREATE TEMPORARY VIEW `big_orders`\nAS\nSELECT\n  `o`.`id` AS `id`,\n  `o`.`amount` AS `amount`\nFROM `orders` AS `o`\nWHERE `o`.`amount` > 100;');
    const fromView = from(v, 'b').select(({ b }) => ({ id: b.id }));
    const union = fromView.unionAll(from(v, 'c').select(({ c }) => ({ id: c.id }))).orderBy((r) => [r.id.desc()]).limit(5);
    expect(printQuery(union.query)).toMatch(/UNION ALL[\s\S]*ORDER BY `id` DESC\nLIMIT 5$/);
    const base = from(orders, 'o').select(({ o }) => ({ id: o.id }));
    const w = withCtes({ base }, from(cte('base', base), 'b').select(({ b }) => ({ id: b.id })));
    expect(printQuery(w.query)).toMatch(/^WITH `base` AS \(/);
  });
});

describe('statements', () => {
  const sink = table('sink', { columns: { id: t.bigint().notNull(), user_id: t.bigint(), name: t.string() }, primaryKey: ['id'] });
  const q = from(orders, 'o').join(users, 'u', ({ o, u }) => o.user_id.eq(u.uid)).select(({ o, u }) => ({ id: o.id, user_id: o.user_id, name: u.name }));

  test('INSERT takes its column list from the selection', () => {
    expect(printStatement(insertInto(sink, q))).toMatch(/^INSERT INTO `sink` \(`id`, `user_id`, `name`\)\nSELECT/);
    expect(printStatement(insertInto(sink, q, { overwrite: true, partition: { dt: '2024-01-01' } }))).toMatch(/^INSERT OVERWRITE `sink` PARTITION \(`dt` = '2024-01-01'\) \(`id`, `user_id`, `name`\)/);
    expect(printStatement(insertIntoPositional(sink, q))).toMatch(/^INSERT INTO `sink`\nSELECT/);
  });

  test('session, catalog and DDL statements', () => {
    const c = catalog('hive', genericCatalog('hive', { 'hive-conf-dir': '/etc/hive' }));
    expect(printStatement(c.toStatement())).toBe("CREATE CATALOG `hive`\nWITH (\n  'type' = 'hive',\n  'hive-conf-dir' = '/etc/hive'\n);");
    expect(printStatement(set('parallelism.default', '2'))).toBe("SET 'parallelism.default' = '2';");
    expect(printStatement(useCatalog('hive'))).toBe('USE CATALOG `hive`;');
    expect(printStatement(use('hive', 'db'))).toBe('USE `hive`.`db`;');
    expect(printStatement(createDatabase(['hive', 'db'], { ifNotExists: true }))).toBe('CREATE DATABASE IF NOT EXISTS `hive`.`db`;');
    expect(printStatement(createTableLike(['orders_copy'], orders, { with: { topic: 'copy' }, like: [{ mode: 'EXCLUDING', target: 'OPTIONS' }] }))).toBe(
      "CREATE TABLE `orders_copy`\nWITH (\n  'topic' = 'copy'\n)\nLIKE `orders` (\n  EXCLUDING OPTIONS\n);",
    );
    const setStmt = statementSet(insertInto(sink, q), insertInto(sink, q));
    expect(printStatement(setStmt)).toMatch(/^EXECUTE STATEMENT SET\nBEGIN\n {2}INSERT INTO `sink`[\s\S]*\nEND;$/);
  });

  test('builders are immutable', () => {
    const base = from(orders, 'o');
    const filtered = base.where(({ o }) => o.id.gt(1n));
    expect(printQuery(base.select(({ o }) => ({ id: o.id })).query)).not.toContain('WHERE');
    expect(printQuery(filtered.select(({ o }) => ({ id: o.id })).query)).toContain('WHERE');
    expect(Object.isFrozen(base)).toBe(true);
  });
});
