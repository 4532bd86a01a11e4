/**
 * FTS7005 (bad test input) has one template with a typed payload (runtime/bad-input.ts): every raise site names the
 * situation by `kind`, and the message names the row and the column — also for a value the text reader cannot read
 * (before, a bad DATE text said only "Bad DATE fixture" without its row).
 */
import { describe, expect, it } from 'vitest';
import { FlinktsError } from '@flinkts/core';
import { runJob } from '../../src/testing/index.js';
import { RUNTIME_TEXTS } from '../../src/runtime/codes.js';

const SQL = `
CREATE TABLE src (id INT, d DATE, tags ARRAY<INT>, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'datagen');
CREATE TABLE snk (id INT, d DATE) WITH ('connector' = 'blackhole');
INSERT INTO snk SELECT id, d FROM src;`;

function diagnostic(inputs: Record<string, readonly unknown[]>): { code: string; message: string; hint?: string } {
  try {
    runJob(SQL, { inputs: inputs as never });
  } catch (e) {
    if (e instanceof FlinktsError) return e.diagnostics[0]!;
    throw e;
  }
  throw new Error('no error');
}

describe('FTS7005: bad test input', () => {
  it('a value the text reader cannot read names its row and column', () => {
    const d = diagnostic({ src: [[1, '2024-01-01', null], [2, 'not a date', null]] });
    expect(d.code).toBe('FTS7005');
    expect(d.message).toBe('inputs.src[1].d: a string ("not a date") is not a DATE value (it cannot be read as one)');
  });

  it('a nested value names its path inside the column', () => {
    const d = diagnostic({ src: [[1, null, [1, 'x']]] });
    expect(d.message).toMatch(/^inputs\.src\[0\]\.tags\[1\]: a string \("x"\) is not an INT value/);
  });

  it('a missing key names the key column and says it is missing, with the hint', () => {
    const d = diagnostic({ src: [{ d: '2024-01-01' }] });
    expect(d.message).toBe("inputs.src[0].id: primary key column 'id' of table 'src' is missing");
    expect(d.hint).toBe('Flink makes PRIMARY KEY columns NOT NULL; give every row its key');
  });

  it('the template renders each kind from its payload alone', () => {
    expect(RUNTIME_TEXTS.badInput({ kind: 'arity', at: { table: 'f', function: true, row: 2 }, columns: ['a', 'b'], got: 3 }).message)
      .toBe('table function f, row 2: expected 2 values (a, b), got 3');
    expect(RUNTIME_TEXTS.badInput({ kind: 'unknownColumn', at: { table: 't' }, column: 'z', columns: ['a'] })).toEqual({
      code: 'FTS7005', message: "inputs.t: unknown column 'z' of table 't'", hint: 'columns are a',
    });
    expect(RUNTIME_TEXTS.badInput({ kind: 'processingTime', to: 0, from: 1000 }).hint).toBe('order the processingTime entries by time');
  });
});
