/**
 * The deploy targets by name, each connected from the environment or from a JSON connection file the user names
 * (never from the pipeline source). Adding a platform is one module implementing DeployTarget plus one entry here.
 */
import { readFileSync } from 'node:fs';
import { FlinktsError } from '@flinkts/core';
import { DEPLOY_CODES } from './codes.js';
import { AlibabaTarget } from './alibaba-target.js';
import { GatewayTarget } from './gateway-target.js';
import { StreamparkTarget } from './streampark-target.js';
import { VvpTarget } from './vvp-target.js';
import type { DeployTarget } from './target.js';

export const DEPLOY_TARGET_NAMES = ['gateway', 'streampark', 'vvp', 'alibaba'] as const;
export type DeployTargetName = (typeof DEPLOY_TARGET_NAMES)[number];

export interface ConnectionSource {
  /** A JSON file: `{ "gateway": { "url": "…", "restUrl": "…" } }`. */
  readonly file?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

function readFile(file: string): Record<string, Record<string, unknown>> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;
  } catch (e) {
    throw new FlinktsError([{ code: DEPLOY_CODES.missingConnection, severity: 'error', message: `cannot read the connection file ${file}: ${(e as NodeJS.ErrnoException).code ?? 'not a JSON object'}` }]);
  }
}

function need(value: unknown, what: string, envVar: string, key: string): string {
  if (typeof value === 'string' && value !== '') return value;
  throw new FlinktsError([{ code: DEPLOY_CODES.missingConnection, severity: 'error', message: `no ${what} is configured`, hint: `set ${envVar}, or pass --connection <file.json> with "${key}"` }]);
}

export function connectTarget(name: string, source: ConnectionSource = {}): DeployTarget {
  const env = source.env ?? process.env;
  const file = source.file === undefined ? {} : readFile(source.file);
  switch (name) {
    case 'gateway': {
      const c = file.gateway ?? {};
      return new GatewayTarget(
        need(c.url ?? env.FLINKTS_SQL_GATEWAY_URL, 'SQL Gateway address', 'FLINKTS_SQL_GATEWAY_URL', 'gateway.url').replace(/\/$/, ''),
        need(c.restUrl ?? env.FLINKTS_FLINK_REST_URL, 'Flink REST address', 'FLINKTS_FLINK_REST_URL', 'gateway.restUrl').replace(/\/$/, ''),
      );
    }
    case 'streampark': {
      const c = file.streampark ?? {};
      const opt = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);
      const teamId = opt(c.teamId ?? env.FLINKTS_STREAMPARK_TEAM_ID);
      const versionId = opt(c.versionId ?? env.FLINKTS_STREAMPARK_VERSION_ID);
      const alertId = opt(c.alertId ?? env.FLINKTS_STREAMPARK_ALERT_ID);
      return new StreamparkTarget({
        url: need(c.url ?? env.FLINKTS_STREAMPARK_URL, 'StreamPark console address', 'FLINKTS_STREAMPARK_URL', 'streampark.url').replace(/\/$/, ''),
        username: need(c.username ?? env.FLINKTS_STREAMPARK_USERNAME, 'StreamPark user', 'FLINKTS_STREAMPARK_USERNAME', 'streampark.username'),
        password: need(c.password ?? env.FLINKTS_STREAMPARK_PASSWORD, 'StreamPark password', 'FLINKTS_STREAMPARK_PASSWORD', 'streampark.password'),
        ...(teamId === undefined ? {} : { teamId }),
        ...(versionId === undefined ? {} : { versionId }),
        ...(alertId === undefined ? {} : { alertId }),
      });
    }
    case 'vvp': {
      const c = file.vvp ?? {};
      return new VvpTarget({
        url: need(c.url ?? env.FLINKTS_VVP_URL, 'VVP address', 'FLINKTS_VVP_URL', 'vvp.url').replace(/\/$/, ''),
        token: need(c.token ?? env.FLINKTS_VVP_TOKEN, 'VVP API token', 'FLINKTS_VVP_TOKEN', 'vvp.token'),
        namespace: need(c.namespace ?? env.FLINKTS_VVP_NAMESPACE ?? 'default', 'VVP namespace', 'FLINKTS_VVP_NAMESPACE', 'vvp.namespace'),
      });
    }
    case 'alibaba': {
      const c = file.alibaba ?? {};
      return new AlibabaTarget({
        url: need(c.url ?? env.FLINKTS_ALIBABA_URL, 'Realtime Compute endpoint', 'FLINKTS_ALIBABA_URL', 'alibaba.url').replace(/\/$/, ''),
        accessKey: {
          id: need(c.accessKeyId ?? env.FLINKTS_ALIBABA_ACCESS_KEY_ID, 'AccessKey id', 'FLINKTS_ALIBABA_ACCESS_KEY_ID', 'alibaba.accessKeyId'),
          secret: need(c.accessKeySecret ?? env.FLINKTS_ALIBABA_ACCESS_KEY_SECRET, 'AccessKey secret', 'FLINKTS_ALIBABA_ACCESS_KEY_SECRET', 'alibaba.accessKeySecret'),
        },
        workspace: need(c.workspace ?? env.FLINKTS_ALIBABA_WORKSPACE, 'Realtime Compute workspace id', 'FLINKTS_ALIBABA_WORKSPACE', 'alibaba.workspace'),
        namespace: need(c.namespace ?? env.FLINKTS_ALIBABA_NAMESPACE, 'Realtime Compute namespace', 'FLINKTS_ALIBABA_NAMESPACE', 'alibaba.namespace'),
      });
    }
    default:
      throw new FlinktsError([{ code: DEPLOY_CODES.badDeployTarget, severity: 'error', message: `'${name}' is not a deploy target`, hint: `deploy targets: ${DEPLOY_TARGET_NAMES.join(', ')}` }]);
  }
}
