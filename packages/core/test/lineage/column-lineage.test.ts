import { describe, expect, test } from 'vitest';
import { parseScript, scriptLineage } from '../../src/index.js';
import type { LineageEdge } from '../../src/index.js';

const DDL = `
CREATE TABLE orders (
  order_id BIGINT, user_id BIGINT, amount DECIMAL(10, 2), status STRING, tags ARRAY<STRING>, ts TIMESTAMP(3),
  proc AS PROCTIME(), amount_cents AS CAST(amount * 100 AS BIGINT),
  kafka_ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL,
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH ('connector' = 'datagen');
CREATE TABLE rates (currency STRING, rate DECIMAL(10, 4), ts TIMESTAMP(3), WATERMARK FOR ts AS ts, PRIMARY KEY (currency) NOT ENFORCED) WITH ('connector' = 'datagen');
CREATE TABLE users (user_id BIGINT, name STRING, city STRING, PRIMARY KEY (user_id) NOT ENFORCED) WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://db:3306/shop', 'table-name' = 'users');
CREATE TABLE sink2 (a STRING, b STRING) WITH ('connector' = 'blackhole');
`;

/** `to <- from TYPE SUBTYPE [description]`, short table names, in the lineage's own order. */
function edges(sql: string): string[] {
  const { script, diagnostics } = parseScript(DDL + sql);
  expect(diagnostics).toEqual([]);
  const l = scriptLineage(script.statements, 'j');
  expect(l.diagnostics).toEqual([]);
  const short = (t: string): string => t.split('.').pop()!;
  return l.edges.map((e: LineageEdge) => `${short(e.to.table)}.${e.to.column ?? '*'} <- ${short(e.from.table)}.${e.from.column} ${e.type} ${e.subtype}${e.description === undefined ? '' : ` ${e.description}`}`);
}

describe('column lineage over the bound plan', () => {
  test('identity, transformation with its expression, filter edges on the sink table', () => {
    expect(edges(`INSERT INTO sink2 SELECT status, UPPER(status) FROM orders WHERE amount > 0;`)).toEqual([
      'sink2.* <- orders.amount INDIRECT FILTER',
      'sink2.a <- orders.status DIRECT IDENTITY',
      'sink2.b <- orders.status DIRECT TRANSFORMATION UPPER(`status`)',
    ]);
  });

  test('aggregation with the function, group-by keys, CASE conditions', () => {
    expect(edges(`INSERT INTO sink2 SELECT status, CAST(SUM(CASE WHEN user_id > 0 THEN amount ELSE 0 END) AS STRING) FROM orders GROUP BY status;`)).toEqual([
      'sink2.* <- orders.status INDIRECT GROUP_BY',
      'sink2.a <- orders.status DIRECT IDENTITY',
      'sink2.b <- orders.amount DIRECT AGGREGATION CAST(SUM(CASE WHEN `user_id` > 0 THEN `amount` ELSE 0 END) AS STRING)',
      'sink2.b <- orders.user_id INDIRECT CONDITIONAL CAST(SUM(CASE WHEN `user_id` > 0 THEN `amount` ELSE 0 END) AS STRING)',
    ]);
  });

  test('views and CTEs are followed through to the tables, SELECT * expanded', () => {
    expect(edges(`CREATE VIEW v AS SELECT status AS s, amount FROM orders WHERE user_id IS NOT NULL;
      INSERT INTO sink2 WITH c AS (SELECT * FROM v) SELECT s, CAST(amount AS STRING) FROM c;`)).toEqual([
      'sink2.* <- orders.user_id INDIRECT FILTER',
      'sink2.a <- orders.status DIRECT IDENTITY',
      'sink2.b <- orders.amount DIRECT TRANSFORMATION CAST(`amount` AS STRING)',
    ]);
  });

  test('computed columns are followed to the columns they read; metadata and PROCTIME() columns are origins themselves', () => {
    expect(edges(`INSERT INTO sink2 SELECT CAST(amount_cents AS STRING), CAST(kafka_ts AS STRING) || CAST(proc AS STRING) FROM orders;`)).toEqual([
      'sink2.a <- orders.amount DIRECT TRANSFORMATION CAST(CAST(`amount` * 100 AS BIGINT) AS STRING)',
      'sink2.b <- orders.kafka_ts DIRECT TRANSFORMATION CAST(`kafka_ts` AS STRING) || CAST(PROCTIME() AS STRING)',
      'sink2.b <- orders.proc DIRECT TRANSFORMATION CAST(`kafka_ts` AS STRING) || CAST(PROCTIME() AS STRING)',
    ]);
  });

  test('UNNEST: the element comes from the array column', () => {
    expect(edges(`INSERT INTO sink2 SELECT status, tag FROM orders CROSS JOIN UNNEST(tags) AS t(tag);`)).toEqual([
      'sink2.a <- orders.status DIRECT IDENTITY',
      'sink2.b <- orders.tags DIRECT TRANSFORMATION UNNEST(`tags`)',
    ]);
  });

  test('lookup and temporal joins: join keys and the period on the sink table', () => {
    expect(edges(`INSERT INTO sink2 SELECT o.status, u.city FROM orders o JOIN users FOR SYSTEM_TIME AS OF o.proc AS u ON o.user_id = u.user_id;`)).toEqual([
      'sink2.* <- orders.proc INDIRECT JOIN',
      'sink2.* <- orders.user_id INDIRECT JOIN',
      'sink2.* <- users.user_id INDIRECT JOIN',
      'sink2.a <- orders.status DIRECT IDENTITY',
      'sink2.b <- users.city DIRECT IDENTITY',
    ]);
    expect(edges(`INSERT INTO sink2 SELECT o.status, CAST(o.amount * r.rate AS STRING) FROM orders o JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.status = r.currency;`)).toEqual([
      'sink2.* <- orders.status INDIRECT JOIN',
      'sink2.* <- orders.ts INDIRECT JOIN',
      'sink2.* <- rates.currency INDIRECT JOIN',
      'sink2.a <- orders.status DIRECT IDENTITY',
      'sink2.b <- orders.amount DIRECT TRANSFORMATION CAST(`amount` * `rate` AS STRING)',
      'sink2.b <- rates.rate DIRECT TRANSFORMATION CAST(`amount` * `rate` AS STRING)',
    ]);
  });

  test('window TVFs: window columns from the time attribute, window and grouping edges', () => {
    expect(edges(`INSERT INTO sink2 SELECT CAST(window_start AS STRING), CAST(COUNT(*) AS STRING) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end;`)).toEqual([
      'sink2.* <- orders.ts INDIRECT GROUP_BY',
      'sink2.* <- orders.ts INDIRECT WINDOW',
      "sink2.a <- orders.ts DIRECT TRANSFORMATION CAST(TUMBLE(DESCRIPTOR(`ts`), INTERVAL '1' MINUTE).`window_start` AS STRING)",
    ]);
  });

  test('a SESSION window TVF\'s PARTITION BY columns are window edges', () => {
    expect(edges(`INSERT INTO sink2 SELECT status, CAST(window_end AS STRING) FROM TABLE(SESSION(TABLE orders PARTITION BY user_id, DESCRIPTOR(ts), INTERVAL '1' MINUTE));`)).toContain('sink2.* <- orders.user_id INDIRECT WINDOW');
  });

  test('deduplication and TopN: partition keys are window edges, order keys sort edges', () => {
    expect(edges(`INSERT INTO sink2 SELECT status, CAST(amount AS STRING) FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY proc DESC) AS rn FROM orders) WHERE rn = 1;`)).toEqual([
      'sink2.* <- orders.proc INDIRECT SORT',
      'sink2.* <- orders.order_id INDIRECT WINDOW',
      'sink2.a <- orders.status DIRECT IDENTITY',
      'sink2.b <- orders.amount DIRECT TRANSFORMATION CAST(`amount` AS STRING)',
    ]);
  });

  test('interval joins, unions, ORDER BY, scalar sub-queries', () => {
    expect(edges(`INSERT INTO sink2 SELECT o.status, CAST(r.rate AS STRING) FROM orders o, rates r WHERE o.status = r.currency AND o.ts BETWEEN r.ts - INTERVAL '1' MINUTE AND r.ts;`)).toEqual([
      'sink2.* <- orders.status INDIRECT JOIN',
      'sink2.* <- orders.ts INDIRECT JOIN',
      'sink2.* <- rates.currency INDIRECT JOIN',
      'sink2.* <- rates.ts INDIRECT JOIN',
      'sink2.a <- orders.status DIRECT IDENTITY',
      'sink2.b <- rates.rate DIRECT TRANSFORMATION CAST(`rate` AS STRING)',
    ]);
    expect(edges(`INSERT INTO sink2 SELECT status, 'o' FROM orders UNION ALL SELECT name, city FROM users;`)).toEqual([
      'sink2.a <- orders.status DIRECT IDENTITY',
      'sink2.a <- users.name DIRECT IDENTITY',
      'sink2.b <- users.city DIRECT IDENTITY',
    ]);
    expect(edges(`INSERT INTO sink2 SELECT status, (SELECT MAX(name) FROM users) FROM orders ORDER BY ts;`)).toEqual([
      'sink2.* <- orders.ts INDIRECT SORT',
      'sink2.a <- orders.status DIRECT IDENTITY',
      'sink2.b <- users.name DIRECT TRANSFORMATION (SELECT MAX(`name`) FROM `users`)',
    ]);
  });

  test('sub-queries: IN decides the rows, a correlated scalar sub-query decides one value', () => {
    expect(edges(`INSERT INTO sink2 SELECT status, 'x' FROM orders WHERE user_id IN (SELECT user_id FROM users WHERE city = 'x');`)).toEqual([
      'sink2.* <- orders.user_id INDIRECT FILTER',
      'sink2.* <- users.city INDIRECT FILTER',
      'sink2.* <- users.user_id INDIRECT FILTER',
      'sink2.a <- orders.status DIRECT IDENTITY',
    ]);
    expect(edges(`INSERT INTO sink2 SELECT status, (SELECT MAX(name) FROM users u WHERE u.user_id = o.user_id) FROM orders o;`)).toEqual([
      'sink2.a <- orders.status DIRECT IDENTITY',
      'sink2.b <- users.name DIRECT TRANSFORMATION (SELECT MAX(`name`) FROM `users` AS `u` WHERE `u`.`user_id` = `o`.`user_id`)',
      'sink2.b <- orders.user_id INDIRECT FILTER',
      'sink2.b <- users.user_id INDIRECT FILTER',
    ]);
  });

  test('GROUP BY with HAVING and ORDER BY over the grouped column', () => {
    expect(edges(`INSERT INTO sink2 SELECT status, MAX(CAST(amount AS STRING)) FROM orders GROUP BY status HAVING COUNT(*) > 1 ORDER BY status;`)).toEqual([
      'sink2.* <- orders.status INDIRECT GROUP_BY',
      'sink2.* <- orders.status INDIRECT SORT',
      'sink2.a <- orders.status DIRECT IDENTITY',
      'sink2.b <- orders.amount DIRECT AGGREGATION MAX(CAST(`amount` AS STRING))',
    ]);
  });

  test('SELECT * over two sub-queries without aliases', () => {
    expect(edges(`INSERT INTO sink2 SELECT * FROM (SELECT status FROM orders), (SELECT name FROM users);`)).toEqual([
      'sink2.a <- orders.status DIRECT IDENTITY',
      'sink2.b <- users.name DIRECT IDENTITY',
    ]);
  });

  test('a statement set: every INSERT, sinks of one table merged', () => {
    expect(edges(`EXECUTE STATEMENT SET BEGIN
      INSERT INTO sink2 SELECT status, 'x' FROM orders;
      INSERT INTO sink2 SELECT name, city FROM users WHERE city <> '';
    END;`)).toEqual([
      'sink2.* <- users.city INDIRECT FILTER',
      'sink2.a <- orders.status DIRECT IDENTITY',
      'sink2.a <- users.name DIRECT IDENTITY',
      'sink2.b <- users.city DIRECT IDENTITY',
    ]);
  });
});

describe('hostile input', () => {
  test('a 10,000-term expression binds and has its lineage, without exhausting the stack', () => {
    const chain = Array.from({ length: 10_000 }, (_, i) => (i % 2 === 0 ? 'user_id' : 'order_id')).join(' + ');
    const { script } = parseScript(`${DDL} INSERT INTO sink2 SELECT status, CAST(${chain} AS STRING) FROM orders;`);
    const l = scriptLineage(script.statements, 'j');
    expect(l.diagnostics).toEqual([]);
    expect(l.edges.map((e) => `${e.to.column} <- ${e.from.column} ${e.subtype} ${(e.description ?? '').length > 1000 ? 'long' : e.description ?? ''}`)).toEqual([
      'a <- status IDENTITY ',
      'b <- order_id TRANSFORMATION long',
      'b <- user_id TRANSFORMATION long',
    ]);
  });
});

test('never throws: arbitrary scripts and queries only give plans, lineage and diagnostics', async () => {
  const fc = (await import('fast-check')).default;
  const { query, statement } = await import('../parser/arbitraries.js');
  const tables = parseScript(DDL).script.statements;
  fc.assert(
    fc.property(fc.array(statement, { maxLength: 6 }), fc.array(query, { maxLength: 3 }), (statements, queries) => {
      const all = [...tables, ...statements, ...queries.map((q) => ({ kind: 'QueryStatement' as const, query: q })), ...queries.map((q) => ({ kind: 'Insert' as const, target: ['sink2'], overwrite: false, query: q }))];
      expect(() => scriptLineage(all, 'j')).not.toThrow();
    }),
    { numRuns: 300 },
  );
});

describe('column lineage of LEFT JOIN LATERAL / UNNEST … ON a condition', () => {
  test('the ON condition decides which rows join: JOIN edges on the table, as a join\'s ON', () => {
    const lateral = edges(`INSERT INTO sink2 SELECT o.status, u.name FROM orders o LEFT JOIN LATERAL (SELECT name, city FROM users WHERE users.user_id = o.user_id) AS u ON u.city <> 'x';`);
    expect(lateral).toContain('sink2.* <- users.city INDIRECT JOIN');
    const unnest = edges(`INSERT INTO sink2 SELECT o.status, t.tag FROM orders o LEFT JOIN UNNEST(o.tags) AS t(tag) ON t.tag <> 'x';`);
    expect(unnest).toContain('sink2.* <- orders.tags INDIRECT JOIN');
  });
});
