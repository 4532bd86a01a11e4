/**
 * The one function registry against Flink 1.20 and the local runtime: every record names a Flink 1.20.1
 * built-in of the same kind and syntax (flink-1.20-functions.json is the in-project copy of the function
 * reference), and every record either runs locally or is refused with FTS7001 — never an unknown function.
 */
import { describe, expect, it } from 'vitest';
import reference from './flink-1.20-functions.json' with { type: 'json' };
import { FlinktsError } from '../../src/diagnostics/diagnostic.js';
import { AGGREGATE_FUNCTIONS, BUILTIN_NAMES, FUNCTIONS, NILADIC_FUNCTIONS, builtinFunction } from '../../src/functions/registry.js';
import type { FunctionSignature } from '../../src/functions/registry.js';
import { ExpressionCompiler } from '../../src/runtime/compile-expression.js';
import { FUNCTIONS as IMPLEMENTATIONS } from '../../src/runtime/functions/registry.js';
import { AGGREGATE_NAMES } from '../../src/runtime/operators/aggregates.js';
import { COLLECTION_AGGREGATES } from '../../src/runtime/operators/collection-aggregates.js';
import { REDUCED_AGGREGATES } from '../../src/runtime/plan-reduce-aggregates.js';
import { createSession } from '../../src/runtime/session.js';
import { parseExpression } from '../../src/sql/parser/index.js';
import { runJob } from '../../src/testing/index.js';

interface ReferenceFunction { readonly name: string; readonly kind: string; readonly sqlSyntax: readonly string[] }
const byName = new Map((reference as readonly ReferenceFunction[]).map((f) => [f.name, f]));
const records = Object.entries(FUNCTIONS as Record<string, FunctionSignature>);

/** The registry kind of a reference kind (special syntax and operators such as OVERLAPS are scalar). */
const KIND: Record<string, FunctionSignature['kind']> = {
  scalar: 'scalar', 'special-syntax': 'scalar', operator: 'scalar', aggregate: 'aggregate', window: 'window', 'table-valued': 'table',
};

/** The code raised by `f`, or 'ok'. */
function outcome(f: () => unknown): string {
  try {
    f();
    return 'ok';
  } catch (e) {
    if (e instanceof FlinktsError) return e.diagnostics[0]!.code;
    throw e;
  }
}

const DDL = `CREATE TABLE t (a STRING, i INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen');\n`;
const run = (query: string) => outcome(() => runJob(`${DDL}${query}`, { inputs: { t: [] } }));
const compile = (sql: string) => outcome(() => new ExpressionCompiler({ columns: [] }, createSession({})).compile(parseExpression(sql).expression!));

/** A use of each special form and table function (their syntax is their own, not `NAME(args)`). */
const USES: Record<string, () => string> = {
  EXTRACT: () => compile("EXTRACT(YEAR FROM DATE '2024-01-02')"), CAST: () => compile("CAST('1' AS INT)"), TRY_CAST: () => compile("TRY_CAST('x' AS INT)"),
  POSITION: () => compile("POSITION('b' IN 'abc')"), TRIM: () => compile("TRIM(BOTH 'x' FROM 'xax')"), OVERLAY: () => compile("OVERLAY('abc' PLACING 'z' FROM 2)"),
  SUBSTRING: () => compile("SUBSTRING('abc' FROM 2)"),
  OVERLAPS: () => compile("(TIMESTAMP '2024-01-01 00:00:00', INTERVAL '1' HOUR) OVERLAPS (TIMESTAMP '2024-01-01 00:30:00', INTERVAL '1' HOUR)"),
  JSON_EXISTS: () => compile(`JSON_EXISTS('{"a":1}', '$.a')`), JSON_VALUE: () => compile(`JSON_VALUE('{"a":1}', '$.a')`),
  JSON_QUERY: () => compile(`JSON_QUERY('{"a":[1]}', '$.a')`), JSON_OBJECT: () => compile("JSON_OBJECT(KEY 'a' VALUE 1)"), JSON_ARRAY: () => compile('JSON_ARRAY(1, 2)'),
  TUMBLE: () => run("SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end;"),
  HOP: () => run("SELECT window_start, COUNT(*) FROM TABLE(HOP(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE, INTERVAL '2' MINUTE)) GROUP BY window_start, window_end;"),
  CUMULATE: () => run("SELECT window_start, COUNT(*) FROM TABLE(CUMULATE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE, INTERVAL '2' MINUTE)) GROUP BY window_start, window_end;"),
  GROUPING: () => run('SELECT a, GROUPING(a) FROM t GROUP BY ROLLUP (a);'), GROUPING_ID: () => run('SELECT a, GROUPING_ID(a) FROM t GROUP BY CUBE (a);'),
  SESSION: () => run("SELECT window_start, COUNT(*) FROM TABLE(SESSION(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end;"),
  JSON_OBJECTAGG: () => run('SELECT a, JSON_OBJECTAGG(KEY CAST(i AS STRING) VALUE i) FROM t GROUP BY a;'),
};

describe('the function registry', () => {
  it('every record and alias is a Flink 1.20 built-in of the same kind', () => {
    const problems: string[] = [];
    for (const [name, f] of records) {
      for (const n of [name, ...(f.aliases ?? [])]) {
        const ref = byName.get(n);
        if (ref === undefined) problems.push(`${n}: not in the Flink 1.20 function reference`);
        else if (KIND[ref.kind] !== f.kind) problems.push(`${n}: ${f.kind} here, ${ref.kind} in the reference`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('niladic records are written without parentheses in Flink, call records with them', () => {
    const problems: string[] = [];
    for (const [name, f] of records) {
      if (f.syntax === 'special') continue;
      const syntax = byName.get(name)!.sqlSyntax;
      const bare = syntax.some((s) => s.trim() === name);
      if ((f.syntax === 'niladic') !== bare) problems.push(`${name}: ${f.syntax} here, reference syntax ${JSON.stringify(syntax)}`);
    }
    expect(problems).toEqual([]);
    expect([...NILADIC_FUNCTIONS].sort()).toEqual(['CURRENT_DATE', 'CURRENT_TIME', 'CURRENT_TIMESTAMP', 'LOCALTIME', 'LOCALTIMESTAMP']);
  });

  it('every callable Flink 1.20 built-in of the reference has a record', () => {
    const callable = (reference as readonly ReferenceFunction[]).filter((f) => ['scalar', 'aggregate', 'window', 'table-valued', 'special-syntax'].includes(f.kind));
    // MATCH_RECOGNIZE navigation (FIRST, LAST, PREV, NEXT, CLASSIFIER, FINAL, RUNNING), DESCRIPTOR, CASE and the
    // value constructors are expressions or clauses with AST nodes of their own, not functions called by name
    const clauses = new Set(['FIRST', 'LAST', 'PREV', 'NEXT', 'CLASSIFIER', 'FINAL', 'RUNNING', 'DESCRIPTOR', 'CASE', 'ROW', 'ARRAY constructor', 'MAP constructor']);
    expect(callable.filter((f) => !clauses.has(f.name) && builtinFunction(f.name) === undefined).map((f) => f.name)).toEqual([]);
  });

  it('runtime implementations are keyed by canonical registry names only', () => {
    expect([...IMPLEMENTATIONS.keys()].filter((n) => builtinFunction(n)?.name !== n)).toEqual([]);
    expect([...AGGREGATE_NAMES].filter((n) => n !== 'SUM0' && builtinFunction(n)?.kind !== 'aggregate')).toEqual([]); // SUM0: the planner's internal $SUM0
  });

  it('every record runs in the local runtime or is refused with FTS7001, never as an unknown function', () => {
    const outcomes: string[] = [];
    for (const [name, f] of records) {
      let got: string;
      if (USES[name] !== undefined) got = USES[name]();
      else if (f.kind === 'scalar') got = IMPLEMENTATIONS.has(name) ? 'ok' : compile(`${name}()`);
      // each called with as many arguments as it takes (the binder rejects a wrong count, FTS4429, as Flink does)
      else if (f.kind === 'aggregate') got = run(`SELECT a, ${name}(${f.maxArgs === 0 ? '' : 'i'}) FROM t GROUP BY a;`);
      else got = run(`SELECT ${name}(${name === 'LAG' || name === 'LEAD' ? 'i' : f.minArgs > 0 ? '2' : ''}) OVER (PARTITION BY a ORDER BY ts) FROM t;`);
      // Flink's stream planner rejects LEAD ("LEAD Function is not supported in stream mode."): FTS4325, as check reports it
      if (name === 'LEAD' && got === 'FTS4325') continue;
      if (got !== 'ok' && got !== 'FTS7001') outcomes.push(`${name}: ${got}`);
      // STDDEV / VAR run as SUM / COUNT arithmetic, GROUPING / GROUPING_ID from the grouping set: no accumulator
      const implemented = AGGREGATE_NAMES.has(name) || COLLECTION_AGGREGATES.has(name) || REDUCED_AGGREGATES.has(name) || name === 'GROUPING' || name === 'GROUPING_ID';
      if (f.kind === 'aggregate' && implemented !== (got === 'ok') && f.minArgs <= 1) outcomes.push(`${name}: implemented ${implemented}, ran ${got}`);
    }
    expect(outcomes).toEqual([]);
  });

  it('aliases resolve to their function; the derived lists come from the records', () => {
    expect(builtinFunction('ceiling')?.name).toBe('CEIL');
    expect(builtinFunction('CHARACTER_LENGTH')?.name).toBe('CHAR_LENGTH');
    expect(BUILTIN_NAMES.has('CEILING')).toBe(true);
    for (const n of ['UCASE', 'LCASE', 'LENGTH', 'POW', 'BTRIM', 'JSON_QUOTE', 'JSON_UNQUOTE', 'USER', 'CURRENT_USER']) expect(builtinFunction(n), n).toBeUndefined();
    expect([...AGGREGATE_FUNCTIONS].every((n) => builtinFunction(n)?.kind === 'aggregate')).toBe(true);
    expect(AGGREGATE_FUNCTIONS.has('COUNT') && AGGREGATE_FUNCTIONS.has('LISTAGG') && !AGGREGATE_FUNCTIONS.has('ROW_NUMBER')).toBe(true);
  });
});
