/**
 * CAST(text AS FLOAT) rounds the decimal text once, as Java's Float.valueOf: text just above or below the
 * midpoint between two floats must not be rounded to a double (landing on the midpoint) and then tie to even.
 * Expected bits from OpenJDK 17 (fixtures/java-parse-float.txt); a double-then-float rounding gets a third of
 * them wrong.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { castConverter } from '../../src/runtime/functions/cast.js';

const file = fileURLToPath(new URL('../fixtures/java-parse-float.txt', import.meta.url));
const cases = readFileSync(file, 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#')).map((l) => l.split(' ') as [string, string]);
const toFloat = castConverter({ kind: 'VARCHAR', length: 2147483647, nullable: true }, { kind: 'FLOAT', nullable: true }, 'UTC');
const bits = (f: number): string => {
  const a = new Float32Array([f]);
  return String(new Int32Array(a.buffer)[0]);
};

describe('CAST(text AS FLOAT)', () => {
  it('rounds like Float.parseFloat at, above and below float midpoints', () => {
    const misses = cases.filter(([text, want]) => bits(toFloat(text) as number) !== want);
    expect(cases.length).toBe(900);
    expect(misses.slice(0, 5)).toEqual([]);
  });

  it('still parses the ordinary forms', () => {
    expect(toFloat(' 1.5f ')).toBe(1.5);
    expect(toFloat('-0.1')).toBe(Math.fround(-0.1));
    expect(toFloat('1e39')).toBe(Infinity);
    // the overflow midpoint 2^128 - 2^103: text just below it stays the largest float (OpenJDK 17)
    expect(toFloat('340282356779733661637539395458142568447.9')).toBe(3.4028234663852886e38);
    expect(toFloat('-340282356779733661637539395458142568447.9')).toBe(-3.4028234663852886e38);
    expect(toFloat('340282356779733661637539395458142568448')).toBe(Infinity);
    expect(toFloat('340282356779733661637539395458142568448.1')).toBe(Infinity);
    expect(toFloat('NaN')).toBeNaN();
    expect(() => toFloat('1,5')).toThrow(/NumberFormatException/);
  });
});
