/**
 * Hadoop's own `Configuration` (hadoop-common 3.3.4 from Maven Central, with the few jars its XML reading needs),
 * run in a JVM on a generated configuration file: what Hive reads from hive-site.xml, variables expanded.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fetchJar } from './maven.js';

const JARS = [
  ['org.apache.hadoop', 'hadoop-common', '3.3.4'],
  ['org.apache.hadoop', 'hadoop-auth', '3.3.4'],
  ['org.apache.hadoop.thirdparty', 'hadoop-shaded-guava', '1.1.1'],
  ['com.fasterxml.woodstox', 'woodstox-core', '5.3.0'],
  ['org.codehaus.woodstox', 'stax2-api', '4.2.1'],
  ['org.apache.commons', 'commons-configuration2', '2.1.1'],
  ['org.apache.commons', 'commons-lang3', '3.12.0'],
  ['commons-lang', 'commons-lang', '2.6'],
  ['commons-collections', 'commons-collections', '3.2.2'],
  ['commons-logging', 'commons-logging', '1.1.3'],
  ['org.slf4j', 'slf4j-api', '1.7.36'],
] as const;

let classpath: string | undefined;

function harness(): string {
  if (classpath !== undefined) return classpath;
  const jars = JARS.map(([groupId, artifactId, version]) => fetchJar({ groupId, artifactId, version }));
  const out = mkdtempSync(join(tmpdir(), 'flinkts-hadoop-conf-'));
  execFileSync('javac', ['-cp', jars.join(':'), '-d', out, fileURLToPath(new URL('./hadoop-conf/HadoopConf.java', import.meta.url))], { stdio: 'pipe' });
  classpath = [out, ...jars].join(':');
  return classpath;
}

/** The values Hadoop reads for `keys` from the file at `path`, with `env` as the process environment. */
export function hadoopConfValues(path: string, keys: readonly string[], env: Readonly<Record<string, string>>): Record<string, string> {
  const output = execFileSync('java', ['-cp', harness(), 'HadoopConf', path, ...keys], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return Object.fromEntries(output.split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}
