/**
 * Flink's TaskManager and JobManager memory model (Flink 1.20 `TaskExecutorFlinkMemoryUtils`,
 * `JobManagerFlinkMemoryUtils`, `ProcessMemoryUtils`, defaults from `TaskManagerOptions` / `JobManagerOptions`):
 *
 *   process = flink memory + JVM metaspace (256m) + JVM overhead (10 % of process, at least 192m, at most 1g)
 *   TaskManager flink memory = framework heap (128m) + task heap + framework off-heap (128m) + task off-heap (0)
 *                              + managed (40 % of flink memory) + network (10 % of flink memory, at least 64m;
 *                              `taskmanager.memory.network.max` has no limit by default in 1.20)
 *   JobManager flink memory = heap + off-heap (128m)
 *
 * Given the process size and any explicit parts, the other parts are derived the way Flink derives them; a
 * breakdown that does not fit is reported with Flink's reason (Flink refuses to start such a process). The test
 * memory-flink.test.ts checks acceptance and every part against flink-runtime's own TaskExecutorProcessUtils.
 */
const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

export const FLINK_MEMORY_DEFAULTS = {
  frameworkHeap: 128 * MIB,
  frameworkOffHeap: 128 * MIB,
  taskOffHeap: 0,
  // Flink declares the fractions as float options: their exact values are the float nearest 0.4 / 0.1.
  managedFraction: Math.fround(0.4),
  networkFraction: Math.fround(0.1),
  networkMin: 64 * MIB,
  networkMax: Number.POSITIVE_INFINITY,
  metaspace: 256 * MIB,
  overheadFraction: Math.fround(0.1),
  overheadMin: 192 * MIB,
  overheadMax: GIB,
  jobManagerOffHeap: 128 * MIB,
  jobManagerMetaspace: 256 * MIB,
} as const;

/** Explicit TaskManager parts, in bytes. */
export interface TaskManagerMemoryParts {
  readonly taskHeap?: number;
  readonly taskOffHeap?: number;
  readonly managed?: number;
  readonly network?: number;
}

export interface TaskManagerMemory {
  readonly process: number;
  readonly flink: number;
  readonly frameworkHeap: number;
  readonly taskHeap: number;
  readonly frameworkOffHeap: number;
  readonly taskOffHeap: number;
  readonly managed: number;
  readonly network: number;
  readonly metaspace: number;
  readonly overhead: number;
}

const D = FLINK_MEMORY_DEFAULTS;
const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
const floorMib = (v: number): number => Math.floor(v);
export const mib = (bytes: number): string => (bytes % MIB === 0 ? `${bytes / MIB}m` : `${bytes}b`);

/** Derives the TaskManager breakdown for a total process size, or says why Flink would refuse it. */
export function taskManagerMemory(process: number, parts: TaskManagerMemoryParts = {}): { readonly memory?: TaskManagerMemory; readonly problem?: string } {
  const taskOffHeap = parts.taskOffHeap ?? D.taskOffHeap;
  const metaspace = D.metaspace;
  if (parts.taskHeap !== undefined && parts.managed !== undefined) {
    // Flink: task heap and managed memory given — total Flink memory is their sum with the fixed parts.
    const withoutNetwork = D.frameworkHeap + parts.taskHeap + D.frameworkOffHeap + taskOffHeap + parts.managed;
    const network = parts.network ?? clamp(floorMib((withoutNetwork * D.networkFraction) / (1 - D.networkFraction)), D.networkMin, D.networkMax);
    const flink = withoutNetwork + network;
    if (flink + metaspace > process) {
      return { problem: `the configured parts add up to ${mib(flink)} of Flink memory (framework heap ${mib(D.frameworkHeap)} + task heap ${mib(parts.taskHeap)} + framework off-heap ${mib(D.frameworkOffHeap)} + task off-heap ${mib(taskOffHeap)} + managed ${mib(parts.managed)} + network ${mib(network)}); with JVM metaspace ${mib(metaspace)} that exceeds the ${mib(process)} process size` };
    }
    const overhead = process - flink - metaspace;
    if (overhead < D.overheadMin || overhead > D.overheadMax) {
      return { problem: `the configured parts leave ${mib(overhead)} of the ${mib(process)} process for JVM overhead, outside Flink's range ${mib(D.overheadMin)}–${mib(D.overheadMax)}` };
    }
    return { memory: { process, flink, frameworkHeap: D.frameworkHeap, taskHeap: parts.taskHeap, frameworkOffHeap: D.frameworkOffHeap, taskOffHeap, managed: parts.managed, network, metaspace, overhead } };
  }
  const overhead = clamp(floorMib(process * D.overheadFraction), D.overheadMin, D.overheadMax);
  const flink = process - metaspace - overhead;
  if (flink <= 0) return { problem: `a ${mib(process)} process cannot hold JVM metaspace ${mib(metaspace)} and JVM overhead ${mib(overhead)}` };
  const managed = parts.managed ?? floorMib(flink * D.managedFraction);
  if (parts.taskHeap !== undefined) {
    const network = parts.network ?? flink - D.frameworkHeap - parts.taskHeap - D.frameworkOffHeap - taskOffHeap - managed;
    const sum = D.frameworkHeap + parts.taskHeap + D.frameworkOffHeap + taskOffHeap + managed + network;
    if (network < 0 || sum !== flink) {
      return { problem: `framework heap ${mib(D.frameworkHeap)} + task heap ${mib(parts.taskHeap)} + framework off-heap ${mib(D.frameworkOffHeap)} + task off-heap ${mib(taskOffHeap)} + managed ${mib(managed)}${parts.network === undefined ? '' : ` + network ${mib(parts.network)}`} do not fit the ${mib(flink)} of Flink memory a ${mib(process)} process has (after JVM metaspace ${mib(metaspace)} and overhead ${mib(overhead)})` };
    }
    if (parts.network === undefined && (network < D.networkMin || network > D.networkMax)) {
      return { problem: `the ${mib(network)} left for network memory is below Flink's minimum ${mib(D.networkMin)}` };
    }
    return { memory: { process, flink, frameworkHeap: D.frameworkHeap, taskHeap: parts.taskHeap, frameworkOffHeap: D.frameworkOffHeap, taskOffHeap, managed, network, metaspace, overhead } };
  }
  const network = parts.network ?? clamp(floorMib(flink * D.networkFraction), D.networkMin, D.networkMax);
  const taskHeap = flink - D.frameworkHeap - D.frameworkOffHeap - taskOffHeap - managed - network;
  if (taskHeap < 0) {
    return { problem: `framework heap ${mib(D.frameworkHeap)} + framework off-heap ${mib(D.frameworkOffHeap)} + task off-heap ${mib(taskOffHeap)} + managed ${mib(managed)} + network ${mib(network)} exceed the ${mib(flink)} of Flink memory a ${mib(process)} process has (after JVM metaspace ${mib(metaspace)} and overhead ${mib(overhead)})` };
  }
  return { memory: { process, flink, frameworkHeap: D.frameworkHeap, taskHeap, frameworkOffHeap: D.frameworkOffHeap, taskOffHeap, managed, network, metaspace, overhead } };
}

export interface JobManagerMemory {
  readonly process: number;
  readonly flink: number;
  readonly heap: number;
  readonly offHeap: number;
  readonly metaspace: number;
  readonly overhead: number;
}

/** Derives the JobManager breakdown for a total process size, or says why Flink would refuse it. */
export function jobManagerMemory(process: number): { readonly memory?: JobManagerMemory; readonly problem?: string } {
  const overhead = clamp(floorMib(process * D.overheadFraction), D.overheadMin, D.overheadMax);
  const metaspace = D.jobManagerMetaspace;
  if (metaspace + overhead > process) return { problem: `a ${mib(process)} JobManager cannot hold JVM metaspace ${mib(metaspace)} and JVM overhead ${mib(overhead)}` };
  const flink = process - metaspace - overhead;
  const heap = flink - D.jobManagerOffHeap;
  if (heap <= 0) return { problem: `a ${mib(process)} JobManager has ${mib(flink)} of Flink memory, not more than its off-heap ${mib(D.jobManagerOffHeap)}: no heap is left` };
  return { memory: { process, flink, heap, offHeap: D.jobManagerOffHeap, metaspace, overhead } };
}

/** Why a JobManager process of this size cannot start (undefined when it can). */
export function jobManagerMemoryProblem(process: number): string | undefined {
  return jobManagerMemory(process).problem;
}
