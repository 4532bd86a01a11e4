CREATE TEMPORARY TABLE `dws_order_stats` (
  `stat_date` DATE NOT NULL,
  `city`      STRING NOT NULL,
  `order_cnt` BIGINT,
  `gmv`       DECIMAL(18, 2),
  PRIMARY KEY (`stat_date`, `city`) NOT ENFORCED
)
WITH (
  'connector' = 'starrocks',
  'jdbc-url' = 'jdbc:mysql://starrocks-fe:9030',
  'load-url' = 'starrocks-fe:8030',
  'database-name' = 'dws',
  'table-name' = 'order_stats',
  'username' = '${STARROCKS_USERNAME}',
  'password' = '${STARROCKS_PASSWORD}',
  'sink.version' = 'V2',
  'sink.semantic' = 'at-least-once',
  'sink.at-least-once.use-transaction-stream-load' = 'true',
  'sink.buffer-flush.max-bytes' = '67108864',
  'sink.buffer-flush.interval-ms' = '5000',
  'sink.properties.format' = 'json',
  'sink.properties.strip_outer_array' = 'true'
);
