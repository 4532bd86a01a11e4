/**
 * The Flink configuration every job of the pipeline needs so Prometheus can scrape its metrics: the Prometheus
 * reporter (flink-metrics-prometheus, shipped in the Flink 1.20 distribution's plugins/metrics-prometheus) on a
 * port range, one port per JobManager / TaskManager process on a host. Reporters start with the JobManager and
 * TaskManagers, so these belong to the cluster's configuration — StreamPark dynamic properties, VVP / Alibaba
 * `flinkConfiguration`, or config.yaml of a session cluster — and not to a `SET` in a script.
 */
export const PROMETHEUS_REPORTER_FACTORY = 'org.apache.flink.metrics.prometheus.PrometheusReporterFactory';

export function prometheusReporterSettings(port = '9249-9260'): Readonly<Record<string, string>> {
  return {
    'metrics.reporter.prom.factory.class': PROMETHEUS_REPORTER_FACTORY,
    'metrics.reporter.prom.port': port,
  };
}
