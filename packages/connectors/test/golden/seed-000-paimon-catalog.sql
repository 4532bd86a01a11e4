CREATE CATALOG `paimon_catalog`
WITH (
  'type' = 'paimon',
  'warehouse' = 's3://warehouse/paimon',
  'table-default.file.format' = 'parquet',
  's3.endpoint' = 'http://minio:9000',
  's3.access-key' = '${S3_ACCESS_KEY}',
  's3.secret-key' = '${S3_SECRET_KEY}'
);
