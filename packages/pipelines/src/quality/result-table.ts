/**
 * The columns of the table a monitor job writes: one row per table, window and dimension (plus an `overall`
 * row per table and window). Declare the sink with them — StarRocks, JDBC or Kafka — e.g.
 * `table('ads_data_quality', { columns: QUALITY_RESULT_COLUMNS, primaryKey: QUALITY_RESULT_KEY, … })`.
 */
import { t } from '@flinkts/core';

export const QUALITY_RESULT_COLUMNS = {
  pipeline: t.string(),
  table_name: t.string(),
  layer: t.string(),
  /** completeness, accuracy, consistency, timeliness, conformity, or overall. */
  dimension: t.string(),
  window_start: t.timestamp(3),
  window_end: t.timestamp(3),
  total_rows: t.bigint(),
  /** Rows passing every check of the dimension (NULL on the overall row: a weighted score has no row count). */
  passed_rows: t.bigint(),
  failed_rows: t.bigint(),
  /** passed_rows / total_rows (overall: the weighted pass rate). */
  pass_rate: t.double(),
  /** 100 × pass_rate, rounded to 2 decimals. */
  score: t.double(),
  /** Timeliness and overall rows: the largest arrival delay of the window, in seconds (NULL on other rows). */
  max_delay_seconds: t.bigint(),
};

/** The key of a result row, for upsert sinks. */
export const QUALITY_RESULT_KEY = ['pipeline', 'table_name', 'dimension', 'window_start'] as const;
