/**
 * Hostile-size benchmark (issue 21): `check` (parse + analysis with the connector catalogs) and `fmt` (parse, print,
 * re-parse and compare), each case in a fresh process (bench/hostile-one.ts: no JIT warmed and no heap grown by the
 * cases before it, as a user's `flinkts check` runs), on 100,000 statements, a 10 MB script, a 10,000-term AND
 * chain, a 10,000-way UNION ALL and VALUES with 100,000 rows (bench/hostile-cases.ts) — printed beside the parser's
 * own time on the 2,044-line benchmark script measured in the same run (and the deepest nesting allowed, 500 scalar
 * sub-queries), with the per-MB ratio, so a ratio near 1 shows linear time. Target: each ≤ 2 s CPU on the
 * development machine.
 * Then every size case of the hostile-input corpus (test/hostile/corpus/sizes.ts, whose test checks only the
 * outcome): each must take under 10 s — the issue's line between slow and hung — for `check` and for `fmt`.
 *
 * `FLINKTS_BENCH_WORKLOAD=<text>` runs only the cases whose name contains the text (as in bench/runtime.bench.ts), and
 * `FLINKTS_BENCH_SKIP=<text>` leaves out those whose name contains it (both case-insensitive, both for the table and the
 * corpus's size cases) — e.g. `FLINKTS_BENCH_SKIP=nested` while the 500 nested scalar sub-queries take over a minute
 * to check (#21), so a run measures the rest. The parser's own line is always printed.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { checkSql, parseScript } from '@flinkts/core';
import { connectorValidators } from '@flinkts/connectors';
import { formatSql } from '../src/cli/commands/fmt.js';
import { sizes } from '../test/hostile/corpus/sizes.js';
import { hostileCases } from './hostile-cases.js';
import { generateScript } from './parser.bench.js';

function ms(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Wall and CPU milliseconds of one run (CPU counts every thread, GC included; on a busy machine wall waits for a core). */
function timed(run: () => unknown): { readonly wall: number; readonly cpu: number } {
  const cpu0 = process.cpuUsage();
  const wall = ms(run);
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

/**
 * The same cases before earlier speed work (commit 3dbf6d1): 100,000 statements check 6.9 s / fmt 14.7 s, the 10 MB
 * script check 18.8 s / fmt 24.7 s. Before the allocation work on the binder and parser (commit 19c52f2), in this
 * file's run at load averages of 15–36 on 2 cores: 100,000 statements check 3.16 s / fmt 1.94 s CPU, the 10 MB script
 * check 5.07 s / fmt 3.79 s CPU; one cold process per run, 19c52f2 and after alternated, fastest of three: check
 * 100,000 statements 4.78 → 2.90 s CPU, fmt 2.14 → 1.73 s.
 *
 * Fresh processes from this session on (bench/hostile-one.ts), the parser's slices of 256 tokens and interned short
 * words (commits a3d5125, b4e13fb) against the commit before them (b6d2870), alternated, fastest of three, CPU, at a
 * load average of 25–30 on 2 cores: check 100,000 statements 4.79 → 2.48 s, check 10 MB 6.19 → 3.61 s, fmt 100,000
 * statements 3.21 → 2.90 s, fmt 10 MB 4.26 → 2.97 s.
 *
 * This session (commits 6ddf592…, against 65f3500 in fresh processes, alternated, fastest of three, CPU, at load
 * averages of 9–12 on 2 cores): check 100,000 statements 1.94 → 1.63 s, check 10 MB 4.57 → 2.19 s, fmt 100,000
 * statements 2.42 → 1.38 s, fmt 10 MB 2.54 → 2.10 s, the 10,000-term chain check 0.21 → 0.20 s and fmt 0.36 → 0.31 s.
 * Most of it was the garbage collector: a per-statement Map emptied with clear() (V8 links a cleared Map's table to
 * its successor, so one promoted table kept every later statement's plans alive through each scavenge: 565 MB
 * promoted → 52 MB for the 10 MB check), and fmt's round trips checked 256 statements at a time.
 *
 * Session of #21's helper 21b (commits 624197c…ed3774d, against 4de2e41 in fresh processes, alternated, mean of three,
 * CPU, load averages of 15–20 on 2 cores): the parser alone on the 10 MB script 1.02 → 0.91 s, fmt 10 MB 2.40 → 2.09 s,
 * check 10 MB unchanged (2.6–2.9 s under that load; its time is the binder's and the analyzer's). Allocation was the
 * cost: fmt allocated 783 MB per 3 MB of the script, 590 MB after (token arrays grown push by push, a list of parts per
 * quoted name, spread temporaries per SELECT and table, a spine and parts per binary operator). Of fmt's 2.06 s, its
 * round trip (the printed text parsed again and compared, `survives` in src/cli/format-comments.ts) is about 0.9 s:
 * with it skipped (an experiment, not committed) fmt took 1.11–1.16 s at load 11–13.
 *
 * Session of #21's helper 21d (commits f01706a, a553adf, against 40f5990, formatText in fresh processes, alternated, 5
 * runs, CPU, load 12.5 on 2 cores): fmt of 100,000 statements with two comments each, median 2289 → 1990 ms (this
 * file's ratio to the parser's CPU per MB 4.6x → 4.1–4.2x); 100,000 statements without comments unchanged. The
 * comment path made strings per token (keys, places) and copied token lists; 521 → 476 MB allocated per 2 MB of the
 * script. What is left of fmt's time is two parses (the script's and the round trip's, ~45%), three lexes (the
 * script, each commented statement's printed text for matching, the round trip's text: ~20%), printing (~6%) and
 * the comment path (~10%). Token positions as offsets only were measured on the lexer alone (2 M tokens: 145 → 119 ms,
 * the position objects not made), but the parser's spans need those positions for most tokens; not done.
 *
 * Session of #21's helper 21f (load 6–16 on 2 cores; fresh processes and in-process A/B, alternated): where the CPU
 * over the main thread's goes. Per thread (/proc), a cold `check` of the 10 MB script is ~1.56–1.68 s on the main
 * thread and ~0.32–0.45 s on V8's four workers; with --no-concurrent-recompilation the workers drop to ~0.07 s and
 * the main thread rises by about as much — so the workers' share is mostly TurboFan compiling (132 first compiles,
 * bindSelect alone 70–127 ms, plus 33 re-compiles after 'wrong map' deopts, ~17% of it), a cost per process rather
 * than per MB, and only ~0.1 s is the garbage collector's helpers. `hostile-one` now prints `mainCpu` beside `cpu`.
 * Neither V8 flag moved the total (within ±5% noise): --single-threaded-gc, --v8-pool-size=1,
 * --max-semi-space-size=32/64, --max-inlined-bytecode-size-cumulative=300; --no-turbo-inlining is 10–20% worse.
 * Allocation (sampled with collected objects, 2 MB of each case): check 575 MB, of which the lexer 96 MB (17%), the
 * binder (bindSelect, bindExpression, resolve, tableRef, bindSink …) ~45%, the analyzer's plan and changelog checks
 * ~20%; fmt of the commented file 479 MB, of which the lexer 228 MB (48%: three lexes). Without pointer compression
 * (Node's default) a token costs ~141 bytes: the object (64) and its end position (48), plus a start position (48)
 * when white space precedes it. Token offsets with lazily made positions cannot go much below that while a token is
 * an object (the offsets, a line table reference and cached positions are fields of 8 bytes each; the parser asks
 * for about half the tokens' positions for its spans): the lever is a token stream of typed arrays, a parser change.
 * Tried and not kept (no gain measurable beyond the noise on the whole run, though the lexer alone was 5–12% faster
 * on 2 M tokens): columns from the line's start offset instead of a per-character count, white-space runs in one
 * loop, words tested first, short quoted values interned, one Map lookup for reserved words.
 * Kept: fmt's taps hand the parser its slices without comments in arrays made at their full length, as the lexer's
 * (`filter` made packed arrays, the lexer's are holey): the cursor's `peek`, inlined into every parser function, no
 * longer deoptimizes them all when the second kind of array comes — fmt of 100,000 commented statements 40 → 8 deopts,
 * 37 → 2 TurboFan re-compiles; CPU 2.52 → 2.30 s, main thread 2.10 → 1.97 s (medians of 5 alternated fresh-process
 * pairs, every pair faster, load 13–16).
 *
 * These cases run in-process with V8's default tiers. The CLI (bin/flinkts.js) caps V8 at --max-opt=2 for short runs,
 * which made `flinkts check` of the 10 MB script take 16 s CPU and `flinkts fmt --check` 18.8 s (load 15); it now keeps
 * the default tiers when the files named hold over 256 kB, so these numbers are the CLI's too: 2.8 s / 1.9 s for the
 * whole process, start-up included (commit of bin/flinkts.js, load 15–16).
 *
 * The verdict is on CPU time: on a shared machine wall time mostly measures the wait for a core (load averages of
 * 20–30 on 2 cores stretch it five- to tenfold); on an idle one the two agree.
 */

/** The 1-minute load average, printed beside every time: on a shared machine it says how much a number is stretched. */
const load = (): string => `load ${loadavg()[0]!.toFixed(1)}`;

/** Whether a case is selected by `FLINKTS_BENCH_WORKLOAD` and not left out by `FLINKTS_BENCH_SKIP` (all are when unset). */
function selected(name: string): boolean {
  const only = process.env.FLINKTS_BENCH_WORKLOAD?.trim().toLowerCase();
  const skip = process.env.FLINKTS_BENCH_SKIP?.trim().toLowerCase();
  const lower = name.toLowerCase();
  return (only === undefined || only === '' || lower.includes(only)) && (skip === undefined || skip === '' || !lower.includes(skip));
}

const ONE = fileURLToPath(new URL('./hostile-one.ts', import.meta.url));

/** One case in a fresh process: the wall and CPU milliseconds of the `check` or `fmt` call alone (not the start-up). */
function fresh(what: 'check' | 'fmt', name: string): { readonly wall: number; readonly cpu: number; readonly mainCpu?: number; readonly ok: boolean } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', ONE, what, name], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`hostile-one ${what} ${name} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { wall: number; cpu: number; mainCpu?: number; ok: boolean };
}

export async function run(): Promise<void> {
  const reference = generateScript();
  // Warm (the JIT has compiled the parser), then the fastest of several runs: one 50 kB parse is short enough for a
  // busy machine to stretch any single run many times over.
  for (let i = 0; i < 5; i++) parseScript(reference);
  const runs = Array.from({ length: 15 }, () => timed(() => parseScript(reference)));
  const refMs = Math.min(...runs.map((r) => r.wall));
  const refCpu = Math.min(...runs.map((r) => r.cpu));
  const refMb = reference.length / 1e6;
  console.log(`parser on the ${reference.split('\n').length}-line script (${refMb.toFixed(2)} MB): ${refMs.toFixed(1)} ms = ${(refMs / refMb).toFixed(0)} ms/MB (CPU ${refCpu.toFixed(1)} ms = ${(refCpu / refMb).toFixed(0)} ms/MB)  ${load()}`);
  for (const [name, make] of Object.entries(hostileCases())) {
    if (!selected(name)) continue;
    const text = make();
    const mb = text.length / 1e6;
    const check = fresh('check', name);
    const fmt = fresh('fmt', name);
    const row = (what: string, { wall: t, cpu, mainCpu }: { wall: number; cpu: number; mainCpu?: number }) =>
      `  ${what.padEnd(5)} ${(t / 1000).toFixed(2).padStart(6)} s (CPU ${(cpu / 1000).toFixed(2)} s${mainCpu === undefined ? '' : `, main thread ${(mainCpu / 1000).toFixed(2)} s`})  ${(t / mb).toFixed(0).padStart(6)} ms/MB  ${((t / mb) / (refMs / refMb)).toFixed(1).padStart(5)}x the parser's ms/MB (CPU ${((cpu / mb) / (refCpu / refMb)).toFixed(1)}x)  ${cpu <= 2000 ? 'within 2 s CPU' : 'OVER 2 s CPU'}  ${load()}`;
    console.log(`${name} (${mb.toFixed(1)} MB)${fmt.ok ? '' : ' — fmt refused it'}\n${row('check', check)}\n${row('fmt', fmt)}`);
  }
  console.log('\nthe hostile corpus\'s size cases (limit 10 s each):');
  let over = 0;
  for (const c of sizes) {
    if (!selected(c.name)) continue;
    const check = timed(() => checkSql(c.sql, { validators: connectorValidators }));
    const fmt = timed(() => formatSql(c.sql, 'bench.sql'));
    const worst = Math.max(check.wall, fmt.wall);
    if (worst >= 10_000) over++;
    console.log(`  ${c.name.padEnd(72)} check ${(check.wall / 1000).toFixed(2).padStart(6)} s (CPU ${(check.cpu / 1000).toFixed(2)})  fmt ${(fmt.wall / 1000).toFixed(2).padStart(6)} s (CPU ${(fmt.cpu / 1000).toFixed(2)})${worst >= 10_000 ? '  OVER 10 s' : ''}  ${load()}`);
  }
  console.log(`  ${over === 0 ? 'all within 10 s' : `${over} over 10 s`}`);
}
