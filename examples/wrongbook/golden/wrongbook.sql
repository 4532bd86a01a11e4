CREATE CATALOG `aliyun_catalog`
WITH (
  'type' = 'hive',
  'default-database' = 'dwd',
  'hive-conf-dir' = '/opt/flink/conf',
  'hive-version' = '3.1.2'
);

USE CATALOG `aliyun_catalog`;

USE `dwd`;

CREATE DATABASE IF NOT EXISTS `aliyun_catalog`.`dwd`;

CREATE TABLE IF NOT EXISTS `aliyun_catalog`.`dwd`.`wrongbook_events` (
  `eventId`   STRING,
  `domain`    STRING,
  `type`      STRING,
  `timestamp` BIGINT,
  `payload`   STRING,
  `proc_time` AS PROCTIME()
)
WITH (
  'connector' = 'kafka',
  'topic' = 'wrongbook-events',
  'properties.bootstrap.servers' = 'kafka.aliyun.com:9092',
  'properties.group.id' = 'wrongbook-wide-table-group',
  'properties.security.protocol' = 'SASL_SSL',
  'properties.sasl.mechanism' = 'PLAIN',
  'properties.ssl.truststore.location' = '/opt/flink/conf/kafka.truststore.jks',
  'format' = 'json',
  'json.fail-on-missing-field' = 'false',
  'json.ignore-parse-errors' = 'true'
);

CREATE TABLE IF NOT EXISTS `aliyun_catalog`.`dwd`.`dwd_wrong_record_wide_delta` (
  `id`              BIGINT NOT NULL,
  `wrong_id`        STRING,
  `user_id`         STRING,
  `subject`         STRING,
  `subject_name`    STRING,
  `question_id`     STRING,
  `question`        STRING,
  `pattern_id`      STRING,
  `pattern_name`    STRING,
  `teach_type_id`   STRING,
  `teach_type_name` STRING,
  `collect_time`    TIMESTAMP(3),
  `fix_id`          STRING,
  `fix_time`        TIMESTAMP(3),
  `fix_result`      BIGINT,
  `fix_result_desc` STRING,
  `event_id`        STRING,
  `event_type`      STRING,
  `process_time`    TIMESTAMP(3),
  PRIMARY KEY (`id`) NOT ENFORCED
)
WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:mysql://rds.aliyun.com:3306/dwd?useSSL=true&requireSSL=true',
  'table-name' = 'dwd_wrong_record_wide_delta',
  'sink.buffer-flush.max-rows' = '100',
  'sink.buffer-flush.interval' = '10s',
  'sink.parallelism' = '3'
);

CREATE TEMPORARY VIEW `wrongbook_add_events`
AS
SELECT
  `e`.`eventId` AS `eventId`,
  `e`.`domain` AS `domain`,
  `e`.`type` AS `type`,
  `e`.`timestamp` AS `timestamp`,
  TO_TIMESTAMP_LTZ(`e`.`timestamp`, 3) AS `event_time`,
  `e`.`proc_time` AS `proc_time`,
  JSON_VALUE(`e`.`payload`, '$.userId') AS `userid`,
  JSON_VALUE(`e`.`payload`, '$.questionId') AS `questionid`,
  JSON_VALUE(`e`.`payload`, '$.subject') AS `subject`,
  JSON_VALUE(`e`.`payload`, '$.subjectName') AS `subject_name`,
  JSON_VALUE(`e`.`payload`, '$.patternId') AS `pattern_id`,
  JSON_VALUE(`e`.`payload`, '$.chapterId') AS `chapter_id`,
  JSON_VALUE(`e`.`payload`, '$.chapterName') AS `chapter_name`,
  JSON_VALUE(`e`.`payload`, '$.wrongTime') AS `wrong_time`,
  JSON_VALUE(`e`.`payload`, '$.createTime') AS `create_time`
FROM `aliyun_catalog`.`dwd`.`wrongbook_events` /*+ OPTIONS('properties.sasl.jaas.config'='org.apache.kafka.common.security.plain.PlainLoginModule required username="${KAFKA_USERNAME}" password="${KAFKA_PASSWORD}";') */ AS `e`
WHERE `e`.`domain` = 'wrongbook' AND `e`.`type` = 'wrongbook_add';

INSERT INTO `aliyun_catalog`.`dwd`.`dwd_wrong_record_wide_delta` /*+ OPTIONS('username'='${MYSQL_USERNAME}', 'password'='${MYSQL_PASSWORD}') */ (
  `id`,
  `wrong_id`,
  `user_id`,
  `subject`,
  `subject_name`,
  `question_id`,
  `question`,
  `pattern_id`,
  `pattern_name`,
  `teach_type_id`,
  `teach_type_name`,
  `collect_time`,
  `fix_id`,
  `fix_time`,
  `fix_result`,
  `fix_result_desc`,
  `event_id`,
  `event_type`,
  `process_time`
)
SELECT
  CAST(HASH_CODE(`w`.`eventId`) AS BIGINT) AS `id`,
  `w`.`eventId` AS `wrong_id`,
  `w`.`userid` AS `user_id`,
  `w`.`subject` AS `subject`,
  `w`.`subject_name` AS `subject_name`,
  `w`.`questionid` AS `question_id`,
  '' AS `question`,
  `w`.`pattern_id` AS `pattern_id`,
  '' AS `pattern_name`,
  CAST(NULL AS STRING) AS `teach_type_id`,
  CAST(NULL AS STRING) AS `teach_type_name`,
  TO_TIMESTAMP_LTZ(CAST(`w`.`wrong_time` AS BIGINT), 3) AS `collect_time`,
  '' AS `fix_id`,
  CAST(NULL AS TIMESTAMP(3)) AS `fix_time`,
  0 AS `fix_result`,
  '未订正' AS `fix_result_desc`,
  `w`.`eventId` AS `event_id`,
  `w`.`type` AS `event_type`,
  `w`.`proc_time` AS `process_time`
FROM `wrongbook_add_events` AS `w`;
