/**
 * The diagnostic code reference cannot drift: every code the sources report is declared (in the registry or a code
 * table), every declared code is still reported somewhere, and docs/diagnostics.md is what the tables generate.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ALL_DIAGNOSTIC_CODES, DIAGNOSTICS_DOC, renderDiagnosticsDoc } from '../../scripts/diagnostics-doc.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REGISTRY = join(ROOT, 'packages/core/src/diagnostics/registry.ts');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && path !== REGISTRY ? [path] : [];
  });
}

/** Codes the sources report: quoted ('FTS4102') or inside a formatted message ("error FTS9101:"). */
function reportedCodes(): Map<string, string> {
  const found = new Map<string, string>();
  const dirs = [join(ROOT, 'src'), ...readdirSync(join(ROOT, 'packages')).map((p) => join(ROOT, 'packages', p, 'src'))];
  for (const file of dirs.flatMap(sources)) {
    // Doc comments and whole-line comments only mention codes (e.g. "error FTS1203:" as a format example).
    const code = readFileSync(file, 'utf8').replace(/\/\*\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    for (const m of code.matchAll(/['"](FTS\d{4})['"]|(?:error|warning) (FTS\d{4}):/g)) found.set(m[1] ?? m[2]!, file);
  }
  return found;
}

describe('diagnostic code reference', () => {
  const registered = ALL_DIAGNOSTIC_CODES.map((c) => c.code);

  test('codes are unique, well-formed and sorted', () => {
    expect(new Set(registered).size).toBe(registered.length);
    for (const c of registered) expect(c).toMatch(/^FTS\d{4}$/);
    expect([...registered].sort()).toEqual(registered);
  });

  test('every code the sources report is registered, and every registered code is reported', () => {
    const reported = reportedCodes();
    const unregistered = [...reported.keys()].filter((c) => !registered.includes(c)).map((c) => `${c} (${reported.get(c)})`);
    expect(unregistered).toEqual([]);
    expect(registered.filter((c) => !reported.has(c))).toEqual([]);
  });

  test('docs/diagnostics.md is generated from the registry (npm run docs)', () => {
    expect(readFileSync(DIAGNOSTICS_DOC, 'utf8')).toBe(renderDiagnosticsDoc());
  });
});
