/**
 * `rt-dw-dws-aggregate`: daily sales per category in the DWS layer (orders, distinct buyers, paid amount),
 * and the same rows published to StarRocks for the dashboards (one statement set).
 */
import { caseWhen, coalesce, fn, from, insertInto, lit } from '@flinkts/core';
import { job } from '@flinkts/pipelines';
import { dwdOrderDetail, dwsSalesDaily } from '../lake.js';
import { adsSalesDaily } from '../olap.js';

export const salesDaily = from(dwdOrderDetail, 'd')
  .groupBy(({ d }) => [coalesce(d.order_date, 'unknown'), coalesce(d.category, 'unknown')])
  .select(({ d }) => ({
    stat_date: coalesce(d.order_date, 'unknown'),
    category: coalesce(d.category, 'unknown'),
    order_count: fn.count(),
    buyer_count: fn.countDistinct(d.user_id),
    paid_amount: fn.sum(caseWhen(d.is_paid, d.amount).else(lit(0))),
  }));

export const publishSales = from(dwsSalesDaily, 's').selectAll();

export const dwsAggregate = job('rt-dw-dws-aggregate', {
  description: 'daily sales per category into Paimon DWS and StarRocks',
  statements: [insertInto(dwsSalesDaily, salesDaily), insertInto(adsSalesDaily, publishSales)],
  parallelism: 4,
});
