/**
 * `check` and `fmt` on SQL files never load the TypeScript config loader (esbuild): it is imported only when a
 * `.ts` config is loaded. Runs the commands in-process with esbuild replaced by a module that records its import.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/command.js';

const loaded = vi.hoisted(() => ({ esbuild: 0 }));
vi.mock('esbuild', () => {
  loaded.esbuild++;
  return { build: () => Promise.reject(new Error('esbuild must not be used here')) };
});

const dir = mkdtempSync(join(tmpdir(), 'flinkts-lazy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const io = (out: string[]): CliIO => ({ cwd: dir, stdout: (t) => out.push(t), stderr: (t) => out.push(t), readStdin: async () => new Uint8Array() });

test('check and fmt --check on .sql files do not import esbuild; a .ts pipeline does', async () => {
  writeFileSync(join(dir, 'job.sql'), "CREATE TABLE a (x INT) WITH ('connector' = 'datagen');\n");
  const out: string[] = [];
  expect(await main(['check', 'job.sql'], io(out))).toBe(0);
  expect(await main(['fmt', '--check', 'job.sql'], io(out))).toBe(1);
  expect(loaded.esbuild).toBe(0);
  writeFileSync(join(dir, 'flinkts.config.ts'), 'export default 1;\n');
  expect(await main(['check', '.'], io(out))).toBe(1);
  expect(loaded.esbuild).toBe(1);
});
