/**
 * flinkts' TaskManager memory model against Flink 1.20.1's own derivation (flink-runtime in a JVM): the same
 * configurations accepted and refused, and every derived part equal to the byte.
 */
import { expect, test } from 'vitest';
import { parseMemorySize } from '@flinkts/connectors';
import { jobManagerMemory, taskManagerMemory } from '../src/memory.js';
import type { FlinkTaskManagerConfig } from '../../../test/support/flink-memory.js';
import { flinkJobManagerMemory, flinkTaskManagerMemory } from '../../../test/support/flink-memory.js';

const CONFIGS: FlinkTaskManagerConfig[] = [
  { process: '1728m' },
  { process: '1g' },
  { process: '2g' },
  { process: '3g' },
  { process: '4g' },
  { process: '8g' },
  { process: '16g' },
  { process: '600m' },
  { process: '400m' },
  // seed 001: 4 GB heap + 2 GB off-heap + 2 GB managed + 1 GB network in a 4 GB TaskManager
  { process: '4g', taskHeap: '4g', taskOffHeap: '2g', managed: '2g', network: '1g' },
  { process: '4g', taskHeap: '1g', managed: '1536m' },
  { process: '4g', taskHeap: '2g', managed: '2g' },
  { process: '4g', managed: '1g' },
  { process: '2g', managed: '1800m' },
  { process: '4g', taskHeap: '1g' },
  { process: '4g', taskHeap: '3g' },
  { process: '8g', taskHeap: '2g', managed: '3g', network: '512m' },
  { process: '4g', network: '256m' },
  { process: '4g', taskOffHeap: '512m' },
];

test("the memory model accepts and refuses what Flink does, and derives Flink's parts to the byte", { timeout: 900_000 }, () => {
  const flink = flinkTaskManagerMemory(CONFIGS);
  CONFIGS.forEach((c, i) => {
    const bytes = (s: string | undefined) => (s === undefined ? undefined : parseMemorySize(s)!);
    const parts = Object.fromEntries(Object.entries({ taskHeap: bytes(c.taskHeap), taskOffHeap: bytes(c.taskOffHeap), managed: bytes(c.managed), network: bytes(c.network) }).filter(([, v]) => v !== undefined));
    const mine = taskManagerMemory(bytes(c.process)!, parts);
    const real = flink[i]!;
    expect({ config: c, accepted: mine.memory !== undefined, problem: mine.problem }).toMatchObject({ config: c, accepted: real.ok });
    if (real.ok && mine.memory !== undefined) {
      for (const k of ['flink', 'taskHeap', 'taskOffHeap', 'managed', 'network', 'metaspace', 'overhead'] as const) {
        expect({ config: c, part: k, bytes: mine.memory[k] }).toEqual({ config: c, part: k, bytes: real[k] });
      }
    }
  });
  expect(flink.filter((v) => !v.ok).length).toBeGreaterThanOrEqual(3);
});

test('the JobManager model agrees with Flink: accepted sizes split to the byte, too-small ones refused', { timeout: 900_000 }, () => {
  const sizes = ['448m', '512m', '600m', '640m', '768m', '1g', '1600m', '2g', '4g', '16g'];
  const flink = flinkJobManagerMemory(sizes);
  sizes.forEach((size, i) => {
    const mine = jobManagerMemory(parseMemorySize(size)!);
    const real = flink[i]!;
    expect({ size, accepted: mine.memory !== undefined }).toEqual({ size, accepted: real.ok });
    if (real.ok && mine.memory !== undefined) {
      expect({ size, parts: [mine.memory.flink, mine.memory.heap, mine.memory.offHeap, mine.memory.metaspace, mine.memory.overhead] }).toEqual({ size, parts: [real.flink, real.taskHeap, real.taskOffHeap, real.metaspace, real.overhead] });
    }
  });
  expect(flink.some((v) => !v.ok)).toBe(true);
});
