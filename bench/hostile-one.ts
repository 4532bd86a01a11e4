/**
 * One hostile-size case in this process (fresh): `tsx bench/hostile-one.ts <check|fmt|read|parse> <case> [bytes]`; prints the CPU
 * milliseconds of the run. bench/hostile.bench.ts runs each case of its table this way too.
 *
 * `mainCpu`: the part of that CPU spent on the main thread (Linux: the threads' clock ticks in /proc, as a share of
 * the whole). The rest is V8's worker threads — mostly TurboFan compiling the hot functions in the background
 * (about 0.3–0.4 s of a cold 10 MB `check`, whatever the input's size; the garbage collector's helpers ~0.1 s).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { checkSql, parseScript } from '@flinkts/core';
import { ScriptReader } from '@flinkts/core/internal';
import { connectorValidators } from '@flinkts/connectors';
import { formatSql } from '../src/cli/commands/fmt.js';
import { hostileCases } from './hostile-cases.js';

const [what, name, bytes] = process.argv.slice(2);
const make = hostileCases()[name!];
if (make === undefined) throw new Error(`no case ${name}`);
const whole = make();
// An optional byte count: only the statements in that many first bytes (for slow tools, e.g. counting instructions).
const text = bytes === undefined ? whole : whole.slice(0, whole.lastIndexOf(';', Number(bytes)) + 1);
/** Clock ticks (user + system) of each thread of this process, by thread id; undefined where /proc cannot be read. */
function threadTicks(): Map<string, number> | undefined {
  try {
    const ticks = new Map<string, number>();
    for (const id of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${id}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks.set(id, Number(fields[11]) + Number(fields[12]));
    }
    return ticks;
  } catch {
    return undefined;
  }
}

const ticks0 = threadTicks();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let ok = true;
if (what === 'check') checkSql(text, { validators: connectorValidators });
else if (what === 'fmt') ok = formatSql(text, 'bench.sql').ok;
else if (what === 'read') {
  // The parser alone as check and fmt use it: one statement at a time, each let go.
  const reader = new ScriptReader(text);
  while (reader.next() !== undefined);
} else parseScript(text);
const wall = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const ticks1 = threadTicks();
const cpuMs = (cpu.user + cpu.system) / 1000;
let mainCpu: number | undefined;
if (ticks0 !== undefined && ticks1 !== undefined) {
  let all = 0;
  for (const [id, t] of ticks1) all += t - (ticks0.get(id) ?? 0);
  const main = (ticks1.get(String(process.pid)) ?? 0) - (ticks0.get(String(process.pid)) ?? 0);
  if (all > 0) mainCpu = (cpuMs * main) / all;
}
console.log(JSON.stringify({ wall, cpu: cpuMs, ...(mainCpu === undefined ? {} : { mainCpu }), ok }));
