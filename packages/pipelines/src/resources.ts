/**
 * Job resources: JobManager and TaskManager memory and CPU, slots per TaskManager and the number of
 * TaskManagers. Memory is Flink MemorySize text (`'2g'`, `'1536 mb'`); each platform prints it its own way.
 */
import type { Diagnostic } from '@flinkts/core';
import { parseMemorySize } from '@flinkts/connectors';
import type { MemorySizeValue } from '@flinkts/connectors';
import { CODES } from './codes.js';

export interface ProcessResources {
  /** Total process memory (`jobmanager.memory.process.size` / `taskmanager.memory.process.size`). */
  readonly memory?: Exclude<MemorySizeValue, `\${${string}}`>;
  /** CPU cores (VVP, Alibaba, Kubernetes and YARN vcores). */
  readonly cpu?: number;
}

export interface TaskManagerResources extends ProcessResources {
  /** `taskmanager.numberOfTaskSlots`. */
  readonly slots?: number;
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
  readonly taskManager: { readonly memoryBytes?: number; readonly cpu?: number; readonly slots?: number };
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
      diagnostics.push({ code: CODES.badResources, severity: 'error', message: `memory '${text}' is not a Flink memory size`, hint: "write a number and a unit, e.g. '2g' or '1536m'", path: at });
      return undefined;
    }
    return bytes;
  };
  const count = (value: number | undefined, at: string, integer: boolean): number | undefined => {
    if (positive(value, integer)) return value;
    diagnostics.push({ code: CODES.badResources, severity: 'error', message: `${at.split('.').pop()} must be a positive ${integer ? 'integer' : 'number'}, received ${String(value)}`, path: at });
    return undefined;
  };
  const jmMemory = memory(r.jobManager?.memory, `${path}.jobManager.memory`);
  const jmCpu = count(r.jobManager?.cpu, `${path}.jobManager.cpu`, false);
  const tmMemory = memory(r.taskManager?.memory, `${path}.taskManager.memory`);
  const tmCpu = count(r.taskManager?.cpu, `${path}.taskManager.cpu`, false);
  const slots = count(r.taskManager?.slots, `${path}.taskManager.slots`, true);
  const taskManagers = count(r.taskManagers, `${path}.taskManagers`, true);
  return {
    jobManager: { ...(jmMemory === undefined ? {} : { memoryBytes: jmMemory }), ...(jmCpu === undefined ? {} : { cpu: jmCpu }) },
    taskManager: { ...(tmMemory === undefined ? {} : { memoryBytes: tmMemory }), ...(tmCpu === undefined ? {} : { cpu: tmCpu }), ...(slots === undefined ? {} : { slots }) },
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
