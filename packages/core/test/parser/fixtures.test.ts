/** Every reference case and both seed documents go through the parser, and through print → parse unchanged. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseExpression, parseScript, printExpression, printScript } from '../../src/index.js';
import { stripSpans } from '../../src/internal/index.js';

const fixture = (path: string) => readFileSync(fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url)), 'utf8');
const jsonl = <T>(path: string): T[] => fixture(path).trim().split('\n').map((l) => JSON.parse(l) as T);

/** The ```sql blocks of a seed document with the line each starts on. */
export function sqlBlocks(text: string): { sql: string; line: number }[] {
  const blocks: { sql: string; line: number }[] = [];
  const re = /```sql\n([\s\S]*?)```/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    blocks.push({ sql: m[1]!, line: text.slice(0, m.index).split('\n').length + 1 });
  }
  return blocks;
}

describe('flink-semantics functions.jsonl', () => {
  const cases = jsonl<{ id: string; sql: string; expected: string; isError: boolean }>('flink-semantics/functions.jsonl');
  test('every expression parses as SELECT <sql> and prints back to the same tree', () => {
    const failures: string[] = [];
    let parsed = 0;
    for (const c of cases) {
      const { script, diagnostics } = parseScript(`SELECT ${c.sql}`);
      // No reference case expects a parse error: all errors there are validation or run-time errors.
      if (diagnostics.length > 0) {
        failures.push(`${c.id}: ${diagnostics[0]!.message}`);
        continue;
      }
      parsed++;
      const again = parseScript(printScript(script));
      expect(again.diagnostics).toEqual([]);
      expect(stripSpans(again.script)).toEqual(stripSpans(script));
    }
    console.log(`functions.jsonl: ${parsed} of ${cases.length} expressions parse and round-trip`);
    expect(failures).toEqual([]);
    expect(parsed).toBe(cases.length);
  });
});

describe('flink-semantics streaming.jsonl', () => {
  const cases = jsonl<{ id: string; query: string }>('flink-semantics/streaming.jsonl');
  test.each(cases.map((c) => [c.id, c.query] as const))('%s parses and round-trips', (_id, query) => {
    const { script, diagnostics } = parseScript(query);
    expect(diagnostics).toEqual([]);
    expect(script.statements.length).toBeGreaterThan(0);
    expect(stripSpans(parseScript(printScript(script)).script)).toEqual(stripSpans(script));
  });
});

describe('seed documents', () => {
  const wrongbook = sqlBlocks(fixture('seeds/001-wrongbook.txt'));
  const realtime = sqlBlocks(fixture('seeds/000-realtime-dw.txt'));

  test('seed 001: the unquoted reserved word `timestamp` is reported at its line and column', () => {
    const { script, diagnostics } = parseScript(wrongbook[0]!.sql);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'FTS1002', span: { start: { line: 6, column: 5 } }, hint: 'quote it as `timestamp`' });
    expect(diagnostics[0]!.message).toBe("'timestamp' is a reserved word in Flink SQL; quote it as `timestamp` to use it as a column name");
    // The statement after the broken one still parses.
    expect(script.statements.map((s) => s.kind)).toEqual(['CreateTable']);
  });

  test('seed 001: USE DATABASE and the unquoted `timestamp` in the view are reported; the INSERT parses', () => {
    const { script, diagnostics } = parseScript(wrongbook[1]!.sql);
    expect(diagnostics.map((d) => [d.code, d.span?.start.line, d.span?.start.column])).toEqual([['FTS1005', 3, 5], ['FTS1002', 11, 5]]);
    expect(script.statements.map((s) => s.kind)).toEqual(['UseCatalog', 'Insert']);
  });

  test('seed 001: ENCRYPTED WITH is not Flink SQL; the empty column list is reported with it', () => {
    const { diagnostics } = parseScript(wrongbook[2]!.sql);
    expect(diagnostics).toHaveLength(2);
    expect(diagnostics[0]).toMatchObject({ code: 'FTS1001', message: "expected a column definition but found ')'", span: { start: { line: 4, column: 1 } } });
    expect(diagnostics[1]).toMatchObject({ code: 'FTS1004', message: "'ENCRYPTED WITH' is not Flink SQL", span: { start: { line: 10, column: 3 } } });
  });

  test('seed 001 with its defects fixed parses completely', () => {
    const fixed = `${wrongbook[0]!.sql}\n${wrongbook[1]!.sql}`.replaceAll(/\btimestamp\b(?=\s*(BIGINT|,|\)))/g, '`timestamp`').replace('USE DATABASE dwd', 'USE dwd');
    const { script, diagnostics } = parseScript(fixed);
    expect(diagnostics).toEqual([]);
    expect(script.statements.map((s) => s.kind)).toEqual(['CreateTable', 'CreateTable', 'UseCatalog', 'UseDatabase', 'CreateView', 'Insert']);
  });

  test('seed 000: its SET statements parse; the prose and option fragments in its sql blocks are reported', () => {
    const first = parseScript(realtime[0]!.sql);
    expect(first.script.statements.map((s) => (s.kind === 'Set' ? s.key : s.kind))).toEqual([
      'execution.checkpointing.interval', 'execution.checkpointing.timeout', 'execution.checkpointing.min-pause',
      'state.backend', 'state.backend.rocksdb.writebuffer.size', 'state.ttl',
    ]);
    expect(first.diagnostics[0]).toMatchObject({ span: { start: { line: 12, column: 1 } } });
    for (const block of realtime.slice(1)) {
      const { diagnostics } = parseScript(block.sql);
      expect(diagnostics.length).toBeGreaterThan(0);
      expect(diagnostics[0]!.message).toMatch(/^expected a statement/);
    }
  });
});

test('printExpression output re-parses to the same expression for every reference case', () => {
  for (const c of jsonl<{ sql: string }>('flink-semantics/functions.jsonl')) {
    const e = parseExpression(c.sql).expression!;
    expect(stripSpans(parseExpression(printExpression(e)).expression)).toEqual(stripSpans(e));
  }
});
