/**
 * Prometheus's own tools for the alerting tests: `promtool` (check / unit-test rules) and `amtool` (check the
 * Alertmanager configuration, test its routes), installed by scripts/install-prometheus-tools.sh when missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../../scripts/install-prometheus-tools.sh', import.meta.url));

/** Installs promtool and amtool if they are missing (Debian packages; a few minutes on a bare machine). */
export function ensurePrometheusTools(): void {
  execFileSync('bash', [SCRIPT], { stdio: ['ignore', 'inherit', 'inherit'] });
}

export interface ToolRun {
  readonly status: number | null;
  readonly output: string;
}

export function runTool(tool: 'promtool' | 'amtool', args: readonly string[], cwd: string): ToolRun {
  const r = spawnSync(tool, args, { cwd, encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

/** Writes files (path → content) into a new temporary folder and returns it. */
export function writeTemp(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'flinkts-alerting-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}
