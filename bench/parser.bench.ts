/**
 * Parser benchmark: a generated ~2,000-line Flink SQL script (DDL, views, INSERTs with joins, CASE, windows)
 * parsed by flinkts' `parseScript` and validated by dt-sql-parser's `FlinkSQL.validate`, in the same run.
 *  - warm: both loaded in this process, several rounds alternating, median per parse;
 *  - cold: a fresh Node process per parser (module load + first parse, measured inside the child), median of 3;
 *  - memory: in the cold child, heap and RSS growth from before loading the parser to after the first parse (GC'd).
 * Targets: flinkts ≥ 2x faster warm, ≥ 5x faster cold, ≤ 0.5x the memory.
 * dt-sql-parser's ESM build does not load under plain Node; it loads through tsx's loader, which both children use.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type Parser = 'flinkts' | 'dt-sql-parser';

const TARGET_LINES = 2000;

/** One block of realistic pipeline SQL (about 60 lines) that both parsers accept. */
function block(i: number): string {
  return `-- block ${i}: orders pipeline
CREATE TABLE ods_orders_${i} (
  order_id BIGINT,
  user_id BIGINT,
  product_id BIGINT,
  status STRING,
  amount DECIMAL(10, 2),
  quantity INT,
  payload STRING,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND,
  PRIMARY KEY (order_id) NOT ENFORCED
) WITH (
  'connector' = 'kafka',
  'topic' = 'ods_orders_${i}',
  'properties.bootstrap.servers' = '\${KAFKA_BROKERS}',
  'properties.group.id' = 'flinkts-${i}',
  'scan.startup.mode' = 'latest-offset',
  'format' = 'json'
);

CREATE TABLE dim_users_${i} (
  id BIGINT,
  name STRING,
  country STRING,
  tier STRING,
  PRIMARY KEY (id) NOT ENFORCED
) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:mysql://db:3306/dim',
  'table-name' = 'users_${i}'
);

CREATE VIEW v_orders_${i} AS
SELECT
  o.order_id,
  o.user_id,
  CASE WHEN o.status = 'paid' THEN 1 WHEN o.status = 'refunded' THEN -1 ELSE 0 END AS sign,
  o.amount * o.quantity AS total,
  JSON_VALUE(o.payload, '$.coupon.code') AS coupon,
  COALESCE(u.country, 'unknown') AS country,
  o.ts
FROM ods_orders_${i} AS o
LEFT JOIN dim_users_${i} AS u ON o.user_id = u.id
WHERE o.amount > 0 AND o.status IN ('paid', 'refunded', 'created');

INSERT INTO dws_country_${i}
SELECT
  window_start,
  window_end,
  country,
  COUNT(DISTINCT user_id) AS buyers,
  SUM(sign * total) AS revenue,
  MAX(total) AS biggest
FROM TABLE(TUMBLE(TABLE v_orders_${i}, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY window_start, window_end, country;
`;
}

export function generateScript(lines = TARGET_LINES): string {
  const parts: string[] = [];
  let count = 0;
  for (let i = 0; count < lines; i++) {
    const b = block(i);
    parts.push(b);
    count += b.split('\n').length;
  }
  return parts.join('\n');
}

interface Parsed {
  readonly errors: number;
  /** What the parser produced (flinkts: the AST; dt-sql-parser keeps its parse tree internally), kept alive for the memory measurement. */
  readonly result: unknown;
}

/** Loads one parser and returns a function that parses a script. */
async function load(parser: Parser): Promise<(sql: string) => Parsed> {
  if (parser === 'flinkts') {
    const { parseScript } = await import('../packages/core/src/sql/parser/index.js');
    return (sql) => {
      const result = parseScript(sql);
      return { errors: result.diagnostics.length, result };
    };
  }
  const { FlinkSQL } = await import('dt-sql-parser');
  const flink = new FlinkSQL();
  return (sql) => {
    const result = flink.validate(sql);
    return { errors: result.length, result };
  };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (t: number) => `${t.toFixed(1)} ms`;

interface ColdResult {
  readonly parser: Parser;
  readonly errors: number;
  readonly loadAndParseMs: number;
  readonly heapBytes: number;
  readonly rssBytes: number;
}

/** The child process: load the parser, parse once, report time and memory growth as JSON on stdout. */
async function coldChild(parser: Parser, file: string): Promise<void> {
  const sql = readFileSync(file, 'utf8');
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage();
  const t0 = performance.now();
  const parse = await load(parser);
  const parsed = parse(sql);
  const loadAndParseMs = performance.now() - t0;
  gc?.();
  const after = process.memoryUsage();
  const result: ColdResult = { parser, errors: parsed.errors, loadAndParseMs, heapBytes: after.heapUsed - before.heapUsed, rssBytes: after.rss - before.rss };
  process.stdout.write(JSON.stringify(result));
  if (parsed.result === undefined) throw new Error('nothing parsed'); // keeps the parse result alive until here
}

function runCold(parser: Parser, file: string): ColdResult {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, '--cold', parser, file], { encoding: 'utf8', cwd: fileURLToPath(new URL('..', import.meta.url)) });
  if (r.status !== 0) throw new Error(`cold ${parser} child failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as ColdResult;
}

export async function run(): Promise<void> {
  const sql = generateScript();
  const lines = sql.split('\n').length;
  const dir = mkdtempSync(join(tmpdir(), 'flinkts-parser-bench-'));
  const file = join(dir, 'script.sql');
  writeFileSync(file, sql);
  console.log(`script: ${lines} lines, ${(sql.length / 1024).toFixed(0)} KiB, ${sql.split(';').length - 1} statements`);

  // Cold first (fresh processes), so this process' warm-up does not disturb the machine while they run.
  const cold: Record<Parser, ColdResult[]> = { flinkts: [], 'dt-sql-parser': [] };
  for (let round = 0; round < 3; round++) {
    for (const parser of ['flinkts', 'dt-sql-parser'] as const) cold[parser].push(runCold(parser, file));
  }
  for (const parser of ['flinkts', 'dt-sql-parser'] as const) {
    const errors = cold[parser][0]!.errors;
    if (errors !== 0) throw new Error(`${parser} reported ${errors} errors on the generated script; the comparison would be unfair`);
  }

  const parsers = { flinkts: await load('flinkts'), 'dt-sql-parser': await load('dt-sql-parser') };
  const warm: Record<Parser, number[]> = { flinkts: [], 'dt-sql-parser': [] };
  for (let round = 0; round < 8; round++) {
    // A different text each round: dt-sql-parser caches the parse of an unchanged input.
    const text = `-- round ${round}\n${sql}`;
    for (const parser of ['flinkts', 'dt-sql-parser'] as const) {
      const t0 = performance.now();
      parsers[parser](text);
      const t = performance.now() - t0;
      if (round >= 2) warm[parser].push(t); // rounds 0-1 are warm-up
    }
  }

  const f = { warm: median(warm.flinkts), cold: median(cold.flinkts.map((c) => c.loadAndParseMs)), heap: median(cold.flinkts.map((c) => c.heapBytes)), rss: median(cold.flinkts.map((c) => c.rssBytes)) };
  const d = { warm: median(warm['dt-sql-parser']), cold: median(cold['dt-sql-parser'].map((c) => c.loadAndParseMs)), heap: median(cold['dt-sql-parser'].map((c) => c.heapBytes)), rss: median(cold['dt-sql-parser'].map((c) => c.rssBytes)) };
  const rows = [
    ['', 'flinkts', 'dt-sql-parser', 'ratio', 'target'],
    ['warm parse (median of 6)', ms(f.warm), ms(d.warm), `${(d.warm / f.warm).toFixed(1)}x faster`, '≥ 2x'],
    ['cold load + parse (median of 3)', ms(f.cold), ms(d.cold), `${(d.cold / f.cold).toFixed(1)}x faster`, '≥ 5x'],
    ['heap growth, cold parse (result alive)', mb(f.heap), mb(d.heap), `${(f.heap / d.heap).toFixed(2)}x`, '≤ 0.5x'],
    ['RSS growth, cold parse', mb(f.rss), mb(d.rss), `${(f.rss / d.rss).toFixed(2)}x`, '≤ 0.5x'],
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
  const met = d.warm / f.warm >= 2 && d.cold / f.cold >= 5 && f.heap / d.heap <= 0.5 && f.rss / d.rss <= 0.5;
  console.log(met ? 'all parser targets met' : 'NOT all parser targets met');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv[2] === '--cold') {
  await coldChild(process.argv[3] as Parser, process.argv[4]!);
}
