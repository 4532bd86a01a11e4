/**
 * The Alertmanager configuration (0.25+) of a monitoring target: one route and one receiver per level, batching
 * (`group_by` / `group_wait` / `group_interval`) and convergence (`repeat_interval`: the same alert at most once per
 * interval) per level, the digest route, and inhibition (a higher level mutes lower ones for the same table).
 * Escalation is a Prometheus rule (see prometheus-rules.ts): the escalated alert carries the higher level's
 * severity and so takes that level's route.
 */
import type { Diagnostic } from '@flinkts/core';
import { TEXTS, type BadMonitoring } from '../codes.js';
import { textFields } from '@flinkts/core/internal';
import { parseDuration, promDuration } from '../quality/duration.js';
import type { ChannelName, Channels, EmailChannel, MonitoringTarget, WebhookChannel } from './monitoring-target.js';
import { urlSecretProblem } from './secrets.js';

export const receiverName = (level: string): string => `level-${level}`;
export const DEFAULT_GROUP_BY = ['alertname', 'pipeline', 'table_name'] as const;

function webhook(channel: WebhookChannel): Record<string, unknown> {
  return {
    url: channel.url,
    send_resolved: true,
    ...(channel.credentialsFile === undefined ? {} : { http_config: { authorization: { type: 'Bearer', credentials_file: channel.credentialsFile } } }),
  };
}

function email(channel: EmailChannel): Record<string, unknown> {
  return {
    to: channel.to.join(', '),
    from: channel.from,
    smarthost: channel.smarthost,
    ...(channel.authUsername === undefined ? {} : { auth_username: channel.authUsername }),
    ...(channel.authPasswordFile === undefined ? {} : { auth_password_file: channel.authPasswordFile }),
    require_tls: channel.requireTls ?? true,
    send_resolved: true,
  };
}

/** Problems with the channels: missing ones a level notifies, and secrets in URLs. */
export function channelProblems(target: MonitoringTarget, path: string): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const report = (at: string, payload: BadMonitoring) => problems.push({ ...textFields(TEXTS.badMonitoring(payload)), severity: 'error', path: `${path}.${at}` });
  const channels = target.channels as Readonly<Record<string, WebhookChannel | EmailChannel | undefined>>;
  for (const [name, channel] of Object.entries(channels)) {
    if (channel === undefined || !('url' in channel)) continue;
    const problem = urlSecretProblem(channel.url);
    if (problem !== undefined) report(`channels.${name}.url`, { kind: 'secretInUrl', channel: name, problem });
  }
  for (const [level, spec] of Object.entries(target.levels)) {
    spec.notify.forEach((c, i) => {
      if (target.channels[c] === undefined) report(`levels.${level}.notify[${i}]`, { kind: 'noChannel', level, channel: c });
    });
    for (const key of ['groupWait', 'groupInterval', 'repeatInterval'] as const) parseDuration(spec[key], `${path}.levels.${level}.${key}`);
    if (spec.escalate !== undefined) {
      parseDuration(spec.escalate.after, `${path}.levels.${level}.escalate.after`);
      if (target.levels[spec.escalate.to] === undefined) report(`levels.${level}.escalate.to`, { kind: 'unknownEscalation', level, to: spec.escalate.to, levels: Object.keys(target.levels) });
    }
  }
  return problems;
}

function receiver(level: string, notify: readonly ChannelName[], channels: Channels): Record<string, unknown> {
  const hooks = notify.filter((c) => c !== 'email').map((c) => webhook(channels[c] as WebhookChannel));
  const mails = notify.filter((c) => c === 'email').map(() => email(channels.email!));
  return { name: receiverName(level), ...(hooks.length === 0 ? {} : { webhook_configs: hooks }), ...(mails.length === 0 ? {} : { email_configs: mails }) };
}

export function alertmanagerConfig(target: MonitoringTarget): Record<string, unknown> {
  const levels = Object.entries(target.levels);
  const timing = (spec: (typeof levels)[number][1]) => ({
    group_wait: promDuration(parseDuration(spec.groupWait, 'groupWait')),
    group_interval: promDuration(parseDuration(spec.groupInterval, 'groupInterval')),
    repeat_interval: promDuration(parseDuration(spec.repeatInterval, 'repeatInterval')),
  });
  const least = levels[levels.length - 1]!;
  const routes: Record<string, unknown>[] = [];
  if (target.digest !== undefined) {
    const spec = target.levels[target.digest.level]!;
    // One digest per pipeline: every table's current score in one notification.
    routes.push({ receiver: receiverName(target.digest.level), matchers: ['alertname="DataQualityDigest"'], group_by: ['pipeline'], ...timing(spec) });
  }
  for (const [level, spec] of levels) routes.push({ receiver: receiverName(level), matchers: [`severity="${level}"`], ...timing(spec) });
  const inhibit = (target.inhibit ?? []).map((i) => ({
    source_matchers: [`severity="${i.level}"`],
    target_matchers: [`severity=~"${i.mutes.join('|')}"`],
    equal: ['pipeline', 'table_name'],
  }));
  return {
    global: { resolve_timeout: '5m' },
    route: { receiver: receiverName(least[0]), group_by: [...(target.groupBy ?? DEFAULT_GROUP_BY)], ...timing(least[1]), routes },
    ...(inhibit.length === 0 ? {} : { inhibit_rules: inhibit }),
    receivers: levels.map(([level, spec]) => receiver(level, spec.notify, target.channels)),
  };
}
