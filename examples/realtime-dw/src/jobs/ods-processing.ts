/**
 * `rt-dw-ods-processing`: the ODS snapshots of users and products become cleaned dimension tables — names
 * trimmed, empty cities and categories replaced by 'unknown', the registration time reduced to its date.
 */
import { cast, coalesce, fn, from, insertInto, nullIf, t } from '@flinkts/core';
import { job } from '@flinkts/pipelines';
import { dimProducts, dimUsers, odsProducts, odsUsers } from '../lake.js';

export const cleanUsers = from(odsUsers, 'u').select(({ u }) => ({
  user_id: u.user_id,
  user_name: fn.trim(u.user_name),
  city: coalesce(nullIf(fn.trim(u.city), ''), 'unknown'),
  register_date: cast(u.register_time, t.date()),
}));

export const cleanProducts = from(odsProducts, 'p').select(({ p }) => ({
  product_id: p.product_id,
  product_name: fn.trim(p.product_name),
  category: coalesce(nullIf(fn.lower(fn.trim(p.category)), ''), 'unknown'),
  price: p.price,
}));

export const odsProcessing = job('rt-dw-ods-processing', {
  description: 'cleaned user and product dimensions from the ODS snapshots',
  statements: [insertInto(dimUsers, cleanUsers), insertInto(dimProducts, cleanProducts)],
  parallelism: 4,
});
