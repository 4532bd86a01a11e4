#!/usr/bin/env node
// The flinkts CLI: compiled JavaScript (dist/). A pipeline's flinkts.config.ts is loaded with a TypeScript loader
// only by the commands that need one (see dist/cli/load-pipeline.js).

// `flinkts --version` is answered here, before anything else is loaded (src/cli/main.ts answers it the same way for
// in-process callers): the package.json next to this bin folder holds the version.
const first = process.argv[2];
if (first === '--version' || first === '-v') {
  const { readFileSync } = await import('node:fs');
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  await run();
}

/**
 * Whether the files named on the command line hold more than 256 kB together: a run over that much SQL (`check` or
 * `fmt` of a long script) is long enough for TurboFan to pay back many times over. With --max-opt=2, `check` of the
 * 10 MB script of bench/hostile-cases.ts took 16 s CPU against 3 s with V8's default; at 1 MB 1.9 s against 0.9 s, at
 * 300 kB about the same (0.7 s).
 */
async function largeInput() {
  const { fstatSync, statSync } = await import('node:fs');
  let bytes = 0;
  for (const arg of process.argv.slice(3)) {
    if (arg.startsWith('-') && arg !== '-') continue;
    try {
      // `-` is standard input: its size is known when it is a file (`< big.sql`), not when it is a pipe.
      const stat = arg === '-' ? fstatSync(0) : statSync(arg, { throwIfNoEntry: false });
      if (stat?.isFile()) bytes += stat.size;
    } catch {
      // not a file we can see: the command reports it
    }
    if (bytes > 256 * 1024) return true;
  }
  return false;
}

async function run() {
  const { default: module } = await import('node:module');
  const { setFlagsFromString } = await import('node:v8');

  // A CLI run is short: V8's top tier (TurboFan) compiles hot functions on background threads, and in a run of a
  // second or two that work rarely pays back. Measured on `flinkts build examples/realtime-dw` (Node 20, mean CPU of
  // 10 cold runs): ~910 ms with it, ~710 ms without; on the 1,000-table pipeline of bench/scale.bench.ts the CPU of
  // `check` and `build` stays within a few percent either way. Functions still get the baseline compiler (Sparkplug),
  // and on Node 22+ the mid tier (Maglev). Set before anything else runs; FLINKTS_V8_FULL_OPT=1 keeps V8's default.
  if (process.env.FLINKTS_V8_FULL_OPT !== '1' && !(await largeInput())) setFlagsFromString('--max-opt=2');
  // Node 22.1+ keeps the compiled code of these modules on disk between runs (a no-op on Node 20, which lacks it).
  module.enableCompileCache?.();

  const { main } = await import('../dist/cli/main.js');

  // `flinkts lineage … | head`: a reader that stops early is not an error (Node would throw EPIPE).
  process.stdout.on('error', (e) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });

  process.exitCode = await main(process.argv.slice(2));
}
