// One size of the scale benchmark, in a fresh process (so peak memory is this size's): loads the generated
// pipeline with the CLI's own config loader, then times check and build of every environment in-process.
// Prints one JSON line. Usage: node bench/scale/measure.mjs <pipeline dir>
import { join } from 'node:path';
import { importConfig } from '../../dist/cli/import-config.js';
import { buildPipeline, checkPipeline } from '@flinkts/pipelines';

const dir = process.argv[2];
const t0 = performance.now();
const p = (await importConfig(join(dir, 'flinkts.config.ts'))).default;
const t1 = performance.now();
let diagnostics = 0;
for (const env of p.environmentNames) diagnostics += checkPipeline(p, env).length;
const t2 = performance.now();
let files = 0;
for (const env of p.environmentNames) {
  const r = buildPipeline(p, { env });
  if (!r.ok) throw new Error(`build of ${env} failed: ${JSON.stringify(r.diagnostics.slice(0, 3))}`);
  files += r.files.length;
}
const t3 = performance.now();
console.log(JSON.stringify({ loadMs: t1 - t0, checkMs: t2 - t1, buildMs: t3 - t2, diagnostics, files, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
