/**
 * A compiled `flinkts.config.ts` is cached (src/cli/config-cache.ts): loading an unchanged config again does not
 * run esbuild, and an edit to the config or to a local module it imports compiles it again. The cache sits in the
 * nearest node_modules/.cache/flinkts.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test, vi } from 'vitest';
import { importConfig } from '../../src/cli/import-config.js';

const calls = vi.hoisted(() => ({ build: 0 }));
vi.mock('esbuild', async (importOriginal) => {
  const real = await importOriginal<typeof import('esbuild')>();
  return { ...real, build: (...args: Parameters<typeof real.build>) => (calls.build++, real.build(...args)) };
});

const dir = mkdtempSync(join(tmpdir(), 'flinkts-config-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('an unchanged config is not compiled again; an edit to it or to a module it imports is', async () => {
  mkdirSync(join(dir, 'node_modules'));
  const config = join(dir, 'flinkts.config.ts');
  writeFileSync(join(dir, 'part.ts'), 'export const n: number = 1;\n');
  writeFileSync(config, "import { n } from './part';\nexport default { n, url: import.meta.url };\n");
  const load = async (sourceMaps = false) => (await importConfig(config, { sourceMaps })).default as { n: number; url: string };

  expect((await load()).n).toBe(1);
  expect(calls.build).toBe(1);
  const again = await load();
  expect(again.n).toBe(1);
  expect(calls.build).toBe(1); // from the cache
  expect(again.url.startsWith(`file://${dir}/`)).toBe(true); // still imported from the config's folder
  expect(readdirSync(join(dir, 'node_modules', '.cache', 'flinkts'))).toHaveLength(1);

  writeFileSync(join(dir, 'part.ts'), 'export const n: number = 2;\n');
  expect((await load()).n).toBe(2);
  expect(calls.build).toBe(2);
  writeFileSync(config, "import { n } from './part';\nexport default { n: n * 10, url: '' };\n");
  expect((await load()).n).toBe(20);
  expect(calls.build).toBe(3);
  expect((await load()).n).toBe(20);
  expect(calls.build).toBe(3);

  // with source maps (to locate an error) is another entry
  expect((await load(true)).n).toBe(20);
  expect(calls.build).toBe(4);
  expect(readdirSync(join(dir, 'node_modules', '.cache', 'flinkts'))).toHaveLength(2);
  // nothing is left next to the config
  expect(readdirSync(dir).sort()).toEqual(['flinkts.config.ts', 'node_modules', 'part.ts']);
});
