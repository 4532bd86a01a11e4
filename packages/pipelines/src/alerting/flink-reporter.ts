/**
 * The Flink configuration every job of the pipeline needs so Prometheus can scrape its metrics: the Prometheus
 * reporter (flink-metrics-prometheus, shipped in the Flink 1.20 distribution's plugins/metrics-prometheus) on a
 * port range, one port per JobManager / TaskManager process on a host.
 *
 * Why not a per-job `SET`: in Flink 1.20 metric reporters are not job settings. Each JobManager and TaskManager
 * process creates its metric registry once, at start-up, from the cluster's configuration (ReporterSetup reads
 * `metrics.reporter.*` there); a job's configuration — a `SET` in its script, the table config — is read after
 * that and never creates a reporter, so in a session cluster (the SQL Gateway) the settings must be in the
 * cluster's config.yaml: `monitoring/flink/metrics-reporter.yml` is that fragment. A job deployed in application
 * or per-job mode starts its own cluster from the deployment's configuration, so the deploy targets carry the
 * settings there (`clusterReporterSettings`): StreamPark's dynamic properties (`-D…`), VVP's
 * `flinkConfiguration`, Alibaba's `flinkConf`.
 */
import type { ResolvedEnvironment, ResolvedJob } from '../resolve-environment.js';

export const PROMETHEUS_REPORTER_FACTORY = 'org.apache.flink.metrics.prometheus.PrometheusReporterFactory';

export function prometheusReporterSettings(port = '9249-9260'): Readonly<Record<string, string>> {
  return {
    'metrics.reporter.prom.factory.class': PROMETHEUS_REPORTER_FACTORY,
    'metrics.reporter.prom.port': port,
  };
}

/**
 * The reporter settings a job's own cluster starts with, when the pipeline has a monitoring target (none
 * otherwise): the keys the job's settings do not already set.
 */
export function clusterReporterSettings(env: ResolvedEnvironment, job: ResolvedJob): [string, string][] {
  const monitoring = env.pipeline.spec.targets.monitoring;
  if (monitoring === undefined) return [];
  const own = new Set(job.settings.map((e) => e.key));
  return Object.entries(prometheusReporterSettings(monitoring.reporterPort)).filter(([key]) => !own.has(key));
}
