import { compare, runProcess } from './process-timing.js';
const node = process.execPath;
const base = ['bin/flinkts.js', 'build', 'examples/realtime-dw', '--out', '/tmp/wt12-rtdw'];
const r = compare({
  node: () => runProcess(node, ['-e', '0']),
  plain: () => runProcess(node, base),
  semi16: () => runProcess(node, ['--max-semi-space-size=16', ...base]),
  semi64: () => runProcess(node, ['--max-semi-space-size=64', ...base]),
}, 6);
for (const [k, v] of Object.entries(r)) console.log(k.padEnd(8), v.cpuMs.toFixed(0), (v.cpuMs / r.node!.cpuMs).toFixed(2));
