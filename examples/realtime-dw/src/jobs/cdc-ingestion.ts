/** `rt-dw-cdc-ingestion`: the MySQL change streams land unchanged in the Paimon ODS tables (one statement set). */
import { from, insertInto } from '@flinkts/core';
import { job } from '@flinkts/pipelines';
import { odsOrders, odsProducts, odsUsers } from '../lake.js';
import { mysqlOrders, mysqlProducts, mysqlUsers } from '../sources.js';

export const ingestOrders = insertInto(odsOrders, from(mysqlOrders, 'o').selectAll());
export const ingestUsers = insertInto(odsUsers, from(mysqlUsers, 'u').selectAll());
export const ingestProducts = insertInto(odsProducts, from(mysqlProducts, 'p').selectAll());

export const cdcIngestion = job('rt-dw-cdc-ingestion', {
  description: 'MySQL CDC capture of orders, users and products into the Paimon ODS layer',
  statements: [ingestOrders, ingestUsers, ingestProducts],
  parallelism: 2,
});
