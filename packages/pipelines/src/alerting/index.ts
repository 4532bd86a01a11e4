export type { Channels, ChannelName, EmailChannel, FlinkAlert, LevelSpec, MonitoringTarget, WebhookChannel } from './monitoring-target.js';
export { FLINK_METRICS, QUALITY_METRICS } from './metric-names.js';
export { prometheusReporterSettings, PROMETHEUS_REPORTER_FACTORY } from './flink-reporter.js';
export { secretsInText, urlSecretProblem } from './secrets.js';
