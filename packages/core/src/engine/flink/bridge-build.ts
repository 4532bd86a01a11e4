/**
 * Building the bridge: `mvn package` of the repo's `flink/` module into a cache directory outside the repo
 * (`$FLINKTS_CACHE` or `~/.cache/flinkts`), keyed by a hash of the module's sources, so it is built once and
 * rebuilt when the sources change. Maven keeps the jars it resolves in `~/.m2`.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { FlinktsError } from '../../diagnostics/diagnostic.js';
import { textFields } from '../../diagnostics/code-table.js';
import { FLINK_TEXTS } from './codes.js';
import { findToolchain } from './toolchain.js';
import { nearestPackageDir } from '../../package-dir.js';

/** The bridge module's artifact id: tells the repo's `flink/` from any other Maven module of that name. */
const BRIDGE_ARTIFACT = '<artifactId>flinkts-flink-bridge</artifactId>';

function isBridgeModule(dir: string): boolean {
  const pom = join(dir, 'pom.xml');
  return existsSync(pom) && readFileSync(pom, 'utf8').includes(BRIDGE_ARTIFACT);
}

/** Where the published @flinkts/core carries a copy of the module (`dist/flink-bridge/`, written by the build). */
export const PACKAGED_BRIDGE_DIR = 'flink-bridge';

/**
 * The Maven module of the bridge: `FLINKTS_BRIDGE_SOURCE` if set; else `flink/` at the root of the flinkts checkout
 * this file runs from (from `src/` or `dist/`); else the copy shipped in the installed package's `dist/`.
 */
export function bridgeSourceDir(): string {
  if (process.env.FLINKTS_BRIDGE_SOURCE) return process.env.FLINKTS_BRIDGE_SOURCE;
  const core = nearestPackageDir(import.meta.url);
  const checkout = resolve(core, '..', '..', 'flink');
  if (isBridgeModule(checkout)) return checkout;
  return resolve(core, 'dist', PACKAGED_BRIDGE_DIR);
}

/** Where built bridges, logs and the running bridge's state live. */
export function cacheDir(): string {
  return process.env.FLINKTS_CACHE ?? join(homedir(), '.cache', 'flinkts');
}

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name === 'target') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else out.push(p);
  }
  return out;
}

/** Where the current sources of the bridge are (or would be) built. */
export function currentBuildDir(): string {
  return join(cacheDir(), 'bridge', sourceHash(bridgeSourceDir()));
}

function sourceHash(src: string): string {
  const h = createHash('sha256');
  for (const f of files(src)) h.update(f.slice(src.length)).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex').slice(0, 16);
}

export interface BuiltBridge {
  readonly dir: string;
  /** The full classpath: the bridge jar, then Flink's and the connectors' jars from ~/.m2. */
  readonly classpath: string;
  /** The bridge jar itself (also the processing-clock Java agent). */
  readonly jar: string;
  readonly java: string;
}

/** Builds the bridge if its sources changed since the last build (a few minutes the first time: Maven downloads). */
export function ensureBridgeBuilt(log: (line: string) => void = () => {}): BuiltBridge {
  const tools = findToolchain();
  const src = bridgeSourceDir();
  if (!existsSync(join(src, 'pom.xml'))) {
    throw new FlinktsError([{ ...textFields(FLINK_TEXTS.buildFailed({ kind: 'noModule', src, packagedDir: PACKAGED_BRIDGE_DIR })), severity: 'error' }]);
  }
  const dir = join(cacheDir(), 'bridge', sourceHash(src));
  const jar = join(dir, 'flinkts-flink-bridge-0.1.0.jar');
  const cpFile = join(dir, 'classpath.txt');
  if (!existsSync(jar) || !existsSync(cpFile)) {
    mkdirSync(dir, { recursive: true });
    log(`building the Flink bridge (Flink 1.20.1) with Maven into ${dir} …`);
    const logFile = join(dir, 'build.log');
    const r = spawnSync(tools.mvn, ['-B', '-q', '-f', join(src, 'pom.xml'), 'package', '-DskipTests', `-Dflinkts.build.dir=${dir}`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    writeFileSync(logFile, `${r.stdout ?? ''}\n${r.stderr ?? ''}`);
    if (r.status !== 0 || !existsSync(jar)) {
      const tail = `${r.stdout ?? ''}${r.stderr ?? ''}`.split('\n').filter((l) => /ERROR|Could not/.test(l)).slice(0, 6).join('\n');
      throw new FlinktsError([{ ...textFields(FLINK_TEXTS.buildFailed({ kind: 'maven', tail, logFile })), severity: 'error' }]);
    }
    log('built the Flink bridge');
  }
  return { dir, jar, classpath: `${jar}:${readFileSync(cpFile, 'utf8').trim()}`, java: tools.java };
}
