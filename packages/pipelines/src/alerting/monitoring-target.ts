/**
 * The `monitoring` target of a pipeline: its quality declarations and Flink-metric alerts, the levels they raise
 * (each with its notification channels, timing and escalation), and where the channels deliver. Built into
 * Prometheus alerting rules, an Alertmanager configuration, a Grafana dashboard, the SQL exporter collector that
 * turns the monitor's result table into metrics, and the Flink metrics reporter settings the jobs need.
 *
 * No secret is ever written: webhook URLs point at the user's gateways / bridges (which hold the DingTalk and
 * WeCom robot tokens), e-mail passwords and gateway tokens are files Alertmanager reads at run time.
 */
import type { QualityDeclaration } from '../quality/quality.js';
import type { Duration } from '../quality/duration.js';
import type { Level } from '../quality/levels.js';

/** A webhook Alertmanager POSTs its JSON payload to. */
export interface WebhookChannel {
  /** The gateway's URL, without credentials (no token in the query string or user info). */
  readonly url: string;
  /** A file holding the bearer token the gateway expects (`http_config.authorization.credentials_file`). */
  readonly credentialsFile?: string;
}

export interface EmailChannel {
  readonly to: readonly string[];
  readonly from: string;
  /** `host:port` of the SMTP server. */
  readonly smarthost: string;
  readonly authUsername?: string;
  /** A file holding the SMTP password (`auth_password_file`). */
  readonly authPasswordFile?: string;
  readonly requireTls?: boolean;
}

/**
 * Where alerts go. DingTalk and WeCom robots are reached through a webhook bridge (e.g. prometheus-webhook-dingtalk)
 * that keeps the robot's token; SMS and phone through the user's own gateway.
 */
export interface Channels {
  readonly dingtalk?: WebhookChannel;
  readonly wecom?: WebhookChannel;
  readonly webhook?: WebhookChannel;
  readonly email?: EmailChannel;
  readonly sms?: WebhookChannel;
  readonly phone?: WebhookChannel;
}
export type ChannelName = keyof Channels;

export interface LevelSpec {
  readonly notify: readonly ChannelName[];
  /** How long to wait to batch the first alerts of a group (Alertmanager `group_wait`). */
  readonly groupWait: Duration;
  /** How long to wait before notifying about new alerts joining a group (`group_interval`). */
  readonly groupInterval: Duration;
  /** The same alert is sent again at most this often while it fires (`repeat_interval`). */
  readonly repeatInterval: Duration;
  /** An alert of this level still firing after `after` is raised again at level `to`. */
  readonly escalate?: { readonly after: Duration; readonly to: Level };
}

/** Alerts on Flink's own metrics (Prometheus reporter names of Flink 1.20). */
export type FlinkAlert =
  /** Source event-time lag: `currentEmitEventTimeLag` (FLIP-33) of the job's sources. */
  | { readonly kind: 'latency'; readonly above: Duration; readonly level: Level; readonly for?: Duration }
  /** Records out per second of the whole job stays at 0. */
  | { readonly kind: 'noOutput'; readonly for: Duration; readonly level: Level }
  /** The job restarted within the window. */
  | { readonly kind: 'restarts'; readonly within: Duration; readonly level: Level }
  /** A checkpoint failed within the window. */
  | { readonly kind: 'checkpointFailures'; readonly within: Duration; readonly level: Level }
  /** TaskManager heap used / max above the ratio. */
  | { readonly kind: 'heap'; readonly usedRatioAbove: number; readonly level: Level; readonly for?: Duration };

export interface MonitoringTarget {
  readonly qualities: readonly QualityDeclaration[];
  readonly flink?: readonly FlinkAlert[];
  readonly channels: Channels;
  /** Every level the alerts use, in order of importance (most important first). */
  readonly levels: Readonly<Record<Level, LevelSpec>>;
  /** Labels alerts are batched by (Alertmanager `group_by`); default: alertname, pipeline, table_name. */
  readonly groupBy?: readonly string[];
  /** A level whose alerts mute the listed lower levels for the same pipeline and table (`inhibit_rules`). */
  readonly inhibit?: readonly { readonly level: Level; readonly mutes: readonly Level[] }[];
  /** A daily digest of every table's current score at this level (seed 000's LOW). */
  readonly digest?: { readonly level: Level };
  /** The monitor's result table as the exporter's database user sees it (`database.table`). */
  readonly results?: { readonly table: string };
  /** The port (range) of Flink's Prometheus reporter on each JobManager / TaskManager. Default 9249-9260. */
  readonly reporterPort?: string;
}
