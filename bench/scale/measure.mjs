// One size of the scale benchmark, in a fresh process (so peak memory and what is computed are this run's only):
// loads the generated pipeline with the CLI's own config loader, then times `check` or `build` (the first
// argument) of every environment in-process — each in its own process, so build shares nothing with a check
// run before it. Prints one JSON line: wall and CPU milliseconds (CPU counts every thread, GC included).
// Usage: node bench/scale/measure.mjs check|build <pipeline dir>
import { join } from 'node:path';
import { importConfig } from '../../dist/cli/import-config.js';
import { buildPipeline, checkPipeline } from '@flinkts/pipelines';

const [mode, dir] = process.argv.slice(2);
if (mode !== 'check' && mode !== 'build') throw new Error('usage: measure.mjs check|build <dir>');
const t0 = performance.now();
const p = (await importConfig(join(dir, 'flinkts.config.ts'))).default;
const t1 = performance.now();
const cpu0 = process.cpuUsage();
let diagnostics = 0;
let files = 0;
for (const env of p.environmentNames) {
  if (mode === 'check') {
    diagnostics += checkPipeline(p, env).length;
  } else {
    const r = buildPipeline(p, { env });
    if (!r.ok) throw new Error(`build of ${env} failed: ${JSON.stringify(r.diagnostics.slice(0, 3))}`);
    diagnostics += r.diagnostics.length;
    files += r.files.length;
  }
}
const t2 = performance.now();
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ loadMs: t1 - t0, ms: t2 - t1, cpuMs: (cpu.user + cpu.system) / 1000, diagnostics, files, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
