#!/usr/bin/env node
/**
 * Resolves the throw-away Kafka broker's classpath (scripts/kafka/pom.xml: Apache Kafka 4, KRaft) with Maven into
 * the flinkts cache — `$FLINKTS_CACHE` or `~/.cache/flinkts`, under `kafka/<hash of the pom>/` — as the Flink
 * bridge is built (packages/core/src/engine/flink/bridge-build.ts). Idempotent: does nothing when that classpath
 * is there. Run by `npm test` before the tests, so a bare machine downloads the jars once and outside any test's
 * timeout; test/support/kafka.ts runs it too when a test file is run alone. Prints the classpath file's path.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pom = join(dirname(fileURLToPath(import.meta.url)), 'kafka', 'pom.xml');
const cache = process.env.FLINKTS_CACHE ?? join(homedir(), '.cache', 'flinkts');
const dir = join(cache, 'kafka', createHash('sha256').update(readFileSync(pom)).digest('hex').slice(0, 16));
const classpath = join(dir, 'classpath.txt');

if (!existsSync(classpath)) {
  mkdirSync(dir, { recursive: true });
  process.stderr.write(`resolving the Kafka broker's jars with Maven into ${dir} …\n`);
  const r = spawnSync('mvn', ['-B', '-q', '-f', pom, 'package', `-Dflinkts.build.dir=${dir}`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  writeFileSync(join(dir, 'build.log'), `${r.stdout ?? ''}\n${r.stderr ?? ''}`);
  if (r.error !== undefined || r.status !== 0 || !existsSync(classpath)) {
    process.stderr.write(`Maven could not resolve the Kafka broker (${r.error?.message ?? `exit ${r.status}`}); the log is ${join(dir, 'build.log')}\n`);
    process.exit(1);
  }
}
process.stdout.write(`${classpath}\n`);
