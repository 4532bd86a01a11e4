/** Runs the real `flinkts` bin in a child process, as users do. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/flinkts.js', import.meta.url));

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], options: { readonly cwd?: string; readonly input?: string; readonly env?: NodeJS.ProcessEnv } = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd, input: options.input ?? '', encoding: 'utf8', timeout: 60_000, env: options.env ?? process.env });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
