/**
 * `flinkts lineage` through the real bin, on lineage files written with --format json: queries, formats, name
 * diagnostics with did-you-mean hints, exit codes, and POSTing OpenLineage events to a local endpoint.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { lineageJson, wholeLineage } from '@flinkts/pipelines/internal';
import { REALTIME_DW, WRONGBOOK } from '../../packages/pipelines/test/lineage-formats/fixtures.js';
import { runCli } from './run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'flinkts-lineage-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const DW = join(tmp, 'realtime-dw.json');
const WB = join(tmp, 'wrongbook.json');
writeFileSync(DW, lineageJson(wholeLineage(REALTIME_DW)));
writeFileSync(WB, lineageJson(wholeLineage(WRONGBOOK)));

describe('flinkts lineage --from', () => {
  test('--column prints the upstream tree; --impact lists what changes, as text and JSON', () => {
    const up = runCli(['lineage', '--from', WB, '--column', 'dwd_wrong_record_wide_delta.id']);
    expect(up.code).toBe(0);
    expect(up.stdout).toContain('├─ aliyun_catalog.dwd.wrongbook_events.eventId  ← TRANSFORMATION CAST(HASH_CODE(`w`.`eventId`) AS BIGINT) · wrongbook-wide-table');
    const impact = runCli(['lineage', '--from', DW, '--impact', 'ods.ods_orders.amount', '--format', 'json']);
    expect(impact.code).toBe(0);
    const json = JSON.parse(impact.stdout) as { impact: { jobs: string[]; tables: string[] } };
    expect(json.impact.jobs).toEqual(['rt-dw-dwd-transform', 'rt-dw-dws-aggregate']);
    expect(json.impact.tables).toContain('default_catalog.default_database.ads_sales_daily');
  });

  test('--table, --job and --jobs; Mermaid and HTML to a file', () => {
    expect(runCli(['lineage', '--from', DW, '--table', 'dim_users']).stdout).toContain('written by: rt-dw-ods-processing');
    expect(runCli(['lineage', '--from', DW, '--job', 'rt-dw-dwd-transform']).stdout).toContain('job rt-dw-dwd-transform');
    expect(runCli(['lineage', '--from', DW, '--jobs']).stdout).toContain('rt-dw-cdc-ingestion → rt-dw-dwd-transform  (paimon_catalog.ods.ods_orders)');
    expect(runCli(['lineage', '--from', DW, '--jobs', '--format', 'mermaid']).stdout).toMatch(/^flowchart LR\n/);
    const html = join(tmp, 'page', 'lineage.html');
    const r = runCli(['lineage', '--from', DW, '--format', 'html', '--out', html]);
    expect(r.code).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('data-col="paimon_catalog.dws.dws_sales_daily#paid_amount"');
  });

  test('unknown names are diagnostics with their code and a did-you-mean hint (exit 1); bad flags exit 2', () => {
    const r = runCli(['lineage', '--from', DW, '--column', 'dws.dws_sales_dayly.paid_amount']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error FTS8070: pipeline realtime-dw (prod) has no table');
    expect(r.stderr).toContain("hint: did you mean 'dws.dws_sales_daily.paid_amount'?");
    const job = runCli(['lineage', '--from', DW, '--job', 'rt-dw-dwd-transfrom']);
    expect(job.stderr).toContain("error FTS8073: pipeline realtime-dw has no job 'rt-dw-dwd-transfrom'");
    expect(runCli(['lineage', '--from', DW, '--format', 'svg']).code).toBe(2);
    expect(runCli(['lineage', '--from', DW, '--column', 'a.b', '--impact', 'a.b']).code).toBe(2);
    writeFileSync(join(tmp, 'bad.json'), '{"format":"other"}');
    const bad = runCli(['lineage', '--from', join(tmp, 'bad.json')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('error FTS8074');
  });

  test('--openlineage-url POSTs one event per job, retrying a failed attempt; the key stays in the header', async () => {
    const bodies: string[] = [];
    const auth: string[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        bodies.push(Buffer.concat(chunks).toString('utf8'));
        auth.push(req.headers.authorization ?? '');
        res.statusCode = bodies.length === 1 ? 503 : 200;
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/lineage`;
    // The server runs in this process: the CLI must run asynchronously.
    const bin = fileURLToPath(new URL('../../bin/flinkts.js', import.meta.url));
    const child = spawn(process.execPath, [bin, 'lineage', '--from', DW, '--format', 'openlineage', '--openlineage-url', url, '--openlineage-api-key-env', 'OL_KEY'], {
      env: { ...process.env, OL_KEY: 'sekret-key', SOURCE_DATE_EPOCH: '1765000000' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((r) => child.on('close', r));
    server.close();
    expect({ code, stderr }).toEqual({ code: 0, stderr: `posted 4 OpenLineage events to ${url}\n` });
    expect(bodies).toHaveLength(5);
    expect(bodies.slice(1)).toEqual(stdout.trimEnd().split('\n'));
    expect(JSON.parse(bodies[1]!)).toMatchObject({ eventType: 'COMPLETE', eventTime: '2025-12-06T05:46:40.000Z', producer: 'urn:flinkts:0.1.0', job: { name: 'rt-dw-cdc-ingestion' } });
    expect(auth.every((a) => a === 'Bearer sekret-key')).toBe(true);
    expect(bodies.join('')).not.toContain('sekret-key');
  });
});
