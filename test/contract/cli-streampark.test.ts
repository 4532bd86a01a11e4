/**
 * One command ships the realtime-dw pipeline's five jobs to StreamPark (the contract fake) in dependency order:
 * `flinkts deploy examples/realtime-dw --env test --target streampark`, credentials from the environment only;
 * then `plan` says every job is unchanged, and nothing of the password shows in any output or record.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlinkBridgeClient } from '@flinkts/core/flink';
import { StreamparkFake } from './streampark-fake.js';
import { runCliAsync as cli } from '../cli/run-cli.js';

const PASSWORD = 'S3cret-pw-7781';


describe('flinkts deploy --target streampark (contract fake)', () => {
  const fake = new StreamparkFake({ deployer: PASSWORD });
  let records: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    await fake.start();
    records = mkdtempSync(join(tmpdir(), 'flinkts-cli-sp-'));
    env = {
      FLINKTS_STREAMPARK_URL: fake.url, FLINKTS_STREAMPARK_USERNAME: 'deployer', FLINKTS_STREAMPARK_PASSWORD: PASSWORD, FLINKTS_STREAMPARK_VERSION_ID: '100000', FLINKTS_STREAMPARK_ALERT_ID: '100001',
      FLINKTS_BRIDGE_URL: FlinkBridgeClient.connect().bridge.url,
    };
  }, 240_000);

  afterAll(async () => {
    await fake.stop();
    rmSync(records, { recursive: true, force: true });
  });

  it('deploys the five jobs upstream first in one command; a rerun plans nothing', async () => {
    const args = ['examples/realtime-dw', '--env', 'test', '--target', 'streampark', '--records', records];
    const r = await cli(['deploy', ...args, '--health-grace', '0', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const jobs = (JSON.parse(r.stdout) as { jobs: { job: string; action: string }[] }).jobs;
    expect(jobs.map((j) => `${j.job} ${j.action}`)).toEqual(['rt-dw-cdc-ingestion create', 'rt-dw-ods-processing create', 'rt-dw-dwd-transform create', 'rt-dw-dws-aggregate create', 'rt-dw-monitor create']);
    expect([...fake.apps.values()].sort((a, b) => a.id - b.id).map((a) => `${a.jobName} ${a.state}`)).toEqual(jobs.map((j) => `${j.job} 5`));
    expect(r.stderr).toMatch(/\[1\/5\] rt-dw-cdc-ingestion: create/);

    const plan = await cli(['plan', ...args], env);
    expect(plan.code).toBe(0);
    expect(plan.stdout.split('\n').filter((l) => l.startsWith('rt-dw-')).every((l) => l.includes(': unchanged'))).toBe(true);

    const written = readdirSync(join(records, 'realtime-dw', 'test', 'streampark')).map((f) => readFileSync(join(records, 'realtime-dw', 'test', 'streampark', f), 'utf8'));
    for (const text of [r.stdout, r.stderr, plan.stdout, plan.stderr, ...written]) expect(text).not.toContain(PASSWORD);
  }, 300_000);
});
