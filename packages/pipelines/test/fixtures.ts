/** Small tables and jobs for the pipeline tests. */
import { from, insertInto, t, table } from '@flinkts/core';
import { blackhole, datagen, kafka, json, secret, upsertKafka } from '@flinkts/connectors';
import { job } from '../src/index.js';

export const clicks = table('clicks', {
  columns: { user_id: t.bigint(), url: t.string(), ts: t.timestamp(3) },
  temporary: true,
  connector: datagen({ 'rows-per-second': 10 }),
});

export const odsClicks = table('ods_clicks', {
  columns: { user_id: t.bigint(), url: t.string(), ts: t.timestamp(3) },
  temporary: true,
  layer: 'ods',
  connector: kafka({
    topic: 'ods-clicks',
    'properties.bootstrap.servers': '${KAFKA_SERVERS}',
    'properties.sasl.jaas.config': secret('KAFKA_JAAS'),
    format: json(),
  }),
});

export const dwdClicks = table('dwd_clicks', {
  columns: { user_id: t.bigint(), url: t.string() },
  temporary: true,
  layer: 'dwd',
  connector: blackhole(),
});

export const narrowSink = table('narrow_sink', {
  columns: { user_id: t.int() },
  temporary: true,
  connector: blackhole(),
});

export const clickCounts = table('click_counts', {
  columns: { user_id: t.bigint(), clicks: t.bigint() },
  primaryKey: ['user_id'],
  temporary: true,
  layer: 'dwd',
  connector: upsertKafka({ topic: 'click-counts', 'properties.bootstrap.servers': '${KAFKA_SERVERS}', 'key.format': json(), 'value.format': json() }),
});

export const landClicks = insertInto(odsClicks, from(clicks, 'c').selectAll());
export const cleanClicks = insertInto(dwdClicks, from(odsClicks, 'o').select(({ o }) => ({ user_id: o.user_id, url: o.url })));

export const ingest = job('ingest', { statements: landClicks, parallelism: 2 });
export const clean = job('clean', { statements: cleanClicks, parallelism: 1 });
