/**
 * A throw-away real Flink for deploy work: its own JVM (the bridge build) with a MiniCluster and a SQL Gateway on
 * 127.0.0.1 (free ports), checkpoints and savepoints below a fresh temporary directory, stopped by its pid.
 * Separate from the shared test bridge (`ensureBridge`), so a deploy test never stops jobs another test relies on.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { FlinktsError } from '../../diagnostics/diagnostic.js';
import { ensureBridgeBuilt } from './bridge-build.js';
import { isAlive, startupLogTail } from './bridge-process.js';
import { textFields } from '../../diagnostics/code-table.js';
import { FLINK_TEXTS } from './codes.js';
import type { BridgeInfo } from './protocol.js';

export interface LocalFlink {
  readonly pid: number;
  /** The SQL Gateway REST endpoint (`http://127.0.0.1:port`). */
  readonly gatewayUrl: string;
  /** The bridge's own API in the same JVM (plan / compile statements). */
  readonly bridgeUrl: string;
  /** Flink's REST API of the MiniCluster. */
  readonly clusterUrl: string;
  /** Checkpoints and savepoints live below this directory (removed by `stop`). */
  readonly stateDir: string;
  readonly log: string;
  /** Stops the JVM by its pid and removes the state directory. */
  stop(): Promise<void>;
}

/** Starts the JVM (building the bridge first if its sources changed) and waits until the gateway answers. */
export async function startLocalFlink(opts: { readonly log?: (line: string) => void } = {}): Promise<LocalFlink> {
  const built = ensureBridgeBuilt(opts.log);
  const dir = mkdtempSync(join(tmpdir(), 'flinkts-local-flink-'));
  const ready = join(dir, 'ready.json');
  const log = join(dir, 'flink.log');
  const out = openSync(log, 'w');
  const args = [
    '-Duser.timezone=UTC', '-Xmx768m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1',
    `-javaagent:${built.jar}`, '-cp', built.classpath, 'dev.flinkts.bridge.BridgeMain', '--ready-file', ready,
    '--state-dir', join(dir, 'state'), '--idle-exit-seconds', '1800',
  ];
  opts.log?.('starting a local Flink 1.20.1 (MiniCluster + SQL Gateway on 127.0.0.1) …');
  const child = spawn(built.java, args, { stdio: ['ignore', out, out] });
  closeSync(out);
  const pid = child.pid as number;
  const deadline = Date.now() + 180_000;
  while (!existsSync(ready)) {
    if (!isAlive(pid) || Date.now() > deadline) {
      if (isAlive(pid)) process.kill(pid, 'SIGKILL');
      const tail = startupLogTail(log);
      rmSync(dir, { recursive: true, force: true });
      throw new FlinktsError([{ ...textFields(FLINK_TEXTS.startFailed({ kind: 'localFlink', tail })), severity: 'error' }]);
    }
    await delay(100);
  }
  const info = JSON.parse(readFileSync(ready, 'utf8')) as BridgeInfo;
  if (info.gatewayUrl === null || info.gatewayUrl === undefined) throw new Error('the local Flink started without a SQL Gateway');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    pid,
    gatewayUrl: info.gatewayUrl.replace(/\/$/, ''),
    clusterUrl: info.clusterUrl.replace(/\/$/, ''),
    bridgeUrl: `http://127.0.0.1:${info.port}`,
    stateDir: join(dir, 'state'),
    log,
    async stop() {
      if (isAlive(pid)) {
        await fetch(`http://127.0.0.1:${info.port}/shutdown`, { method: 'POST', body: '{}' }).catch(() => undefined);
        const gone = await Promise.race([exited.then(() => true), delay(10_000).then(() => false)]);
        if (!gone && isAlive(pid)) {
          process.kill(pid, 'SIGKILL');
          await exited;
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
