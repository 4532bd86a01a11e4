/**
 * Blue-green through a shadow sink (an environment's `deploy.shadowSinks`): the declaration is checked, the shadow
 * release is built and checked like a job; on real Flink 1.20.1 (MiniCluster + SQL Gateway on 127.0.0.1) the new
 * version runs beside the old one from its savepoint writing the shadow table only, then takes over the sink
 * from the old one's final savepoint — the sink's counts run on without a gap or a second writer.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cast, fn, from, FlinktsError, insertInto, t, table, view } from '@flinkts/core';
import { print } from '@flinkts/connectors';
import { startLocalFlink, verifyScript } from '@flinkts/core/flink';
import type { LocalFlink } from '@flinkts/core/flink';
import { job, pipeline } from '../../packages/pipelines/src/index.js';
import { DeploymentRecords, GatewayTarget } from '@flinkts/pipelines';
import { bridgeCompiler, deployJob, pipelineArtifacts, planJob } from '@flinkts/pipelines/internal';
import type { Deployer, DeployOptions } from '@flinkts/pipelines';
import v1 from '../fixtures/pipelines/deploy-dws/v1.config.js';
import shadowed from '../fixtures/pipelines/deploy-dws/shadow.config.js';
import { environments, orders, sales } from '../fixtures/pipelines/deploy-dws/shared.js';
import { kafkaOrders } from '../fixtures/pipelines/deploy-dws/kafka.js';
import type { AnyPipeline } from '../../packages/pipelines/src/index.js';

const onKafka = (p: AnyPipeline) => pipeline({ ...p.spec, tables: p.spec.tables.map((x) => (x === orders ? kafkaOrders : x)) });

const JOB = 'dws-aggregate';

const problems = (f: () => unknown): { code: string; message: string; path?: string }[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof FlinktsError) return e.diagnostics.map((d) => ({ code: d.code, message: d.message, ...(d.path === undefined ? {} : { path: d.path }) }));
    throw e;
  }
  return [];
};

describe('shadow sinks: declared and checked', () => {
  const perCategory = from(orders, 'o').groupBy(({ o }) => [o.category]).select(({ o }) => ({ category: o.category, order_count: fn.count(), paid_amount: fn.sum(cast(o.amount, t.bigint())) }));
  const shadowOf = (columns: Record<string, ReturnType<typeof t.bigint>>) => table('dws_sales_shadow', { columns, temporary: true, connector: print({}) });
  const withShadows = (shadowSinks: unknown, tables: readonly unknown[] = [orders, sales]) => pipeline({
    name: 'shadows',
    jobs: [job(JOB, { statements: insertInto(sales, perCategory) })],
    tables: tables as never,
    targets: { sql: {} },
    environments: { test: { deploy: { shadowSinks } } } as never,
  });

  it('the shadow release writes the shadow table; the rest of the job is the same', () => {
    const [a] = pipelineArtifacts(shadowed, 'test').artifacts;
    expect(a?.shadow?.tables).toEqual([{ sink: 'dws_sales', shadow: 'dws_sales_shadow' }]);
    expect(a?.statements.join('\n')).toContain('INSERT INTO `dws_sales`');
    const shadowSql = a?.shadow?.artifact.statements.join('\n') ?? '';
    expect(shadowSql).toContain('INSERT INTO `dws_sales_shadow`');
    expect(shadowSql).toContain("'print-identifier' = 'SHADOW'");
    expect(shadowSql).not.toContain('INSERT INTO `dws_sales` ');
  });

  it('rejects undeclared tables, a sink no job writes, a shadow a job writes, and a shadow whose columns do not fit', () => {
    const shadow = shadowOf({ category: t.int().notNull() as never, order_count: t.bigint(), paid_amount: t.bigint() });
    expect(problems(() => pipelineArtifacts(withShadows([{ sink: sales, shadow }]), 'test'))).toEqual([expect.objectContaining({ code: 'FTS8109', message: expect.stringContaining("shadowSinks[0].shadow `dws_sales_shadow` is not one of the pipeline's tables"), path: 'environments.test.deploy.shadowSinks.0.shadow' })]);
    expect(problems(() => pipelineArtifacts(withShadows([{ sink: shadow, shadow: sales }], [orders, sales, shadow]), 'test'))[0]).toMatchObject({ code: 'FTS8109', message: expect.stringContaining('no job writes `dws_sales_shadow`') });
    expect(problems(() => pipelineArtifacts(withShadows([{ sink: sales, shadow: sales }]), 'test'))[0]).toMatchObject({ code: 'FTS8109', message: expect.stringContaining('with itself') });
    expect(problems(() => pipelineArtifacts(withShadows([{ sink: sales }]), 'test'))[0]).toMatchObject({ code: 'FTS8109', message: expect.stringContaining('shadowSinks[0].shadow is not a table') });
    const narrow = shadowOf({ category: t.int().notNull() as never, order_count: t.bigint() });
    const found = problems(() => pipelineArtifacts(withShadows([{ sink: sales, shadow: narrow }], [orders, sales, narrow]), 'test'));
    expect(found[0]).toMatchObject({ code: 'FTS8109', message: expect.stringContaining("job 'dws-aggregate' writing `dws_sales_shadow` instead of `dws_sales` does not check") });
    expect(found.length).toBeGreaterThan(1);
    // the shadow version runs as `<job>-shadow`: a job of that name would be the same run
    const other = table('other_sink', { columns: { category: t.int().notNull(), order_count: t.bigint(), paid_amount: t.bigint() }, temporary: true, connector: print({}) });
    const taken = pipeline({
      name: 'shadows',
      jobs: [job(JOB, { statements: insertInto(sales, perCategory) }), job(`${JOB}-shadow`, { statements: insertInto(other, perCategory) })],
      tables: [orders, sales, shadow, other] as never,
      targets: { sql: {} },
      environments: { test: { deploy: { shadowSinks: [{ sink: sales, shadow }] } } } as never,
    });
    expect(problems(() => pipelineArtifacts(taken, 'test'))[0]).toMatchObject({ code: 'FTS8109', message: expect.stringContaining("its shadow version would run as 'dws-aggregate-shadow', which is another job's name") });
  });
});

describe('blue-green through a shadow sink on real Flink', () => {
  let flink: LocalFlink;
  let d: Deployer;
  let records: string;
  let plans: string;
  const options: DeployOptions = { strategy: 'blue-green', autoRollback: false, allowNonRestoredState: false, startWithoutState: false, health: { checkpoints: 2, graceSeconds: 1, timeoutSeconds: 120 } };

  /** Per print identifier and category, the counts written after log offset `from`. */
  const counts = (id: string, from: number): Map<number, number[]> => {
    const out = new Map<number, number[]>();
    for (const m of readFileSync(flink.log, 'utf8').slice(from).matchAll(new RegExp(`${id}> \\+[IU]\\[(\\d+), (\\d+), \\d+\\]`, 'g'))) out.set(Number(m[1]), [...(out.get(Number(m[1])) ?? []), Number(m[2])]);
    return out;
  };

  beforeAll(async () => {
    flink = await startLocalFlink();
    records = mkdtempSync(join(tmpdir(), 'flinkts-records-'));
    plans = mkdtempSync(join(tmpdir(), 'flinkts-plans-'));
    d = { target: new GatewayTarget(flink.gatewayUrl, flink.clusterUrl, plans), records: new DeploymentRecords(records, 'deploy-dws', 'test', 'gateway'), compiler: bridgeCompiler(flink.bridgeUrl), progress: () => {} };
  }, 240_000);

  afterAll(async () => {
    await flink?.stop();
    for (const dir of [records, plans]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the new version writes the shadow beside the old one, then takes over the sink where the old one stopped', async () => {
    const first = pipelineArtifacts(v1, 'test').artifacts[0]!;
    expect((await deployJob(d, await planJob(d, JOB, first), { ...options, strategy: 'restart' })).action).toBe('create');
    const next = pipelineArtifacts(shadowed, 'test').artifacts[0]!;
    const plan = await planJob(d, JOB, next);
    expect(plan.state?.verdict).toBe('safe');
    const mark = readFileSync(flink.log, 'utf8').length;
    const seen: string[][] = [];
    const lines: string[] = [];
    const watching: Deployer = { ...d, progress: (l) => { lines.push(l); if (l.includes('checkpoints')) void Promise.all([d.target.running(JOB), d.target.running(`${JOB}-shadow`)]).then((r) => seen.push(r.flat().map((x) => x.hash ?? '').sort())); } };
    const out = await deployJob(watching, plan, options);
    expect(out).toMatchObject({ action: 'update', version: 2 });
    expect(out.shadow?.health.healthy).toBe(true);
    expect(lines.some((l) => l.includes('as dws-aggregate-shadow, writing dws_sales_shadow (for dws_sales)'))).toBe(true);
    // while the shadow was checked, the old version and the shadow run ran side by side
    expect(seen.some((s) => s.length === 2 && s.includes(first.hash.slice(0, 12)) && s.includes(next.shadow!.artifact.hash.slice(0, 12)))).toBe(true);
    await new Promise((r) => setTimeout(r, 2000));
    // the shadow started from the old one's state; the sink had one writer at a time and no gap
    const shadowCounts = counts('SHADOW', mark);
    expect(shadowCounts.size).toBeGreaterThan(0);
    for (const seq of shadowCounts.values()) expect(seq[0]).toBeGreaterThan(1);
    const sink = counts('DWS', mark);
    for (const [category, seq] of sink) {
      seq.forEach((n, i) => { if (i > 0) expect(n, `category ${category} at ${i}`).toBe((seq[i - 1] as number) + 1); });
    }
    expect((await d.target.health(out.jobId!)).restoredFrom).toBe(out.restoredFrom);
    expect((await d.target.running(JOB)).map((r) => r.hash)).toEqual([next.hash.slice(0, 12)]);
  }, 400_000);
});

describe('the gateway path: a shadow reading Kafka', () => {
  it('ships its own consumer group as an OPTIONS hint, which Flink 1.20.1\'s planner takes; the running job keeps its group', async () => {
    const k2 = pipelineArtifacts(onKafka(shadowed), 'test').artifacts[0]!;
    const live = k2.statements.join(';\n');
    const shadow = k2.shadow!.artifact.statements.join(';\n');
    expect(live).toContain("'properties.group.id' = 'dws-aggregate'");
    expect(live).not.toContain('dws-aggregate-shadow');
    expect(shadow).toContain("FROM `dwd_order_detail` /*+ OPTIONS('properties.group.id'='dws-aggregate-shadow') */");
    // the statements the gateway target submits, planned by the real planner (no broker is needed to plan)
    const real = await verifyScript(`${shadow};`);
    expect(real.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
    expect(real.ok).toBe(true);
  }, 300_000);

  it('a Kafka table read through a view is refused: the view cannot take the hint', () => {
    const recent = view('recent_orders', from(kafkaOrders, 'o').select(({ o }) => ({ order_id: o.order_id, category: o.category, amount: o.amount })), { temporary: true });
    const perCategory = from(recent, 'o').groupBy(({ o }) => [o.category]).select(({ o }) => ({ category: o.category, order_count: fn.count(), paid_amount: fn.sum(cast(o.amount, t.bigint())) }));
    const p = pipeline({ ...shadowed.spec, jobs: [job(JOB, { statements: insertInto(sales, perCategory) })], tables: [kafkaOrders, recent, ...shadowed.spec.tables.filter((x) => x !== orders)] });
    expect(problems(() => pipelineArtifacts(p, 'test'))[0]).toMatchObject({ code: 'FTS8109', message: expect.stringContaining('reads Kafka dwd_order_detail (through view recent_orders)') });
  });
});
