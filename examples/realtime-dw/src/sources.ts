/**
 * The business database the warehouse captures (seed 000: MySQL CDC 3.1.1). One CDC table per MySQL table;
 * the host is a per-environment variable, the credentials are secrets (`${NAME}` placeholders).
 */
import { t, table } from '@flinkts/core';
import { mysqlCdc, secret } from '@flinkts/connectors';

const cdc = (tableName: string, serverId: string) =>
  mysqlCdc({
    hostname: '${MYSQL_HOST}',
    port: 3306,
    username: secret('MYSQL_USERNAME'),
    password: secret('MYSQL_PASSWORD'),
    'database-name': 'shop',
    'table-name': tableName,
    'server-id': serverId,
    'server-time-zone': 'Asia/Shanghai',
    'scan.startup.mode': 'initial',
  });

/** The MySQL tables' columns; the ODS tables mirror them. */
export const ORDER_COLUMNS = {
  order_id: t.bigint(),
  user_id: t.bigint(),
  product_id: t.bigint(),
  quantity: t.int(),
  amount: t.decimal(12, 2),
  order_status: t.string(),
  created_at: t.timestamp(3),
  updated_at: t.timestamp(3),
};
export const USER_COLUMNS = { user_id: t.bigint(), user_name: t.string(), city: t.string(), register_time: t.timestamp(3) };
export const PRODUCT_COLUMNS = { product_id: t.bigint(), product_name: t.string(), category: t.string(), price: t.decimal(10, 2) };

export const mysqlOrders = table('mysql_orders', {
  columns: ORDER_COLUMNS,
  primaryKey: ['order_id'],
  temporary: true,
  connector: cdc('orders', '5401-5404'),
});

export const mysqlUsers = table('mysql_users', {
  columns: USER_COLUMNS,
  primaryKey: ['user_id'],
  temporary: true,
  connector: cdc('users', '5405-5406'),
});

export const mysqlProducts = table('mysql_products', {
  columns: PRODUCT_COLUMNS,
  primaryKey: ['product_id'],
  temporary: true,
  connector: cdc('products', '5407-5408'),
});
