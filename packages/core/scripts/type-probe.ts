/**
 * `npm run type-probe [-- --write]`: every scalar built-in over the type lattice of src/testing/oracle/type-probe.ts
 * on real Flink 1.20.1 (the bridge is started if none runs, and stopped again if this script started it). Prints
 * how many calls Flink accepted / rejected / failed at run time; `--write` records the answers in
 * test/fixtures/flink-semantics/type-probe-1.20.1.jsonl (replayed by test/runtime/type-probe.test.ts).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FlinkBridgeClient } from '../src/engine/flink/client.js';
import { ownBridgesStartedHere } from '../src/engine/flink/bridge-process.js';
import { fromWire, toWire } from '../src/engine/flink/wire.js';
import type { WireValue } from '../src/engine/flink/wire.js';
import { FUNCTIONS } from '../src/functions/registry.js';
import { renderResult } from '../src/runtime/values/render.js';
import { createSession } from '../src/runtime/session.js';
import { printDataType } from '../src/sql/printer/data-type.js';
import { fixtureValue } from '../src/testing/oracle/fixture-values.js';
import { parseTypeText } from '../src/testing/oracle/type-text.js';
import type { ProbeAnswer } from '../src/testing/oracle/type-probe.js';
import { NOT_PROBED, PROBE_COLUMNS, PROBE_SPECS, probeCalls } from '../src/testing/oracle/type-probe.js';

const missing = Object.entries(FUNCTIONS).filter(([n, f]) => f.kind === 'scalar' && !(n in PROBE_SPECS) && !(n in NOT_PROBED)).map(([n]) => n);
if (missing.length > 0) throw new Error(`scalars neither probed nor listed in NOT_PROBED: ${missing.join(', ')}`);

const file = fileURLToPath(new URL('../test/fixtures/flink-semantics/type-probe-1.20.1.jsonl', import.meta.url));
const zone = createSession({ config: {} }).zone;
const columns = PROBE_COLUMNS.map((c) => ({ name: c.name, type: printDataType(parseTypeText(c.type as string)) }));
const row = PROBE_COLUMNS.map((c) => {
  const t = parseTypeText(c.type as string);
  return toWire(fixtureValue(c.value, t, zone), t);
});
const calls = probeCalls();
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const todo = only ? calls.filter((c) => only.includes(c.fn)) : calls;
console.error(`${todo.length} calls of ${new Set(todo.map((c) => c.fn)).size} built-ins`);

const releaseBridge = ownBridgesStartedHere();
const answers: ProbeAnswer[] = [];
try {
  const client = FlinkBridgeClient.connect();
  const CHUNK = 300;
  for (let k = 0; k < todo.length; k += CHUNK) {
    const part = todo.slice(k, k + CHUNK);
    const t0 = Date.now();
    const res = await client.evaluate({ groups: [{ config: {}, columns, row, cases: part.map((c) => ({ id: c.id, sql: c.sql })) }] });
    const byId = new Map(res.results.map((r) => [r.id, r]));
    for (const c of part) {
      const r = byId.get(c.id);
      if (r === undefined) throw new Error(`no answer for ${c.id}`);
      if (r.error !== undefined) {
        answers.push({ ...c, ...(r.type !== undefined ? { type: r.type } : {}), error: { stage: r.error.stage, message: (r.error.rootMessage || r.error.message).split('\n')[0] ?? '' } });
        continue;
      }
      const t = parseTypeText(r.type as string);
      answers.push({ ...c, type: r.type as string, value: renderResult(fromWire((r.value ?? null) as WireValue, t), t, zone) });
    }
    console.error(`${k + part.length}/${todo.length} (${res.jobs} jobs, ${Date.now() - t0} ms)`);
  }
} finally {
  releaseBridge();
}
const count = (p: (a: ProbeAnswer) => boolean): number => answers.filter(p).length;
console.log(`accepted ${count((a) => a.error === undefined)}, rejected ${count((a) => a.error?.stage === 'validation')}, failed at run time ${count((a) => a.error?.stage === 'runtime')}, other ${count((a) => a.error !== undefined && a.error.stage !== 'validation' && a.error.stage !== 'runtime')}`);
if (process.argv.includes('--write')) {
  writeFileSync(file, answers.map((a) => JSON.stringify(a)).join('\n') + '\n');
  console.log(`wrote ${answers.length} answers to ${file}`);
}
