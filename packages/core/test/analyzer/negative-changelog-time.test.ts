/**
 * One negative case per planner error class of the changelog-mode and time-attribute checks, each asserting the
 * diagnostic code and its line:column in the script (lines are counted from the case's first line). Tables are
 * checked with the real connectors' capabilities, as `flinkts check` does.
 */
import { describe, expect, test } from 'vitest';
import { changelogDiagnostics } from './connector-capabilities.js';

const K = "'connector' = 'kafka', 'properties.bootstrap.servers' = 'k:9092', 'format' = 'json'";
const UK = "'connector' = 'upsert-kafka', 'properties.bootstrap.servers' = 'k:9092', 'key.format' = 'json', 'value.format' = 'json'";
const JDBC = "'connector' = 'jdbc', 'url' = 'jdbc:mysql://db:3306/d'";
const TABLES = [
  `CREATE TABLE orders (id BIGINT, user_id BIGINT, product STRING, amount DOUBLE, ts TIMESTAMP(3), pt AS PROCTIME(), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH (${K}, 'topic' = 'orders');`,
  `CREATE TABLE shipments (order_id BIGINT, sts TIMESTAMP(3), spt AS PROCTIME(), WATERMARK FOR sts AS sts - INTERVAL '5' SECOND) WITH (${K}, 'topic' = 'shipments');`,
  `CREATE TABLE clicks (user_id BIGINT, url STRING, cts TIMESTAMP(3)) WITH (${K}, 'topic' = 'clicks');`,
  "CREATE TABLE users (user_id BIGINT, name STRING, city STRING, PRIMARY KEY (user_id) NOT ENFORCED) WITH ('connector' = 'mysql-cdc', 'hostname' = 'db', 'username' = '${U}', 'password' = '${P}', 'database-name' = 'shop', 'table-name' = 'users');",
  `CREATE TABLE dim_users (user_id BIGINT, name STRING, PRIMARY KEY (user_id) NOT ENFORCED) WITH (${JDBC}, 'table-name' = 'users');`,
  `CREATE TABLE rates (currency STRING, rate DOUBLE, rts TIMESTAMP(3), pt AS PROCTIME(), WATERMARK FOR rts AS rts, PRIMARY KEY (currency) NOT ENFORCED) WITH (${UK}, 'topic' = 'rates');`,
  `CREATE TABLE rates_log (currency STRING, rate DOUBLE, rts TIMESTAMP(3), WATERMARK FOR rts AS rts) WITH (${K}, 'topic' = 'rates_log');`,
  `CREATE TABLE rates_nowm (currency STRING, rate DOUBLE, rts TIMESTAMP(3), PRIMARY KEY (currency) NOT ENFORCED) WITH (${UK}, 'topic' = 'rates_nowm');`,
  `CREATE TABLE snk (k BIGINT, v DOUBLE) WITH (${K}, 'topic' = 'snk');`,
  `CREATE TABLE snk_s (k STRING) WITH (${K}, 'topic' = 'snk_s');`,
  `CREATE TABLE snk_jdbc (user_id BIGINT, total DOUBLE) WITH (${JDBC}, 'table-name' = 'totals');`,
  `CREATE TABLE snk_pk (user_id BIGINT, product STRING, total DOUBLE, PRIMARY KEY (user_id) NOT ENFORCED) WITH (${JDBC}, 'table-name' = 'totals');`,
  "CREATE TABLE prn (k STRING, v DOUBLE) WITH ('connector' = 'print');",
  "CREATE TABLE bh (k BIGINT, v DOUBLE) WITH ('connector' = 'blackhole');",
  "CREATE TABLE gen (k BIGINT, v DOUBLE) WITH ('connector' = 'datagen');",
  "CREATE TABLE custom (k BIGINT, v DOUBLE) WITH ('connector' = 'my-sink');",
];
const FIRST_LINE = TABLES.length + 1;

/** `severity code line:column` with lines relative to the case (1 = its first line), plus the messages. */
function check(sql: string): { at: string[]; messages: string[] } {
  const ds = changelogDiagnostics(`${TABLES.join('\n')}\n${sql}`);
  return {
    at: ds.map((d) => `${d.severity} ${d.code} ${(d.span?.start.line ?? 0) - FIRST_LINE + 1}:${d.span?.start.column}`),
    messages: ds.map((d) => `${d.message} | ${d.hint ?? ''}`),
  };
}

interface Case {
  readonly name: string;
  readonly sql: string;
  readonly expected: readonly string[];
  /** Text the first diagnostic's message or hint must contain. */
  readonly says: string;
}

const CHANGELOG: readonly Case[] = [
  { name: 'GROUP BY into an append-only Kafka sink', sql: 'INSERT INTO snk SELECT user_id, SUM(amount) FROM orders GROUP BY user_id;', expected: ['error FTS4201 1:1'], says: 'produced by GROUP BY user_id at 17:66' },
  { name: 'an aggregation without GROUP BY', sql: 'INSERT INTO snk SELECT COUNT(*), SUM(amount) FROM orders;', expected: ['error FTS4201 1:1'], says: 'aggregation without GROUP BY (COUNT) at 17:24' },
  { name: 'SELECT DISTINCT', sql: 'INSERT INTO snk SELECT DISTINCT user_id, amount FROM orders;', expected: ['error FTS4201 1:1'], says: 'SELECT DISTINCT at 17:17' },
  { name: 'a LEFT JOIN of insert-only streams', sql: 'INSERT INTO snk SELECT o.id, o.amount FROM orders o LEFT JOIN shipments s ON o.id = s.order_id;', expected: ['error FTS4201 1:1'], says: 'LEFT JOIN at 17:63' },
  { name: 'a FULL JOIN of insert-only streams', sql: 'INSERT INTO snk SELECT o.id, o.amount FROM orders o FULL JOIN shipments s ON o.id = s.order_id;', expected: ['error FTS4201 1:1'], says: 'FULL JOIN at 17:63' },
  { name: 'deduplication keeping the last row', sql: 'INSERT INTO snk SELECT id, amount FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY ts DESC) AS rn FROM orders) WHERE rn = 1;', expected: ['error FTS4201 1:1'], says: 'deduplication keeping the last row' },
  { name: 'deduplication keeping the first row on event time', sql: 'INSERT INTO snk SELECT id, amount FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY ts ASC) AS rn FROM orders) WHERE rn = 1;', expected: ['error FTS4201 1:1'], says: 'deduplicate on a processing-time attribute' },
  { name: 'TopN', sql: 'INSERT INTO snk SELECT id, amount FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY product ORDER BY amount DESC) AS rn FROM orders) WHERE rn <= 3;', expected: ['error FTS4201 1:1'], says: 'TopN (ROW_NUMBER … WHERE rn <= 3) at 17:51' },
  { name: 'a CDC source passed through', sql: 'INSERT INTO snk_s SELECT name FROM users;', expected: ['error FTS4201 1:1'], says: "changelog source 'users' (mysql-cdc) at 17:36" },
  { name: 'an upsert-kafka source passed through', sql: 'INSERT INTO snk SELECT 1, rate FROM rates;', expected: ['error FTS4201 1:1'], says: "upsert source 'rates' (upsert-kafka)" },
  { name: 'UNION ALL with an updating branch', sql: 'INSERT INTO snk SELECT id, amount FROM orders UNION ALL SELECT user_id, 1.0 FROM users;', expected: ['error FTS4201 1:1'], says: "changelog source 'users' (mysql-cdc) at 17:82" },
  { name: 'NOT IN sub-query (anti join)', sql: 'INSERT INTO snk SELECT id, amount FROM orders WHERE user_id NOT IN (SELECT user_id FROM dim_users);', expected: ['error FTS4201 1:1'], says: 'NOT IN sub-query (anti join) at 17:53' },
  { name: 'UNION without ALL', sql: 'INSERT INTO snk SELECT id, amount FROM orders UNION SELECT order_id, 1.0 FROM shipments;', expected: ['error FTS4201 1:1'], says: 'use UNION ALL' },
  { name: 'ORDER BY … LIMIT', sql: 'INSERT INTO snk SELECT id, amount FROM orders ORDER BY amount DESC LIMIT 10;', expected: ['error FTS4201 1:1'], says: 'ORDER BY … LIMIT (TopN) at 17:56' },
  { name: 'a JDBC sink without PRIMARY KEY fed updates', sql: 'INSERT INTO snk_jdbc SELECT user_id, SUM(amount) FROM orders GROUP BY user_id;', expected: ['error FTS4202 1:1'], says: "declare PRIMARY KEY (user_id) NOT ENFORCED on 'snk_jdbc'" },
  { name: 'a PRIMARY KEY differing from the upsert key', sql: 'INSERT INTO snk_pk SELECT user_id, product, SUM(amount) FROM orders GROUP BY user_id, product;', expected: ['warning FTS4203 1:1'], says: 'differs from the upsert key (user_id, product)' },
  { name: 'updates into a connector flinkts does not know', sql: 'INSERT INTO custom SELECT user_id, SUM(amount) FROM orders GROUP BY user_id;', expected: ['warning FTS4204 1:1'], says: "does not know whether connector 'my-sink' accepts updates" },
  { name: 'a source-only connector written', sql: 'INSERT INTO gen SELECT id, amount FROM orders;', expected: ['error FTS4205 1:1'], says: "connector 'datagen' can only be used as a source" },
  { name: 'a sink-only connector read', sql: 'INSERT INTO snk SELECT k, v FROM bh;', expected: ['error FTS4206 1:34'], says: "connector 'blackhole' can only be used as a sink" },
  { name: 'an OVER aggregation over an updating input', sql: 'INSERT INTO prn SELECT currency, SUM(rate) OVER (PARTITION BY currency ORDER BY pt) FROM rates;', expected: ['error FTS4207 1:34'], says: "upsert source 'rates' (upsert-kafka) at 17:90" },
  { name: 'an interval join over an updating input', sql: "INSERT INTO snk SELECT 1, r.rate FROM orders o JOIN rates r ON o.product = r.currency AND o.ts BETWEEN r.rts - INTERVAL '1' MINUTE AND r.rts;", expected: ['error FTS4208 1:91'], says: "upsert source 'rates'" },
  { name: 'INSERT OVERWRITE in streaming mode', sql: 'INSERT OVERWRITE snk SELECT id, amount FROM orders;', expected: ['error FTS4210 1:1'], says: 'INSERT OVERWRITE is not supported in streaming mode' },
];

const TIME: readonly Case[] = [
  { name: 'a window TVF on a column that is not a time attribute', sql: "INSERT INTO prn SELECT url, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(cts), INTERVAL '1' MINUTE)) GROUP BY url, window_start, window_end;", expected: ['error FTS4301 1:70'], says: 'WATERMARK FOR cts' },
  { name: 'a window TVF on a rowtime lost by CAST in a view', sql: "CREATE VIEW v AS SELECT product, CAST(ts AS TIMESTAMP(3)) AS ts FROM orders;\nINSERT INTO prn SELECT product, COUNT(*) FROM TABLE(TUMBLE(TABLE v, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY product, window_start, window_end;", expected: ['error FTS4302 2:69'], says: 'lost its rowtime attribute by CAST at 17:34' },
  { name: 'a window TVF on a rowtime lost by a GROUP BY', sql: "CREATE VIEW v AS SELECT product, MAX(ts) AS ts FROM orders GROUP BY product;\nINSERT INTO prn SELECT product, COUNT(*) FROM TABLE(TUMBLE(TABLE v, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY product, window_start, window_end;", expected: ['error FTS4302 2:69'], says: 'lost its rowtime attribute by GROUP BY product at 17:69 (not a window aggregation)' },
  { name: 'a window TVF DESCRIPTOR of two columns', sql: "INSERT INTO prn SELECT product, COUNT(*) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts, pt), INTERVAL '1' MINUTE)) GROUP BY product, window_start, window_end;", expected: ['error FTS4303 1:74'], says: 'TUMBLE needs exactly one time attribute column as DESCRIPTOR(column)' },
  { name: 'FOR SYSTEM_TIME AS OF a plain column', sql: 'INSERT INTO snk SELECT o.id, r.rate FROM orders o JOIN rates FOR SYSTEM_TIME AS OF o.id AS r ON o.product = r.currency;', expected: ['error FTS4304 1:84'], says: "column 'id' is not a time attribute" },
  { name: 'a lookup join against a connector without lookups', sql: 'INSERT INTO snk SELECT o.id, r.rate FROM orders o JOIN rates_log FOR SYSTEM_TIME AS OF o.pt AS r ON o.product = r.currency;', expected: ['error FTS4305 1:56'], says: "connector 'kafka' of 'rates_log' does not support lookups" },
  { name: 'an event-time temporal join against a table without PRIMARY KEY', sql: 'INSERT INTO snk SELECT o.id, r.rate FROM orders o JOIN rates_log FOR SYSTEM_TIME AS OF o.ts AS r ON o.product = r.currency;', expected: ['error FTS4306 1:56'], says: "'rates_log' has no PRIMARY KEY" },
  { name: 'an event-time temporal join against a table without WATERMARK', sql: 'INSERT INTO snk SELECT o.id, r.rate FROM orders o JOIN rates_nowm FOR SYSTEM_TIME AS OF o.ts AS r ON o.product = r.currency;', expected: ['error FTS4307 1:56'], says: "'rates_nowm' has no WATERMARK" },
  { name: 'a temporal join that is a RIGHT JOIN', sql: 'INSERT INTO snk SELECT o.id, 1.0 FROM orders o RIGHT JOIN dim_users FOR SYSTEM_TIME AS OF o.pt AS r ON o.user_id = r.user_id;', expected: ['error FTS4308 1:59'], says: 'must be an INNER or LEFT join, not RIGHT' },
  { name: 'an interval join bounding a rowtime by a proctime', sql: "INSERT INTO snk SELECT o.id, o.amount FROM orders o JOIN shipments s ON o.id = s.order_id AND o.ts BETWEEN s.spt - INTERVAL '1' HOUR AND s.spt;", expected: ['error FTS4309 1:95'], says: "the rowtime attribute 'ts' by the proctime attribute 'spt'" },
  { name: 'a comma join whose WHERE bounds a rowtime by a proctime', sql: "INSERT INTO snk SELECT o.id, o.amount FROM orders o, shipments s WHERE o.id = s.order_id AND o.ts >= s.spt;", expected: ['error FTS4309 1:94'], says: "the rowtime attribute 'ts' by the proctime attribute 'spt'" },
  { name: 'an interval join on a rowtime lost by CAST', sql: "CREATE VIEW sv AS SELECT order_id, CAST(sts AS TIMESTAMP(3)) AS sts FROM shipments;\nINSERT INTO snk SELECT o.id, o.amount FROM orders o JOIN sv s ON o.id = s.order_id AND o.ts BETWEEN s.sts - INTERVAL '1' HOUR AND s.sts;", expected: ['error FTS4302 2:88'], says: 'lost its rowtime attribute by CAST at 17:36' },
  { name: 'a lookup join on a proctime lost by a regular join', sql: 'CREATE VIEW j AS SELECT o.id, o.pt FROM orders o JOIN shipments s ON o.id = s.order_id;\nINSERT INTO snk SELECT j.id, 1.0 FROM j JOIN dim_users FOR SYSTEM_TIME AS OF j.pt AS r ON j.id = r.user_id;', expected: ['error FTS4302 2:78'], says: 'lost its proctime attribute by the regular INNER JOIN at 17:55' },
  { name: 'an OVER window ordered by a plain column', sql: 'INSERT INTO snk SELECT id, SUM(amount) OVER (PARTITION BY user_id ORDER BY id) FROM orders;', expected: ['error FTS4310 1:76'], says: "OVER windows' ordering in stream mode must be defined on a time attribute" },
  { name: 'ORDER BY a plain column without LIMIT', sql: 'INSERT INTO snk SELECT id, amount FROM orders ORDER BY amount;', expected: ['error FTS4311 1:56'], says: 'Sort on a non-time-attribute field is not supported' },
  { name: 'a WATERMARK on a BIGINT column', sql: `CREATE TABLE ev (id BIGINT, t BIGINT, WATERMARK FOR t AS t - 5000) WITH (${K}, 'topic' = 'ev');`, expected: ['error FTS4312 1:39'], says: 'TO_TIMESTAMP_LTZ(t, 3)' },
  { name: 'a WATERMARK on a TIMESTAMP(6) column', sql: `CREATE TABLE ev (id BIGINT, t TIMESTAMP(6), WATERMARK FOR t AS t) WITH (${K}, 'topic' = 'ev');`, expected: ['error FTS4312 1:45'], says: 'it is TIMESTAMP(6)' },
  { name: 'a legacy group window on a column that is not a time attribute', sql: "INSERT INTO snk SELECT user_id, COUNT(*) FROM clicks GROUP BY TUMBLE(cts, INTERVAL '1' MINUTE), user_id;", expected: ['error FTS4314 1:70'], says: "Window can only be defined on a time attribute column, but 'cts' of TUMBLE(…) is not one" },
  { name: 'two rowtime attributes written into one sink', sql: "CREATE TABLE two (a TIMESTAMP(3), b TIMESTAMP(3)) WITH ('connector' = 'print');\nINSERT INTO two SELECT o.ts, s.sts FROM orders o JOIN shipments s ON o.id = s.order_id AND o.ts BETWEEN s.sts - INTERVAL '1' HOUR AND s.sts;", expected: ['error FTS4315 2:1'], says: "more than one rowtime attribute column [ts, sts] for writing into table 'two'" },
  { name: 'a WATERMARK on an unknown column', sql: `CREATE TABLE ev (id BIGINT, t TIMESTAMP(3), WATERMARK FOR tt AS tt) WITH (${K}, 'topic' = 'ev');`, expected: ['error FTS4313 1:45'], says: "did you mean 't'?" },
];

describe('changelog modes: one case per planner error class', () => {
  test.each(CHANGELOG)('$name', ({ sql, expected, says }) => {
    const r = check(sql);
    expect(r.at).toEqual(expected);
    expect(r.messages[0]).toContain(says);
  });
});

describe('time attributes: one case per planner error class', () => {
  test.each(TIME)('$name', ({ sql, expected, says }) => {
    const r = check(sql);
    expect(r.at).toEqual(expected);
    expect(r.messages[0]).toContain(says);
  });
});

test('there are at least 25 negative cases with distinct names', () => {
  const names = new Set([...CHANGELOG, ...TIME].map((c) => c.name));
  expect(names.size).toBe(CHANGELOG.length + TIME.length);
  expect(names.size).toBeGreaterThanOrEqual(25);
});
