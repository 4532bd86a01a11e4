/**
 * Time attributes: where they come from (WATERMARK, PROCTIME()), what keeps them (plain column references, views,
 * CTEs, window_time of a window aggregation, interval joins) and what loses them (CAST, arithmetic, GROUP BY,
 * regular joins), as the window TVFs, interval joins and temporal/lookup joins that need them see it.
 */
import { describe, expect, test } from 'vitest';
import { parseScript } from '../../src/index.js';
import { ObjectCatalog, tableColumns } from '../../src/internal/index.js';
import { changelogDiagnostics } from './connector-capabilities.js';

const KAFKA = "'connector' = 'kafka', 'properties.bootstrap.servers' = 'k:9092', 'format' = 'json'";
const EVENTS = `CREATE TABLE events (id BIGINT, user_id BIGINT, ts_ms BIGINT, ts AS TO_TIMESTAMP_LTZ(ts_ms, 3), pt AS PROCTIME(), WATERMARK FOR ts AS ts - INTERVAL '2' SECOND) WITH (${KAFKA}, 'topic' = 'events');`;
const PRINT = "CREATE TABLE out_print (a STRING, b STRING, c STRING) WITH ('connector' = 'print');";
const DIM = "CREATE TABLE dim (user_id BIGINT, city STRING, PRIMARY KEY (user_id) NOT ENFORCED) WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://db/d', 'table-name' = 'dim');";

const codes = (sql: string) => changelogDiagnostics(`${EVENTS}\n${PRINT}\n${DIM}\n${sql}`).map((d) => `${d.code} ${d.span!.start.line - 3}:${d.span!.start.column}`);

describe('where time attributes come from', () => {
  test('a WATERMARK column is a rowtime, a PROCTIME() computed column a proctime', () => {
    const catalog = ObjectCatalog.of(parseScript(EVENTS).script.statements);
    const entry = catalog.lookup(['events']);
    if (entry?.kind !== 'table') throw new Error('expected a table');
    expect(Object.fromEntries(tableColumns(entry, catalog).flatMap((c) => (c.time === undefined ? [] : [[c.name, c.time]])))).toEqual({ pt: 'proctime', ts: 'rowtime' });
  });

  test('a WATERMARK on a TIMESTAMP_LTZ(3) computed column is accepted (its type is inferred)', () => {
    expect(codes('SELECT id FROM events;')).toEqual([]);
  });

  test('PROCTIME() in a view makes a proctime attribute a lookup join can use (seed 001 pattern)', () => {
    const sql = "CREATE TEMPORARY VIEW v AS SELECT id, user_id, PROCTIME() AS proc_time FROM events;\nINSERT INTO out_print SELECT CAST(v.id AS STRING), d.city, '' FROM v LEFT JOIN dim FOR SYSTEM_TIME AS OF v.proc_time AS d ON v.user_id = d.user_id;";
    expect(codes(sql)).toEqual([]);
  });
});

describe('what keeps time attributes', () => {
  test('plain references, aliases, views and CTEs keep them for window TVFs', () => {
    const sql = "CREATE TEMPORARY VIEW v AS SELECT user_id, ts AS event_time FROM events WHERE id > 0;\nWITH c AS (SELECT * FROM v) SELECT user_id, COUNT(*) FROM TABLE(TUMBLE(TABLE c, DESCRIPTOR(event_time), INTERVAL '1' MINUTE)) GROUP BY user_id, window_start, window_end;";
    expect(codes(sql)).toEqual([]);
  });

  test('window_time of a window aggregation is a rowtime for a cascaded window', () => {
    const sql = "CREATE TEMPORARY VIEW per_minute AS SELECT user_id, window_time AS minute_time, COUNT(*) AS c FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY user_id, window_start, window_end, window_time;\nSELECT user_id, SUM(c) FROM TABLE(TUMBLE(TABLE per_minute, DESCRIPTOR(minute_time), INTERVAL '1' HOUR)) GROUP BY user_id, window_start, window_end;";
    expect(codes(sql)).toEqual([]);
  });

  test('an interval join keeps both rowtimes; ORDER BY an ascending rowtime is allowed', () => {
    const sql = "CREATE TEMPORARY VIEW j AS SELECT a.id, a.ts FROM events a JOIN events b ON a.id = b.id AND a.ts BETWEEN b.ts - INTERVAL '1' MINUTE AND b.ts;\nSELECT id, COUNT(*) FROM TABLE(TUMBLE(TABLE j, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY id, window_start, window_end;\nSELECT id FROM j ORDER BY ts;";
    expect(codes(sql)).toEqual([]);
  });

  test('TUMBLE_ROWTIME of a legacy group window is a rowtime for a cascaded window', () => {
    const sql = "CREATE TEMPORARY VIEW m AS SELECT user_id, TUMBLE_ROWTIME(ts, INTERVAL '1' MINUTE) AS rt, COUNT(*) AS c FROM events GROUP BY TUMBLE(ts, INTERVAL '1' MINUTE), user_id;\nSELECT user_id, SUM(c) FROM m GROUP BY TUMBLE(rt, INTERVAL '1' HOUR), user_id;";
    expect(codes(sql)).toEqual([]);
  });

  test('one rowtime into a sink is fine, the other CAST to a plain timestamp', () => {
    const sql = "CREATE TABLE two (a TIMESTAMP(3), b TIMESTAMP(3), c STRING) WITH ('connector' = 'print');\nINSERT INTO two SELECT x.ts, CAST(y.ts AS TIMESTAMP(3)), '' FROM events x JOIN events y ON x.id = y.id AND x.ts BETWEEN y.ts - INTERVAL '1' MINUTE AND y.ts;";
    expect(codes(sql)).toEqual([]);
  });

  test('an OVER window ordered by proctime and by rowtime', () => {
    expect(codes('SELECT id, COUNT(*) OVER (PARTITION BY user_id ORDER BY pt RANGE BETWEEN INTERVAL \'1\' HOUR PRECEDING AND CURRENT ROW) FROM events;\nSELECT id, SUM(id) OVER w FROM events WINDOW w AS (ORDER BY ts ROWS BETWEEN 5 PRECEDING AND CURRENT ROW);')).toEqual([]);
  });
});

describe('what loses time attributes', () => {
  test('arithmetic on a rowtime', () => {
    const sql = "CREATE TEMPORARY VIEW v AS SELECT id, ts + INTERVAL '1' HOUR AS ts FROM events;\nSELECT id FROM TABLE(TUMBLE(TABLE v, DESCRIPTOR(ts), INTERVAL '1' MINUTE));";
    expect(codes(sql)).toEqual(['FTS4302 2:38']);
    const message = changelogDiagnostics(`${EVENTS}\n${PRINT}\n${DIM}\n${sql}`)[0]!.message;
    expect(message).toBe("column 'ts' is used as a time attribute in the DESCRIPTOR of TUMBLE, but it lost its rowtime attribute by the '+' operator at 4:39");
  });

  test('window_start is a plain timestamp, not a time attribute', () => {
    const sql = "CREATE TEMPORARY VIEW w AS SELECT window_start AS ws, COUNT(*) AS c FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end;\nSELECT c FROM TABLE(TUMBLE(TABLE w, DESCRIPTOR(ws), INTERVAL '1' HOUR));";
    expect(codes(sql)).toEqual(['FTS4301 2:37']);
  });

  test('a proctime through a non-window GROUP BY cannot drive a lookup join', () => {
    const sql = 'CREATE TEMPORARY VIEW g AS SELECT user_id, MAX(pt) AS pt FROM events GROUP BY user_id;\nSELECT d.city FROM g JOIN dim FOR SYSTEM_TIME AS OF g.pt AS d ON g.user_id = d.user_id;';
    const ds = changelogDiagnostics(`${EVENTS}\n${PRINT}\n${DIM}\n${sql}`);
    expect(ds.map((d) => d.code)).toEqual(['FTS4302']);
    expect(ds[0]!.message).toContain('lost its proctime attribute by GROUP BY user_id at 4:79 (not a window aggregation)');
  });
});

describe('the versioned side of an event-time temporal join (checked on the plan, as Flink 1.20.1 plans it)', () => {
  const log = "CREATE TABLE rates_log (currency STRING, rate DOUBLE, rts TIMESTAMP(3), WATERMARK FOR rts AS rts) WITH ('connector' = 'datagen');";
  const orders = "CREATE TABLE orders (order_id BIGINT, product STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen');";
  const join = 'SELECT o.order_id, r.rate FROM orders o JOIN rv FOR SYSTEM_TIME AS OF o.ts AS r ON o.product = r.currency;';
  const diagnostics = (view: string) => changelogDiagnostics(`${log}\n${orders}\nCREATE TEMPORARY VIEW rv AS ${view};\n${join}`);

  test('a view keeping the last row per joined key is a versioned view', () => {
    expect(diagnostics('SELECT currency, rate, rts FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY currency ORDER BY rts DESC) AS rn FROM rates_log) WHERE rn = 1')).toEqual([]);
  });

  test('a view without a unique key is not ("Temporal Table Join requires primary key in versioned table")', () => {
    const [d] = diagnostics('SELECT currency, rate, rts FROM rates_log');
    expect(d).toMatchObject({ code: 'FTS4306', severity: 'error', span: { start: { line: 4, column: 46 } } });
    expect(d!.message).toContain('has no unique key');
  });

  test("a view keyed by a column the join does not equate is not (\"Temporal table's primary key [rate] must be included\")", () => {
    const [d] = diagnostics('SELECT currency, rate, rts FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY rate ORDER BY rts DESC) AS rn FROM rates_log) WHERE rn = 1');
    expect(d).toMatchObject({ code: 'FTS4306', severity: 'error' });
    expect(d!.message).toBe("the versioned table's key (rate) must be in the equality condition of the event-time temporal join");
  });
});
