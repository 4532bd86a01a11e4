/**
 * Changelog-mode inference and the sink checks, with the connectors' real capabilities (what `flinkts check`
 * plugs in): the modes and upsert keys each operator produces, the Kafka GROUP BY vs TUMBLE must-show, statement
 * sets, batch mode, and the teams' valid pipelines (seed 001, the realtime-dw jobs) checking clean.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { SourceModes, UpdateOrigin } from '../../src/index.js';
import { checkScript, checkSql, parseScript } from '../../src/index.js';
import { bindScript, changelogOf } from '../../src/internal/index.js';
import { allValidators, capabilitiesOnly, changelogDiagnostics } from './connector-capabilities.js';

const KAFKA = "'connector' = 'kafka', 'properties.bootstrap.servers' = 'kafka:9092', 'format' = 'json'";
const ORDERS = `CREATE TABLE orders (order_id BIGINT, user_id BIGINT, product STRING, amount DOUBLE, ts TIMESTAMP(3), pt AS PROCTIME(), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH (${KAFKA}, 'topic' = 'orders');`;

/** The derived changelog mode of the script's last statement (a query) on its bound plan, sources' modes from the connectors' capabilities. */
function modeOf(sql: string): { kind: string; upsertKey?: string[]; origin?: UpdateOrigin } {
  const { script } = parseScript(sql);
  const bound = bindScript(script.statements);
  expect(bound.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const plan = bound.statements.at(-1)?.query;
  if (plan === undefined) throw new Error('the last statement must be a query');
  const mode = changelogOf(plan, sources);
  const key = mode.upsertKeys[0];
  return { kind: mode.kind, ...(key === undefined ? {} : { upsertKey: key.map((p) => plan.columns[p]!.name) }), ...(mode.origin === undefined ? {} : { origin: mode.origin }) };
}

const sources: SourceModes = (entry) => capabilitiesOnly.capabilities!(entry.statement, {})?.source;

const summary = (m: ReturnType<typeof modeOf>) => `${m.kind}${m.upsertKey === undefined ? '' : ` [${m.upsertKey.join(', ')}]`}${m.origin === undefined ? '' : ` from ${m.origin.operator}`}`;

describe('the mode each operator emits', () => {
  const cdc = "CREATE TABLE users (user_id BIGINT, name STRING, PRIMARY KEY (user_id) NOT ENFORCED) WITH ('connector' = 'mysql-cdc', 'hostname' = 'db', 'username' = 'u', 'password' = '${P}', 'database-name' = 'd', 'table-name' = 'users');";
  const upsertKafka = "CREATE TABLE latest (product STRING, price DOUBLE, PRIMARY KEY (product) NOT ENFORCED) WITH ('connector' = 'upsert-kafka', 'topic' = 'p', 'properties.bootstrap.servers' = 'k:9092', 'key.format' = 'json', 'value.format' = 'json');";
  const dim = "CREATE TABLE dim_users (user_id BIGINT, city STRING, PRIMARY KEY (user_id) NOT ENFORCED) WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://db/d', 'table-name' = 'users');";
  const cdcRowtime = "CREATE TABLE users_rt (user_id BIGINT, updated_at TIMESTAMP(3), WATERMARK FOR updated_at AS updated_at, PRIMARY KEY (user_id) NOT ENFORCED) WITH ('connector' = 'mysql-cdc', 'hostname' = 'db', 'username' = 'u', 'password' = '${P}', 'database-name' = 'd', 'table-name' = 'users');";
  const ddl = [ORDERS, cdc, upsertKafka, dim, cdcRowtime].join('\n');
  const cases: [string, string, string][] = [
    ['an append-only Kafka source', 'SELECT order_id, amount FROM orders', 'insert-only'],
    ['a CDC source: every change kind, keyed by its PRIMARY KEY', 'SELECT user_id, name FROM users', "retract [user_id] from changelog source 'users' (mysql-cdc)"],
    ['an upsert-kafka source: upserts keyed by its PRIMARY KEY', 'SELECT * FROM latest', "upsert [product] from upsert source 'latest' (upsert-kafka)"],
    ['a key not selected is not an upsert key', 'SELECT name FROM users', "retract from changelog source 'users' (mysql-cdc)"],
    ['GROUP BY: upserts keyed by the grouping, through aliases', 'SELECT user_id AS uid, COUNT(*) AS c FROM orders GROUP BY user_id', 'upsert [uid] from GROUP BY user_id'],
    ['a window aggregation: insert-only', "SELECT user_id, window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY user_id, window_start, window_end", 'insert-only'],
    ['a HOP window aggregation on processing time: insert-only', "SELECT window_end, SUM(amount) FROM TABLE(HOP(TABLE orders, DESCRIPTOR(pt), INTERVAL '1' MINUTE, INTERVAL '5' MINUTE)) GROUP BY window_start, window_end", 'insert-only'],
    ['deduplication keeping the first row on processing time: insert-only', 'SELECT order_id, amount FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY pt) AS rn FROM orders) WHERE rn = 1', 'insert-only'],
    ['deduplication keeping the last row: upserts keyed by the partition', 'SELECT order_id, amount FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY ts DESC) AS rn FROM orders) WHERE rn = 1', 'upsert [order_id] from deduplication keeping the last row (ORDER BY … DESC)'],
    ['TopN: upserts keyed by the partition and the row number', 'SELECT product, amount, rn FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY product ORDER BY amount DESC) AS rn FROM orders) WHERE rn <= 3', 'upsert [product, rn] from TopN (ROW_NUMBER … WHERE rn <= 3)'],
    ['window TopN: insert-only', "SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY amount DESC) AS rn FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE))) WHERE rn <= 3", 'insert-only'],
    ['a legacy group window (GROUP BY TUMBLE(ts, …)): insert-only', "SELECT user_id, TUMBLE_START(ts, INTERVAL '1' MINUTE), COUNT(*) FROM orders GROUP BY TUMBLE(ts, INTERVAL '1' MINUTE), user_id", 'insert-only'],
    ['a window aggregation over a view that renames window_start and window_end: insert-only', "WITH w AS (SELECT user_id, window_start AS s, window_end AS e FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE))) SELECT user_id, s, COUNT(*) FROM w GROUP BY user_id, s, e", 'insert-only'],
    ['grouping by window_start alone is a regular aggregation', "SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start", 'upsert [window_start] from GROUP BY window_start'],
    ['a window aggregation over a CDC source: insert-only (Flink 1.19+)', "SELECT COUNT(*) FROM TABLE(TUMBLE(TABLE users_rt, DESCRIPTOR(updated_at), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end", 'insert-only'],
    ['an inner join of insert-only inputs: insert-only', 'SELECT a.order_id FROM orders a JOIN orders b ON a.order_id = b.order_id', 'insert-only'],
    ['a regular join with an updating input: updates', 'SELECT o.order_id, u.name FROM orders o JOIN users u ON o.user_id = u.user_id', "retract from changelog source 'users' (mysql-cdc)"],
    ['a lookup join: the left input\'s mode', 'SELECT o.order_id, d.city FROM orders o JOIN dim_users FOR SYSTEM_TIME AS OF o.pt AS d ON o.user_id = d.user_id', 'insert-only'],
    ['an interval join: insert-only', "SELECT a.order_id FROM orders a JOIN orders b ON a.order_id = b.order_id AND a.ts BETWEEN b.ts - INTERVAL '1' HOUR AND b.ts", 'insert-only'],
    ['UNION ALL of insert-only inputs: insert-only', 'SELECT order_id FROM orders UNION ALL SELECT order_id FROM orders', 'insert-only'],
    ['a CTE carries its mode', 'WITH t AS (SELECT user_id, COUNT(*) AS c FROM orders GROUP BY user_id) SELECT * FROM t WHERE c > 1', 'upsert [user_id] from GROUP BY user_id'],
    ['an OVER aggregation on a time attribute: insert-only', 'SELECT order_id, SUM(amount) OVER (PARTITION BY user_id ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM orders', 'insert-only'],
  ];
  test.each(cases)('%s', (_name, query, expected) => {
    expect(summary(modeOf(`${ddl}\n${query};`))).toBe(expected);
  });
});

describe('sink checks', () => {
  const appendSink = `CREATE TABLE user_totals (user_id BIGINT, total DOUBLE) WITH (${KAFKA}, 'topic' = 'totals');`;

  test('an append-only Kafka sink fed by a GROUP BY is rejected, naming the GROUP BY and hinting upsert-kafka', () => {
    const sql = `${ORDERS}\n${appendSink}\nINSERT INTO user_totals\nSELECT user_id, SUM(amount) AS total\nFROM orders\nGROUP BY user_id;`;
    const ds = checkSql(sql, { validators: allValidators });
    expect(ds.map((d) => `${d.severity} ${d.code} ${d.span?.start.line}:${d.span?.start.column} ${d.path}`)).toEqual(['error FTS4201 3:1 statements[2]']);
    expect(ds[0]!.message).toBe("Table sink 'user_totals' (connector 'kafka') doesn't support consuming update changes, which are produced by GROUP BY user_id at 6:10");
    expect(ds[0]!.hint).toContain("'connector' = 'upsert-kafka' with PRIMARY KEY (user_id) NOT ENFORCED");
    expect(ds[0]!.hint).toContain('window TVF');
  });

  test('the same aggregation over a TUMBLE window is accepted', () => {
    const sink = `CREATE TABLE user_totals (user_id BIGINT, window_start TIMESTAMP(3), total DOUBLE) WITH (${KAFKA}, 'topic' = 'totals');`;
    const sql = `${ORDERS}\n${sink}\nINSERT INTO user_totals\nSELECT user_id, window_start, SUM(amount) AS total\nFROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE))\nGROUP BY user_id, window_start, window_end;`;
    expect(checkSql(sql, { validators: allValidators })).toEqual([]);
  });

  test('an upsert-kafka sink whose PRIMARY KEY is the grouping accepts the GROUP BY', () => {
    const sink = "CREATE TABLE user_totals (user_id BIGINT, total DOUBLE, PRIMARY KEY (user_id) NOT ENFORCED) WITH ('connector' = 'upsert-kafka', 'topic' = 'totals', 'properties.bootstrap.servers' = 'kafka:9092', 'key.format' = 'json', 'value.format' = 'json');";
    const sql = `${ORDERS}\n${sink}\nINSERT INTO user_totals SELECT user_id, SUM(amount) FROM orders GROUP BY user_id;`;
    expect(checkSql(sql, { validators: allValidators }).filter((d) => d.severity === 'error')).toEqual([]);
    expect(changelogDiagnostics(sql, { validators: allValidators })).toEqual([]);
  });

  test('an explicit column list maps the upsert key to the sink columns it is written to', () => {
    const sink = "CREATE TABLE t (total DOUBLE, uid BIGINT, PRIMARY KEY (uid) NOT ENFORCED) WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://db/d', 'table-name' = 't');";
    expect(changelogDiagnostics(`${ORDERS}\n${sink}\nINSERT INTO t (uid, total) SELECT user_id, SUM(amount) FROM orders GROUP BY user_id;`)).toEqual([]);
    const wrong = changelogDiagnostics(`${ORDERS}\n${sink}\nINSERT INTO t (total, uid) SELECT user_id, SUM(amount) FROM orders GROUP BY user_id;`);
    expect(wrong.map((d) => d.code)).toEqual(['FTS4203']);
    expect(wrong[0]!.message).toContain('differs from the upsert key (total)');
  });

  test('a JDBC sink needs no PRIMARY KEY for insert-only input, but does for updates', () => {
    const sink = "CREATE TABLE t (user_id BIGINT, total DOUBLE) WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://db/d', 'table-name' = 't');";
    expect(changelogDiagnostics(`${ORDERS}\n${sink}\nINSERT INTO t SELECT user_id, amount FROM orders;`)).toEqual([]);
    expect(changelogDiagnostics(`${ORDERS}\n${sink}\nINSERT INTO t SELECT user_id, SUM(amount) FROM orders GROUP BY user_id;`).map((d) => d.code)).toEqual(['FTS4202']);
  });

  test('a StarRocks sink fed updates needs a PRIMARY KEY (the StarRocks table model decides what happens to deletes)', () => {
    const starrocks = (pk: string) => `CREATE TABLE sr (user_id BIGINT, total DOUBLE${pk}) WITH ('connector' = 'starrocks', 'jdbc-url' = 'jdbc:mysql://fe:9030', 'load-url' = 'fe:8030', 'database-name' = 'd', 'table-name' = 't', 'username' = 'u', 'password' = 'p');`;
    const updates = 'INSERT INTO sr SELECT user_id, SUM(amount) FROM orders GROUP BY user_id;';
    const [d] = changelogDiagnostics(`${ORDERS}\n${starrocks('')}\n${updates}`);
    expect(d).toMatchObject({ code: 'FTS4202', severity: 'error', hint: "declare PRIMARY KEY (user_id) NOT ENFORCED on 'sr'" });
    expect(d!.message).toContain('StarRocks Primary Key table');
    expect(changelogDiagnostics(`${ORDERS}\n${starrocks(', PRIMARY KEY (user_id) NOT ENFORCED')}\n${updates}`)).toEqual([]);
    expect(changelogDiagnostics(`${ORDERS}\n${starrocks('')}\nINSERT INTO sr SELECT user_id, amount FROM orders;`)).toEqual([]);
  });

  test('the upsert key survives a join on it, and a sink keyed otherwise after the join is warned', () => {
    const cdc = "CREATE TABLE users (user_id BIGINT, name STRING, PRIMARY KEY (user_id) NOT ENFORCED) WITH ('connector' = 'mysql-cdc', 'hostname' = 'db', 'username' = 'u', 'password' = 'p', 'database-name' = 'd', 'table-name' = 'users');";
    const sink = (pk: string) => `CREATE TABLE out_t (user_id BIGINT, name STRING, c BIGINT, PRIMARY KEY (${pk}) NOT ENFORCED) WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://db/d', 'table-name' = 'o');`;
    const join = 'INSERT INTO out_t SELECT x.user_id, u.name, x.c FROM (SELECT user_id, COUNT(*) AS c FROM orders GROUP BY user_id) x JOIN users u ON x.user_id = u.user_id;';
    expect(changelogDiagnostics(`${ORDERS}\n${cdc}\n${sink('user_id')}\n${join}`)).toEqual([]);
    const [d] = changelogDiagnostics(`${ORDERS}\n${cdc}\n${sink('name')}\n${join}`);
    expect(d).toMatchObject({ code: 'FTS4203', severity: 'warning' });
    expect(d!.message).toContain('differs from the upsert key (user_id)');
  });

  test('blackhole and print take updates without a PRIMARY KEY', () => {
    const sinks = "CREATE TABLE bh (user_id BIGINT, total DOUBLE) WITH ('connector' = 'blackhole');\nCREATE TABLE pr (user_id BIGINT, total DOUBLE) WITH ('connector' = 'print');";
    const sql = `${ORDERS}\n${sinks}\nINSERT INTO bh SELECT user_id, SUM(amount) FROM orders GROUP BY user_id;\nINSERT INTO pr SELECT user_id, SUM(amount) FROM orders GROUP BY user_id;`;
    expect(changelogDiagnostics(sql)).toEqual([]);
  });

  test('every INSERT of a statement set is checked, with its path', () => {
    const sql = `${ORDERS}\n${appendSink}\nEXECUTE STATEMENT SET BEGIN\nINSERT INTO user_totals SELECT user_id, amount FROM orders;\nINSERT INTO user_totals SELECT user_id, MAX(amount) FROM orders GROUP BY user_id;\nEND;`;
    const ds = changelogDiagnostics(sql);
    expect(ds.map((d) => `${d.code} ${d.span?.start.line}:${d.span?.start.column} ${d.path}`)).toEqual(['FTS4201 5:1 statements[2].inserts[1]']);
  });

  test('views carry their changelog mode to the INSERT that reads them', () => {
    const sql = `${ORDERS}\n${appendSink}\nCREATE TEMPORARY VIEW totals AS SELECT user_id, SUM(amount) AS total FROM orders GROUP BY user_id;\nINSERT INTO user_totals SELECT * FROM totals;`;
    const ds = changelogDiagnostics(sql);
    expect(ds.map((d) => `${d.code} ${d.span?.start.line}:${d.span?.start.column}`)).toEqual(['FTS4201 4:1']);
    expect(ds[0]!.message).toContain('GROUP BY user_id at 3:91');
  });

  test('CREATE TABLE … AS SELECT and EXPLAIN INSERT are checked like INSERT INTO', () => {
    const ctas = `${ORDERS}\nCREATE TABLE totals WITH (${KAFKA}, 'topic' = 'totals') AS SELECT user_id, SUM(amount) AS total FROM orders GROUP BY user_id;`;
    expect(changelogDiagnostics(ctas).map((d) => `${d.code} ${d.span?.start.line}:${d.span?.start.column} ${d.path}`)).toEqual(['FTS4201 2:1 statements[1]']);
    const explain = `${ORDERS}\n${appendSink}\nEXPLAIN INSERT INTO user_totals SELECT user_id, SUM(amount) FROM orders GROUP BY user_id;`;
    expect(changelogDiagnostics(explain).map((d) => `${d.code} ${d.path}`)).toEqual(['FTS4201 statements[2].statement']);
  });

  test('a dropped view no longer lends its mode to a table declared under the same name', () => {
    const sql = `${ORDERS}\nCREATE TEMPORARY VIEW t AS SELECT user_id, SUM(amount) AS total FROM orders GROUP BY user_id;\nDROP TEMPORARY VIEW t;\nCREATE TABLE t (user_id BIGINT, total DOUBLE) WITH (${KAFKA}, 'topic' = 't');\n${appendSink}\nINSERT INTO user_totals SELECT * FROM t;`;
    expect(changelogDiagnostics(sql)).toEqual([]);
  });

  test("batch mode has no changelog: SET 'execution.runtime-mode' = 'batch' accepts the GROUP BY", () => {
    expect(changelogDiagnostics(`SET 'execution.runtime-mode' = 'batch';\n${ORDERS}\n${appendSink}\nINSERT INTO user_totals SELECT user_id, SUM(amount) FROM orders GROUP BY user_id;`)).toEqual([]);
  });

  test('without a capabilities plug-in nothing is guessed: no sink checks, but the time-attribute checks run', () => {
    expect(checkSql(`${ORDERS}\n${appendSink}\nINSERT INTO user_totals SELECT user_id, SUM(amount) FROM orders GROUP BY user_id;`)).toEqual([]);
    const tvf = checkSql(`${ORDERS}\nSELECT COUNT(*) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(amount), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end;`);
    expect(tvf.map((d) => `${d.severity} ${d.code}`)).toEqual(['error FTS4301']);
  });

  test('a source of a connector flinkts does not know is reported once as read insert-only', () => {
    const src = "CREATE TABLE s (a BIGINT) WITH ('connector' = 'my-source');";
    const snk = "CREATE TABLE o (a BIGINT) WITH ('connector' = 'blackhole');";
    const ds = changelogDiagnostics(`${src}\n${snk}\nINSERT INTO o SELECT a FROM s;\nINSERT INTO o SELECT a FROM s;`);
    expect(ds.map((d) => `${d.severity} ${d.code} ${d.span?.start.line}:${d.span?.start.column}`)).toEqual(['info FTS4209 3:29']);
  });
});

describe("the teams' valid pipelines check clean", () => {
  test('seed 001 (Kafka → JDBC without PRIMARY KEY, insert-only) as extracted, with the reserved word quoted', () => {
    const seed = readFileSync(fileURLToPath(new URL('../fixtures/seeds/001-wrongbook.txt', import.meta.url)), 'utf8');
    const blocks = [...seed.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const script = `${blocks[0]}\n${blocks[1]}`.replace(/\btimestamp\b(?! BIGINT)/g, '`timestamp`').replace(/\btimestamp BIGINT/, '`timestamp` BIGINT').replace('USE DATABASE dwd;', 'USE dwd;');
    const all = checkSql(script, { validators: allValidators });
    // The only errors: the seed's positional INSERT putting chapter_id / chapter_name into teach_type_id / teach_type_name.
    expect(all.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['FTS4103', 'FTS4103']);
    expect(all.filter((d) => /^FTS4[23]/.test(d.code))).toEqual([]);
  });

  test('MySQL CDC → Paimon, Paimon GROUP BY → Paimon with the grouping as PRIMARY KEY, Paimon → StarRocks with PRIMARY KEY', () => {
    const sql = `CREATE CATALOG paimon_catalog WITH ('type' = 'paimon', 'warehouse' = 'hdfs:///paimon/rt-dw');
CREATE TEMPORARY TABLE mysql_orders (order_id BIGINT NOT NULL, order_date STRING, category STRING, user_id BIGINT, amount DECIMAL(12, 2), is_paid BOOLEAN, PRIMARY KEY (order_id) NOT ENFORCED) WITH ('connector' = 'mysql-cdc', 'hostname' = 'mysql', 'port' = '3306', 'username' = '\${MYSQL_USERNAME}', 'password' = '\${MYSQL_PASSWORD}', 'database-name' = 'shop', 'table-name' = 'orders', 'server-id' = '5401-5404');
CREATE TABLE IF NOT EXISTS paimon_catalog.ods.ods_orders (order_id BIGINT NOT NULL, order_date STRING, category STRING, user_id BIGINT, amount DECIMAL(12, 2), is_paid BOOLEAN, PRIMARY KEY (order_id) NOT ENFORCED) WITH ('bucket' = '8', 'changelog-producer' = 'input');
CREATE TABLE IF NOT EXISTS paimon_catalog.dws.dws_sales_daily (stat_date STRING NOT NULL, category STRING NOT NULL, order_count BIGINT, buyer_count BIGINT, paid_amount DECIMAL(38, 2), PRIMARY KEY (stat_date, category) NOT ENFORCED) WITH ('bucket' = '4', 'changelog-producer' = 'input');
CREATE TEMPORARY TABLE ads_sales_daily (stat_date STRING NOT NULL, category STRING NOT NULL, order_count BIGINT, buyer_count BIGINT, paid_amount DECIMAL(38, 2), PRIMARY KEY (stat_date, category) NOT ENFORCED) WITH ('connector' = 'starrocks', 'jdbc-url' = 'jdbc:mysql://fe:9030', 'load-url' = 'fe:8030', 'database-name' = 'rt_dw', 'table-name' = 'ads_sales_daily', 'username' = '\${SR_USER}', 'password' = '\${SR_PASSWORD}');
EXECUTE STATEMENT SET BEGIN
INSERT INTO paimon_catalog.ods.ods_orders SELECT * FROM mysql_orders AS o;
INSERT INTO paimon_catalog.dws.dws_sales_daily (stat_date, category, order_count, buyer_count, paid_amount)
SELECT COALESCE(d.order_date, 'unknown') AS stat_date, COALESCE(d.category, 'unknown') AS category, COUNT(*) AS order_count, COUNT(DISTINCT d.user_id) AS buyer_count, SUM(CASE WHEN d.is_paid THEN d.amount ELSE 0 END) AS paid_amount
FROM paimon_catalog.ods.ods_orders AS d GROUP BY COALESCE(d.order_date, 'unknown'), COALESCE(d.category, 'unknown');
INSERT INTO ads_sales_daily (stat_date, category, order_count, buyer_count, paid_amount) SELECT * FROM paimon_catalog.dws.dws_sales_daily AS s;
END;`;
    expect(changelogDiagnostics(sql, { validators: allValidators })).toEqual([]);
  });

  test('the realtime-dw and wrongbook example jobs (generated SQL) have no changelog or time-attribute diagnostics', () => {
    const root = new URL('../../../../examples/', import.meta.url);
    const files = [
      ...readdirSync(new URL('realtime-dw/golden/prod/sql/', root)).map((f) => new URL(`realtime-dw/golden/prod/sql/${f}`, root)),
      new URL('wrongbook/golden/wrongbook.sql', root),
    ];
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) {
      const ds = changelogDiagnostics(readFileSync(file, 'utf8'), { validators: allValidators });
      expect(ds, file.pathname).toEqual([]);
    }
  });
});

describe("Flink's own streaming cases (fixtures/flink-semantics/streaming.jsonl)", () => {
  interface StreamingCase {
    readonly id: string;
    readonly query: string;
    readonly inputs: Readonly<Record<string, { readonly schema: string; readonly changelog?: string }>>;
    readonly expected: readonly string[];
  }
  const cases = readFileSync(fileURLToPath(new URL('../fixtures/flink-semantics/streaming.jsonl', import.meta.url)), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as StreamingCase);

  /** An insert-only source is Kafka with JSON; an updating one Kafka with a changelog format. */
  const ddl = (name: string, input: StreamingCase['inputs'][string]) => {
    const updating = input.changelog !== undefined && /U[AB]|D/.test(input.changelog.split("'")[1] ?? '');
    return `CREATE TABLE ${name} (${input.schema}) WITH ('connector' = 'kafka', 'topic' = '${name}', 'properties.bootstrap.servers' = 'k:9092', 'format' = '${updating ? 'debezium-json' : 'json'}');`;
  };

  test.each(cases.map((c) => [c.id, c] as const))('%s: an inferred insert-only query emits only +I; a query Flink emits updates for is inferred updating', (_id, c) => {
    const query = c.query.replace(/^\s*INSERT\s+INTO\s+\S+\s+/i, '');
    const sql = `${Object.entries(c.inputs).map(([name, input]) => ddl(name, input)).join('\n')}\n${query};`;
    const mode = modeOf(sql);
    const flinkUpdates = c.expected.some((row) => /^[-+]U|^-D/.test(row));
    if (mode.kind === 'insert-only') expect(flinkUpdates).toBe(false);
    if (flinkUpdates) expect(mode.kind).not.toBe('insert-only');
    expect(changelogDiagnostics(sql).filter((d) => d.severity === 'error')).toEqual([]);
  });
});

test('never throws: arbitrary scripts (and arbitrary queries over real tables) only produce diagnostics', async () => {
  const fc = (await import('fast-check')).default;
  const { query, statement } = await import('../parser/arbitraries.js');
  const tables = parseScript(`${ORDERS}\nCREATE TABLE a (a BIGINT, b STRING, PRIMARY KEY (a) NOT ENFORCED) WITH ('connector' = 'upsert-kafka', 'topic' = 't', 'properties.bootstrap.servers' = 'k:9092', 'key.format' = 'json', 'value.format' = 'json');`).script.statements;
  fc.assert(
    fc.property(fc.array(statement, { maxLength: 6 }), fc.array(query, { maxLength: 3 }), (statements, queries) => {
      const script = { kind: 'Script' as const, statements: [...tables, ...statements, ...queries.map((q) => ({ kind: 'QueryStatement' as const, query: q }))] };
      expect(() => checkScript(script, { validators: capabilitiesOnly })).not.toThrow();
    }),
    { numRuns: 300 },
  );
});
