// The lineage benchmark's measurement, in a fresh process: loads a generated pipeline with the CLI's config loader,
// then times pipelineLineage (bind every job, column lineage, the cross-job graph, dataset addresses) and, as the
// peer in the same run, checkPipeline of the same environment. Warm-up once, then the best of 5 runs each.
// Prints one JSON line. Usage: node bench/scale/measure-lineage.mjs <pipeline dir> <environment>
import { join } from 'node:path';
import { importConfig } from '../../dist/cli/import-config.js';
import { checkPipeline, lineageArtifacts, pipelineLineage } from '@flinkts/pipelines';
import { lineageHtml, pipelineLineageWithDiagnostics, wholeLineage } from '@flinkts/pipelines/internal';

const [dir, env] = process.argv.slice(2);
const p = (await importConfig(join(dir, 'flinkts.config.ts'))).default;
const best = (f) => {
  f();
  let min = Infinity;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    f();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
};
let lineage;
const cold0 = performance.now();
const cpu0 = process.cpuUsage();
lineage = pipelineLineage(p, env);
const coldMs = performance.now() - cold0;
const cpu = process.cpuUsage(cpu0);
const coldCpuMs = (cpu.user + cpu.system) / 1000;
const lineageMs = best(() => { lineage = pipelineLineage(p, env); });
const checkMs = best(() => checkPipeline(p, env));
const diagnostics = pipelineLineageWithDiagnostics(p, env).diagnostics.length;
// The lineage page (layout included), first call in this process, then every lineage file `build` writes.
const html0 = performance.now();
const htmlCpu0 = process.cpuUsage();
const html = lineageHtml(wholeLineage(lineage));
const htmlMs = performance.now() - html0;
const htmlCpu = process.cpuUsage(htmlCpu0);
const htmlCpuMs = (htmlCpu.user + htmlCpu.system) / 1000;
const files0 = performance.now();
const files = await lineageArtifacts(lineage, {}, { eventTime: '2026-01-01T00:00:00Z', producer: 'urn:flinkts:bench' });
const filesMs = performance.now() - files0;
console.log(JSON.stringify({ coldMs, coldCpuMs, lineageMs, checkMs, htmlMs, htmlCpuMs, htmlBytes: Buffer.byteLength(html), filesMs, fileBytes: files.reduce((n, f) => n + Buffer.byteLength(f.content), 0), diagnostics, tables: lineage.tables.length, jobs: lineage.jobs.length, edges: lineage.edges.length }));
