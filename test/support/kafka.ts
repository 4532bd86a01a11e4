/**
 * A real Apache Kafka 4 broker for the deploy tests: one JVM in KRaft combined mode (broker and controller) on
 * 127.0.0.1, on two free ports, with a throw-away log directory formatted by Kafka's own StorageTool; stopped by
 * its pid and its directory removed afterwards. Its jars come from Maven Central through scripts/install-kafka.mjs
 * (which `npm test` runs before the tests), into the flinkts cache as the Flink bridge's do.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface KafkaBroker {
  /** `127.0.0.1:<port>`, for `properties.bootstrap.servers`. */
  readonly bootstrap: string;
  readonly pid: number;
  /** Milliseconds from formatting the storage to the broker accepting connections. */
  readonly startupMs: number;
  stop(): Promise<void>;
}

const accepts = (port: number): Promise<boolean> => new Promise((done) => {
  const socket = connect(port, '127.0.0.1');
  socket.once('connect', () => { socket.destroy(); done(true); });
  socket.once('error', () => done(false));
});

/** The broker's classpath, resolved by the project's install script (a no-op once resolved). */
export function kafkaClasspath(): string {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'install-kafka.mjs')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`scripts/install-kafka.mjs failed: ${r.stderr}`);
  return readFileSync(r.stdout.trim(), 'utf8').trim();
}

// A small heap and only the client compiler: the broker serves a few topics of test rows, and starts sooner
const JVM = ['-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-XX:-UsePerfData'];

export async function startKafka(): Promise<KafkaBroker> {
  const classpath = kafkaClasspath();
  const dir = mkdtempSync(join(tmpdir(), 'flinkts-kafka-'));
  const [port, controller] = [await freePort(), await freePort()];
  const properties = join(dir, 'server.properties');
  writeFileSync(properties, [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controller}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controller}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name=PLAINTEXT',
    `log.dirs=${join(dir, 'data')}`,
    // one node: every internal topic with one replica and one partition, and no wait before a group's first rebalance
    'num.partitions=1',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    'auto.create.topics.enable=true',
    '',
  ].join('\n'));
  const started = Date.now();
  // a cluster id is a UUID written as 22 characters of URL-safe base64 (what `StorageTool random-uuid` prints)
  const clusterId = randomBytes(16).toString('base64url');
  const format = spawnSync('java', [...JVM, '-cp', classpath, 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', properties], { encoding: 'utf8' });
  if (format.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`Kafka's StorageTool could not format ${dir}: ${format.stderr}${format.stdout}`);
  }
  const broker: ChildProcess = spawn('java', [...JVM, '-cp', classpath, 'kafka.Kafka', properties], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  broker.stdout?.on('data', (b: Buffer) => { output += b.toString(); });
  broker.stderr?.on('data', (b: Buffer) => { output += b.toString(); });
  const stop = async (): Promise<void> => {
    if (broker.exitCode === null && broker.signalCode === null && broker.pid !== undefined) {
      const exited = new Promise((done) => broker.once('exit', done));
      process.kill(broker.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 20_000))]);
      if (broker.exitCode === null && broker.signalCode === null) process.kill(broker.pid, 'SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (;;) {
    if (await accepts(port)) break;
    if (broker.exitCode !== null || Date.now() - started > 180_000) {
      await stop();
      throw new Error(`the Kafka broker did not start (exit ${broker.exitCode}):\n${output.slice(-3000)}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  return { bootstrap: `127.0.0.1:${port}`, pid: broker.pid as number, startupMs: Date.now() - started, stop };
}
