/**
 * Job resources: JobManager and TaskManager memory and CPU, slots per TaskManager and the number of
 * TaskManagers. Memory is Flink MemorySize text (`'2g'`, `'1536 mb'`); each platform prints it its own way.
 */
import type { Diagnostic } from '@flinkts/core';
import { parseMemorySize } from '@flinkts/connectors';
import type { MemorySizeValue } from '@flinkts/connectors';
import { TEXTS } from './codes.js';
import { textFields } from '@flinkts/core/internal';
import { jobManagerMemoryProblem, mib, taskManagerMemory } from './memory.js';

export interface ProcessResources {
  /** Total process memory (`jobmanager.memory.process.size` / `taskmanager.memory.process.size`). */
  readonly memory?: Exclude<MemorySizeValue, `\${${string}}`>;
  /** CPU cores (VVP, Alibaba, Kubernetes and YARN vcores). */
  readonly cpu?: number;
}

type Memory = Exclude<MemorySizeValue, `\${${string}}`>;

export interface TaskManagerResources extends ProcessResources {
  /** `taskmanager.numberOfTaskSlots`. */
  readonly slots?: number;
  /** Task heap (`taskmanager.memory.task.heap.size`); with the parts below checked against `memory` by Flink's rules. */
  readonly heap?: Memory;
  /** Task off-heap (`taskmanager.memory.task.off-heap.size`). */
  readonly offHeap?: Memory;
  /** Managed memory (`taskmanager.memory.managed.size`; RocksDB lives here). */
  readonly managed?: Memory;
  /** Network buffers (`taskmanager.memory.network.min` = `max`). */
  readonly network?: Memory;
}

export interface Resources {
  readonly jobManager?: ProcessResources;
  readonly taskManager?: TaskManagerResources;
  /** How many TaskManagers (VVP `numberOfTaskManagers`); native Flink deployments derive it from parallelism / slots. */
  readonly taskManagers?: number;
}

/** Later layers override earlier ones field by field. */
export function mergeResources(...layers: readonly (Resources | undefined)[]): Resources {
  let jobManager: ProcessResources = {};
  let taskManager: TaskManagerResources = {};
  let taskManagers: number | undefined;
  for (const r of layers) {
    if (r === undefined) continue;
    jobManager = { ...jobManager, ...r.jobManager };
    taskManager = { ...taskManager, ...r.taskManager };
    if (r.taskManagers !== undefined) taskManagers = r.taskManagers;
  }
  return { jobManager, taskManager, ...(taskManagers === undefined ? {} : { taskManagers }) };
}

/** Resources in numbers, ready for an emitter. */
export interface ResolvedResources {
  readonly jobManager: { readonly memoryBytes?: number; readonly cpu?: number };
  readonly taskManager: {
    readonly memoryBytes?: number;
    readonly cpu?: number;
    readonly slots?: number;
    /** Flink keys of the explicit memory parts (after the breakdown was checked). */
    readonly memoryOptions?: readonly (readonly [string, string])[];
  };
  readonly taskManagers?: number;
}

const positive = (value: number | undefined, integer: boolean): boolean =>
  value === undefined || (Number.isFinite(value) && value > 0 && (!integer || Number.isInteger(value)));

/** Parses memory sizes and checks counts; problems are diagnostics at `path`. */
export function resolveResources(r: Resources, path: string, diagnostics: Diagnostic[]): ResolvedResources {
  const memory = (text: string | undefined, at: string): number | undefined => {
    if (text === undefined) return undefined;
    const bytes = parseMemorySize(text);
    if (bytes === undefined || bytes <= 0) {
      diagnostics.push({ ...textFields(TEXTS.badResources({ kind: 'memorySize', text })), severity: 'error', path: at });
      return undefined;
    }
    return bytes;
  };
  const count = (value: number | undefined, at: string, integer: boolean): number | undefined => {
    if (positive(value, integer)) return value;
    diagnostics.push({ ...textFields(TEXTS.badResources({ kind: 'notPositive', field: at.split('.').pop() ?? at, integer, value })), severity: 'error', path: at });
    return undefined;
  };
  const jmMemory = memory(r.jobManager?.memory, `${path}.jobManager.memory`);
  const jmProblem = jmMemory === undefined ? undefined : jobManagerMemoryProblem(jmMemory);
  if (jmProblem !== undefined) diagnostics.push({ ...textFields(TEXTS.badResources({ kind: 'jobManager', problem: jmProblem })), severity: 'error', path: `${path}.jobManager.memory` });
  const jmCpu = count(r.jobManager?.cpu, `${path}.jobManager.cpu`, false);
  const tmMemory = memory(r.taskManager?.memory, `${path}.taskManager.memory`);
  const tm = r.taskManager ?? {};
  const parts = {
    taskHeap: memory(tm.heap, `${path}.taskManager.heap`),
    taskOffHeap: memory(tm.offHeap, `${path}.taskManager.offHeap`),
    managed: memory(tm.managed, `${path}.taskManager.managed`),
    network: memory(tm.network, `${path}.taskManager.network`),
  };
  const explicitParts = Object.entries(parts).filter((e): e is [string, number] => e[1] !== undefined);
  const memoryOptions: [string, string][] = [];
  if (explicitParts.length > 0 && tmMemory === undefined) {
    diagnostics.push({ ...textFields(TEXTS.badResources({ kind: 'partsWithoutTotal' })), severity: 'error', path: `${path}.taskManager.memory` });
  }
  if (tmMemory !== undefined) {
    const result = taskManagerMemory(tmMemory, Object.fromEntries(explicitParts));
    if (result.problem !== undefined) {
      diagnostics.push({ ...textFields(TEXTS.badResources({ kind: 'taskManager', problem: result.problem })), severity: 'error', path: `${path}.taskManager` });
    } else {
      if (parts.taskHeap !== undefined) memoryOptions.push(['taskmanager.memory.task.heap.size', mib(parts.taskHeap)]);
      if (parts.taskOffHeap !== undefined) memoryOptions.push(['taskmanager.memory.task.off-heap.size', mib(parts.taskOffHeap)]);
      if (parts.managed !== undefined) memoryOptions.push(['taskmanager.memory.managed.size', mib(parts.managed)]);
      if (parts.network !== undefined) memoryOptions.push(['taskmanager.memory.network.min', mib(parts.network)], ['taskmanager.memory.network.max', mib(parts.network)]);
    }
  }
  const tmCpu = count(r.taskManager?.cpu, `${path}.taskManager.cpu`, false);
  const slots = count(r.taskManager?.slots, `${path}.taskManager.slots`, true);
  const taskManagers = count(r.taskManagers, `${path}.taskManagers`, true);
  return {
    jobManager: { ...(jmMemory === undefined ? {} : { memoryBytes: jmMemory }), ...(jmCpu === undefined ? {} : { cpu: jmCpu }) },
    taskManager: { ...(tmMemory === undefined ? {} : { memoryBytes: tmMemory }), ...(tmCpu === undefined ? {} : { cpu: tmCpu }), ...(slots === undefined ? {} : { slots }), ...(memoryOptions.length === 0 ? {} : { memoryOptions }) },
    ...(taskManagers === undefined ? {} : { taskManagers }),
  };
}

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

/** Flink MemorySize text: `2048m` (whole MiB; Flink reads `m` as mebibytes). */
export function flinkMemory(bytes: number): string {
  return bytes % MIB === 0 ? `${bytes / MIB}m` : `${bytes}b`;
}

/** Kubernetes-style quantity with a unit: VVP writes `2G`, Alibaba `2Gi`. */
export function quantity(bytes: number, giga: string, mega: string): string {
  if (bytes % GIB === 0) return `${bytes / GIB}${giga}`;
  if (bytes % MIB === 0) return `${bytes / MIB}${mega}`;
  return String(bytes);
}
