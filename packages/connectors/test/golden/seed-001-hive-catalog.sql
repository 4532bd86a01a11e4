CREATE CATALOG `aliyun_catalog`
WITH (
  'type' = 'hive',
  'default-database' = 'dwd',
  'hive-conf-dir' = '/opt/flink/conf',
  'hive-version' = '3.1.2'
);
