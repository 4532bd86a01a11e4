/**
 * What goes wrong while `flinkts.config.ts` loads is a diagnostic at the user's file and line (FTS9001, or the
 * builder's own code), through the real bin: a syntax error (esbuild's position), a builder refusing a value
 * (FlinktsError), and a TypeError thrown inside flinkts by a value that only a type checker would have caught
 * (the source-mapped line of the user's call).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from './run-cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Inside the repo, so that `import … from 'flinkts'` resolves to this package (its compiled dist/).
const tmp = mkdtempSync(join(ROOT, 'test', '.tmp-config-errors-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function pipelineDir(name: string, config: string): string {
  const dir = join(tmp, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'flinkts.config.ts'), config);
  return relative(ROOT, dir);
}

describe('config load errors', () => {
  test('a syntax error is reported at its line and column, exit 1', () => {
    const dir = pipelineDir('syntax', "import { t, table } from 'flinkts';\n\nexport const x = table('x', { columns: { id: t.bigint() } };\n");
    const r = runCli(['check', dir], { cwd: ROOT });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/syntax\/flinkts\.config\.ts:3:\d+ - error FTS9001: the pipeline config does not compile: /);
  });

  test("a builder's refusal keeps its own code and gets the user's line", () => {
    const dir = pipelineDir('refused', "import { t, table } from 'flinkts';\n\nexport const x = table('x', {\n  columns: { id: t.bigint() },\n  primaryKey: ['idd' as 'id'],\n});\n");
    const r = runCli(['build', dir, '--json'], { cwd: ROOT });
    expect(r.code).toBe(1);
    const d = (JSON.parse(r.stdout) as { diagnostics: { code: string; file: string; span?: { start: { line: number } } }[] }).diagnostics[0]!;
    expect(d.code).toBe('FTS2101');
    expect(d.file).toMatch(/refused\/flinkts\.config\.ts$/);
    expect(d.span?.start.line).toBe(3);
  });

  test('a TypeError inside flinkts points at the user\'s call, not at flinkts\'s internals', () => {
    const dir = pipelineDir('internal', "import { from, t, table } from 'flinkts';\n\nconst orders = table('orders', { columns: { id: t.bigint() } });\nconst missing = undefined as unknown as typeof orders;\nexport default from(missing, 'o').selectAll();\n");
    const r = runCli(['check', dir], { cwd: ROOT });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/internal\/flinkts\.config\.ts:5:\d+ - error FTS9001: a value passed to flinkts here is not what it expects/);
    expect(r.stdout).toContain('npx tsc --noEmit');
  });
});
