/**
 * `rt-dw-dwd-transform`: one detail row per order, widened with its product and user dimensions (regular joins
 * over the Paimon changelogs, so a late dimension update corrects the detail row), with the order date and
 * whether the order is paid.
 */
import { coalesce, fn, from, insertInto } from '@flinkts/core';
import { job } from '@flinkts/pipelines';
import { dimProducts, dimUsers, dwdOrderDetail, odsOrders } from '../lake.js';

export const PAID_STATUSES = ['PAID', 'SHIPPED', 'COMPLETED'] as const;

export const orderDetail = from(odsOrders, 'o')
  .leftJoin(dimProducts, 'p', ({ o, p }) => o.product_id.eq(p.product_id))
  .leftJoin(dimUsers, 'u', ({ o, u }) => o.user_id.eq(u.user_id))
  .select(({ o, p, u }) => ({
    order_id: o.order_id,
    order_date: fn.dateFormat(o.created_at, 'yyyy-MM-dd'),
    user_id: o.user_id,
    city: coalesce(u.city, 'unknown'),
    product_id: o.product_id,
    product_name: p.product_name,
    category: coalesce(p.category, 'unknown'),
    quantity: o.quantity,
    amount: o.amount,
    order_status: o.order_status,
    is_paid: o.order_status.in([...PAID_STATUSES]),
    created_at: o.created_at,
  }));

export const dwdTransform = job('rt-dw-dwd-transform', {
  description: 'order detail widened with product and user dimensions',
  statements: insertInto(dwdOrderDetail, orderDetail),
  parallelism: 6,
});
