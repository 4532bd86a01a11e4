/**
 * Maven Central through the real `mvn` client: resolve a list of coordinates (POMs only, nothing transitive) in
 * one invocation, and fetch one jar. The local repository (~/.m2) caches what was resolved once.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Coordinate {
  readonly groupId: string;
  readonly artifactId: string;
  readonly version: string;
}

const id = (c: Coordinate): string => `${c.groupId}:${c.artifactId}:${c.version}`;
const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const project = (artifactId: string, body: string): string =>
  `<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion><groupId>flinkts.coordinates</groupId><artifactId>${artifactId}</artifactId><version>0</version><packaging>pom</packaging>${body}</project>\n`;

/**
 * The coordinates whose POM Maven cannot resolve (empty when every one exists). Maven keeps one version per
 * groupId:artifactId in a project, so the coordinates are spread over reactor modules with at most one version
 * each; `--fail-at-end` reports every module's missing artifacts in the one run.
 */
export function unresolvable(coordinates: readonly Coordinate[]): string[] {
  const modules: Coordinate[][] = [];
  for (const c of coordinates) {
    const free = modules.find((m) => !m.some((x) => x.groupId === c.groupId && x.artifactId === c.artifactId));
    if (free === undefined) modules.push([c]);
    else free.push(c);
  }
  const dir = mkdtempSync(join(tmpdir(), 'flinkts-coordinates-'));
  try {
    modules.forEach((m, i) => {
      mkdirSync(join(dir, `m${i}`));
      const deps = m
        .map((c) => `<dependency><groupId>${xml(c.groupId)}</groupId><artifactId>${xml(c.artifactId)}</artifactId><version>${xml(c.version)}</version><type>pom</type><exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions></dependency>`)
        .join('');
      writeFileSync(join(dir, `m${i}`, 'pom.xml'), project(`m${i}`, `<dependencies>${deps}</dependencies>`));
    });
    writeFileSync(join(dir, 'pom.xml'), project('root', `<modules>${modules.map((_, i) => `<module>m${i}</module>`).join('')}</modules>`));
    // -U: a "not found" cached by an earlier run is asked again.
    const r = spawnSync('mvn', ['-B', '-U', '-q', '--fail-at-end', '-f', join(dir, 'pom.xml'), 'dependency:resolve'], { encoding: 'utf8', timeout: 600_000 });
    if (r.error) throw r.error;
    if (r.status === 0) return [];
    const text = `${r.stdout}\n${r.stderr}`;
    const missing = coordinates.filter((c) => text.includes(`${c.groupId}:${c.artifactId}:pom:${c.version}`)).map(id);
    if (missing.length === 0) throw new Error(`mvn failed without naming a coordinate:\n${text.slice(-3000)}`);
    return missing;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Downloads one jar (not transitive) unless the local repository has it, and returns its path there. */
export function fetchJar(c: Coordinate): string {
  const path = join(homedir(), '.m2', 'repository', ...c.groupId.split('.'), c.artifactId, c.version, `${c.artifactId}-${c.version}.jar`);
  if (!existsSync(path)) execFileSync('mvn', ['-B', '-q', 'dependency:get', `-Dartifact=${id(c)}`, '-Dtransitive=false'], { stdio: 'pipe', timeout: 600_000 });
  return path;
}

/** The entries of a jar, through the JDK's `jar` tool. */
export function jarEntries(path: string): string[] {
  return execFileSync('jar', ['tf', path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\n').filter(Boolean);
}
