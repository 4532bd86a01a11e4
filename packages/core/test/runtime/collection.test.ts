import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/testing/index.js';

const text = (sql: string) => evaluate(sql).text;

describe('collection functions', () => {
  it('arrays', () => {
    expect(text('ARRAY_APPEND(ARRAY[1, 2], 3)')).toBe('[1, 2, 3]');
    expect(text('ARRAY_CONTAINS(ARRAY[1, 2], 2)')).toBe('TRUE');
    expect(text('ARRAY_DISTINCT(ARRAY[1, 2, 1])')).toBe('[1, 2]');
    expect(text('ARRAY_POSITION(ARRAY[5, 6, 7], 7)')).toBe('3');
    expect(text('ARRAY_SLICE(ARRAY[1, 2, 3, 4], 2, 3)')).toBe('[2, 3]');
    expect(text("ARRAY_JOIN(ARRAY['a', 'b'], '-')")).toBe('a-b');
    expect(text('ARRAY_MAX(ARRAY[3, 9, 1])')).toBe('9');
    expect(text("SPLIT('a,b,c', ',')")).toBe('[a, b, c]');
  });
  it('maps', () => {
    expect(text("MAP_KEYS(MAP['k1', 1, 'k2', 2])")).toBe('[k1, k2]');
    expect(text("MAP_VALUES(MAP['k1', 1, 'k2', 2])")).toBe('[1, 2]');
    expect(text("CARDINALITY(MAP_FROM_ARRAYS(ARRAY['a', 'b'], ARRAY[1, 2]))")).toBe('2');
  });
});
