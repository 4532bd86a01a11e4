/**
 * Runtime benchmark: the local runtime through the public `runJob` of `flinkts/testing` (what a user's test
 * calls: SQL text in, converted fixture rows, `rows('out')` read back) against DuckDB computing the same final
 * table, in one run. DuckDB's database is created and its tables loaded before any timing; flinkts gets the same
 * JavaScript rows (converting them is part of what `runJob` does, so it is timed). Before a ratio is printed
 * the two final tables are compared line by line; a difference is printed instead of a ratio.
 *
 *  (a) a unit test against real Flink: see flink.bench.ts (needs the bridge JVM);
 *  (b) 1,000,000 rows of filter + project + JSON_VALUE and of a keyed aggregation, `keepChangelog: false`:
 *      target ≥ 0.5x DuckDB's throughput. DuckDB is timed twice: its result read into JavaScript rows (the same
 *      work as flinkts' `rows()`) and into a table inside the database; the target is judged on the latter.
 *      flinkts is timed on the input as rows (arrays of values, checked and converted by every run) and as a
 *      columnar fixture (`columnar()` of the same values, made before the timing as DuckDB's table is loaded
 *      before it; its columns are checked once, by the first run, which is the untimed warm-up). Each side runs
 *      WARMUP_RUNS times untimed first (JIT warm-up for flinkts, caches for DuckDB), then the median of 3 is
 *      taken; the first untimed run's time is printed beside it (flinkts' first job of the process compiles
 *      everything: the time a single large test pays);
 *  (c) the same with the changelog kept, beside (b); also for a keyed MIN/MAX aggregation (no target of its own);
 *  (d) a regular join of two streams and a tumbling window aggregation at 1k / 10k / 100k / 1M rows: linear
 *      growth, target ≤ 5x DuckDB's time at 1M (in-database); the median of 3 at every size (up to 100k after
 *      an untimed warm-up run; at 1M the JIT is warm from the smaller sizes);
 * Wall times are medians; CPU times are this process's (all threads) per run, shown because the machine may be
 * shared: a wall time well above its CPU time means the process waited for a core. Garbage: each engine's runs of
 * one workload start with a full collection (outside the timing, with a pause for V8's sweeping: `collectGarbage`),
 * so neither engine pays for the other's garbage or the input's making; then its warm-up run and its timed runs
 * follow back to back, so each run pays for the garbage of the same engine's run before it (as a test suite's next
 * job does) and nothing else. No collection is forced between an engine's own runs: a full collection frees the
 * previous job's objects, and V8 then discards the optimised code that referred to their hidden classes ("weak
 * objects" deoptimisation) and compiles it again on its helper threads during the next timed run — forcing one
 * before every run undid the warm-up run and timed flinkts' re-compilation instead of its throughput (measured on
 * the keyed aggregation, 1M rows: +20–30 ms CPU per run, most on V8's helper threads; DuckDB's native code has
 * nothing to discard, so the same treatment was not the same cost).
 *  memory: peak RSS of a fresh process running each 1M-row workload, target ≤ 2x the input's size as JSON; the
 *      part above the process's baseline (Node with flinkts loaded, before any input) is printed beside it, and
 *      what holds the peak: the young generation's size (V8 grows it while many objects survive its collections)
 *      and the heap a full collection leaves with the result held (the result's objects, the sink's state).
 * `FLINKTS_BENCH_RUNTIME=growth,memory` (any of throughput, growth, memory) runs only those parts;
 * `FLINKTS_BENCH_WORKLOAD=<text>` runs only the workloads whose name (or memory-script key) contains the text,
 * case-insensitive (e.g. `JSON_VALUE`, `aggregation`, `JOIN`, `window`).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadavg } from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';
import { buildSync } from 'esbuild';
import type { DuckDBConnection } from '@duckdb/node-api';
import { runJob } from 'flinkts/testing';
import { columnarInputs, filterProject, keyedAggregation, keyedExtremes, loadDuckDb, regularJoin, tumblingWindow } from './runtime/workloads.js';
import type { Rows, Workload } from './runtime/workloads.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
/** A ratio with two decimals, or two significant digits below 0.1 (a small ratio is not printed as 0.00). */
const x = (r: number): string => (r >= 0.1 ? r.toFixed(2) : r.toPrecision(2));
/** How long the bench waits after a full collection for V8's concurrent sweeping to finish (outside any timing). */
const SWEEP_PAUSE_MS = 200;
/**
 * Untimed runs before (b)'s timed ones, for each engine. V8 keeps compiling for several jobs: the per-row loops are
 * optimised within the first job, but the per-job code (parser, planner, operator set-up) only as jobs repeat —
 * measured on the 1M-row keyed aggregation (columnar input, load 10): the 2nd–7th jobs cost 16–40 ms CPU, from the
 * 8th on 10–13 ms; in this bench (load 13) one warm-up run gave flinkts 51–54 ms CPU (rows) and 21–23 ms
 * (columnar), five gave 40–46 and 14–20, DuckDB's 8–10 ms either way. Five runs leave most of that compiling out
 * of the throughput, the same count for both engines; the first run's time is printed beside it.
 */
const WARMUP_RUNS = 5;
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

interface Side {
  /** Median wall time. */
  readonly ms: number;
  /** This process's CPU time (all threads: GC helpers, DuckDB's workers) over the same runs, per run. */
  readonly cpuMs: number;
  /** The first untimed (warm-up) run's wall and CPU time, when there was one. */
  readonly first?: { readonly ms: number; readonly cpuMs: number };
  readonly lines: string[];
}

/**
 * Times `f` (what an engine does: the job run and its result read into JavaScript); the result is turned into
 * comparable text lines by `lines` after the timing (the bench's own comparison work, the same for both sides).
 * One full collection first, then the warm-up run and the timed runs back to back (see the header: garbage).
 */
async function timed<T>(f: () => Promise<T> | T, lines: (result: T) => string[], reps: number, warmups: number): Promise<Side> {
  // the garbage of what ran before (the input rows' making, the other engine's runs) is collected outside the
  // timing, so neither side pays for the other's
  await collectGarbage();
  let first: Side['first'];
  for (let i = 0; i < warmups; i++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await f();
    const cpu = process.cpuUsage(cpu0);
    first ??= { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
  }
  const times: number[] = [];
  let result: T | undefined;
  let cpuMicros = 0;
  for (let i = 0; i < reps; i++) {
    // the previous run's result is garbage when this run starts, as a finished test's is
    result = undefined;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    result = await f();
    times.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    cpuMicros += cpu.user + cpu.system;
  }
  return { ms: median(times), cpuMs: cpuMicros / 1000 / reps, lines: result === undefined ? [] : lines(result), ...(first === undefined ? {} : { first }) };
}

/**
 * A full garbage collection (V8's `gc`, made available to this process only for the bench), then a pause: V8
 * sweeps the collected pages after `gc` returns, on helper threads, and that sweep of a heap holding a million
 * input rows costs as much CPU as a whole 1M-row aggregation. Without the pause it ran inside the next timed run
 * (counted in its CPU time, and on a 2-core machine in its wall time too).
 */
const collectGarbage: () => Promise<void> = (() => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return async () => {
    gc();
    await new Promise((resolve) => setTimeout(resolve, SWEEP_PAUSE_MS));
  };
})();

function sameLines(a: readonly string[], b: readonly string[]): string | undefined {
  const x = [...a].sort();
  const y = [...b].sort();
  if (x.length !== y.length) return `flinkts has ${x.length} rows, DuckDB ${y.length}`;
  const i = x.findIndex((l, j) => l !== y[j]);
  return i < 0 ? undefined : `first difference: flinkts '${x[i]}', DuckDB '${y[i]}'`;
}

interface Compared {
  readonly flinkts: Side;
  /** flinkts on the same input as a columnar fixture (throughput only). */
  readonly columns?: Side;
  readonly columnsDiffer?: string | undefined;
  /** DuckDB's query with its result read into JavaScript rows (as flinkts' result is). */
  readonly duckdb: Side;
  /** DuckDB's query into a table inside the database (no JavaScript rows): DuckDB's own speed. */
  readonly duckdbInDb: Side;
  readonly differs: string | undefined;
}

/** One workload at one size: DuckDB loaded first, then both sides timed in turn (the median of `reps`). */
async function compare(con: DuckDBConnection, w: Workload, n: number, keepChangelog: boolean, reps: number, opts: { readonly warmups?: number; readonly columns?: boolean } = {}): Promise<Compared> {
  const inputs: Record<string, Rows> = w.inputs(n);
  await loadDuckDb(con, w, inputs);
  const warmup = opts.warmups ?? (n <= 100_000 ? 1 : 0);
  // timed: exactly what a test calls and reads
  const flinkts = await timed(() => runJob(w.sql, { inputs, keepChangelog }).rows('out'), w.flinkLines, reps, warmup);
  let columns: Side | undefined;
  if (opts.columns === true) {
    const cols = columnarInputs(inputs);
    columns = await timed(() => runJob(w.sql, { inputs: cols, keepChangelog }).rows('out'), w.flinkLines, reps, warmup);
  }
  const duckdb = await timed(async () => (await con.runAndReadAll(w.duckSql)).getRowsJS(), w.duckLines, reps, warmup);
  const duckdbInDb = await timed(async () => {
    await con.run(`CREATE OR REPLACE TEMP TABLE bench_out AS ${w.duckSql}`);
  }, () => [], reps, warmup);
  return { flinkts, duckdb, duckdbInDb, differs: sameLines(flinkts.lines, duckdb.lines), ...(columns ? { columns, columnsDiffer: sameLines(columns.lines, duckdb.lines) } : {}) };
}

const ratioText = (c: Compared, what: (flinkMs: number, duckMs: number) => string): string =>
  c.differs !== undefined ? `RESULTS DIFFER (${c.differs}): no ratio` : what(c.flinkts.ms, c.duckdb.ms);

const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

/** Whether a workload is selected by `FLINKTS_BENCH_WORKLOAD` (all are when it is unset). */
function selected(...names: readonly string[]): boolean {
  const only = process.env.FLINKTS_BENCH_WORKLOAD?.trim().toLowerCase();
  return only === undefined || only === '' || names.some((n) => n.toLowerCase().includes(only));
}

interface Memory {
  readonly workload: string;
  readonly rows: number;
  readonly inputJsonMb: number;
  readonly peakRssMb: number;
  readonly baselineRssMb: number;
  /** Peak RSS once the input rows exist, before the job runs. */
  readonly inputRssMb: number;
  /** Peak RSS once the job has run, before `rows()` made the result's objects. */
  readonly jobRssMb: number;
  readonly outRows: number;
  /** The young generation's size at the end (V8 grows it while many objects survive its collections). */
  readonly youngMb: number;
  /** The heap a full collection leaves once the peak is read, the result still held; and at the baseline. */
  readonly liveHeapMb: number;
  readonly baselineHeapMb: number;
  /** Array buffers at the end (the sink's compact columns). */
  readonly arrayBuffersMb: number;
  /** File-backed pages at the end and at the baseline (mostly the node executable's code: NaN off Linux). */
  readonly fileRssMb: number;
  readonly baselineFileRssMb: number;
}

/** memory.ts bundled to plain JavaScript (flinkts imported from its build, as a user's test does), run by node. */
function memoryScript(): string {
  const out = join(ROOT, 'bench', '.tmp', 'runtime-memory.mjs');
  buildSync({ entryPoints: [join(ROOT, 'bench', 'runtime', 'memory.ts')], bundle: true, platform: 'node', format: 'esm', external: ['flinkts', '@duckdb/*'], outfile: out, logLevel: 'error' });
  return out;
}

function memory(script: string, workload: string, rows: number, form: 'array' | 'stream'): Memory {
  const r = spawnSync(process.execPath, [script, workload, String(rows), form], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench/runtime/memory.ts ${workload} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1) as string) as Memory;
}

/** The 1-minute load average: a shared machine makes wall times (and less so CPU times) larger. */
const loadText = (): string => loadavg()[0]?.toFixed(1) ?? '?';

const side = (x: Side) => `${fmt(x.ms)} (CPU ${fmt(x.cpuMs)})`;

/** (b) and (c): filter + project + JSON_VALUE and keyed aggregation on 1M rows. */
async function throughput(con: DuckDBConnection): Promise<void> {
  const N = 1_000_000;
  for (const w of [filterProject, keyedAggregation, keyedExtremes].filter((w) => selected(w.name))) {
    const b = await compare(con, w, N, false, 3, { warmups: WARMUP_RUNS, columns: true });
    const c = await compare(con, w, N, true, 1);
    console.log(`(b) ${w.name}, ${N.toLocaleString('en-US')} rows, keepChangelog: false (after ${WARMUP_RUNS} warm-up runs, median of 3), ${b.flinkts.lines.length} rows out; load average ${loadText()}:`);
    console.log(`    flinkts runJob + rows() ${side(b.flinkts)}; DuckDB query + rows read into JS ${side(b.duckdb)}; DuckDB query into a table ${side(b.duckdbInDb)}; CPU time flinkts/DuckDB in-database ${(b.flinkts.cpuMs / b.duckdbInDb.cpuMs).toFixed(1)}x`);
    console.log(`    input as rows: ${ratioText(b, (f, d) => `flinkts throughput = ${(d / f).toFixed(2)}x DuckDB's with JS rows, ${(b.duckdbInDb.ms / f).toFixed(2)}x DuckDB's in-database (target >= 0.5x, judged in-database: ${met(b.duckdbInDb.ms / f >= 0.5)})`)}`);
    const col = b.columns as Side;
    console.log(`    input as a columnar fixture: flinkts ${side(col)}; ${b.columnsDiffer !== undefined ? `RESULTS DIFFER (${b.columnsDiffer}): no ratio` : `throughput = ${(b.duckdb.ms / col.ms).toFixed(2)}x DuckDB's with JS rows, ${(b.duckdbInDb.ms / col.ms).toFixed(2)}x DuckDB's in-database (target >= 0.5x: ${met(b.duckdbInDb.ms / col.ms >= 0.5)}); CPU time flinkts/DuckDB in-database ${(col.cpuMs / b.duckdbInDb.cpuMs).toFixed(1)}x`}`);
    const firstRun = (x: Side) => (x.first === undefined ? '?' : `${fmt(x.first.ms)} (CPU ${fmt(x.first.cpuMs)})`);
    console.log(`    the first untimed run of each (flinkts' first job of the process compiles everything): flinkts ${firstRun(b.flinkts)}, columnar ${firstRun(col)}; DuckDB with JS rows ${firstRun(b.duckdb)}, into a table ${firstRun(b.duckdbInDb)}`);
    console.log(`(c) the same with the changelog kept: flinkts ${side(c.flinkts)} = ${ratioText(c, (f, d) => `${x(d / f)}x DuckDB's throughput with JS rows, ${x(c.duckdbInDb.ms / f)}x in-database`)}`);
  }
}

/** (d): the join and the window aggregation at 1k / 10k / 100k / 1M rows. */
async function growth(con: DuckDBConnection): Promise<void> {
  for (const w of [regularJoin, tumblingWindow].filter((w) => selected(w.name))) {
    console.log(`(d) ${w.name}${w === regularJoin ? ' (rows per side)' : ''}, keepChangelog: false:`);
    let previous: Compared | undefined;
    let last: Compared | undefined;
    for (const n of [1_000, 10_000, 100_000, 1_000_000]) {
      const c = await compare(con, w, n, false, 3);
      const growth = previous ? ` (x${(c.flinkts.ms / previous.flinkts.ms).toFixed(1)} for 10x the rows)` : '';
      console.log(`    ${n.toLocaleString('en-US').padStart(9)} rows: flinkts ${fmt(c.flinkts.ms).padStart(9)} (CPU ${fmt(c.flinkts.cpuMs)}) = ${((c.flinkts.ms * 1000) / n).toFixed(2)} µs/row${growth}; DuckDB ${fmt(c.duckdb.ms)} with JS rows, ${fmt(c.duckdbInDb.ms)} (CPU ${fmt(c.duckdbInDb.cpuMs)}) in-database; ${ratioText(c, (f, d) => `flinkts/DuckDB time = ${(f / d).toFixed(1)}x with JS rows, ${(f / c.duckdbInDb.ms).toFixed(1)}x in-database`)}`);
      previous = c;
      last = c;
    }
    if (last) {
      const l = last;
      console.log(`    at 1M rows: ${ratioText(l, (f, d) => `${(f / d).toFixed(1)}x DuckDB's time with JS rows, ${(f / l.duckdbInDb.ms).toFixed(1)}x in-database (target <= 5x, judged in-database: ${met(f / l.duckdbInDb.ms <= 5)}); CPU time ${(l.flinkts.cpuMs / l.duckdbInDb.cpuMs).toFixed(1)}x DuckDB's in-database (all its threads)`)}`);
    }
  }
}

/** Peak RSS of a fresh process per workload, input streamed and input held as arrays. */
function memoryLines(): void {
  console.log('memory: peak RSS of a fresh process running one workload on 1,000,000 rows (input, job and result read with rows(); baseline = the process with flinkts loaded, before the input exists)');
  console.log('  input fed as a stream (an iterable making each row as the job reads it: the job\'s own memory against the input\'s size):');
  const script = memoryScript();
  const all = { filterProject, keyedAggregation, regularJoin, tumblingWindow };
  const workloads = Object.entries(all).filter(([key, w]) => selected(key, w.name)).map(([key]) => key);
  for (const w of workloads) {
    const m = memory(script, w, 1_000_000, 'stream');
    const own = m.peakRssMb - m.baselineRssMb;
    console.log(`    ${m.workload}: peak RSS ${m.peakRssMb.toFixed(0)} MB (baseline ${m.baselineRssMb.toFixed(0)} MB; ${m.jobRssMb.toFixed(0)} MB once the job ran, before rows() made ${m.outRows} result objects), input as JSON ${m.inputJsonMb.toFixed(0)} MB -> ${(m.peakRssMb / m.inputJsonMb).toFixed(2)}x (target <= 2x: ${met(m.peakRssMb <= 2 * m.inputJsonMb)}); above the baseline ${own.toFixed(0)} MB = ${(own / m.inputJsonMb).toFixed(2)}x`);
    console.log(`      held at the end: young generation ${m.youngMb.toFixed(0)} MB, heap after a full collection ${m.liveHeapMb.toFixed(0)} MB (${m.baselineHeapMb.toFixed(0)} MB at the baseline), array buffers ${m.arrayBuffersMb.toFixed(0)} MB, file-backed pages (the node executable's code) ${m.fileRssMb.toFixed(0)} MB (${m.baselineFileRssMb.toFixed(0)} MB at the baseline)`);
  }
  console.log('  input held as JavaScript arrays first (a fixture built in the test; the arrays alone take more than the JSON):');
  for (const w of workloads) {
    const m = memory(script, w, 1_000_000, 'array');
    console.log(`    ${m.workload}: peak RSS ${m.peakRssMb.toFixed(0)} MB (baseline ${m.baselineRssMb.toFixed(0)} MB; ${m.inputRssMb.toFixed(0)} MB once the input rows exist, before the job), input as JSON ${m.inputJsonMb.toFixed(0)} MB -> ${(m.peakRssMb / m.inputJsonMb).toFixed(2)}x (the job itself added ${(m.peakRssMb - m.inputRssMb).toFixed(0)} MB), ${m.outRows} rows out`);
  }
}

/**
 * The whole runtime bench; `parts` (the environment's FLINKTS_BENCH_RUNTIME, comma-separated: throughput, growth,
 * memory) runs only some of it.
 */
export async function run(parts: readonly string[] = (process.env.FLINKTS_BENCH_RUNTIME ?? 'throughput,growth,memory').split(',')): Promise<void> {
  console.log('== runtime benchmark: flinkts runJob (public API) vs DuckDB, same rows, same final table');
  if (parts.includes('throughput') || parts.includes('growth')) {
    const inst = await DuckDBInstance.create(':memory:');
    const con = await inst.connect();
    try {
      if (parts.includes('throughput')) await throughput(con);
      if (parts.includes('growth')) await growth(con);
    } finally {
      con.closeSync();
      inst.closeSync();
    }
  }
  if (parts.includes('memory')) memoryLines();
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
