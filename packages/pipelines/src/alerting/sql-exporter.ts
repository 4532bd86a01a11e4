/**
 * How the quality scores reach Prometheus: the monitor job writes them to its result table; a SQL exporter
 * (burningalchemist/sql_exporter, a Prometheus exporter that runs SQL queries on each scrape) reads the latest window
 * of every table and dimension from it and serves them as gauges. This is the exporter's collector file; its
 * target (the database's DSN, with the password) is configured in the exporter's own sql_exporter.yml, outside
 * the generated files. The queries are MySQL-protocol SQL (StarRocks, MySQL; a JDBC sink on PostgreSQL needs
 * double-quoted identifiers instead of back-quoted ones).
 */
import { QUALITY_METRICS } from './metric-names.js';

const ident = (path: string) => path.split('.').map((p) => `\`${p.replace(/`/g, '``')}\``).join('.');
const literal = (v: string) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

export function sqlExporterCollector(pipeline: string, table: string): Record<string, unknown> {
  const t = ident(table);
  const latest = [
    'SELECT q.pipeline, q.table_name, q.layer, q.dimension, q.score, 1 - q.pass_rate AS failed_ratio, q.total_rows, q.max_delay_seconds',
    `FROM ${t} AS q`,
    'JOIN (',
    `  SELECT pipeline, table_name, dimension, MAX(window_end) AS window_end FROM ${t}`,
    `  WHERE pipeline = ${literal(pipeline)} GROUP BY pipeline, table_name, dimension`,
    ') AS l ON q.pipeline = l.pipeline AND q.table_name = l.table_name AND q.dimension = l.dimension AND q.window_end = l.window_end',
  ].join('\n');
  const metric = (metric_name: string, help: string, keys: readonly string[], value: string, query_ref: string) => ({ metric_name, type: 'gauge', help, key_labels: [...keys], values: [value], query_ref });
  const keys = ['pipeline', 'table_name', 'layer', 'dimension'];
  return {
    collector_name: `flinkts_quality_${pipeline.replace(/[^A-Za-z0-9_]/g, '_')}`,
    metrics: [
      metric(QUALITY_METRICS.score, 'Quality score 0-100 of the latest monitor window (dimension overall: weighted).', keys, 'score', 'latest'),
      metric(QUALITY_METRICS.failedRatio, 'Share of rows failing the dimension in the latest monitor window.', keys, 'failed_ratio', 'latest'),
      metric(QUALITY_METRICS.windowRows, 'Rows in the latest monitor window.', keys, 'total_rows', 'latest'),
      metric(QUALITY_METRICS.maxDelaySeconds, 'Largest arrival delay in the latest monitor window, seconds.', ['pipeline', 'table_name', 'layer'], 'max_delay_seconds', 'delays'),
    ],
    queries: [
      { query_name: 'latest', query: latest },
      { query_name: 'delays', query: `SELECT d.pipeline, d.table_name, d.layer, d.max_delay_seconds FROM (\n${latest}\n) AS d WHERE d.dimension = 'timeliness' AND d.max_delay_seconds IS NOT NULL` },
    ],
  };
}
