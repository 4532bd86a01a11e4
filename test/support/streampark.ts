/**
 * StreamPark's own SQL splitter and command parser (`SqlCommandParser.parseSQL` of
 * org.apache.streampark:streampark-flink-shims-base_2.12, the newest 2.1 release on Maven Central, 2.1.0), run in a
 * JVM on scripts: the authority the emitted `flinkSql` and the TypeScript port (`streamparkSqlProblems`) are
 * checked against. Jars come from Maven Central through `mvn`; the harness is compiled with `javac` once.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fetchJar } from './maven.js';

export const STREAMPARK_LIBRARY_VERSION = '2.1.0';

let classpath: string | undefined;

function harness(): string {
  if (classpath !== undefined) return classpath;
  const jars = [
    fetchJar({ groupId: 'org.apache.streampark', artifactId: 'streampark-flink-shims-base_2.12', version: STREAMPARK_LIBRARY_VERSION }),
    fetchJar({ groupId: 'org.apache.streampark', artifactId: 'streampark-common_2.12', version: STREAMPARK_LIBRARY_VERSION }),
    fetchJar({ groupId: 'org.scala-lang', artifactId: 'scala-library', version: '2.12.8' }),
  ];
  const out = mkdtempSync(join(tmpdir(), 'flinkts-streampark-'));
  execFileSync('javac', ['-cp', jars.join(':'), '-d', out, fileURLToPath(new URL('./streampark/StreamparkVerify.java', import.meta.url))], { stdio: 'pipe' });
  classpath = [out, ...jars].join(':');
  return classpath;
}

export type StreamparkVerdict = { readonly ok: true; readonly commands: readonly string[] } | { readonly ok: false; readonly message: string };

/** StreamPark's verdict on each script, in order. */
export function streamparkParse(scripts: readonly string[]): StreamparkVerdict[] {
  const output = execFileSync('java', ['-cp', harness(), 'StreamparkVerify'], { input: scripts.join('\n\u0000\n'), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines = output.split('\n').filter((l) => l !== '');
  if (lines.length !== scripts.length) throw new Error(`StreamPark harness answered ${lines.length} lines for ${scripts.length} scripts:\n${output}`);
  return lines.map((l) => (l.startsWith('OK ') ? { ok: true, commands: l.slice(3).split('|').filter(Boolean) } : { ok: false, message: l.slice(5) }));
}
