import { FlinkBridgeClient } from '@flinkts/core/flink';
const client = FlinkBridgeClient.connect();
const DDL = [
  "CREATE TABLE orders (order_id BIGINT, user_id BIGINT, product STRING, amount DOUBLE, ts TIMESTAMP(3), pt AS PROCTIME(), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'datagen')",
  "CREATE TABLE users (user_id BIGINT, name STRING, PRIMARY KEY (user_id) NOT ENFORCED) WITH ('connector' = 'mysql-cdc', 'hostname' = '127.0.0.1', 'port' = '1', 'username' = 'u', 'password' = 'p', 'database-name' = 'd', 'table-name' = 'users')",
  "CREATE TABLE snk (a BIGINT, b DOUBLE) WITH ('connector' = 'blackhole')",
  "CREATE TABLE snk1 (a BIGINT) WITH ('connector' = 'blackhole')",
];
const programs = JSON.parse(process.argv[2]);
for (const [name, stmts] of programs) {
  const r = client.planSync({ statements: [...DDL, ...stmts], withPlan: true, changelogMode: true });
  console.log('=== ' + name);
  if (!r.ok) { console.log('ERROR ' + (r.error?.message ?? '').slice(0, 600)); continue; }
  const phys = ((r.plans ?? []).join('\n').split('== Optimized Physical Plan ==')[1] ?? '').split('== Optimized Execution Plan ==')[0];
  console.log(phys.trim());
}
