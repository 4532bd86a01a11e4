/**
 * Seed 000's alerting as real configuration: four levels — CRITICAL (quality score < 70: DingTalk + SMS + phone
 * at once), HIGH (data more than 15 minutes late, within 5 minutes: WeCom + e-mail), MEDIUM (more than 2 %
 * abnormal rows: an e-mail report), LOW (the daily digest of every score) — with the seed's convergence: the same
 * alert at most once per 15 minutes, alerts of a table batched into one notification, a higher level muting
 * lower ones for the same table, and a HIGH alert unresolved for 30 minutes escalated to CRITICAL.
 *
 * No secret is written: DingTalk and WeCom robots are reached through a webhook bridge that keeps their tokens,
 * SMS and phone calls through the company's alert gateway with a bearer token file, e-mail with a password file.
 */
import type { MonitoringTarget } from '@flinkts/pipelines';
import { QUALITY } from './quality.js';

const SECRETS = '/etc/alertmanager/secrets';

export const monitoring: MonitoringTarget = {
  qualities: QUALITY,
  flink: [
    { kind: 'restarts', within: '15 min', level: 'high' },
    { kind: 'checkpointFailures', within: '15 min', level: 'medium' },
    { kind: 'heap', usedRatioAbove: 0.9, for: '5 min', level: 'medium' },
  ],
  channels: {
    dingtalk: { url: 'http://dingtalk-bridge.monitoring.svc:8060/dingtalk/rt-dw/send' },
    wecom: { url: 'http://wecom-bridge.monitoring.svc:8080/wecom/rt-dw/send' },
    sms: { url: 'http://alert-gateway.monitoring.svc/api/v1/sms', credentialsFile: `${SECRETS}/alert-gateway-token` },
    phone: { url: 'http://alert-gateway.monitoring.svc/api/v1/voice', credentialsFile: `${SECRETS}/alert-gateway-token` },
    email: { to: ['data-oncall@example.com'], from: 'alertmanager@example.com', smarthost: 'smtp.example.com:587', authUsername: 'alertmanager@example.com', authPasswordFile: `${SECRETS}/smtp-password` },
  },
  levels: {
    critical: { notify: ['dingtalk', 'sms', 'phone'], groupWait: '10 s', groupInterval: '1 min', repeatInterval: '15 min' },
    high: { notify: ['wecom', 'email'], groupWait: '1 min', groupInterval: '5 min', repeatInterval: '15 min', escalate: { after: '30 min', to: 'critical' } },
    medium: { notify: ['email'], groupWait: '5 min', groupInterval: '30 min', repeatInterval: '1 h' },
    low: { notify: ['email'], groupWait: '5 min', groupInterval: '1 d', repeatInterval: '1 d' },
  },
  inhibit: [
    { level: 'critical', mutes: ['high', 'medium'] },
    { level: 'high', mutes: ['medium'] },
  ],
  digest: { level: 'low' },
  results: { table: 'rt_dw.ads_data_quality' },
};
