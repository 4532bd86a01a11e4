/**
 * The manual promote step from the command line, against the VVP contract fake: `deploy --strategy blue-green
 * --promote manual` leaves the shadow run (`<job>-shadow`) beside the running version, `plan` shows it waiting,
 * `promote` makes the new version take over the real sink from the old one's final savepoint, and a second
 * `promote` has nothing to promote (FTS8110, exit 1). `--promote` without blue-green is a usage error.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlinkBridgeClient } from '@flinkts/core/flink';
import { VvpFake } from './vvp-fake.js';
import { runCliAsync as cli } from '../cli/run-cli.js';

const V1 = 'test/fixtures/pipelines/deploy-dws/platform-v1.config.ts';
const V2 = 'test/fixtures/pipelines/deploy-dws/platform-shadow.config.ts';


describe('flinkts promote (VVP contract fake)', () => {
  const fake = new VvpFake();
  let records: string;
  let env: NodeJS.ProcessEnv;
  const common = () => ['--env', 'test', '--target', 'vvp', '--records', records, '--health-grace', '0'];

  beforeAll(async () => {
    await fake.start();
    records = mkdtempSync(join(tmpdir(), 'flinkts-cli-promote-'));
    env = { FLINKTS_VVP_URL: fake.url, FLINKTS_VVP_TOKEN: 'vvp-token', FLINKTS_VVP_NAMESPACE: 'default', FLINKTS_BRIDGE_URL: FlinkBridgeClient.connect().bridge.url };
  }, 240_000);

  afterAll(async () => {
    await fake.stop();
    rmSync(records, { recursive: true, force: true });
  });

  it('deploy --promote manual leaves the shadow running; promote hands it the sink; a second promote has nothing to do', async () => {
    expect((await cli(['deploy', V2, ...common(), '--promote', 'manual'], env)).code).toBe(2);
    const first = await cli(['deploy', V1, ...common()], env);
    expect(first.code, first.stderr).toBe(0);
    const dry = await cli(['deploy', V2, ...common(), '--strategy', 'blue-green', '--promote', 'manual', '--dry-run'], env);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('dry run — nothing changed');
    expect(dry.stdout).toContain('blue-green: runs as dws-aggregate-shadow writing dws_sales_shadow instead of dws_sales');
    expect(fake.named('dws-aggregate-shadow')).toHaveLength(0);
    const shadow = await cli(['deploy', V2, ...common(), '--strategy', 'blue-green', '--promote', 'manual'], env);
    expect(shadow.code, shadow.stderr).toBe(0);
    expect(shadow.stdout).toMatch(/dws-aggregate shadow \(shadow run [-0-9a-f]+: flinkts promote --job dws-aggregate\)/);
    expect(fake.named('dws-aggregate-shadow')[0]?.spec.state).toBe('RUNNING');
    expect(fake.named('dws-aggregate')[0]?.spec.state).toBe('RUNNING');

    const plan = await cli(['plan', V2, '--env', 'test', '--target', 'vvp', '--records', records], env);
    expect(plan.stdout, plan.stderr).toMatch(/shadow run [-0-9a-f]+ \(RUNNING, [0-9a-f]{12}\): this build, waiting to be promoted/);

    const promoted = await cli(['promote', V2, ...common().filter((a) => a !== '--health-grace' && a !== '0'), '--json'], env);
    expect(promoted.code, promoted.stderr).toBe(0);
    expect((JSON.parse(promoted.stdout) as { jobs: { job: string; action: string; version: number }[] }).jobs).toEqual([expect.objectContaining({ job: 'dws-aggregate', action: 'update', version: 2 })]);
    expect(fake.named('dws-aggregate-shadow')[0]?.spec.state).toBe('CANCELLED');
    const [dep] = fake.named('dws-aggregate');
    expect(dep?.spec.state).toBe('RUNNING');
    expect((dep?.spec.template as { spec: { artifact: { sqlScript: string } } }).spec.artifact.sqlScript).not.toContain('dws_sales_shadow');

    const again = await cli(['promote', V2, '--env', 'test', '--target', 'vvp', '--records', records], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('FTS8110');
  }, 300_000);
});
