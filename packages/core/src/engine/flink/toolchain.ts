/** Finding Java (17+) and Maven, with a diagnostic (not a stack trace) when one is missing. */
import { spawnSync } from 'node:child_process';
import { FlinktsError } from '../../diagnostics/diagnostic.js';
import { textFields } from '../../diagnostics/code-table.js';
import { FLINK_TEXTS } from './codes.js';

export interface Toolchain {
  readonly java: string;
  readonly javaVersion: number;
  readonly mvn: string;
}

function version(cmd: string, args: readonly string[]): string | undefined {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  return `${r.stdout}\n${r.stderr}`;
}

/** `java` on the PATH (or `$JAVA_HOME/bin/java`), or a FTS7601 diagnostic. */
export function findJava(): { readonly java: string; readonly javaVersion: number } {
  const candidates = [process.env.JAVA_HOME ? `${process.env.JAVA_HOME}/bin/java` : undefined, 'java'].filter((c): c is string => c !== undefined);
  for (const java of candidates) {
    const out = version(java, ['-version']);
    if (out === undefined) continue;
    const m = /version "(\d+)(?:\.(\d+))?/.exec(out);
    const major = m ? (Number(m[1]) === 1 ? Number(m[2]) : Number(m[1])) : 0;
    if (major >= 17) return { java, javaVersion: major };
    throw new FlinktsError([{ ...textFields(FLINK_TEXTS.javaMissing({ kind: 'tooOld', java, major })), severity: 'error' }]);
  }
  throw new FlinktsError([{ ...textFields(FLINK_TEXTS.javaMissing({ kind: 'notFound' })), severity: 'error' }]);
}

/** `mvn` on the PATH, or a FTS7602 diagnostic. */
export function findMaven(): string {
  if (version('mvn', ['-v']) !== undefined) return 'mvn';
  throw new FlinktsError([{ ...textFields(FLINK_TEXTS.mavenMissing({})), severity: 'error' }]);
}

export function findToolchain(): Toolchain {
  return { ...findJava(), mvn: findMaven() };
}

/**
 * On a bare Debian/Ubuntu machine (CI): installs a JDK 17 and Maven with apt-get when either is missing and this
 * process may (root). Returns what it did; a machine it cannot provision is left to the diagnostics above.
 */
export function installMissingToolchain(log: (line: string) => void): string[] {
  const missing: string[] = [];
  try { findJava(); } catch { missing.push('openjdk-17-jdk-headless'); }
  try { findMaven(); } catch { missing.push('maven'); }
  if (missing.length === 0) return [];
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || version('apt-get', ['--version']) === undefined) return [];
  log(`installing ${missing.join(', ')} with apt-get …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
  return missing;
}
