/**
 * Timing of whole processes for the CLI benchmarks: wall time (median of several alternating runs) and the CPU
 * time the child used (user + system), read from /proc/self/stat's cutime / cstime after each child is reaped.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ProcessRun {
  readonly wallMs: number;
  readonly cpuMs: number;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

function childCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state); cutime and cstime are fields 16 and 17.
  return (Number(fields[13]) + Number(fields[14])) * TICK_MS;
}

/** Runs a command once; fails loudly when it does not exit with `expectCode`. */
export function runProcess(cmd: string, args: readonly string[], options: { readonly cwd?: string; readonly expectCode?: number } = {}): ProcessRun {
  const cpu0 = childCpuMs();
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: options.cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wallMs = performance.now() - t0;
  const cpuMs = childCpuMs() - cpu0;
  if (r.status !== (options.expectCode ?? 0)) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return { wallMs, cpuMs };
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export interface Measured {
  readonly wallMs: number;
  readonly cpuMs: number;
}

/** Runs each command `rounds` times, alternating, and returns the median wall time and mean CPU time of each. */
export function compare(commands: Readonly<Record<string, () => ProcessRun>>, rounds: number): Record<string, Measured> {
  const runs: Record<string, ProcessRun[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let i = 0; i < rounds; i++) for (const [k, f] of Object.entries(commands)) runs[k]!.push(f());
  return Object.fromEntries(
    Object.entries(runs).map(([k, rs]) => [k, { wallMs: median(rs.map((r) => r.wallMs)), cpuMs: rs.reduce((a, r) => a + r.cpuMs, 0) / rs.length }]),
  );
}

export const verdict = (ratio: number, target: number): string => (ratio <= target ? 'met' : 'NOT met');
