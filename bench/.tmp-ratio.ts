import { compare, runProcess } from './process-timing.js';
const node = process.execPath;
const args = process.argv.slice(2);
const r = compare({ node: () => runProcess(node, ['-e', '0']), flinkts: () => runProcess(node, args) }, 8);
console.log(`node ${r.node!.cpuMs.toFixed(0)} ms CPU, flinkts ${r.flinkts!.cpuMs.toFixed(0)} ms CPU: ${(r.flinkts!.cpuMs / r.node!.cpuMs).toFixed(2)}x (wall ${r.flinkts!.wallMs.toFixed(0)} vs ${r.node!.wallMs.toFixed(0)})`);
