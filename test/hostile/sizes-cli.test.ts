/**
 * The corpus's size cases through the real `flinkts` bin in a child process, at the CLI's own stack: the in-process
 * suite (sql-corpus.test.ts) runs in vitest's worker, whose V8 optimises hot functions into smaller frames (the CLI
 * turns that tier off, bin/flinkts.js), so deep nesting that overflowed the CLI's stack passed there — 480-deep scalar
 * sub-queries gave spurious FTS4499 "nested too deeply" through `flinkts check`, and 500 deep took over a minute.
 * One `check --json` and one `fmt --check --json` over every case's file, so the suite costs two processes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sizes } from './corpus/sizes.js';

const BIN = fileURLToPath(new URL('../../bin/flinkts.js', import.meta.url));
/** Far above what the cases take together even on a loaded machine: only a hang (or minutes of re-binding) reaches it. */
const HANG_GUARD_MS = 300_000;

interface CheckJson {
  readonly diagnostics: readonly { readonly code: string; readonly severity: string; readonly message: string; readonly file?: string; readonly span?: unknown }[];
}
interface FmtJson {
  readonly failed: readonly { readonly file: string; readonly errors: string }[];
}

let dir = '';
const files = new Map<string, string>();
let check: CheckJson;
let fmt: FmtJson;

function cli(args: readonly string[]): string {
  // The bin as users run it: `node bin/flinkts.js`, no flags (so Node's default stack).
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: HANG_GUARD_MS, maxBuffer: 1 << 28 });
  if (r.error !== undefined) throw r.error;
  expect(r.status, r.stderr).not.toBe(2);
  expect(r.stderr).not.toMatch(/FTS9\d{3}|RangeError|Maximum call stack/);
  return r.stdout;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'flinkts-sizes-'));
  sizes.forEach((c, i) => {
    const file = join(dir, `case-${i}.sql`);
    writeFileSync(file, c.sql);
    files.set(c.name, file);
  });
  const all = [...files.values()];
  check = JSON.parse(cli(['check', '--json', ...all])) as CheckJson;
  fmt = JSON.parse(cli(['fmt', '--check', '--json', ...all])) as FmtJson;
}, HANG_GUARD_MS * 2);

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe('sizes, through the CLI', () => {
  test.each(sizes.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const file = files.get(c.name)!;
    const ds = check.diagnostics.filter((d) => d.file === file);
    const shown = ds.map((d) => `${d.code} ${d.message}`).join('; ');
    for (const d of ds) expect(d.span, `${d.code} ${d.message} has no position`).toBeDefined();
    if (c.codes.length === 0) expect(ds.filter((d) => d.severity === 'error'), shown).toEqual([]);
    else for (const code of c.codes) expect(ds.map((d) => d.code), shown).toContain(code);
    // fmt formats what parses (never an internal error) and refuses, with the parse diagnostics, what does not.
    const failed = fmt.failed.find((f) => f.file === file);
    const parseErrors = ds.some((d) => /^FTS1\d{3}$/.test(d.code) || /^FTS200\d$/.test(d.code));
    if (parseErrors) expect(failed).toBeDefined();
    else expect(failed?.errors).toBeUndefined();
  });
});
