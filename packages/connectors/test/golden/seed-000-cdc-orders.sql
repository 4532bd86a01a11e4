CREATE TEMPORARY TABLE `cdc_orders` (
  `order_id`   BIGINT NOT NULL,
  `user_id`    BIGINT,
  `amount`     DECIMAL(10, 2),
  `status`     STRING,
  `updated_at` TIMESTAMP(3),
  PRIMARY KEY (`order_id`) NOT ENFORCED
)
WITH (
  'connector' = 'mysql-cdc',
  'hostname' = '${MYSQL_HOST}',
  'port' = '3306',
  'username' = '${MYSQL_CDC_USERNAME}',
  'password' = '${MYSQL_CDC_PASSWORD}',
  'database-name' = 'shop',
  'table-name' = 'orders',
  'server-id' = '5401-5404',
  'server-time-zone' = 'Asia/Shanghai',
  'scan.startup.mode' = 'initial',
  'scan.incremental.snapshot.chunk.size' = '8096'
);
