/**
 * The runtime benchmark's workloads: each is a Flink SQL job, the same query for DuckDB, its input rows (the
 * same JavaScript rows for both engines), how DuckDB's table is created and loaded, and each engine's final
 * table as sorted text lines so the two answers can be compared before any ratio is printed.
 */
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { columnar } from 'flinkts/testing';
import type { ColumnarInput } from 'flinkts/testing';

export type Value = number | string | Date;
export type Rows = Value[][];

export interface Workload {
  readonly name: string;
  /** The flinkts job (SQL text, as a test writes it); its sink is named `out`. */
  readonly sql: string;
  /** The same final table in DuckDB's SQL. */
  readonly duckSql: string;
  /** Input rows per table, in column order. */
  readonly inputs: (n: number) => Record<string, Rows>;
  /** The same rows made one at a time (row `i` of `n`), for the input fed as a stream. */
  readonly rowAt: Record<string, (i: number, n: number) => Value[]>;
  /** DuckDB's CREATE TABLE per input table, and how a row is appended. */
  readonly duckTables: Record<string, { readonly ddl: string; readonly append: (a: DuckDBAppender, row: Value[]) => void; readonly finish?: string }>;
  /** flinkts' final table (`rows('out')`) as lines. */
  readonly flinkLines: (rows: readonly Readonly<Record<string, unknown>>[]) => string[];
  /** DuckDB's result rows as the same lines. */
  readonly duckLines: (rows: readonly unknown[][]) => string[];
}

const SUBJECTS = ['math', 'physics', 'chemistry', 'english', 'history'];
const BASE = Date.UTC(2024, 0, 1);
const num = (v: unknown): string => String(typeof v === 'bigint' ? v : Number(v));
/** `2024-01-01 00:01:00` / `… .500` as the flinkts rows print a TIMESTAMP(3), as epoch millis. */
const tsMillis = (v: unknown): number => Date.parse(`${String(v).replace(' ', 'T')}Z`);

const EVENTS_DDL = "CREATE TABLE events (id BIGINT, user_id INT, kind STRING, amount BIGINT, payload STRING) WITH ('connector' = 'values');";
// JSON.stringify gives flat strings, like JSON read from a file or a message
const eventRow = (i: number): Value[] => [i, i % 1000, i % 4 === 0 ? 'other' : 'wrongbook', i % 100, JSON.stringify({ subject: SUBJECTS[i % 5], score: i % 100, question: { id: i, tags: ['a', 'b'] } })];
/** Every row of a table, made by `rowAt`. */
const allRows = (n: number, rowAt: (i: number, n: number) => Value[]): Rows => {
  const rows: Rows = new Array(n);
  for (let i = 0; i < n; i++) rows[i] = rowAt(i, n);
  return rows;
};
const eventsTable = {
  events: {
    ddl: 'CREATE TABLE events (id BIGINT, user_id INTEGER, kind VARCHAR, amount BIGINT, payload VARCHAR)',
    append: (a: DuckDBAppender, r: Value[]) => {
      a.appendBigInt(BigInt(r[0] as number));
      a.appendInteger(r[1] as number);
      a.appendVarchar(r[2] as string);
      a.appendBigInt(BigInt(r[3] as number));
      a.appendVarchar(r[4] as string);
      a.endRow();
    },
  },
};

export const filterProject: Workload = {
  name: 'filter + project + JSON_VALUE',
  sql: `${EVENTS_DDL}
    CREATE TABLE \`out\` (id BIGINT, user_id INT, subject STRING) WITH ('connector' = 'values');
    INSERT INTO \`out\` SELECT id, user_id, JSON_VALUE(payload, '$.subject') FROM events WHERE kind = 'wrongbook';`,
  duckSql: "SELECT id, user_id, json_extract_string(payload, '$.subject') AS subject FROM events WHERE kind = 'wrongbook'",
  inputs: (n) => ({ events: allRows(n, eventRow) }),
  rowAt: { events: eventRow },
  duckTables: eventsTable,
  flinkLines: (rows) => rows.map((r) => `${num(r.id)}|${num(r.user_id)}|${String(r.subject)}`),
  duckLines: (rows) => rows.map((r) => `${num(r[0])}|${num(r[1])}|${String(r[2])}`),
};

export const keyedAggregation: Workload = {
  name: 'keyed COUNT/SUM aggregation',
  sql: `${EVENTS_DDL}
    CREATE TABLE \`out\` (user_id INT, cnt BIGINT, total BIGINT, PRIMARY KEY (user_id) NOT ENFORCED) WITH ('connector' = 'values');
    INSERT INTO \`out\` SELECT user_id, COUNT(*), SUM(amount) FROM events GROUP BY user_id;`,
  duckSql: 'SELECT user_id, COUNT(*) AS cnt, SUM(amount) AS total FROM events GROUP BY user_id',
  inputs: (n) => ({ events: allRows(n, eventRow) }),
  rowAt: { events: eventRow },
  duckTables: eventsTable,
  flinkLines: (rows) => rows.map((r) => `${num(r.user_id)}|${num(r.cnt)}|${num(r.total)}`),
  duckLines: (rows) => rows.map((r) => `${num(r[0])}|${num(r[1])}|${num(r[2])}`),
};

/**
 * The keyed aggregation with MIN / MAX beside COUNT: MAX(id) sees a new largest value on every row of its key (1,000
 * distinct values per key at 1M rows), so with the changelog kept every update reads an extreme among many values.
 */
export const keyedExtremes: Workload = {
  name: 'keyed MIN/MAX aggregation',
  sql: `${EVENTS_DDL}
    CREATE TABLE \`out\` (user_id INT, cnt BIGINT, lo BIGINT, hi BIGINT, k STRING, PRIMARY KEY (user_id) NOT ENFORCED) WITH ('connector' = 'values');
    INSERT INTO \`out\` SELECT user_id, COUNT(*), MIN(amount), MAX(id), MAX(kind) FROM events GROUP BY user_id;`,
  duckSql: 'SELECT user_id, COUNT(*) AS cnt, MIN(amount) AS lo, MAX(id) AS hi, MAX(kind) AS k FROM events GROUP BY user_id',
  inputs: (n) => ({ events: allRows(n, eventRow) }),
  rowAt: { events: eventRow },
  duckTables: eventsTable,
  flinkLines: (rows) => rows.map((r) => `${num(r.user_id)}|${num(r.cnt)}|${num(r.lo)}|${num(r.hi)}|${String(r.k)}`),
  duckLines: (rows) => rows.map((r) => `${num(r[0])}|${num(r[1])}|${num(r[2])}|${num(r[3])}|${String(r[4])}`),
};

const leftRow = (i: number): Value[] => [i, `a${i % 97}`];
const rightRow = (i: number, n: number): Value[] => [n - 1 - i, `b${i % 89}`];

/** Two streams joined on a key: every row has one partner, the right side arrives in reverse key order. */
export const regularJoin: Workload = {
  name: 'regular INNER JOIN of two streams',
  sql: `CREATE TABLE l (k BIGINT, a STRING) WITH ('connector' = 'values');
    CREATE TABLE r (k BIGINT, b STRING) WITH ('connector' = 'values');
    CREATE TABLE \`out\` (k BIGINT, a STRING, b STRING) WITH ('connector' = 'values');
    INSERT INTO \`out\` SELECT l.k, l.a, r.b FROM l JOIN r ON l.k = r.k;`,
  duckSql: 'SELECT l.k, l.a, r.b FROM l JOIN r ON l.k = r.k',
  inputs: (n) => ({ l: allRows(n, leftRow), r: allRows(n, rightRow) }),
  rowAt: { l: leftRow, r: rightRow },
  duckTables: Object.fromEntries(['l', 'r'].map((t) => [t, {
    ddl: `CREATE TABLE ${t} (k BIGINT, ${t === 'l' ? 'a' : 'b'} VARCHAR)`,
    append: (a: DuckDBAppender, row: Value[]) => {
      a.appendBigInt(BigInt(row[0] as number));
      a.appendVarchar(row[1] as string);
      a.endRow();
    },
  }])),
  flinkLines: (rows) => rows.map((r) => `${num(r.k)}|${String(r.a)}|${String(r.b)}`),
  duckLines: (rows) => rows.map((r) => `${num(r[0])}|${String(r[1])}|${String(r[2])}`),
};

const windowRow = (i: number): Value[] => [i % 1000, i % 100, new Date(BASE + i * 10)];

/** A tumbling event-time window aggregation: 1,000 keys, a row every 10 ms, one-minute windows. */
export const tumblingWindow: Workload = {
  name: 'TUMBLE event-time window aggregation',
  sql: `CREATE TABLE ev (k INT, v BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'values');
    CREATE TABLE \`out\` (k INT, window_start TIMESTAMP(3), window_end TIMESTAMP(3), cnt BIGINT, total BIGINT) WITH ('connector' = 'values');
    INSERT INTO \`out\` SELECT k, window_start, window_end, COUNT(*), SUM(v)
      FROM TABLE(TUMBLE(TABLE ev, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY k, window_start, window_end;`,
  duckSql: "SELECT k, epoch_ms(time_bucket(INTERVAL '1 minute', ts)) AS ws, COUNT(*) AS cnt, SUM(v) AS total FROM ev GROUP BY ALL",
  inputs: (n) => ({ ev: allRows(n, windowRow) }),
  rowAt: { ev: windowRow },
  duckTables: {
    ev: {
      // appended as epoch millis, then made a TIMESTAMP column before any timing
      ddl: 'CREATE TABLE ev (k INTEGER, v BIGINT, ts_ms BIGINT)',
      append: (a, r) => {
        a.appendInteger(r[0] as number);
        a.appendBigInt(BigInt(r[1] as number));
        a.appendBigInt(BigInt((r[2] as Date).getTime()));
        a.endRow();
      },
      finish: 'CREATE OR REPLACE TABLE ev AS SELECT k, v, epoch_ms(ts_ms) AS ts FROM ev',
    },
  },
  flinkLines: (rows) => rows.map((r) => `${num(r.k)}|${tsMillis(r.window_start)}|${tsMillis(r.window_end) - tsMillis(r.window_start)}|${num(r.cnt)}|${num(r.total)}`),
  duckLines: (rows) => rows.map((r) => `${num(r[0])}|${num(r[1])}|60000|${num(r[2])}|${num(r[3])}`),
};

/** Creates DuckDB's tables for a workload and appends its rows (outside any timing). */
export async function loadDuckDb(con: DuckDBConnection, w: Workload, inputs: Record<string, Rows>): Promise<void> {
  for (const [table, spec] of Object.entries(w.duckTables)) {
    await con.run(`DROP TABLE IF EXISTS ${table}`);
    await con.run(spec.ddl);
    const app = await con.createAppender(table);
    for (const row of inputs[table] as Rows) spec.append(app, row);
    app.flushSync();
    app.closeSync();
    if (spec.finish) await con.run(spec.finish);
  }
}

/** The input's size as JSON lines of objects keyed by column name (what a fixture file of it would hold). */
export function inputJsonBytes(inputs: Record<string, Iterable<Value[]>>, columns: Record<string, readonly string[]>): number {
  let bytes = 0;
  for (const [table, rows] of Object.entries(inputs)) {
    const cols = columns[table] as readonly string[];
    for (const r of rows) bytes += Buffer.byteLength(JSON.stringify(Object.fromEntries(cols.map((c, i) => [c, r[i]])))) + 1;
  }
  return bytes;
}

/** A workload's input as streams: each table's rows made as the job reads them (an iterable can be read again). */
export function streamedInputs(w: Workload, n: number): Record<string, Iterable<Value[]>> {
  return Object.fromEntries(Object.entries(w.rowAt).map(([table, rowAt]) => [table, {
    *[Symbol.iterator]() {
      for (let i = 0; i < n; i++) yield rowAt(i, n);
    },
  }]));
}

export const INPUT_COLUMNS: Record<string, readonly string[]> = {
  events: ['id', 'user_id', 'kind', 'amount', 'payload'],
  l: ['k', 'a'],
  r: ['k', 'b'],
  ev: ['k', 'v', 'ts'],
};

/**
 * The same input rows as columnar fixtures (`columnar()`: one array of the same values per column), made before
 * any timing as DuckDB's tables are loaded before any timing.
 */
export function columnarInputs(inputs: Record<string, Rows>): Record<string, ColumnarInput> {
  return Object.fromEntries(Object.entries(inputs).map(([table, rows]) => {
    const names = INPUT_COLUMNS[table] as readonly string[];
    return [table, columnar(Object.fromEntries(names.map((c, i) => [c, rows.map((r) => r[i])])))];
  }));
}
