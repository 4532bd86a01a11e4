CREATE TEMPORARY TABLE `cdc_users` (
  `user_id`   BIGINT NOT NULL,
  `user_name` STRING,
  `city`      STRING,
  PRIMARY KEY (`user_id`) NOT ENFORCED
)
WITH (
  'connector' = 'mysql-cdc',
  'hostname' = '${MYSQL_HOST}',
  'username' = '${MYSQL_CDC_USERNAME}',
  'password' = '${MYSQL_CDC_PASSWORD}',
  'database-name' = 'shop',
  'table-name' = 'users',
  'server-id' = '5405-5408'
);
