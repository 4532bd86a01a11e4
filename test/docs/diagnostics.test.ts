/**
 * The diagnostic code reference cannot drift: every code is declared once, in its stage's code table, and the sources
 * name it from there (no 'FTS1234' literal outside the tables); every declared code is still reported somewhere, and
 * docs/diagnostics.md is what the tables generate; each code carries its exit class, and its message and hint
 * builders (the codes still raised with free-form texts are listed).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ALL_DIAGNOSTIC_CODES, DIAGNOSTICS_DOC, renderDiagnosticsDoc } from '../../scripts/diagnostics-doc.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REGISTRY = join(ROOT, 'packages/core/src/diagnostics/registry.ts');

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    if (statSync(path).isDirectory()) return sourcesUnder(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Every source of the CLI (src/) and of each package's src/. */
const sources = (): string[] => [join(ROOT, 'src'), ...readdirSync(join(ROOT, 'packages')).map((p) => join(ROOT, 'packages', p, 'src'))].flatMap(sourcesUnder);

/**
 * Codes the sources report: by name from their table (`SQL_CODES.reservedWord`, `BIND_TEXTS.columnNotFound(…)`), or
 * written out where a table cannot be imported (ALLOWED_LITERALS).
 */
function reportedCodes(): Map<string, string> {
  const found = new Map<string, string>();
  const files = sources().map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  const declared = files.filter((f) => isCodeTable(f.path, f.text)).flatMap((f) => [...f.text.matchAll(/^\s+(\w+): \['(FTS\d{4})'/gm)].map((m) => ({ key: m[1]!, code: m[2]! })));
  for (const { path, text } of files.filter((f) => !isCodeTable(f.path, f.text))) {
    const code = withoutComments(text);
    for (const m of code.matchAll(/['"](FTS\d{4})['"]|(?:error|warning) (FTS\d{4}):/g)) found.set(m[1] ?? m[2]!, path);
    for (const m of code.matchAll(/\b[A-Z_]*(?:CODES|TEXTS)\.(\w+)\b/g)) for (const d of declared) if (d.key === m[1]) found.set(d.code, path);
  }
  return found;
}

/** A code table: a file that declares codes with codeTable(…) (or the registry that gathers core's tables). */
const isCodeTable = (file: string, text: string): boolean => file === REGISTRY || /\bcodeTable\(/.test(text);

/** The text of a source without its comments (doc comments, block comments, whole-line and trailing // comments). */
const withoutComments = (text: string): string =>
  text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|\s)\/\/.*$/gm, '$1');

/**
 * Codes raised outside their table because the package that declares them cannot be imported there. Each entry says
 * why; the test fails when an entry is no longer needed.
 */
const ALLOWED_LITERALS: readonly { readonly file: string; readonly code: string; readonly why: string }[] = [
];

/** Every FTS code written in the code (not a comment) of a source that is not a code table, with file and line. */
function codeLiterals(): { readonly file: string; readonly line: number; readonly code: string }[] {
  return sources().flatMap((path) => {
    const text = readFileSync(path, 'utf8');
    if (isCodeTable(path, text)) return [];
    const file = relative(ROOT, path).split(sep).join('/');
    return withoutComments(text).split('\n').flatMap((l, i) => [...l.matchAll(/FTS\d{4}/g)].map((m) => ({ file, line: i + 1, code: m[0] })));
  });
}

/**
 * Where a templated code may be named by its CODES entry outside its table other than in a comparison (`d.code ===
 * X_CODES.name`): places that do not raise it with a text of their own. Each entry says why; the test fails when an
 * entry is no longer needed.
 */
const CODE_NAME_USES: readonly { readonly file: string; readonly name: string; readonly why: string }[] = [
  { file: 'packages/core/src/diagnostics/arguments.ts', name: 'DEFINITION_CODES.badArgument', why: 'the default code of argumentText, which renders the FTS2305 template' },
  { file: 'packages/core/src/runtime/errors.ts', name: 'RUNTIME_CODES.evaluationFailed', why: 'EvaluationError carries its code; job.ts reports it with RUNTIME_TEXTS.evaluationFailed' },
  { file: 'src/cli/commands/promote.ts', name: 'DEPLOY_CODES.cannotPromote', why: "the command's help text names the code" },
];

/**
 * Raise sites of templated codes that pass a text of their own: `X_CODES.name` (where `X_TEXTS.name` exists, a template
 * of the same table) used other than in a comparison, in a source that is not a code table.
 */
function freeFormRaisesOfTemplatedCodes(): { readonly file: string; readonly line: number; readonly name: string }[] {
  const files = sources().map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  const templated = new Set<string>();
  for (const t of files.filter((f) => isCodeTable(f.path, f.text))) {
    const keys = [...t.text.matchAll(/^\s+(\w+): \['FTS\d{4}', (?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`), template\(/gm)].map((m) => m[1]!);
    for (const m of t.text.matchAll(/export const (\w+_CODES) = \w+\.codes;/g)) for (const k of keys) templated.add(`${m[1]!}.${k}`);
  }
  return files.filter((f) => !isCodeTable(f.path, f.text)).flatMap(({ path, text }) => {
    const file = relative(ROOT, path).split(sep).join('/');
    return withoutComments(text).split('\n').flatMap((l, i) => [...l.matchAll(/\b[A-Z_]+_CODES\.\w+\b/g)]
      .filter((m) => templated.has(m[0]))
      .filter((m) => !/(?:===|!==|case)\s*$/.test(l.slice(0, m.index)) && !/^\s*(?:===|!==)/.test(l.slice(m.index! + m[0].length)))
      .map((m) => ({ file, line: i + 1, name: m[0] })));
  });
}

describe('diagnostic code reference', () => {
  const registered = ALL_DIAGNOSTIC_CODES.map((c) => c.code);

  test('every code carries its exit class in its table (usage: exit 2, problem: exit 1)', () => {
    const missing = ALL_DIAGNOSTIC_CODES.filter((c) => c.exit !== 'usage' && c.exit !== 'problem').map((c) => c.code);
    expect(missing).toEqual([]);
    expect(ALL_DIAGNOSTIC_CODES.filter((c) => c.exit === 'usage').map((c) => c.code)).toEqual(['FTS7601', 'FTS7602', 'FTS8010', 'FTS8030', 'FTS8076', 'FTS8102', 'FTS8106', 'FTS9002', 'FTS9111']);
  });

  test('every code declares its message and hint builders (a template with a typed payload) in its table', () => {
    expect(ALL_DIAGNOSTIC_CODES.filter((c) => !c.templated).map((c) => c.code)).toEqual([]);
  });

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

  test('no code is written as a literal outside the code tables: sources name it by its table (SQL_CODES.reservedWord)', () => {
    const found = codeLiterals();
    const allowed = (l: { readonly file: string; readonly code: string }): boolean => ALLOWED_LITERALS.some((a) => a.file === l.file && a.code === l.code);
    expect(found.filter((l) => !allowed(l)).map((l) => `${l.file}:${l.line} ${l.code}`)).toEqual([]);
    expect(ALLOWED_LITERALS.filter((a) => !found.some((l) => l.file === a.file && l.code === a.code)).map((a) => `${a.file} ${a.code}`)).toEqual([]);
  });

  test('a templated code is raised with its template: no X_CODES.name used as a raise-site code where X_TEXTS.name exists', () => {
    const found = freeFormRaisesOfTemplatedCodes();
    expect(found.length).toBeGreaterThan(0); // the allowed uses below are found: the scan is not vacuous
    const allowed = (u: { readonly file: string; readonly name: string }): boolean => CODE_NAME_USES.some((a) => a.file === u.file && a.name === u.name);
    expect(found.filter((u) => !allowed(u)).map((u) => `${u.file}:${u.line} ${u.name}`)).toEqual([]);
    expect(CODE_NAME_USES.filter((a) => !found.some((u) => u.file === a.file && u.name === a.name)).map((a) => `${a.file} ${a.name}`)).toEqual([]);
  });

  test('docs/diagnostics.md is generated from the registry (npm run docs)', () => {
    expect(readFileSync(DIAGNOSTICS_DOC, 'utf8')).toBe(renderDiagnosticsDoc());
  });
});
