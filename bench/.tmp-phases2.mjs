import { join } from 'node:path';
const c0 = process.cpuUsage();
const cpu = () => { const c = process.cpuUsage(c0); return (c.user + c.system) / 1000; };
const acc = new Map();
let last = 0;
const mark = (name) => { const v = cpu(); acc.set(name, (acc.get(name) ?? 0) + v - last); last = cpu(); };
const { importConfig } = await import('../dist/cli/import-config.js');
const P = await import('@flinkts/pipelines');
mark('load modules');
const esbuild = await import('esbuild');
mark('load esbuild');
const p = (await importConfig(join(process.cwd(), process.argv[2] ?? 'examples/realtime-dw', 'flinkts.config.ts'))).default;
mark('config (transpile + evaluate)');
for (const env of p.environmentNames) {
  P.checkPipeline(p, env);
  mark('check (analyzer etc.)');
  const r = P.buildPipeline(p, { env, lineageWrittenByCaller: true });
  mark('emit (build after check)');
  const l = P.pipelineLineageWithDiagnostics(p, env);
  mark('lineage model');
  await P.lineageArtifacts(l.lineage, {}, { eventTime: '2020-01-01T00:00:00Z', producer: 'x' });
  mark('lineage files');
}
for (const [n, v] of acc) console.log(n.padEnd(32), v.toFixed(0).padStart(6));
console.log('total'.padEnd(32), cpu().toFixed(0).padStart(6));
