/** OVERLAPS beyond the reference cases: backwards periods, touching ends, NULL bounds, bad operands. */
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../src/testing/index.js';

const value = (sql: string) => evaluate(sql).value;

describe('OVERLAPS', () => {
  test('a period given backwards is turned around', () => {
    expect(value("(TIME '10:00:00', TIME '09:00:00') OVERLAPS (TIME '09:30:00', TIME '09:40:00')")).toBe(true);
  });
  test('touching ends overlap; a gap does not', () => {
    expect(value("(DATE '2024-01-01', DATE '2024-01-05') OVERLAPS (DATE '2024-01-05', DATE '2024-01-09')")).toBe(true);
    expect(value("(DATE '2024-01-01', DATE '2024-01-04') OVERLAPS (DATE '2024-01-05', INTERVAL '2' DAY)")).toBe(false);
  });
  test('a NULL bound gives NULL', () => {
    expect(value("(TIMESTAMP '2024-01-01 00:00:00', CAST(NULL AS TIMESTAMP)) OVERLAPS (TIMESTAMP '2024-01-01 00:00:00', INTERVAL '1' HOUR)")).toBe(null);
  });
});
