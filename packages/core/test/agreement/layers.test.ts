/**
 * The layers check and the local runtime share: the runtime and the typer read the function registry and the
 * typer (typing/), never the analyzer, so the analyzer's rules cannot become a second source of types.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../../src/', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
}

function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]!);
}

describe('layers', () => {
  for (const layer of ['runtime', 'typing', 'functions', 'catalog']) {
    it(`${layer}/ does not import analyzer/`, () => {
      const offending = files(join(src, layer)).flatMap((f) => importsOf(f).filter((i) => /(^|\/)analyzer\//.test(i)).map((i) => `${relative(src, f)}: ${i}`));
      expect(offending).toEqual([]);
    });
  }
});
