import { join } from 'node:path';
const c0 = process.cpuUsage();
const cpu = () => { const c = process.cpuUsage(c0); return (c.user + c.system) / 1000; };
const t = [];
const mark = (name) => { t.push([name, cpu()]); };
mark('start');
const { importConfig } = await import('../dist/cli/import-config.js');
mark('load cli import-config');
const P = await import('@flinkts/pipelines');
mark('load pipelines');
const p = (await importConfig(join(process.cwd(), process.argv[2] ?? 'examples/realtime-dw', 'flinkts.config.ts'))).default;
mark('config');
for (const env of p.environmentNames) {
  const r = P.buildPipeline(p, { env, lineageWrittenByCaller: true });
  mark(`build ${env}`);
  const l = P.pipelineLineageWithDiagnostics(p, env);
  mark(`lineage ${env}`);
  await P.lineageArtifacts(l.lineage, {}, { eventTime: '2020-01-01T00:00:00Z', producer: 'x' });
  mark(`artifacts ${env}`);
}
let prev = 0;
for (const [n, v] of t) { console.log(n.padEnd(24), (v - prev).toFixed(0).padStart(6), v.toFixed(0).padStart(6)); prev = v; }
