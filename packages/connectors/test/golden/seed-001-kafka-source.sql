CREATE TEMPORARY TABLE `wrongbook_events` (
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
  'scan.startup.mode' = 'group-offsets',
  'properties.security.protocol' = 'SASL_SSL',
  'properties.sasl.mechanism' = 'PLAIN',
  'properties.sasl.jaas.config' = 'org.apache.flink.kafka.shaded.org.apache.kafka.common.security.plain.PlainLoginModule required username="${KAFKA_USERNAME}" password="${KAFKA_PASSWORD}";',
  'properties.ssl.truststore.location' = '/opt/flink/conf/kafka.truststore.jks',
  'format' = 'json',
  'json.fail-on-missing-field' = 'false',
  'json.ignore-parse-errors' = 'true'
);
