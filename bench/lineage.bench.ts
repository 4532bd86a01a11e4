/**
 * Lineage benchmark: the scale benchmark's synthetic pipeline of 1,000 tables and 300 jobs (`scale/generate.ts`),
 * `pipelineLineage` of one environment in-process (every job bound, column lineage, the cross-job graph, dataset
 * addresses), in a fresh process (`scale/measure-lineage.mjs`). Target: < 1 s. The peer measured in the same run is
 * `checkPipeline` of the same environment (the analyzer over the same jobs). Jobs are bound once per pipeline, so
 * the warm runs (and the warm check) reuse that. Then the lineage page of the same lineage (layout included, first
 * call) and every lineage file `build` writes (JSON, text, Mermaid, OpenLineage, HTML); the page took about 20 s with
 * elkjs's layout.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { verdict } from './process-timing.js';
import { generateScalePipeline } from './scale/generate.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TMP = join(ROOT, 'bench', '.tmp');

interface Measure {
  readonly coldMs: number;
  readonly coldCpuMs: number;
  readonly lineageMs: number;
  readonly checkMs: number;
  readonly htmlMs: number;
  readonly htmlCpuMs: number;
  readonly htmlBytes: number;
  readonly filesMs: number;
  readonly fileBytes: number;
  readonly tables: number;
  readonly jobs: number;
  readonly edges: number;
  readonly diagnostics: number;
}

export async function run(): Promise<void> {
  const dir = join(TMP, 'lineage-1000');
  const shape = generateScalePipeline(dir, 1000);
  const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'scale', 'measure-lineage.mjs'), dir, 'prod'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`scale/measure-lineage.mjs failed:\n${r.stderr}`);
  const m = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Measure;
  if (m.diagnostics > 0) console.warn(`  warning: lineage of the generated pipeline has ${m.diagnostics} diagnostics`);
  const s = (ms: number): string => `${(ms / 1000).toFixed(3)} s`;
  console.log(`pipeline: ${shape.tables} tables, ${shape.jobs} jobs, ${shape.inserts} INSERTs → lineage of ${m.tables} tables, ${m.jobs} jobs, ${m.edges} column edges`);
  console.log(`pipelineLineage (prod): first call ${s(m.coldMs)} wall / ${s(m.coldCpuMs)} CPU (target < 1 s: ${verdict(m.coldMs, 1000)}), warm best of 5 ${s(m.lineageMs)} (${verdict(m.lineageMs, 1000)})`);
  console.log(`peer, checkPipeline (prod): ${s(m.checkMs)} — lineage / check = ${(m.lineageMs / m.checkMs).toFixed(2)}×`);
  const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;
  console.log(`lineage page (layout included): ${s(m.htmlMs)} wall / ${s(m.htmlCpuMs)} CPU, ${mb(m.htmlBytes)} (target < 1 s: ${verdict(m.htmlMs, 1000)}); every lineage file: ${s(m.filesMs)}, ${mb(m.fileBytes)}`);
}
