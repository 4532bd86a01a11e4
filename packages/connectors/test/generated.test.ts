/** The committed src/generated/*.ts are exactly what scripts/generate-catalog.ts makes from catalog/*.json. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { generate } from '../scripts/generate-catalog.js';

const generatedDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'generated');

test('generated option modules are current', () => {
  const files = generate();
  expect([...files.keys()].sort()).toEqual(readdirSync(generatedDir).sort());
  for (const [file, text] of files) expect(readFileSync(join(generatedDir, file), 'utf8'), file).toBe(text);
});
