/**
 * `flinkts plan / deploy / rollback / savepoint` through the real bin against real Flink 1.20.1 (a throw-away
 * MiniCluster + SQL Gateway on 127.0.0.1, stopped by pid): three releases of a realtime-dw DWS-shaped job
 * (test/fixtures/pipelines/deploy-dws). v1 is created; v2 (a changed filter) is planned as safe and deployed —
 * its running count continues from the savepoint; v3 (a changed aggregate list) is refused by plan and deploy
 * before anything is touched; a rollback runs v1 again from the savepoint it stopped with.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalFlink } from '@flinkts/core/flink';
import type { LocalFlink } from '@flinkts/core/flink';
import { FlinkRestClient } from '@flinkts/pipelines';
import { runCliAsync as cli } from '../cli/run-cli.js';
import type { CliRun } from '../cli/run-cli.js';

const FIXTURE = 'test/fixtures/pipelines/deploy-dws';



/** The per-category counts the print sink wrote after log offset `from`, each with its row kind (`I` or `U`). */
function counts(flink: LocalFlink, from: number): Map<number, { kind: string; count: number }[]> {
  const out = new Map<number, { kind: string; count: number }[]>();
  for (const m of readFileSync(flink.log, 'utf8').slice(from).matchAll(/DWS> \+([IU])\[(\d+), (\d+), \d+\]/g)) {
    out.set(Number(m[2]), [...(out.get(Number(m[2])) ?? []), { kind: m[1] as string, count: Number(m[3]) }]);
  }
  return out;
}

describe('flinkts plan / deploy / rollback / savepoint on real Flink', () => {
  let flink: LocalFlink;
  let records: string;
  let env: NodeJS.ProcessEnv;
  const run = (cmd: string, version: string, ...rest: string[]): Promise<CliRun> => cli([cmd, ...(cmd === 'rollback' || cmd === 'savepoint' ? [rest.shift() as string] : []), `${FIXTURE}/${version}.config.ts`, '--env', 'test', '--records', records, ...rest], env);

  beforeAll(async () => {
    flink = await startLocalFlink();
    records = mkdtempSync(join(tmpdir(), 'flinkts-records-'));
    env = { FLINKTS_SQL_GATEWAY_URL: flink.gatewayUrl, FLINKTS_FLINK_REST_URL: flink.clusterUrl, FLINKTS_BRIDGE_URL: flink.bridgeUrl };
  }, 240_000);

  afterAll(async () => {
    await flink?.stop();
    if (records) rmSync(records, { recursive: true, force: true });
  });

  it('creates, updates with state restored, refuses an incompatible update, rolls back, and takes savepoints', async () => {
    const rest = new FlinkRestClient(flink.clusterUrl);
    const active = async () => (await rest.jobs()).filter((j) => !["FINISHED", "CANCELED", "FAILED"].includes(j.state)).map((j) => ({ jid: j.jid, name: j.name, state: j.state }));

    const plan1 = await run('plan', 'v1');
    expect(plan1.code).toBe(0);
    expect(plan1.stdout).toMatch(/dws-aggregate: create \([0-9a-f]{12}\)/);

    const d1 = await run('deploy', 'v1', '--json');
    expect(d1.code, d1.stderr).toBe(0);
    expect(JSON.parse(d1.stdout).jobs).toEqual([expect.objectContaining({ job: 'dws-aggregate', action: 'create', version: 1 })]);
    expect(d1.stderr).toContain('checkpoints');
    // idempotent: a rerun finds the version running and starts nothing
    const again = await run('deploy', 'v1', '--json');
    expect(JSON.parse(again.stdout).jobs[0].action).toBe('unchanged');
    expect(await active()).toHaveLength(1);

    const plan2 = await run('plan', 'v2');
    expect(plan2.code).toBe(0);
    expect(plan2.stdout).toContain('dws-aggregate: update version 1');
    expect(plan2.stdout).toContain('- INSERT INTO `dws_sales`');
    expect(plan2.stdout).toContain('WHERE `o`.`amount` >= 1');
    expect(plan2.stdout).toContain('state: safe');

    const mark = readFileSync(flink.log, 'utf8').length;
    const before = counts(flink, 0);
    const d2 = await run('deploy', 'v2', '--json');
    expect(d2.code, d2.stderr).toBe(0);
    const o2 = JSON.parse(d2.stdout).jobs[0] as { action: string; version: number; jobId: string; restoredFrom: string; savepoint: string };
    expect(o2).toMatchObject({ action: 'update', version: 2 });
    expect(o2.restoredFrom).toBe(o2.savepoint);
    expect((await rest.checkpoints(o2.jobId)).restoredFrom).toBe(o2.savepoint);
    const after = counts(flink, mark);
    expect(after.size).toBeGreaterThan(0);
    // What v1 printed after the mark and what v2 prints share the log. A job whose state was restored updates its
    // categories (+U), never inserts them (+I) afresh, and its counts run on from v1's without a gap. The print
    // sink is at-least-once: a failover of v1 under load replays counts from its last checkpoint, so a step back
    // is allowed — a step forward past the highest count seen, or a count starting again at 1, is not.
    for (const [category, seq] of after) {
      const seen = before.get(category);
      expect(seen, `category ${category} appeared only after v1 was stopped`).toBeDefined();
      let highest = (seen as { count: number }[]).at(-1)?.count ?? 0;
      for (const { kind, count } of seq) {
        expect({ category, kind }).toEqual({ category, kind: 'U' });
        expect(count, `category ${category}: ${count} after ${highest}`).toBeLessThanOrEqual(highest + 1);
        expect(count, `category ${category} restarted its count`).toBeGreaterThan(1);
        highest = Math.max(highest, count);
      }
    }

    const plan3 = await run('plan', 'v3');
    expect(plan3.code).toBe(1);
    expect(plan3.stdout).toContain('state: restore fails');
    expect(plan3.stdout).toMatch(/group-aggregate \d+ feeding default_catalog\.default_database\.dws_sales: aggregates changed from \[COUNT\(\), SUM\(\$f\d\)\] to \[COUNT\(\), MAX\(\$f\d\)\]/);
    const jobsBefore = await active();
    const d3 = await run('deploy', 'v3');
    expect(d3.code).toBe(1);
    expect(d3.stderr).toContain('error FTS8103');
    expect(d3.stderr).toContain('nothing was changed');
    expect(await active()).toEqual(jobsBefore);

    const back = await run('rollback', 'v3', 'dws-aggregate', '--to', '1', '--json');
    expect(back.code, back.stderr).toBe(0);
    const rb = JSON.parse(back.stdout) as { action: string; version: number; jobId: string; restoredFrom: string };
    expect(rb).toMatchObject({ action: 'rolled-back', version: 1 });
    expect((await rest.checkpoints(rb.jobId)).restoredFrom).toBe(rb.restoredFrom);
    // the savepoint v1 stopped with (its own state), not v2's
    expect(rb.restoredFrom).toBe(JSON.parse((await run('savepoint', 'v3', 'dws-aggregate', '--list', '--json')).stdout).savepoints[0].path);
    expect((await active()).map((j) => j.name)).toEqual([expect.stringMatching(/^dws-aggregate \[[0-9a-f]{12}\]$/)]);

    const sp = await run('savepoint', 'v1', 'dws-aggregate', '--json');
    expect(sp.code, sp.stderr).toBe(0);
    expect(JSON.parse(sp.stdout).savepoint).toMatchObject({ kind: 'trigger', version: 1 });
    const listed = JSON.parse((await run('savepoint', 'v1', 'dws-aggregate', '--list', '--json')).stdout).savepoints as { kind: string }[];
    expect(listed.map((s) => s.kind)).toEqual(['stop', 'stop', 'trigger']);
    const pruned = await run('savepoint', 'v1', 'dws-aggregate', '--prune', '--keep', '0', '--json');
    // v2's stop savepoint is what a rollback to v2 restores from: kept; v1 runs again, so its old stop savepoint
    // and the triggered one go
    expect(JSON.parse(pruned.stdout).deleted.map((s: { kind: string; version: number }) => `${s.kind} v${s.version}`).sort()).toEqual(['stop v1', 'trigger v1']);
    const left = JSON.parse((await run('savepoint', 'v1', 'dws-aggregate', '--list', '--json')).stdout).savepoints as { kind: string; version: number; path: string }[];
    expect(left.map((s) => `${s.kind} v${s.version}`)).toEqual(['stop v2']);
  }, 600_000);
});
