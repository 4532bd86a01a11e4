/**
 * The analyzer's own cost: `checkScript` over every job script of examples/realtime-dw (every environment), against
 * binding the same scripts (`bindScript`, which `check` runs once per script) measured in the same run. The analyzer
 * reads the bound plan, so `check` should cost little more than the binder: target ≤ 1.5x the binder's CPU.
 * In-process, warm (after two untimed rounds), CPU of this process (GC included).
 */
import { connectorValidators } from '@flinkts/connectors';
import { jobStatements } from '@flinkts/pipelines/internal';
import type { Statement } from '../packages/core/src/ast/statement.js';
import { checkScript } from '../packages/core/src/analyzer/check-script.js';
import { bindScript } from '../packages/core/src/plan/bind.js';
import realtimeDw from '../examples/realtime-dw/flinkts.config.js';
import { verdict } from './process-timing.js';

const ROUNDS = 30;

function scripts(): Statement[][] {
  const out: Statement[][] = [];
  for (const env of realtimeDw.environmentNames) {
    for (const job of realtimeDw.spec.jobs) out.push([...jobStatements(realtimeDw, env, job.name)]);
  }
  return out;
}

function cpuMs(f: () => void): number {
  f();
  f();
  const t0 = process.cpuUsage();
  for (let i = 0; i < ROUNDS; i++) f();
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / 1000 / ROUNDS;
}

export async function run(): Promise<void> {
  const all = scripts();
  const bindCpu = cpuMs(() => {
    for (const statements of all) bindScript(statements);
  });
  const checkCpu = cpuMs(() => {
    for (const statements of all) checkScript({ kind: 'Script', statements }, { validators: connectorValidators });
  });
  const ratio = checkCpu / bindCpu;
  console.log(`realtime-dw, ${all.length} job scripts (every environment), mean CPU per round of ${ROUNDS}, in-process, warm\n`);
  console.log(`checkScript   ${checkCpu.toFixed(1).padStart(7)} ms   bindScript ${bindCpu.toFixed(1).padStart(7)} ms   ${ratio.toFixed(2)}x CPU   target ≤ 1.5x: ${verdict(ratio, 1.5)}`);
}
