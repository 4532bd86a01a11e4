CREATE TABLE `paimon_catalog`.`ods`.`ods_orders` (
  `order_id`   BIGINT NOT NULL,
  `user_id`    BIGINT,
  `amount`     DECIMAL(10, 2),
  `status`     STRING,
  `updated_at` TIMESTAMP(3),
  PRIMARY KEY (`order_id`) NOT ENFORCED
)
WITH (
  'bucket' = '4',
  'changelog-producer' = 'input',
  'tag.automatic-creation' = 'process-time',
  'tag.creation-period' = 'hourly',
  'write-buffer-size' = '128MB',
  'target-file-size' = '256MB',
  'compaction.max.file-num' = '30'
);
