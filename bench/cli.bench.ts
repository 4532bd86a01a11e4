/**
 * CLI benchmark: the compiled `flinkts` bin as whole, cold processes, against peers measured in the same run.
 *  - `flinkts --version` vs `node -e 0` (wall; target ≤ 2x), and `flinkts --help` beside them (it imports no
 *    command: about a bare Node start);
 *  - `flinkts check` on a 20-line script vs dt-sql-parser's FlinkSQL `validate` on the same file, each a whole
 *    process (dt-sql-parser bundled by esbuild into one file first, as its fastest possible CLI; target ≤ 0.5x);
 *  - `flinkts build examples/realtime-dw` CPU vs `node -e 0` CPU (target ≤ 8x).
 * Run `npm run build` first (`npm run bench` does).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compare, runProcess, verdict } from './process-timing.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'flinkts.js');
const TMP = join(ROOT, 'bench', '.tmp', 'cli');
const ROUNDS = 10;

/** 20 lines of a typical job: a Kafka source, a JDBC sink, an aggregating INSERT. */
export const SCRIPT_20_LINES = `CREATE TABLE orders (
  order_id BIGINT,
  user_id BIGINT,
  amount DECIMAL(10, 2),
  status STRING,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH ('connector' = 'kafka', 'topic' = 'orders', 'properties.bootstrap.servers' = 'kafka:9092', 'format' = 'json');
CREATE TABLE user_totals (
  user_id BIGINT,
  total DECIMAL(38, 2),
  orders BIGINT,
  PRIMARY KEY (user_id) NOT ENFORCED
) WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://db:3306/dw', 'table-name' = 'user_totals');
INSERT INTO user_totals
SELECT user_id, SUM(amount) AS total, COUNT(*) AS orders
FROM orders
WHERE status = 'PAID'
GROUP BY user_id;
-- end
`;

async function bundleDtSqlParser(): Promise<string> {
  const entry = join(TMP, 'dt-validate.mjs');
  writeFileSync(
    entry,
    "import { readFileSync } from 'node:fs';\nimport { FlinkSQL } from 'dt-sql-parser';\nconst errors = new FlinkSQL().validate(readFileSync(process.argv[2], 'utf8'));\nconsole.log(`${errors.length} errors`);\n",
  );
  const out = join(TMP, 'dt-validate.bundle.mjs');
  const esbuild = await import('esbuild');
  await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'error', nodePaths: [join(ROOT, 'node_modules')] });
  return out;
}

export async function run(): Promise<void> {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const sql = join(TMP, 'job.sql');
  writeFileSync(sql, SCRIPT_20_LINES);
  const dt = await bundleDtSqlParser();
  const node = process.execPath;

  const version = compare({ node: () => runProcess(node, ['-e', '0']), flinkts: () => runProcess(node, [BIN, '--version']), help: () => runProcess(node, [BIN, '--help']) }, ROUNDS);
  const check = compare({ dt: () => runProcess(node, [dt, sql]), flinkts: () => runProcess(node, [BIN, 'check', sql]) }, ROUNDS);
  const out = join(TMP, 'rt-dw');
  // The CLI caches the compiled flinkts.config.ts (src/cli/config-cache.ts): one run with the cache emptied first,
  // then the compared runs, which find it (as every run after a user's first does).
  rmSync(join(ROOT, 'node_modules', '.cache', 'flinkts'), { recursive: true, force: true });
  const uncached = runProcess(node, [BIN, 'build', join(ROOT, 'examples', 'realtime-dw'), '--out', out]);
  const build = compare({ node: () => runProcess(node, ['-e', '0']), flinkts: () => runProcess(node, [BIN, 'build', join(ROOT, 'examples', 'realtime-dw'), '--out', out]) }, ROUNDS);

  const ms = (x: number) => `${x.toFixed(0)} ms`.padStart(8);
  const r1 = version.flinkts!.wallMs / version.node!.wallMs;
  const r2 = check.flinkts!.wallMs / check.dt!.wallMs;
  const r3 = build.flinkts!.cpuMs / build.node!.cpuMs;
  console.log(`cold processes, median wall of ${ROUNDS} alternating runs (CPU = mean user+sys of the child)\n`);
  console.log(`flinkts --version            ${ms(version.flinkts!.wallMs)}   node -e 0                    ${ms(version.node!.wallMs)}   ${r1.toFixed(2)}x wall   target ≤ 2x: ${verdict(r1, 2)}`);
  console.log(`flinkts --help               ${ms(version.help!.wallMs)}   (${ms(version.help!.cpuMs).trim()} CPU; node -e 0: ${ms(version.node!.cpuMs).trim()} CPU) — lists the commands without importing any`);
  console.log(`flinkts check (20 lines)     ${ms(check.flinkts!.wallMs)}   dt-sql-parser validate       ${ms(check.dt!.wallMs)}   ${r2.toFixed(2)}x wall   target ≤ 0.5x: ${verdict(r2, 0.5)}`);
  console.log(`flinkts build realtime-dw    ${ms(build.flinkts!.cpuMs)} CPU   node -e 0                ${ms(build.node!.cpuMs)} CPU   ${r3.toFixed(2)}x CPU    target ≤ 8x: ${verdict(r3, 8)}`);
  console.log(`  (build wall: ${build.flinkts!.wallMs.toFixed(0)} ms; the first run, compiling the config with an empty cache: ${uncached.cpuMs.toFixed(0)} ms CPU, ${(uncached.cpuMs / build.node!.cpuMs).toFixed(2)}x)`);
}
