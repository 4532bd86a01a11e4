/**
 * `rt-dw-monitor`: daily data-quality measurements of the order detail, written to StarRocks where the alerting
 * rules read them — completeness (missing user, missing product), accuracy (non-positive amounts) and
 * conformity (statuses outside the known set). Parallelism 1: it is a single small aggregation.
 */
import { caseWhen, coalesce, fn, from, insertInto, lit } from '@flinkts/core';
import { job } from '@flinkts/pipelines';
import { dwdOrderDetail } from '../lake.js';
import { adsOrderQuality } from '../olap.js';

export const KNOWN_STATUSES = ['CREATED', 'PAID', 'SHIPPED', 'COMPLETED', 'CANCELLED', 'REFUNDED'] as const;

const flag = (condition: Parameters<typeof caseWhen>[0]) => fn.sum(caseWhen(condition, lit(1)).else(lit(0)));

export const orderQuality = from(dwdOrderDetail, 'd')
  .groupBy(({ d }) => [coalesce(d.order_date, 'unknown')])
  .select(({ d }) => ({
    stat_date: coalesce(d.order_date, 'unknown'),
    row_count: fn.count(),
    missing_user: flag(d.user_id.isNull()),
    missing_product: flag(d.product_name.isNull()),
    non_positive_amount: flag(d.amount.isNull().or(d.amount.lte(0))),
    unknown_status: flag(d.order_status.isNull().or(d.order_status.notIn([...KNOWN_STATUSES]))),
  }));

export const monitor = job('rt-dw-monitor', {
  description: 'daily data-quality measurements of the order detail',
  statements: insertInto(adsOrderQuality, orderQuality),
  parallelism: 1,
});
