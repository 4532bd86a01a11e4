/** Runs the real `flinkts` bin in a child process, as users do. */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/flinkts.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], options: { readonly cwd?: string; readonly input?: string; readonly env?: NodeJS.ProcessEnv } = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd, input: options.input ?? '', encoding: 'utf8', timeout: 60_000, env: options.env ?? process.env });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs the real `flinkts` bin without blocking this process, from the repo root with `env` added to this process's
 * environment: for tests whose fake platform or server runs in this process and must answer the CLI.
 */
export function runCliAsync(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => { stdout += b.toString(); });
  child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })));
}
