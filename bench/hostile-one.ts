/**
 * One hostile-size case in this process (fresh): `tsx bench/hostile-one.ts <check|fmt|read|parse> <case> [bytes]`; prints the CPU
 * milliseconds of the run. bench/hostile.bench.ts runs each case of its table this way too.
 */
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
console.log(JSON.stringify({ wall, cpu: (cpu.user + cpu.system) / 1000, ok }));
