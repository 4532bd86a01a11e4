/**
 * Flink 1.20.1's own TaskManager memory derivation (`TaskExecutorProcessUtils.processSpecFromConfig` in
 * flink-runtime from Maven Central), run in a JVM: the authority flinkts' memory model is checked against.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

let classpath: string | undefined;

function harness(): string {
  if (classpath !== undefined) return classpath;
  const dir = mkdtempSync(join(tmpdir(), 'flinkts-flink-memory-'));
  writeFileSync(
    join(dir, 'pom.xml'),
    '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion><groupId>flinkts</groupId><artifactId>flink-memory</artifactId><version>0</version><dependencies><dependency><groupId>org.apache.flink</groupId><artifactId>flink-runtime</artifactId><version>1.20.1</version></dependency></dependencies></project>\n',
  );
  execFileSync('mvn', ['-B', '-q', '-f', join(dir, 'pom.xml'), 'dependency:build-classpath', `-Dmdep.outputFile=${join(dir, 'cp.txt')}`], { stdio: 'pipe', timeout: 900_000 });
  const jars = readFileSync(join(dir, 'cp.txt'), 'utf8').trim();
  execFileSync('javac', ['-cp', jars, '-d', dir, fileURLToPath(new URL('./flink-memory/FlinkMemory.java', import.meta.url))], { stdio: 'pipe' });
  rmSync(join(dir, 'pom.xml'));
  classpath = `${dir}:${jars}`;
  return classpath;
}

export interface FlinkTaskManagerConfig {
  readonly process: string;
  readonly taskHeap?: string;
  readonly taskOffHeap?: string;
  readonly managed?: string;
  readonly network?: string;
}

export type FlinkMemoryVerdict =
  | { readonly ok: true; readonly flink: number; readonly taskHeap: number; readonly taskOffHeap: number; readonly managed: number; readonly network: number; readonly metaspace: number; readonly overhead: number }
  | { readonly ok: false; readonly reason: string };

function ask(lines: readonly string[]): FlinkMemoryVerdict[] {
  const input = lines.join('\n');
  const answers = execFileSync('java', ['-cp', harness(), 'FlinkMemory'], { input: `${input}\n`, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] }).split('\n').filter((l) => /^(OK|FAIL) /.test(l));
  if (answers.length !== lines.length) throw new Error(`Flink memory harness answered ${answers.length} lines for ${lines.length} configurations`);
  return answers.map((l) => {
    if (l.startsWith('FAIL ')) return { ok: false, reason: l.slice(5) };
    const [flink, taskHeap, taskOffHeap, managed, network, metaspace, overhead] = l.slice(3).split(' ').map(Number) as [number, number, number, number, number, number, number];
    return { ok: true, flink, taskHeap, taskOffHeap, managed, network, metaspace, overhead };
  });
}

/** Flink's verdict on TaskManager configurations. */
export function flinkTaskManagerMemory(configs: readonly FlinkTaskManagerConfig[]): FlinkMemoryVerdict[] {
  return ask(configs.map((c) => [c.process, c.taskHeap ?? '-', c.taskOffHeap ?? '-', c.managed ?? '-', c.network ?? '-'].join(' ')));
}

/** Flink's verdict on JobManager process sizes (taskHeap is the JVM heap, taskOffHeap the off-heap memory). */
export function flinkJobManagerMemory(processes: readonly string[]): FlinkMemoryVerdict[] {
  return ask(processes.map((p) => `JM ${p}`));
}
