/**
 * Scale benchmark: synthetic pipelines of 100, 300 and 1,000 tables (Kafka / Paimon / JDBC / StarRocks, 10–30
 * columns) with 0.3 jobs per table (1–3 INSERTs each: filters, joins, aggregations) in 3 environments, made by
 * `scale/generate.ts`. For each size, in a fresh process (`scale/measure.mjs`): loading the config, `check` and
 * `build` of every environment in-process, and peak memory (max RSS). For 1,000 tables also the cold CLI
 * (`flinkts check` / `flinkts build` as whole processes). Targets: in-process build and check ≤ 1 s each for
 * 1,000 tables, cold CLI ≤ 2 s; the three sizes show whether time grows linearly.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProcess, verdict } from './process-timing.js';
import { generateScalePipeline } from './scale/generate.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TMP = join(ROOT, 'bench', '.tmp');
const SIZES = [100, 300, 1000];

interface Measure {
  readonly loadMs: number;
  readonly checkMs: number;
  readonly buildMs: number;
  readonly diagnostics: number;
  readonly files: number;
  readonly peakRssMb: number;
}

function measure(dir: string): Measure {
  const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'scale', 'measure.mjs'), dir], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`scale/measure.mjs ${dir} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Measure;
}

export async function run(): Promise<void> {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`.padStart(8);
  console.log('tables  jobs  inserts   load config     check     build   peak RSS   (check and build: all 3 environments, in-process)');
  let largest: { dir: string; m: Measure } | undefined;
  for (const size of SIZES) {
    const dir = join(TMP, `scale-${size}`);
    const shape = generateScalePipeline(dir, size);
    const m = measure(dir);
    if (m.diagnostics > 0) console.warn(`  warning: the generated pipeline of ${size} tables has ${m.diagnostics} diagnostics`);
    console.log(`${String(size).padStart(6)} ${String(shape.jobs).padStart(5)} ${String(shape.inserts).padStart(8)}   ${s(m.loadMs)}    ${s(m.checkMs)}  ${s(m.buildMs)}   ${m.peakRssMb.toFixed(0).padStart(5)} MB`);
    largest = { dir, m };
  }
  const { dir, m } = largest!;
  const bin = join(ROOT, 'bin', 'flinkts.js');
  const check = runProcess(process.execPath, [bin, 'check', dir]);
  const build = runProcess(process.execPath, [bin, 'build', dir, '--out', join(TMP, 'scale-out')]);
  console.log(`\n1,000 tables, in-process: check ${s(m.checkMs)} (target ≤ 1 s: ${verdict(m.checkMs, 1000)}), build ${s(m.buildMs)} (target ≤ 1 s: ${verdict(m.buildMs, 1000)})`);
  console.log(`1,000 tables, cold CLI:   flinkts check ${s(check.wallMs)} wall / ${s(check.cpuMs)} CPU (target ≤ 2 s: ${verdict(check.wallMs, 2000)}), flinkts build ${s(build.wallMs)} wall / ${s(build.cpuMs)} CPU (target ≤ 2 s: ${verdict(build.wallMs, 2000)})`);
}
