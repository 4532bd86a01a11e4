/**
 * One runtime workload in a fresh process, for its peak memory: `memory.ts <workload> <rows>` builds the input
 * rows, runs the job through `runJob` (keepChangelog: false) and reads the final table, then prints one JSON
 * line: peak RSS (the process's high-water mark, read before anything else is allocated), the RSS before the
 * rows existed, the high-water mark once the input rows exist (before the job), and the input's size as JSON lines.
 */
import { runJob } from 'flinkts/testing';
import * as workloads from './workloads.js';
import { INPUT_COLUMNS, inputJsonBytes } from './workloads.js';
import type { Workload } from './workloads.js';

const [name, count] = process.argv.slice(2);
const w = (workloads as unknown as Record<string, Workload>)[name ?? ''];
if (w === undefined || typeof w !== 'object' || !('sql' in w)) throw new Error(`no workload ${name}`);
const n = Number(count);
const MB = 1024 * 1024;

const baselineRssMb = process.memoryUsage().rss / MB;
const inputs = w.inputs(n);
// the input rows alone, as JavaScript arrays (what a test holds before flinkts runs): the high-water mark so far
const inputRssMb = (process.resourceUsage().maxRSS * 1024) / MB;
const outRows = runJob(w.sql, { inputs, keepChangelog: false }).rows('out').length;
const peakRssMb = (process.resourceUsage().maxRSS * 1024) / MB;
const inputJsonMb = inputJsonBytes(inputs, INPUT_COLUMNS) / MB;
console.log(JSON.stringify({ workload: w.name, rows: n, inputJsonMb, peakRssMb, baselineRssMb, inputRssMb, outRows }));
