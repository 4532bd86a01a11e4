-- Seed 001's Flink SQL exactly as the team wrote it (three blocks of the seed document), kept to show what
-- `npx flinkts check` finds in it. examples/wrongbook is the same job rebuilt with flinkts.

-- 源表定义
CREATE TABLE aliyun_catalog.dwd.wrongbook_events (
    eventId STRING,
    domain STRING,
    type STRING,
    timestamp BIGINT,
    payload STRING,
    proc_time AS PROCTIME()
) WITH (
    'connector' = 'kafka',
    'topic' = 'wrongbook-events',
    'properties.bootstrap.servers' = 'kafka.aliyun.com:9092',
    'properties.group.id' = 'wrongbook-wide-table-group',
    'format' = 'json',
    'json.fail-on-missing-field' = 'false',
    'json.ignore-parse-errors' = 'true'
);

-- 结果表定义
CREATE TABLE aliyun_catalog.dwd.dwd_wrong_record_wide_delta (
    id BIGINT,
    wrong_id STRING,
    user_id STRING,
    subject STRING,
    subject_name STRING,
    question_id STRING,
    question STRING,
    pattern_id STRING,
    pattern_name STRING,
    teach_type_id STRING,
    teach_type_name STRING,
    collect_time TIMESTAMP(3),
    fix_id STRING,
    fix_time TIMESTAMP(3),
    fix_result BIGINT,
    fix_result_desc STRING,
    event_id STRING,
    event_type STRING,
    process_time TIMESTAMP(3)
) WITH (
    'connector' = 'jdbc',
    'url' = 'jdbc:mysql://rds.aliyun.com:3306/dwd',
    'table-name' = 'dwd_wrong_record_wide_delta',
    'username' = '${MYSQL_USERNAME}',
    'password' = '${MYSQL_PASSWORD}',
    'sink.buffer-flush.max-rows' = '100',
    'sink.buffer-flush.interval' = '10s'
);

-- 使用Catalog中的表
USE CATALOG aliyun_catalog;
USE DATABASE dwd;

-- 创建处理视图
CREATE TEMPORARY VIEW wrongbook_add_events AS
SELECT 
    eventId,
    domain,
    type,
    timestamp,
    TO_TIMESTAMP_LTZ(timestamp, 3) as event_time,
    PROCTIME() as proc_time,
    JSON_VALUE(payload, '$.userId') as userid,
    JSON_VALUE(payload, '$.questionId') as questionid,
    JSON_VALUE(payload, '$.subject') as subject,
    JSON_VALUE(payload, '$.subjectName') as subject_name,
    JSON_VALUE(payload, '$.patternId') as pattern_id,
    JSON_VALUE(payload, '$.chapterId') as chapter_id,
    JSON_VALUE(payload, '$.chapterName') as chapter_name,
    JSON_VALUE(payload, '$.wrongTime') as wrong_time,
    JSON_VALUE(payload, '$.createTime') as create_time
FROM wrongbook_events 
WHERE domain = 'wrongbook' 
  AND type = 'wrongbook_add';

-- 处理错题添加事件
INSERT INTO dwd_wrong_record_wide_delta
SELECT 
    CAST(HASH_CODE(COALESCE(eventId)) AS BIGINT) as id,
    eventId as wrong_id,
    userid as user_id,
    subject,
    subject_name,
    questionid as question_id,
    '' as question,
    pattern_id,
    '' as pattern_name,
    chapter_id,
    chapter_name,
    TO_TIMESTAMP_LTZ(CAST(wrong_time AS BIGINT), 3) as collect_time,
    '' as fix_id,
    CAST(NULL AS TIMESTAMP(3)) as fix_time,
    0 as fix_result,
    '未订正' as fix_result_desc,
    eventId as event_id,
    type as event_type,
    proc_time as process_time
FROM wrongbook_add_events;

-- 数据库表加密
CREATE TABLE dwd_wrong_record_wide_delta (
    -- 字段定义
) WITH (
    'connector' = 'jdbc',
    'url' = 'jdbc:mysql://rds.aliyun.com:3306/dwd?useSSL=true&requireSSL=true',
    'table-name' = 'dwd_wrong_record_wide_delta',
    'username' = '${MYSQL_USERNAME}',
    'password' = '${MYSQL_PASSWORD}'
) ENCRYPTED WITH (
    'algorithm' = 'AES256',
    'key-id' = 'alias/wrongbook-key'
);
