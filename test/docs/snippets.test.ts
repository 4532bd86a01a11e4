/**
 * The guides' code compiles as written: every ```ts block in docs/*.md is a complete module, written to
 * test/docs/.snippets/ and type-checked by tsc with the repo's settings (flinkts resolved to its sources).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOCS = join(ROOT, 'docs');
const OUT = join(ROOT, 'test', 'docs', '.snippets');
const tsc = join(createRequire(import.meta.url).resolve('typescript/package.json'), '..', 'bin', 'tsc');

function snippets(): { name: string; code: string }[] {
  return readdirSync(DOCS)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .flatMap((f) => [...readFileSync(join(DOCS, f), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m, i) => ({ name: `${f.replace(/\.md$/, '')}-${i + 1}.ts`, code: m[1]! })));
}

test('every ts block of the guides type-checks against the current API', () => {
  const all = snippets();
  expect(all.length).toBeGreaterThanOrEqual(4);
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  for (const s of all) writeFileSync(join(OUT, s.name), s.code);
  writeFileSync(join(OUT, 'tsconfig.json'), JSON.stringify({ extends: '../../../tsconfig.json', compilerOptions: { noEmit: true }, include: ['*.ts'], exclude: [] }));
  const r = spawnSync(process.execPath, [tsc, '-p', join(OUT, 'tsconfig.json')], { cwd: ROOT, encoding: 'utf8' });
  expect(r.stdout + r.stderr).toBe('');
  expect(r.status).toBe(0);
}, 240_000); // a whole tsc run over the repo's sources: minutes on a loaded machine

test("the README's and guides' commands name files that exist (no placeholder paths)", () => {
  const texts = [join(ROOT, 'README.md'), ...readdirSync(DOCS).filter((f) => f.endsWith('.md')).map((f) => join(DOCS, f))].map((f) => readFileSync(f, 'utf8'));
  const paths = texts.flatMap((t) => [...t.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => [...m[1]!.matchAll(/\b((?:examples|packages|bench|docs|test)\/[\w./-]+)/g)].map((p) => p[1]!.replace(/[.]$/, ''))));
  expect(paths.length).toBeGreaterThan(0);
  for (const p of paths.filter((x) => !x.includes('/dist/'))) expect(existsSync(join(ROOT, p)), p).toBe(true);
  for (const t of texts) expect(t).not.toMatch(/flinkts (check|fmt)[^\n]*jobs\/\*\.sql/);
});
