/**
 * Metric names. Flink's are those its Prometheus reporter (flink-metrics-prometheus 1.20) exposes: the scope
 * joined with `_` (`flink_taskmanager_job_task_…`), scope variables as labels (`job_name`, `task_name`, `tm_id` …).
 * The quality metrics are the SQL exporter's, read from the monitor's result table (sql-exporter.ts).
 */
export const FLINK_METRICS = {
  recordsInPerSecond: 'flink_taskmanager_job_task_numRecordsInPerSecond',
  recordsOutPerSecond: 'flink_taskmanager_job_task_numRecordsOutPerSecond',
  /** FLIP-33 source metric, milliseconds between a record's event time and its emission by the source. */
  emitEventTimeLag: 'flink_taskmanager_job_task_operator_currentEmitEventTimeLag',
  /** FLIP-33 source metric: records the source has not fetched yet (e.g. Kafka consumer lag). */
  pendingRecords: 'flink_taskmanager_job_task_operator_pendingRecords',
  restarts: 'flink_jobmanager_job_numRestarts',
  failedCheckpoints: 'flink_jobmanager_job_numberOfFailedCheckpoints',
  lastCheckpointDuration: 'flink_jobmanager_job_lastCheckpointDuration',
  heapUsed: 'flink_taskmanager_Status_JVM_Memory_Heap_Used',
  heapMax: 'flink_taskmanager_Status_JVM_Memory_Heap_Max',
  jobManagerHeapUsed: 'flink_jobmanager_Status_JVM_Memory_Heap_Used',
  backPressuredTimeMsPerSecond: 'flink_taskmanager_job_task_backPressuredTimeMsPerSecond',
} as const;

export const QUALITY_METRICS = {
  /** 0–100 per pipeline, table_name, layer, dimension (`overall` is the weighted score). */
  score: 'flinkts_quality_score',
  /** Share of the latest window's rows failing the dimension (overall: 1 − weighted pass rate). */
  failedRatio: 'flinkts_quality_failed_ratio',
  /** Largest arrival delay of the latest window, seconds (tables with a freshness check). */
  maxDelaySeconds: 'flinkts_quality_max_delay_seconds',
  /** Rows in the latest window. */
  windowRows: 'flinkts_quality_window_rows',
} as const;

/** Label matcher value for a regular expression matching exactly these names. */
export function exactly(names: readonly string[]): string {
  return names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\\\$&')).join('|');
}
