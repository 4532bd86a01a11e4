/**
 * One runtime workload in a fresh process, for its peak memory: `memory.ts <workload> <rows> <array|stream>`
 * runs the job through `runJob` (keepChangelog: false) and reads the final table, then prints one JSON line:
 * peak RSS (the process's high-water mark, read before anything else is allocated), the RSS before the input
 * existed, the high-water mark once the input exists (before the job), the high-water mark once the job has run
 * (before `rows()` makes the result's objects), and the input's size as JSON lines. Then, to say what holds the
 * peak: the young generation's size at the end (V8 grows it to its maximum under a steady allocation rate, and
 * keeps it), and once the peak is read, the heap a full garbage collection leaves (what is really held: code,
 * the sink's state, the result's objects), the array buffers (compact columns; with a join, also its finished state's
 * chunks, which its pool's WeakRefs keep alive until this task ends: see columns.ts), and the file-backed pages (the
 * node executable's own code, paged in as V8's parser and compilers first run; shared between processes).
 *  - `array`: the input rows are built as JavaScript arrays first (what a test holding a fixture does);
 *  - `stream`: each table's input is an iterable that makes its rows as the job reads them (a generator, or
 *    rows read from an NDJSON file), so the job's own memory is what is measured.
 */
import { readFileSync } from 'node:fs';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { runJob } from 'flinkts/testing';
import * as workloads from './workloads.js';
import { INPUT_COLUMNS, inputJsonBytes, streamedInputs } from './workloads.js';
import type { Workload } from './workloads.js';

const [name, count, form] = process.argv.slice(2);
const w = (workloads as unknown as Record<string, Workload>)[name ?? ''];
if (w === undefined || typeof w !== 'object' || !('sql' in w)) throw new Error(`no workload ${name}`);
if (form !== 'array' && form !== 'stream') throw new Error(`input form ${form}: array or stream`);
const n = Number(count);
const MB = 1024 * 1024;
/**
 * The process's peak RSS: Linux's VmHWM (this program's own high-water mark). `resourceUsage().maxRSS` is not
 * used where VmHWM exists: Linux keeps it across exec, so a child started by a large parent (the bench, with
 * DuckDB's tables loaded) reports at least the parent's RSS at the fork.
 */
const maxRssMb = (): number => {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return (Number(hwm[1]) * 1024) / MB;
  } catch {
    // not Linux
  }
  return (process.resourceUsage().maxRSS * 1024) / MB;
};

/** A size in /proc/self/status (Linux), in MB; NaN elsewhere. */
function statusMb(field: string): number {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return (Number(m[1]) * 1024) / MB;
  } catch {
    // not Linux
  }
  return NaN;
}

const baselineRssMb = process.memoryUsage().rss / MB;
const baselineFileRssMb = statusMb('RssFile');
const baselineHeapMb = process.memoryUsage().heapUsed / MB;
const inputs = form === 'array' ? w.inputs(n) : streamedInputs(w, n);
// the input alone (as JavaScript arrays, or the iterables before any row is made): the high-water mark so far
const inputRssMb = maxRssMb();
const run = runJob(w.sql, { inputs, keepChangelog: false });
const jobRssMb = maxRssMb();
const result = run.rows('out');
const outRows = result.length;
const peakRssMb = maxRssMb();
const fileRssMb = statusMb('RssFile');
const youngMb = getHeapSpaceStatistics().filter((s) => s.space_name === 'new_space').reduce((a, s) => a + s.space_size, 0) / MB;
// after the peak is read: what a full collection leaves while the result is still held
setFlagsFromString('--expose-gc');
(runInNewContext('gc') as () => void)();
const held = process.memoryUsage();
const liveHeapMb = held.heapUsed / MB;
const arrayBuffersMb = held.arrayBuffers / MB;
void result; // held through the collection
const inputJsonMb = inputJsonBytes(inputs, INPUT_COLUMNS) / MB;
console.log(JSON.stringify({ workload: w.name, form, rows: n, inputJsonMb, peakRssMb, baselineRssMb, inputRssMb, jobRssMb, outRows, youngMb, liveHeapMb, arrayBuffersMb, baselineHeapMb, fileRssMb, baselineFileRssMb }));
