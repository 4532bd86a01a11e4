/**
 * The bound plan's derived changelog modes and upsert keys (plan/properties/) against real Flink 1.20.1's planner:
 * for each program, Flink's EXPLAIN CHANGELOG_MODE gives the mode of what the sink reads (insert-only is `[I]`), and
 * the sink's upsert materializer says whether a PRIMARY KEY holds one of the query's upsert keys. Each program is
 * planned into a sink whose PRIMARY KEY is the derived upsert key (Flink must not materialize; every column when no
 * key is derived: then Flink must materialize), and into sinks keyed by a column outside the derived key and by the
 * key less one column (Flink must materialize: the derived key is not too wide).
 */
import { describe, expect, test } from 'vitest';
import { resolveTableCapabilities } from '@flinkts/connectors/internal';
import { parseScript, printDataType } from '@flinkts/core';
import { bindScript, changelogOf } from '@flinkts/core/internal';
import type { PlanNode, SourceModes } from '@flinkts/core';
import { FlinkBridgeClient } from '@flinkts/core/flink';

const DDL = [
  "CREATE TABLE orders (order_id BIGINT, user_id BIGINT, product STRING, amount DOUBLE, ts TIMESTAMP(3), pt AS PROCTIME(), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'datagen')",
  "CREATE TABLE users (user_id BIGINT, name STRING, PRIMARY KEY (user_id) NOT ENFORCED) WITH ('connector' = 'mysql-cdc', 'hostname' = '127.0.0.1', 'port' = '1', 'username' = 'u', 'password' = 'p', 'database-name' = 'd', 'table-name' = 'users')",
  "CREATE TABLE users_rt (user_id BIGINT, updated_at TIMESTAMP(3), WATERMARK FOR updated_at AS updated_at, PRIMARY KEY (user_id) NOT ENFORCED) WITH ('connector' = 'mysql-cdc', 'hostname' = '127.0.0.1', 'port' = '1', 'username' = 'u', 'password' = 'p', 'database-name' = 'd', 'table-name' = 'users')",
  "CREATE TABLE latest (product STRING, price DOUBLE, PRIMARY KEY (product) NOT ENFORCED) WITH ('connector' = 'upsert-kafka', 'topic' = 'p', 'properties.bootstrap.servers' = '127.0.0.1:1', 'key.format' = 'json', 'value.format' = 'json')",
  "CREATE TABLE rates (currency STRING, rate DOUBLE, rts TIMESTAMP(3), WATERMARK FOR rts AS rts, PRIMARY KEY (currency) NOT ENFORCED) WITH ('connector' = 'upsert-kafka', 'topic' = 'r', 'properties.bootstrap.servers' = '127.0.0.1:1', 'key.format' = 'json', 'value.format' = 'json')",
  "CREATE TABLE dim_users (user_id BIGINT, city STRING, PRIMARY KEY (user_id) NOT ENFORCED) WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://127.0.0.1:1/d', 'table-name' = 'users')",
];

const tvf = (size = '1'): string => `TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '${size}' MINUTE))`;
const grouped = '(SELECT user_id, COUNT(*) AS c FROM orders GROUP BY user_id)';

/** [name, query, what flinkts derives: `insert-only`, or the kind and the first upsert key's columns]. */
const PROGRAMS: [string, string, string][] = [
  ['append source', 'SELECT order_id, amount FROM orders', 'insert-only'],
  ['CDC source', 'SELECT user_id, name FROM users', 'retract [user_id]'],
  ['upsert source', 'SELECT product, price FROM latest', 'upsert [product]'],
  ['CDC source, key not selected', 'SELECT name FROM users', 'retract []'],
  ['GROUP BY, key renamed', 'SELECT user_id AS uid, COUNT(*) AS c FROM orders GROUP BY user_id', 'upsert [uid]'],
  ['GROUP BY two keys', 'SELECT product, user_id, SUM(amount) AS s FROM orders GROUP BY user_id, product', 'upsert [product, user_id]'],
  ['GROUP BY, a filter above', `SELECT user_id, c FROM ${grouped} WHERE c > 1`, 'upsert [user_id]'],
  ['global aggregation', 'SELECT COUNT(*) AS c, SUM(amount) AS s FROM orders', 'upsert (no columns)'],
  ['SELECT DISTINCT', 'SELECT DISTINCT user_id, product FROM orders', 'upsert [user_id, product]'],
  ['window aggregation', `SELECT user_id, window_start, COUNT(*) AS c FROM ${tvf()} GROUP BY user_id, window_start, window_end`, 'insert-only'],
  ['window aggregation over a CDC source', "SELECT window_start, COUNT(*) AS c FROM TABLE(TUMBLE(TABLE users_rt, DESCRIPTOR(updated_at), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end", 'insert-only'],
  ['legacy group window', "SELECT user_id, TUMBLE_START(ts, INTERVAL '1' MINUTE) AS w, COUNT(*) AS c FROM orders GROUP BY TUMBLE(ts, INTERVAL '1' MINUTE), user_id", 'insert-only'],
  ['deduplication, first row on processing time', 'SELECT order_id, amount FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY pt) AS rn FROM orders) WHERE rn = 1', 'insert-only'],
  ['deduplication, last row', 'SELECT order_id, amount FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY ts DESC) AS rn FROM orders) WHERE rn = 1', 'upsert [order_id]'],
  ['deduplication, first row on event time', 'SELECT order_id, amount FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY ts) AS rn FROM orders) WHERE rn = 1', 'upsert [order_id]'],
  ['TopN with the row number', 'SELECT product, amount, rn FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY product ORDER BY amount DESC) AS rn FROM orders) WHERE rn <= 3', 'upsert [product, rn]'],
  ['window TopN', `SELECT user_id, amount, rn FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY amount DESC) AS rn FROM ${tvf()}) WHERE rn <= 3`, 'insert-only'],
  ['OVER aggregation', 'SELECT order_id, SUM(amount) OVER (PARTITION BY user_id ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS s FROM orders', 'insert-only'],
  ['inner join of append inputs', 'SELECT a.order_id, b.amount FROM orders a JOIN orders b ON a.order_id = b.order_id', 'insert-only'],
  ['LEFT JOIN of an append input', 'SELECT o.order_id, u.name FROM orders o LEFT JOIN users u ON o.user_id = u.user_id', 'retract []'],
  ['join on both upsert keys', `SELECT x.user_id, u.name, x.c FROM ${grouped} x JOIN users u ON x.user_id = u.user_id`, 'retract [user_id]'],
  ['join on part of the left key', 'SELECT x.user_id, x.product, u.name FROM (SELECT user_id, product, COUNT(*) AS c FROM orders GROUP BY user_id, product) x JOIN users u ON x.user_id = u.user_id', 'retract [user_id, product]'],
  ['join on a non-key column of the right side', 'SELECT x.product, x.c, u.user_id FROM (SELECT product, COUNT(*) AS c FROM orders GROUP BY product) x JOIN users u ON x.product = u.name', 'retract []'],
  ['LEFT JOIN keeps the left upsert key', `SELECT x.user_id, x.c, u.name FROM ${grouped} x LEFT JOIN users u ON x.user_id = u.user_id`, 'retract [user_id]'],
  ['lookup join', 'SELECT o.order_id, d.city FROM orders o JOIN dim_users FOR SYSTEM_TIME AS OF o.pt AS d ON o.user_id = d.user_id', 'insert-only'],
  ['temporal join', 'SELECT o.order_id, o.amount * r.rate AS v FROM orders o JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.product = r.currency', 'insert-only'],
  ['interval join', "SELECT a.order_id, b.amount FROM orders a JOIN orders b ON a.order_id = b.order_id AND a.ts BETWEEN b.ts - INTERVAL '1' HOUR AND b.ts", 'insert-only'],
  ['UNION ALL of append inputs', 'SELECT order_id FROM orders UNION ALL SELECT order_id FROM orders', 'insert-only'],
  ['UNION ALL with an updating branch', 'SELECT user_id FROM orders UNION ALL SELECT user_id FROM users', 'retract []'],
  ['UNION', 'SELECT user_id, product FROM orders UNION SELECT user_id, product FROM orders', 'upsert [user_id, product]'],
  ['NOT IN sub-query (anti join)', 'SELECT order_id, user_id FROM orders WHERE user_id NOT IN (SELECT user_id FROM dim_users)', 'retract []'],
  ['GROUP BY the key of an insert-only table, MAX only (Flink removes the aggregation)', 'SELECT user_id, MAX(city) AS c FROM dim_users GROUP BY user_id', 'insert-only'],
  ['GROUP BY the key of a CDC table, MAX only (Flink removes the aggregation)', 'SELECT user_id, MAX(name) AS n FROM users GROUP BY user_id', 'retract [user_id]'],
  ['GROUP BY the key of an insert-only table with COUNT (kept)', 'SELECT user_id, COUNT(*) AS c FROM dim_users GROUP BY user_id', 'upsert [user_id]'],
  ['GROUP BY the key of a CDC table, no aggregate call (Flink removes the aggregation)', 'SELECT user_id FROM users GROUP BY user_id', 'retract [user_id]'],
  ['SELECT DISTINCT of a CDC table\'s key and columns (Flink removes the aggregation)', 'SELECT DISTINCT user_id, name FROM users', 'retract [user_id]'],
  ['GROUP BY the keys of a GROUP BY, SUM only (Flink removes the outer aggregation)', `SELECT user_id, SUM(c) AS s FROM ${grouped} GROUP BY user_id`, 'upsert [user_id]'],
  ['GROUP BY a deduplication\'s key (kept: the logical rule sees an OVER, not a unique key)', 'SELECT order_id, MAX(amount) AS m FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY ts DESC) AS rn FROM orders) WHERE rn = 1 GROUP BY order_id', 'upsert [order_id]'],
  ['GROUP BY a TopN\'s partition and row number (kept)', 'SELECT product, rn, MAX(amount) AS m FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY product ORDER BY amount DESC) AS rn FROM orders) WHERE rn <= 2 GROUP BY product, rn', 'upsert [product, rn]'],
  ['IN an insert-only sub-query (semi join)', 'SELECT order_id, user_id FROM orders WHERE user_id IN (SELECT order_id FROM orders)', 'insert-only'],
  ['EXISTS over an insert-only sub-query (semi join)', 'SELECT order_id, user_id FROM orders o WHERE EXISTS (SELECT 1 FROM orders p WHERE p.order_id = o.user_id)', 'insert-only'],
  ['window aggregation with GROUPING SETS', `SELECT user_id, COUNT(*) AS c FROM ${tvf()} GROUP BY window_start, window_end, GROUPING SETS ((user_id), ())`, 'insert-only'],
  ['scalar sub-query in the select list', 'SELECT order_id, amount - (SELECT AVG(amount) FROM orders) AS d FROM orders', 'retract []'],
  ['IN an updating sub-query (semi join)', 'SELECT order_id, user_id FROM orders WHERE user_id IN (SELECT user_id FROM users)', 'retract []'],
  ['ORDER BY … LIMIT', 'SELECT order_id, amount FROM orders ORDER BY amount DESC LIMIT 3', 'upsert []'],
  ['correlated scalar sub-query in WHERE (a join with its aggregation)', 'SELECT order_id, user_id FROM orders WHERE amount >= (SELECT MAX(o2.amount) FROM orders o2 WHERE o2.user_id = orders.user_id)', 'retract []'],
];

const sources: SourceModes = (entry) => resolveTableCapabilities(entry.statement.options, { hasPrimaryKey: entry.statement.primaryKey !== undefined })?.source;

function derived(query: string): { plan: PlanNode; summary: string; key?: readonly number[] } {
  const { script } = parseScript(`${DDL.join(';\n')};\n${query};`);
  const bound = bindScript(script.statements);
  const plan = bound.statements.at(-1)?.query;
  if (plan === undefined) throw new Error(`not bound: ${JSON.stringify(bound.diagnostics)}`);
  const mode = changelogOf(plan, sources);
  if (mode.kind === 'insert-only') return { plan, summary: 'insert-only' };
  const key = mode.upsertKeys[0];
  const shown = key === undefined ? '[]' : key.length === 0 ? '(no columns)' : `[${key.map((p) => plan.columns[p]!.name).join(', ')}]`;
  return { plan, summary: `${mode.kind} ${shown}`, ...(key === undefined ? {} : { key }) };
}

const q = (name: string): string => `\`${name.replace(/`/g, '``')}\``;

function sinkDdl(plan: PlanNode, pk: readonly number[]): string {
  const columns = plan.columns.map((c) => `${q(c.name)} ${printDataType(c.type!).replace(/ NOT NULL$/, '')}`);
  const key = pk.length === 0 ? '' : `, PRIMARY KEY (${pk.map((p) => q(plan.columns[p]!.name)).join(', ')}) NOT ENFORCED`;
  return `CREATE TABLE snk (${columns.join(', ')}${key}) WITH ('connector' = 'blackhole')`;
}

describe('derived changelog modes and upsert keys are the ones real Flink plans', () => {
  test('flinkts derives the expected modes', () => {
    expect(PROGRAMS.map(([name, query]) => [name, derived(query).summary])).toEqual(PROGRAMS.map(([name, , expected]) => [name, expected]));
  });

  test('Flink 1.20.1 agrees on every program', () => {
    const client = FlinkBridgeClient.connect();
    const problems: string[] = [];
    const plan = (sink: string, query: string): { mode: string; materialize: boolean } | string => {
      const r = client.planSync({ statements: [...DDL, sink, `INSERT INTO snk ${query}`], withPlan: true, changelogMode: true });
      if (!r.ok) return `Flink did not plan it: ${r.error?.message ?? ''}`;
      const physical = ((r.plans ?? []).join('\n').split('== Optimized Physical Plan ==')[1] ?? '').trim().split('\n');
      const sinkLine = physical.find((l) => l.startsWith('Sink('));
      const input = physical[physical.indexOf(sinkLine!) + 1] ?? '';
      return { mode: /changelogMode=\[([^\]]*)\]/.exec(input)?.[1] ?? '?', materialize: sinkLine?.includes('upsertMaterialize=[true]') === true };
    };
    for (const [name, query] of PROGRAMS) {
      const d = derived(query);
      const all = d.plan.columns.map((_, i) => i);
      // A sink keyed by the derived upsert key; by every column when none is derived.
      const keyed = plan(sinkDdl(d.plan, d.key !== undefined && d.key.length > 0 ? d.key : d.key === undefined ? all : [0]), query);
      if (typeof keyed === 'string') {
        problems.push(`${name}: ${keyed}`);
        continue;
      }
      if ((keyed.mode === 'I') !== (d.summary === 'insert-only')) problems.push(`${name}: flinkts derives ${d.summary}, Flink's sink reads [${keyed.mode}]`);
      if (d.summary === 'insert-only') continue;
      if (d.key !== undefined && keyed.materialize) problems.push(`${name}: Flink materializes a sink keyed by the derived upsert key (${d.summary})`);
      if (d.key === undefined && !keyed.materialize) problems.push(`${name}: flinkts derives no upsert key, but Flink finds one within the sink's columns`);
      if (d.key === undefined || d.key.length === 0) continue;
      // Sinks keyed by a column outside the derived key, and by the key less one column: Flink must materialize
      // (it has no upsert key within them either).
      const narrower = [
        ...[all.find((i) => !d.key!.includes(i))].flatMap((i) => (i === undefined ? [] : [[i]])),
        ...(d.key.length > 1 ? d.key.map((x) => d.key!.filter((k) => k !== x)) : []),
      ];
      for (const pk of narrower) {
        const other = plan(sinkDdl(d.plan, pk), query);
        if (typeof other === 'string') problems.push(`${name}: ${other}`);
        else if (!other.materialize) problems.push(`${name}: Flink finds an upsert key within (${pk.map((p) => d.plan.columns[p]!.name).join(', ')}), which flinkts does not derive`);
      }
    }
    expect(problems).toEqual([]);
  }, 900_000);
});
