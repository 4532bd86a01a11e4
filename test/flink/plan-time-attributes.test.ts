/**
 * The bound plan's time attributes (each column's `time`) against real Flink 1.20.1: Flink plans a window TVF over
 * a column exactly when the column is a time attribute. For each program (a view), every TIMESTAMP column is used as
 * the DESCRIPTOR of a TUMBLE window over the view; Flink must accept it iff the plan marks the column rowtime or
 * proctime.
 */
import { describe, expect, test } from 'vitest';
import { checkSql, parseScript } from '@flinkts/core';
import { bindScript } from '@flinkts/core/internal';
import { FlinkBridgeClient } from '@flinkts/core/flink';

const DDL = [
  "CREATE TABLE orders (order_id BIGINT, user_id BIGINT, product STRING, amount DOUBLE, ts TIMESTAMP(3), pt AS PROCTIME(), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'datagen')",
  "CREATE TABLE rates (currency STRING, rate DOUBLE, rts TIMESTAMP(3), WATERMARK FOR rts AS rts, PRIMARY KEY (currency) NOT ENFORCED) WITH ('connector' = 'upsert-kafka', 'topic' = 'r', 'properties.bootstrap.servers' = '127.0.0.1:1', 'key.format' = 'json', 'value.format' = 'json')",
  "CREATE TABLE dim_users (user_id BIGINT, city STRING, PRIMARY KEY (user_id) NOT ENFORCED) WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://127.0.0.1:1/d', 'table-name' = 'users')",
];
const tvf = "TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE))";

/** [name, query, the columns flinkts marks as time attributes]. */
const PROGRAMS: [string, string, string][] = [
  ['a table', 'SELECT order_id, ts, pt FROM orders', 'ts rowtime, pt proctime'],
  ['renamed', 'SELECT ts AS event_time, pt AS p FROM orders', 'event_time rowtime, p proctime'],
  ['CAST loses it', 'SELECT CAST(ts AS TIMESTAMP(3)) AS t2, ts FROM orders', 'ts rowtime'],
  ['PROCTIME() in a projection', 'SELECT order_id, PROCTIME() AS p2 FROM orders', 'p2 proctime'],
  ['a filter keeps them', 'SELECT ts, pt FROM orders WHERE amount > 10', 'ts rowtime, pt proctime'],
  ['a regular GROUP BY loses them', 'SELECT ts, COUNT(*) AS c FROM orders GROUP BY ts', ''],
  ['a window TVF keeps the original column, and window_time is one', `SELECT ts, window_start AS ws, window_end AS we, window_time AS wt FROM ${tvf}`, 'ts rowtime, wt rowtime'],
  ['a window aggregation keeps window_time', `SELECT window_start AS ws, window_end AS we, window_time AS wt, COUNT(*) AS c FROM ${tvf} GROUP BY window_start, window_end, window_time`, 'wt rowtime'],
  ['a semi join (IN) loses them', 'SELECT order_id, ts FROM orders WHERE user_id IN (SELECT user_id FROM dim_users)', ''],
  ['an interval join keeps both sides', "SELECT a.ts AS ta, b.ts AS tb FROM orders a JOIN orders b ON a.order_id = b.order_id AND a.ts BETWEEN b.ts - INTERVAL '1' MINUTE AND b.ts", 'ta rowtime, tb rowtime'],
  ['a regular join loses them', 'SELECT a.ts AS ta, b.ts AS tb FROM orders a JOIN orders b ON a.order_id = b.order_id', ''],
  ['a temporal join keeps the left side', 'SELECT o.ts, r.rts FROM orders o JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.product = r.currency', 'ts rowtime'],
  ['a lookup join keeps the left side', 'SELECT o.pt, o.ts, d.city FROM orders o JOIN dim_users FOR SYSTEM_TIME AS OF o.pt AS d ON o.user_id = d.user_id', 'pt proctime, ts rowtime'],
  ['OVER keeps them', 'SELECT ts, SUM(amount) OVER (PARTITION BY user_id ORDER BY ts ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s FROM orders', 'ts rowtime'],
  ['UNION ALL keeps a common one', 'SELECT ts FROM orders UNION ALL SELECT ts FROM orders', 'ts rowtime'],
  ['UNION (distinct) loses them', 'SELECT ts FROM orders UNION SELECT ts FROM orders', ''],
  ['INTERSECT loses them', 'SELECT ts FROM orders INTERSECT SELECT ts FROM orders', ''],
  ['deduplication on processing time', 'SELECT order_id, ts, pt FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY pt) AS rn FROM orders) WHERE rn = 1', 'ts rowtime, pt proctime'],
];

function timeColumns(query: string): { summary: string; timestamps: { name: string; time?: string }[] } {
  const { script } = parseScript(`${DDL.join(';\n')};\n${query};`);
  const bound = bindScript(script.statements);
  const plan = bound.statements.at(-1)?.query;
  if (plan === undefined) throw new Error(`not bound: ${JSON.stringify(bound.diagnostics)}`);
  const timestamps = plan.columns.filter((c) => c.type?.kind === 'TIMESTAMP' || c.type?.kind === 'TIMESTAMP_LTZ').map((c) => ({ name: c.name, ...(c.time === undefined ? {} : { time: c.time }) }));
  return { summary: plan.columns.flatMap((c) => (c.time === undefined ? [] : [`${c.name} ${c.time}`])).join(', '), timestamps };
}

describe('time attributes on the bound plan are the ones real Flink keeps', () => {
  test('flinkts marks the expected columns', () => {
    expect(PROGRAMS.map(([name, query]) => [name, timeColumns(query).summary])).toEqual(PROGRAMS.map(([name, , expected]) => [name, expected]));
  });

  test('Flink 1.20.1 windows exactly those columns', () => {
    const client = FlinkBridgeClient.connect();
    const problems: string[] = [];
    for (const [name, query] of PROGRAMS) {
      for (const c of timeColumns(query).timestamps) {
        const r = client.planSync({ statements: [...DDL, `CREATE TEMPORARY VIEW v AS ${query}`, `SELECT * FROM TABLE(TUMBLE(TABLE v, DESCRIPTOR(\`${c.name}\`), INTERVAL '1' MINUTE))`] });
        // Rejected by the validator ("… requires the timecol is a time attribute type") or, for a column the
        // planner materialised (a time attribute in the validated row type, no longer one in the physical plan), by
        // the window TVF's physical rule.
        const notTime = !r.ok && /time attribute|StreamPhysicalWindowTableFunctionRule/i.test(r.error?.message ?? '');
        if (!r.ok && !notTime) problems.push(`${name} / ${c.name}: Flink did not plan it: ${r.error?.message ?? ''}`);
        else if (notTime === (c.time !== undefined)) problems.push(`${name} / ${c.name}: flinkts says ${c.time ?? 'not a time attribute'}, Flink ${notTime ? 'rejects it as a window time column' : 'windows it'}`);
      }
    }
    expect(problems).toEqual([]);
  }, 900_000);
});

describe("the versioned side of an event-time temporal join: flinkts's check (FTS4306) agrees with Flink 1.20.1", () => {
  const LOG = "CREATE TABLE rates_log (currency STRING, rate DOUBLE, rts TIMESTAMP(3), WATERMARK FOR rts AS rts) WITH ('connector' = 'datagen')";
  const SINK = "CREATE TABLE snk (order_id BIGINT, rate DOUBLE) WITH ('connector' = 'blackhole')";
  const JOIN = 'INSERT INTO snk SELECT o.order_id, r.rate FROM orders o JOIN rv FOR SYSTEM_TIME AS OF o.ts AS r ON o.product = r.currency';
  const VIEWS: [string, string][] = [
    ['the last row per joined key', 'SELECT currency, rate, rts FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY currency ORDER BY rts DESC) AS rn FROM rates_log) WHERE rn = 1'],
    ['no unique key', 'SELECT currency, rate, rts FROM rates_log'],
    ['a GROUP BY on the joined key', 'SELECT currency, MAX(rate) AS rate, MAX(rts) AS rts FROM rates_log GROUP BY currency'],
    ['keyed by a column not joined on', 'SELECT currency, rate, rts FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY rate ORDER BY rts DESC) AS rn FROM rates_log) WHERE rn = 1'],
  ];

  test('accepted and rejected alike', () => {
    const client = FlinkBridgeClient.connect();
    const problems: string[] = [];
    for (const [name, view] of VIEWS) {
      const statements = [DDL[0]!, LOG, `CREATE TEMPORARY VIEW rv AS ${view}`, SINK, JOIN];
      const ours = checkSql(`${statements.join(';\n')};`).filter((d) => d.code === 'FTS4306');
      const r = client.planSync({ statements });
      if (!r.ok && !/primary key/i.test(r.error?.message ?? '')) problems.push(`${name}: Flink did not plan it: ${r.error?.message ?? ''}`);
      else if (r.ok !== (ours.length === 0)) problems.push(`${name}: flinkts ${ours.length === 0 ? 'accepts' : 'rejects'} it, Flink ${r.ok ? 'plans' : 'rejects'} it`);
    }
    expect(problems).toEqual([]);
  }, 600_000);
});
