import { DuckDBInstance } from '@duckdb/node-api';
import * as W from './runtime/workloads.js';
const inst = await DuckDBInstance.create(':memory:');
const con = await inst.connect();
for (const w of [W.filterProject, W.keyedAggregation, W.regularJoin, W.tumblingWindow]) {
  const inputs = w.inputs(1_000_000);
  await W.loadDuckDb(con, w, inputs);
  const ts: number[] = [];
  for (let i = 0; i < 3; i++) { const t = performance.now(); await con.run(`CREATE OR REPLACE TEMP TABLE bench_out AS ${w.duckSql}`); ts.push(performance.now() - t); }
  const t = performance.now(); (await con.runAndReadAll(w.duckSql)).getRowsJS(); const js = performance.now() - t;
  console.log(w.name, ts.map((x) => x.toFixed(0)).join(' '), 'js', js.toFixed(0));
}
