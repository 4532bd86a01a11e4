/**
 * Lineage queries and the text, JSON and Mermaid formats over the hand-built lineage of both examples.
 */
import { describe, expect, test } from 'vitest';
import { downstreamOf, findLineageColumn, findLineageJob, findLineageTable, impactOf, jobGraph, jobGraphMermaid, jobGraphText, lineageJson, lineageMermaid, lineageText, readLineageJson, tableLineage, upstreamOf, wholeLineage } from '@flinkts/pipelines/internal';
import { REALTIME_DW, WRONGBOOK } from './fixtures.js';

const column = (name: string) => {
  const r = findLineageColumn(REALTIME_DW, name, '--column');
  if (!r.ok) throw new Error(r.diagnostic.message);
  return r.value;
};

describe('names', () => {
  test('a table is found by its catalog path or its last parts', () => {
    expect(column('dws.dws_sales_daily.paid_amount')).toEqual({ table: 'paimon_catalog.dws.dws_sales_daily', column: 'paid_amount' });
    expect(column('paimon_catalog.ods.ods_orders.amount')).toEqual({ table: 'paimon_catalog.ods.ods_orders', column: 'amount' });
    expect(column('mysql_orders.amount').table).toBe('default_catalog.default_database.mysql_orders');
  });

  test('unknown tables, columns and jobs are diagnostics with registered codes and did-you-mean hints', () => {
    const t = findLineageColumn(REALTIME_DW, 'ods.ods_order.amount', '--impact');
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.diagnostic).toMatchObject({ code: 'FTS8070', severity: 'error', path: '--impact', hint: "did you mean 'ods.ods_orders.amount'?" });
    const c = findLineageColumn(REALTIME_DW, 'ods.ods_orders.amount_', '--column');
    if (!c.ok) expect(c.diagnostic).toMatchObject({ code: 'FTS8071', message: "table paimon_catalog.ods.ods_orders has no column 'amount_'", hint: "did you mean 'amount'?" });
    else expect.fail('found a column that does not exist');
    const bare = findLineageColumn(REALTIME_DW, 'amount', '--column');
    expect(bare.ok ? undefined : bare.diagnostic.code).toBe('FTS8071');
    const j = findLineageJob(REALTIME_DW, 'rt-dw-dws-agregate', '--job');
    expect(j.ok ? undefined : j.diagnostic).toMatchObject({ code: 'FTS8073', hint: "did you mean 'rt-dw-dws-aggregate'?" });
  });

  test('a name that fits several tables is ambiguous, and the diagnostic lists them', () => {
    const r = findLineageTable(REALTIME_DW, 'category', '--table');
    expect(r.ok ? undefined : r.diagnostic.code).toBe('FTS8070');
    const twin = { ...REALTIME_DW, tables: [...REALTIME_DW.tables, { ...REALTIME_DW.tables[3]!, name: 'other_catalog.ods.ods_orders' }] };
    const a = findLineageTable(twin, 'ods.ods_orders', '--table');
    expect(a.ok ? undefined : a.diagnostic).toMatchObject({ code: 'FTS8072', message: expect.stringContaining('paimon_catalog.ods.ods_orders, other_catalog.ods.ods_orders') });
  });
});

describe('queries', () => {
  test('upstream of a DWS column follows it back through DWD and ODS to the MySQL source', () => {
    const v = upstreamOf(REALTIME_DW, column('dws.dws_sales_daily.paid_amount'));
    const edges = v.lineage.edges.map((e) => `${e.from.table.split('.').at(-1)}.${e.from.column} -${e.subtype}-> ${e.to.table.split('.').at(-1)}.${e.to.column ?? '*'}`);
    // The exact set: the paid amount's own path, the row filters/keys of the tables it passes, and their sources.
    expect(new Set(edges)).toEqual(
      new Set([
        'dwd_order_detail.amount -AGGREGATION-> dws_sales_daily.paid_amount',
        'dwd_order_detail.is_paid -CONDITIONAL-> dws_sales_daily.paid_amount',
        'dwd_order_detail.order_date -GROUP_BY-> dws_sales_daily.*',
        'dwd_order_detail.category -GROUP_BY-> dws_sales_daily.*',
        'ods_orders.amount -IDENTITY-> dwd_order_detail.amount',
        'ods_orders.order_status -TRANSFORMATION-> dwd_order_detail.is_paid',
        'ods_orders.created_at -TRANSFORMATION-> dwd_order_detail.order_date',
        'ods_orders.product_id -JOIN-> dwd_order_detail.*',
        'dim_products.product_id -JOIN-> dwd_order_detail.*',
        'ods_orders.user_id -JOIN-> dwd_order_detail.*',
        'dim_users.user_id -JOIN-> dwd_order_detail.*',
        'dim_products.category -TRANSFORMATION-> dwd_order_detail.category',
        'ods_products.category -TRANSFORMATION-> dim_products.category',
        'ods_products.product_id -IDENTITY-> dim_products.product_id',
        'ods_users.user_id -IDENTITY-> dim_users.user_id',
        'mysql_orders.amount -IDENTITY-> ods_orders.amount',
        'mysql_orders.order_status -IDENTITY-> ods_orders.order_status',
        'mysql_orders.created_at -IDENTITY-> ods_orders.created_at',
        'mysql_orders.product_id -IDENTITY-> ods_orders.product_id',
        'mysql_orders.user_id -IDENTITY-> ods_orders.user_id',
        'mysql_products.category -IDENTITY-> ods_products.category',
        'mysql_products.product_id -IDENTITY-> ods_products.product_id',
        'mysql_users.user_id -IDENTITY-> ods_users.user_id',
      ]),
    );
    expect(v.lineage.jobs.map((j) => j.name)).toEqual(['rt-dw-cdc-ingestion', 'rt-dw-ods-processing', 'rt-dw-dwd-transform', 'rt-dw-dws-aggregate']);
    expect(v.lineage.tables.map((t) => t.name)).not.toContain('default_catalog.default_database.ads_sales_daily');
  });

  test('impact of an ODS column: the jobs, tables and columns that change with it', () => {
    const impact = impactOf(REALTIME_DW, column('ods.ods_orders.amount'));
    expect(impact.jobs).toEqual(['rt-dw-dwd-transform', 'rt-dw-dws-aggregate']);
    expect(impact.tables).toEqual(['paimon_catalog.dwd.dwd_order_detail', 'paimon_catalog.dws.dws_sales_daily', 'default_catalog.default_database.ads_sales_daily']);
    expect(impact.columns.map((c) => `${c.table.split('.').at(-1)}.${c.column}`)).toEqual(['dwd_order_detail.amount', 'dws_sales_daily.paid_amount', 'ads_sales_daily.paid_amount']);
  });

  test('a join key changes every column of the table it joins into, and everything downstream of them', () => {
    const impact = impactOf(REALTIME_DW, column('dim.dim_users.user_id'));
    expect(impact.columns.filter((c) => c.table === 'paimon_catalog.dwd.dwd_order_detail')).toHaveLength(12);
    expect(impact.tables).toEqual(['paimon_catalog.dwd.dwd_order_detail', 'paimon_catalog.dws.dws_sales_daily', 'default_catalog.default_database.ads_sales_daily']);
  });

  test("seed 001: collect_time comes from payload through JSON_VALUE and TO_TIMESTAMP_LTZ, id from eventId through HASH_CODE, rows filtered by domain and type", () => {
    const ref = findLineageColumn(WRONGBOOK, 'dwd_wrong_record_wide_delta.collect_time', '--column');
    if (!ref.ok) throw new Error(ref.diagnostic.message);
    const text = lineageText(upstreamOf(WRONGBOOK, ref.value));
    expect(text).toBe(
      [
        'Lineage of pipeline wrongbook (prod): upstream of aliyun_catalog.dwd.dwd_wrong_record_wide_delta.collect_time',
        '',
        'aliyun_catalog.dwd.dwd_wrong_record_wide_delta.collect_time',
        "├─ aliyun_catalog.dwd.wrongbook_events.payload  ← TRANSFORMATION TO_TIMESTAMP_LTZ(CAST(JSON_VALUE(`e`.`payload`, '$.wrongTime') AS BIGINT), 3) · wrongbook-wide-table",
        "├─ aliyun_catalog.dwd.wrongbook_events.domain  ← FILTER `e`.`domain` = 'wrongbook' · wrongbook-wide-table (whole table)",
        "└─ aliyun_catalog.dwd.wrongbook_events.type  ← FILTER `e`.`type` = 'wrongbook_add' · wrongbook-wide-table (whole table)",
        '',
      ].join('\n'),
    );
  });

  test('table lineage and the job graph', () => {
    const v = tableLineage(REALTIME_DW, 'paimon_catalog.dwd.dwd_order_detail');
    expect(v.lineage.tables.map((t) => t.name.split('.').at(-1))).toEqual(['mysql_orders', 'mysql_users', 'mysql_products', 'ods_orders', 'ods_users', 'ods_products', 'dim_users', 'dim_products', 'dwd_order_detail', 'dws_sales_daily', 'ads_sales_daily']);
    expect(jobGraph(REALTIME_DW)).toEqual([
      { from: 'rt-dw-cdc-ingestion', to: 'rt-dw-ods-processing', tables: ['paimon_catalog.ods.ods_users', 'paimon_catalog.ods.ods_products'] },
      { from: 'rt-dw-cdc-ingestion', to: 'rt-dw-dwd-transform', tables: ['paimon_catalog.ods.ods_orders'] },
      { from: 'rt-dw-ods-processing', to: 'rt-dw-dwd-transform', tables: ['paimon_catalog.dim.dim_users', 'paimon_catalog.dim.dim_products'] },
      { from: 'rt-dw-dwd-transform', to: 'rt-dw-dws-aggregate', tables: ['paimon_catalog.dwd.dwd_order_detail'] },
    ]);
    expect(jobGraphText(wholeLineage(REALTIME_DW))).toContain('rt-dw-dwd-transform → rt-dw-dws-aggregate  (paimon_catalog.dwd.dwd_order_detail)');
  });
});

describe('formats', () => {
  test('the downstream tree names every edge with its kind, expression and job', () => {
    const text = lineageText(downstreamOf(REALTIME_DW, column('ods.ods_orders.amount')));
    expect(text).toBe(
      [
        'Lineage of pipeline realtime-dw (prod): downstream of paimon_catalog.ods.ods_orders.amount',
        '',
        'paimon_catalog.ods.ods_orders.amount',
        '└─ paimon_catalog.dwd.dwd_order_detail.amount  ← IDENTITY · rt-dw-dwd-transform',
        '   └─ paimon_catalog.dws.dws_sales_daily.paid_amount  ← AGGREGATION SUM(CASE WHEN `d`.`is_paid` THEN `d`.`amount` ELSE 0 END) · rt-dw-dws-aggregate',
        '      └─ default_catalog.default_database.ads_sales_daily.paid_amount  ← IDENTITY · rt-dw-dws-aggregate',
        '',
        'Impact: 2 jobs, 3 tables, 3 columns',
        '  jobs:    rt-dw-dwd-transform, rt-dw-dws-aggregate',
        '  tables:  paimon_catalog.dwd.dwd_order_detail, paimon_catalog.dws.dws_sales_daily, default_catalog.default_database.ads_sales_daily',
        '  columns: paimon_catalog.dwd.dwd_order_detail.amount, paimon_catalog.dws.dws_sales_daily.paid_amount, default_catalog.default_database.ads_sales_daily.paid_amount',
        '',
      ].join('\n'),
    );
  });

  test('JSON is deterministic and reads back to the same lineage', () => {
    const a = lineageJson(wholeLineage(REALTIME_DW));
    expect(lineageJson(wholeLineage(structuredClone(REALTIME_DW)))).toBe(a);
    const back = readLineageJson(a, 'lineage.json');
    expect(back.diagnostics).toEqual([]);
    expect(back.lineage).toEqual(REALTIME_DW);
    const impact = JSON.parse(lineageJson(downstreamOf(REALTIME_DW, column('ods.ods_orders.amount')))) as { impact: { jobs: string[] } };
    expect(impact.impact.jobs).toEqual(['rt-dw-dwd-transform', 'rt-dw-dws-aggregate']);
  });

  test('a file that is not lineage JSON is a diagnostic naming the field', () => {
    expect(readLineageJson('{', 'x.json').diagnostics[0]).toMatchObject({ code: 'FTS8074', file: 'x.json' });
    const bad = JSON.parse(lineageJson(wholeLineage(WRONGBOOK))) as { edges: { subtype: string }[] };
    bad.edges[0]!.subtype = 'COPY';
    expect(readLineageJson(JSON.stringify(bad), 'x.json').diagnostics[0]).toMatchObject({ code: 'FTS8074', path: 'edges.0.subtype' });
    const dangling = JSON.parse(lineageJson(wholeLineage(WRONGBOOK))) as { edges: { from: { column: string } }[] };
    dangling.edges[1]!.from.column = 'eventID';
    expect(readLineageJson(JSON.stringify(dangling), 'x.json').diagnostics).toEqual([
      expect.objectContaining({ code: 'FTS8074', path: 'edges.1.from', message: 'x.json is not consistent lineage: table aliyun_catalog.dwd.wrongbook_events has no column eventID' }),
    ]);
  });

  test('Mermaid: layers as lanes for the pipeline, columns for a query, generated ids and escaped labels', () => {
    const all = lineageMermaid(wholeLineage(REALTIME_DW));
    expect(all.split('\n').filter((l) => l.includes('subgraph')).map((l) => l.trim())).toEqual([
      'subgraph lane0 ["source"]',
      'subgraph lane1 ["ods"]',
      'subgraph lane2 ["dim"]',
      'subgraph lane3 ["dwd"]',
      'subgraph lane4 ["dws"]',
      'subgraph lane5 ["ads"]',
    ]);
    expect(all).toContain('t3 -- "rt-dw-dwd-transform" --> t8');
    const up = lineageMermaid(upstreamOf(WRONGBOOK, { table: 'aliyun_catalog.dwd.dwd_wrong_record_wide_delta', column: 'id' }));
    expect(up).toContain('c0_0 -- "TRANSFORMATION · wrongbook-wide-table" --> c1_0');
    expect(up).toContain('c0_1 -. "FILTER · wrongbook-wide-table" .-> t1');
    const odd = { ...WRONGBOOK, tables: WRONGBOOK.tables.map((t, i) => (i === 0 ? { ...t, columns: t.columns.map((c) => (c.name === 'eventId' ? { ...c, type: 'ROW<"a" STRING>' } : c)) } : t)) };
    expect(lineageMermaid(upstreamOf(odd, { table: 'aliyun_catalog.dwd.dwd_wrong_record_wide_delta', column: 'id' }))).toContain('c0_0["eventId ROW#lt;#quot;a#quot; STRING#gt;"]');
    expect(jobGraphMermaid(wholeLineage(REALTIME_DW))).toContain('j2 -- "paimon_catalog.dwd.dwd_order_detail" --> j3');
  });
});
