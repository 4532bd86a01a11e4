CREATE TEMPORARY TABLE `dwd_wrong_record_wide_delta` (
  `id`           BIGINT NOT NULL,
  `wrong_id`     STRING,
  `user_id`      STRING,
  `collect_time` TIMESTAMP(3),
  PRIMARY KEY (`id`) NOT ENFORCED
)
WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:mysql://rds.aliyun.com:3306/dwd?useSSL=true&requireSSL=true',
  'table-name' = 'dwd_wrong_record_wide_delta',
  'username' = '${MYSQL_USERNAME}',
  'password' = '${MYSQL_PASSWORD}',
  'sink.buffer-flush.max-rows' = '100',
  'sink.buffer-flush.interval' = '10s'
);
