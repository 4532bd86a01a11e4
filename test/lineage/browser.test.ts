/**
 * The lineage page and the Mermaid output in a real browser (headless Debian Chromium through playwright-core):
 * the page opens from a file with no network, clicking a column highlights exactly its upstream and downstream
 * paths (screenshot in test-output/lineage/), and every Mermaid diagram renders with mermaid from node_modules.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PipelineLineage } from '@flinkts/core';
import { pipelineLineage } from '@flinkts/pipelines';
import { downstreamOf, jobGraphMermaid, lineageHtml, lineageMermaid, tableLineage, upstreamOf, wholeLineage } from '@flinkts/pipelines/internal';
import realtimeDw from '../../examples/realtime-dw/flinkts.config.js';
import wrongbook from '../../examples/wrongbook/flinkts.config.js';
import { REALTIME_DW, WRONGBOOK } from '../../packages/pipelines/test/lineage-formats/fixtures.js';
import type { Chromium } from '../support/chromium.js';
import { launchChromium } from '../support/chromium.js';

const OUT = fileURLToPath(new URL('../../test-output/lineage/', import.meta.url));
const MERMAID = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');

let chromium: Chromium;
beforeAll(async () => {
  chromium = await launchChromium();
  mkdirSync(OUT, { recursive: true });
}, 600_000);
afterAll(async () => {
  await chromium?.close();
});

async function openPage(lineage: PipelineLineage, name: string) {
  const dir = mkdtempSync(join(tmpdir(), 'flinkts-lineage-html-'));
  const file = join(dir, `${name}.html`);
  writeFileSync(file, lineageHtml(wholeLineage(lineage)));
  const page = await chromium.browser.newPage({ viewport: { width: 1800, height: 1000 } });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) requests.push(r.url());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(pathToFileURL(file).href);
  return { page, requests, errors };
}

const marked = (page: import('playwright-core').Page, cls: string) =>
  page.$$eval(`.col.${cls}`, (els) => els.map((e) => e.getAttribute('data-col')!.split('.').slice(-1)[0]!).sort());

describe('lineage page in Chromium', () => {
  test('clicking a DWS column highlights its upstream path to the MySQL source and its downstream sink', async () => {
    const { page, requests, errors } = await openPage(REALTIME_DW, 'realtime-dw');
    expect(await page.$$eval('.lane', (els) => els.map((e) => e.getAttribute('data-lane')))).toEqual(['source', 'ods', 'dim', 'dwd', 'dws', 'ads']);
    // Lanes run left to right: every table lies inside its lane's band.
    const lanesOk = await page.$$eval('.lane', (lanes) =>
      lanes.every((lane, i) => i === 0 || lane.getBoundingClientRect().left >= lanes[i - 1]!.getBoundingClientRect().right - 1),
    );
    expect(lanesOk).toBe(true);
    await page.click('.col[data-col="paimon_catalog.dws.dws_sales_daily#paid_amount"]');
    expect(await marked(page, 'focus')).toEqual(['dws_sales_daily#paid_amount']);
    expect(await marked(page, 'down')).toEqual(['ads_sales_daily#paid_amount']);
    const up = await marked(page, 'up');
    expect(up).toEqual(
      [
        'dwd_order_detail#amount', 'dwd_order_detail#is_paid', 'dwd_order_detail#order_date', 'dwd_order_detail#category',
        'ods_orders#amount', 'ods_orders#order_status', 'ods_orders#created_at', 'ods_orders#product_id', 'ods_orders#user_id',
        'dim_products#product_id', 'dim_products#category', 'dim_users#user_id',
        'ods_products#product_id', 'ods_products#category', 'ods_users#user_id',
        'mysql_orders#amount', 'mysql_orders#order_status', 'mysql_orders#created_at', 'mysql_orders#product_id', 'mysql_orders#user_id',
        'mysql_products#product_id', 'mysql_products#category', 'mysql_users#user_id',
      ].sort(),
    );
    expect(await page.$$eval('.edge.down', (els) => els.length)).toBe(1);
    expect(await page.$$eval('.edge.up', (els) => els.length)).toBeGreaterThanOrEqual(up.length);
    expect(await page.textContent('#details')).toContain('← paimon_catalog.dwd.dwd_order_detail.amount  AGGREGATION SUM(');
    await page.screenshot({ path: join(OUT, 'realtime-dw-paid-amount.png'), fullPage: true });
    // Clicking the background clears the highlight.
    await page.click('#lineage', { position: { x: 2, y: 2 } });
    expect(await page.$$eval('.col.up, .col.down, .col.focus', (els) => els.length)).toBe(0);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("seed 001: clicking the payload highlights the columns extracted from it; a filter column reaches every column", async () => {
    const { page, errors } = await openPage(WRONGBOOK, 'wrongbook');
    await page.click('.col[data-col="aliyun_catalog.dwd.wrongbook_events#payload"]');
    expect(await marked(page, 'down')).toEqual(['dwd_wrong_record_wide_delta#collect_time', 'dwd_wrong_record_wide_delta#pattern_id', 'dwd_wrong_record_wide_delta#question_id', 'dwd_wrong_record_wide_delta#subject', 'dwd_wrong_record_wide_delta#subject_name', 'dwd_wrong_record_wide_delta#user_id']);
    await page.click('.col[data-col="aliyun_catalog.dwd.wrongbook_events#domain"]');
    expect(await marked(page, 'down')).toHaveLength(19);
    await page.screenshot({ path: join(OUT, 'wrongbook-domain.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** The little of the DOM that `drawing` uses (the tests compile without the DOM library). */
interface DomBox {
  getBoundingClientRect(): { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
}
interface DomElement extends DomBox {
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement;
}
interface DomPath {
  getScreenCTM(): unknown;
  getTotalLength(): number;
  getPointAtLength(at: number): { matrixTransform(m: unknown): { readonly x: number; readonly y: number } };
}
interface Dom {
  querySelectorAll<T = DomElement>(selector: string): Iterable<T>;
  getElementById(id: string): DomBox;
}

/** What Chromium draws: boxes of tables and lanes, and points sampled along every edge (every 10 px). */
async function drawing(page: import('playwright-core').Page) {
  return page.evaluate(() => {
    const document = (globalThis as unknown as { document: Dom }).document;
    const rect = (el: DomBox) => {
      const r = el.getBoundingClientRect();
      return { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
    };
    const tables = [...document.querySelectorAll('.table')].map((g) => ({ name: g.getAttribute('data-table')!, ...rect(g.querySelector('.box')) }));
    const lanes = [...document.querySelectorAll('.lane')].map((g) => ({ name: g.getAttribute('data-lane')!, ...rect(g.querySelector('rect')) }));
    const edges = [...document.querySelectorAll<DomPath>('.edge')].map((path) => {
      const m = path.getScreenCTM();
      const length = path.getTotalLength();
      const points: { x: number; y: number }[] = [];
      for (let at = 0; at <= length; at += 10) {
        const p = path.getPointAtLength(at).matrixTransform(m);
        points.push({ x: p.x, y: p.y });
      }
      return points;
    });
    return { tables, lanes, edges, svg: rect(document.getElementById('lineage')) };
  });
}

describe('the drawing of the lineage page in Chromium', () => {
  test.each([
    ['realtime-dw', () => pipelineLineage(realtimeDw, 'prod')],
    ['wrongbook', () => pipelineLineage(wrongbook, 'prod')],
  ])('%s: tables inside their lanes, none overlapping, no edge through a table', async (name, lineage) => {
    const { page, errors } = await openPage(lineage(), `${name}-drawing`);
    const { tables, lanes, edges, svg } = await drawing(page);
    expect(tables.length).toBeGreaterThan(3);
    const problems: string[] = [];
    for (const [i, a] of tables.entries()) {
      if (!(a.x0 >= svg.x0 && a.x1 <= svg.x1 && a.y0 >= svg.y0 && a.y1 <= svg.y1)) problems.push(`${a.name} outside the picture`);
      if (lanes.filter((l) => a.x0 >= l.x0 && a.x1 <= l.x1 && a.y0 >= l.y0 && a.y1 <= l.y1).length !== 1) problems.push(`${a.name} not inside one lane`);
      for (const b of tables.slice(i + 1)) if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) problems.push(`${a.name} overlaps ${b.name}`);
    }
    expect(edges.length).toBeGreaterThan(10);
    for (const [k, points] of edges.entries()) {
      const p = points.find((q) => tables.some((t) => q.x > t.x0 + 1 && q.x < t.x1 - 1 && q.y > t.y0 + 1 && q.y < t.y1 - 1));
      if (p !== undefined) problems.push(`edge ${k} runs through a table at ${p.x.toFixed(0)},${p.y.toFixed(0)}`);
    }
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('lineage page of the examples (the producer end to end) in Chromium', () => {
  test('realtime-dw prod: a StarRocks column leads back through every layer to MySQL', async () => {
    const { page, requests, errors } = await openPage(pipelineLineage(realtimeDw, 'prod'), 'realtime-dw-produced');
    expect(await page.$$eval('.lane', (els) => els.map((e) => e.getAttribute('data-lane')))).toEqual(['source', 'ods', 'dim', 'dwd', 'dws', 'ads', 'sink']);
    await page.click('.col[data-col="default_catalog.default_database.ads_sales_daily#paid_amount"]');
    const up = await marked(page, 'up');
    for (const c of ['dws_sales_daily#paid_amount', 'dwd_order_detail#amount', 'dwd_order_detail#is_paid', 'ods_orders#amount', 'ods_orders#order_status', 'mysql_orders#amount', 'mysql_orders#order_status']) expect(up).toContain(c);
    expect(await marked(page, 'down')).toEqual([]);
    await page.screenshot({ path: join(OUT, 'realtime-dw-produced-ads-paid-amount.png'), fullPage: true });
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Mermaid output renders with mermaid in Chromium', () => {
  test('every diagram kind of both examples renders without errors', async () => {
    const page = await chromium.browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: MERMAID });
    const diagrams: Record<string, string> = {
      'realtime-dw': lineageMermaid(wholeLineage(REALTIME_DW)),
      'realtime-dw-jobs': jobGraphMermaid(wholeLineage(REALTIME_DW)),
      'realtime-dw-upstream': lineageMermaid(upstreamOf(REALTIME_DW, { table: 'paimon_catalog.dws.dws_sales_daily', column: 'paid_amount' })),
      'realtime-dw-impact': lineageMermaid(downstreamOf(REALTIME_DW, { table: 'paimon_catalog.ods.ods_orders', column: 'amount' })),
      'realtime-dw-table': lineageMermaid(tableLineage(REALTIME_DW, 'paimon_catalog.dwd.dwd_order_detail')),
      'realtime-dw-produced': lineageMermaid(wholeLineage(pipelineLineage(realtimeDw, 'prod'))),
      'wrongbook-produced': lineageMermaid(wholeLineage(pipelineLineage(wrongbook, 'prod'))),
      'wrongbook-produced-upstream': lineageMermaid(upstreamOf(pipelineLineage(wrongbook, 'prod'), { table: 'aliyun_catalog.dwd.dwd_wrong_record_wide_delta', column: 'collect_time' })),
      'wrongbook-upstream': lineageMermaid(upstreamOf(WRONGBOOK, { table: 'aliyun_catalog.dwd.dwd_wrong_record_wide_delta', column: 'collect_time' })),
    };
    for (const [name, source] of Object.entries(diagrams)) {
      const result = await page.evaluate(async ([id, text]) => {
        const m = (globalThis as unknown as { mermaid: { initialize(c: object): void; render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
        m.initialize({ startOnLoad: false, securityLevel: 'strict' });
        try {
          const { svg } = await m.render(id, text);
          return { svg };
        } catch (e) {
          return { error: String((e as Error).message ?? e) };
        }
      }, [name.replace(/[^a-z]/g, ''), source] as const);
      expect(result, `${name}:\n${source}`).not.toHaveProperty('error');
      expect(result.svg).toContain('<svg');
      expect(result.svg).not.toContain('Syntax error');
      writeFileSync(join(OUT, `${name}.svg`), result.svg!);
    }
    await page.close();
  });
});
