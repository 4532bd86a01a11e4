/**
 * The bridge JVM's life: started on demand (detached, its state in `<cache>/bridge.json`), found again by any
 * process through that file, stopped by its pid. All synchronous, so the testing API can start it from a plain
 * `runJob` call; a lock file keeps two test workers from starting two JVMs.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FlinktsError } from '../../diagnostics/diagnostic.js';
import { bridgeSourceDir, cacheDir, currentBuildDir, ensureBridgeBuilt } from './bridge-build.js';
import { textFields } from '../../diagnostics/code-table.js';
import { FLINK_TEXTS } from './codes.js';
import type { BridgeInfo, BridgeStatus } from './protocol.js';
import { httpSync } from './sync-http.js';

export interface RunningBridge extends BridgeInfo {
  readonly url: string;
  readonly startedAt: string;
  /**
   * `$FLINKTS_BRIDGE_OWNER` of the process that started it: a test run sets it, so at its end it stops only a
   * bridge it started — not one another run on the same machine (and cache) started meanwhile.
   */
  readonly owner?: string;
  /** The log file the JVM writes to. */
  readonly log: string;
  /** The build it runs (a bridge from older sources is replaced by ensureBridge). */
  readonly buildDir: string;
}

const stateFile = (): string => join(cacheDir(), 'bridge.json');
const lockFile = (): string => join(cacheDir(), 'bridge.lock');

export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The last lines a JVM that did not start wrote to its log (SLF4J's start-up noise left out), for the error. */
export function startupLogTail(log: string): string {
  return existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('SLF4J')).slice(-8).join('\n') : '';
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The running bridge recorded in the state file, if its process is alive. A live process that is slow to answer
 * (busy with jobs on a loaded machine) is still the bridge: only a dead pid, or one that never answers within a
 * minute, counts as gone — so a second JVM is never started beside a busy one.
 */
export function runningBridge(): RunningBridge | undefined {
  if (!existsSync(stateFile())) return undefined;
  let state: RunningBridge;
  try {
    state = JSON.parse(readFileSync(stateFile(), 'utf8')) as RunningBridge;
  } catch {
    return undefined;
  }
  const until = Date.now() + 60_000;
  while (isAlive(state.pid)) {
    if (httpSync(`${state.url}/status`, 'GET', undefined, 15_000).status === 200) return state;
    if (Date.now() > until) return undefined;
    sleepSync(500);
  }
  rmSync(stateFile(), { force: true });
  return undefined;
}

export function bridgeStatus(b: RunningBridge): BridgeStatus {
  const r = httpSync(`${b.url}/status`, 'GET', undefined, 10_000);
  if (r.status !== 200) throw new FlinktsError([{ ...textFields(FLINK_TEXTS.notRunning({ pid: b.pid, answer: r.body })), severity: 'error' }]);
  return JSON.parse(r.body) as BridgeStatus;
}

function withLock<T>(f: () => T): T {
  mkdirSync(cacheDir(), { recursive: true });
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      const fd = openSync(lockFile(), 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch {
      // a lock older than 15 minutes, or of a dead process, is stale
      try {
        const holder = Number(readFileSync(lockFile(), 'utf8'));
        if (!isAlive(holder) || Date.now() - statSync(lockFile()).mtimeMs > 15 * 60_000) rmSync(lockFile(), { force: true });
      } catch { /* gone meanwhile */ }
      if (Date.now() > deadline) throw new FlinktsError([{ ...textFields(FLINK_TEXTS.startFailed({ kind: 'lock', lockFile: lockFile() })), severity: 'error' }]);
      sleepSync(200);
    }
  }
  try {
    return f();
  } finally {
    rmSync(lockFile(), { force: true });
  }
}

export interface StartOptions {
  /** Progress lines (building, starting). */
  readonly log?: (line: string) => void;
  /** Exit by itself after this many idle seconds (0 = never; the default for auto-started bridges is 900). */
  readonly idleExitSeconds?: number;
  /** Also serve a SQL Gateway REST endpoint (default true). */
  readonly gateway?: boolean;
}

/** The running bridge when it runs the current build of the sources. */
function currentBridge(): RunningBridge | undefined {
  const b = runningBridge();
  if (b === undefined) return undefined;
  if (existsSync(join(bridgeSourceDir(), 'pom.xml')) && b.buildDir !== currentBuildDir()) return undefined;
  return b;
}

/** The running bridge, or a newly started one (building it first if needed; replacing one of older sources). */
export function ensureBridge(opts: StartOptions = {}): RunningBridge {
  return currentBridge() ?? withLock(() => {
    const b = currentBridge();
    if (b !== undefined) return b;
    if (runningBridge() !== undefined) {
      opts.log?.('the Flink bridge sources changed: restarting it');
      stopBridge();
    }
    return startBridge(opts);
  });
}

function startBridge(opts: StartOptions): RunningBridge {
  const built = ensureBridgeBuilt(opts.log);
  const ready = join(built.dir, `ready-${process.pid}-${Date.now()}.json`);
  const log = join(cacheDir(), 'bridge.log');
  const out = openSync(log, 'w');
  const args = [
    '-Duser.timezone=UTC', '-Xmx1g', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1',
    '-Dlog4j2.level=WARN', `-javaagent:${built.jar}`, '-cp', built.classpath, 'dev.flinkts.bridge.BridgeMain', '--ready-file', ready,
    '--idle-exit-seconds', String(opts.idleExitSeconds ?? 900),
    ...(opts.gateway === false ? ['--no-gateway'] : []),
  ];
  opts.log?.('starting the Flink bridge (Flink 1.20.1 MiniCluster on 127.0.0.1) …');
  const child = spawn(built.java, args, { detached: true, stdio: ['ignore', out, out] });
  child.unref();
  closeSync(out);
  const pid = child.pid as number;
  const deadline = Date.now() + 180_000;
  while (!existsSync(ready)) {
    if (!isAlive(pid) || Date.now() > deadline) {
      if (isAlive(pid)) process.kill(pid, 'SIGKILL');
      const tail = startupLogTail(log);
      throw new FlinktsError([{ ...textFields(FLINK_TEXTS.startFailed({ kind: 'bridge', tail, log })), severity: 'error' }]);
    }
    sleepSync(100);
  }
  const info = JSON.parse(readFileSync(ready, 'utf8')) as BridgeInfo;
  rmSync(ready, { force: true });
  const owner = process.env.FLINKTS_BRIDGE_OWNER;
  const state: RunningBridge = { ...info, url: `http://127.0.0.1:${info.port}`, startedAt: new Date().toISOString(), log, buildDir: built.dir, ...(owner === undefined ? {} : { owner }) };
  writeFileSync(stateFile(), JSON.stringify(state, null, 2));
  return state;
}

/** Stops the recorded bridge by its pid (asks it to shut down, then SIGTERM, then SIGKILL). True if one ran. */
export function stopBridge(): boolean {
  if (!existsSync(stateFile())) return false;
  let state: RunningBridge;
  try {
    state = JSON.parse(readFileSync(stateFile(), 'utf8')) as RunningBridge;
  } catch {
    rmSync(stateFile(), { force: true });
    return false;
  }
  const wasAlive = isAlive(state.pid);
  if (wasAlive) {
    httpSync(`${state.url}/shutdown`, 'POST', '{}', 5_000);
    for (const [signal, wait] of [[undefined, 5_000], ['SIGTERM', 5_000], ['SIGKILL', 2_000]] as const) {
      if (signal !== undefined && isAlive(state.pid)) {
        try { process.kill(state.pid, signal); } catch { /* already gone */ }
      }
      const until = Date.now() + wait;
      while (isAlive(state.pid) && Date.now() < until) sleepSync(100);
      if (!isAlive(state.pid)) break;
    }
  }
  rmSync(stateFile(), { force: true });
  return wasAlive;
}

/**
 * For a run that may start the bridge (a test run, a conformance or probe script): names this process as the owner
 * of any bridge started from here on (`FLINKTS_BRIDGE_OWNER`, inherited by its workers and recorded in the state),
 * and returns what to call at the end — it stops the bridge only if this run started it, never one that was
 * already running or that another run on the same machine started meanwhile.
 */
export function ownBridgesStartedHere(): () => void {
  const owner = `${process.pid}-${Date.now()}`;
  process.env.FLINKTS_BRIDGE_OWNER = owner;
  return () => {
    if (runningBridge()?.owner === owner) stopBridge();
  };
}
