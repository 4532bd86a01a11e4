/**
 * API misuse from JavaScript (#21): every function exported from a public entry point (exports-entries.mjs: the
 * package roots and the documented subpaths, as built in dist/), every exported class's constructor and every method
 * of the objects the exports build (exports-objects.mjs discovers them: `.where`, `.in`, `fn.*`, `t.*`, a run's
 * `.sink(…)` …) is called with null / undefined / 1 / '' / 'x' / {} / [] / true / { kind: 'x' } / [null], and with
 * callbacks returning each — alone, after a string, twice, in each position of a well-formed call and after one —
 * and must return or throw a FlinktsError: never a TypeError from inside, never a hang. The calls run in a child
 * process (exports-probe.mjs) watched from here: a target that makes no progress for HANG_MS is a hang; the child is
 * killed and restarted after it. Needs `npm run build`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkSql, FlinktsError, fn, from, parseScript, printStatement, SqlType, t, table, Table } from '@flinkts/core';
import { formatChange } from '@flinkts/core/runtime';
import { connectorValidators, hiveCatalog, kafka, kafkaSasl, mysqlCdc, Secret } from '@flinkts/connectors';
import { buildPipeline, checkPipeline, FlinkRestClient } from '@flinkts/pipelines';
import { flinktsMatchers } from '@flinkts/core/testing';

const PROBE = fileURLToPath(new URL('./exports-probe.mjs', import.meta.url));
/** Far above one function's calls on a loaded machine (the slowest take well under a second). */
const HANG_MS = 10_000;

interface Probe {
  readonly count: number;
  /** `entry name` of each function, by index. */
  readonly names: Map<number, string>;
  /** Problems by `entry name`. */
  readonly problems: Map<string, string[]>;
}

let dir = '';
let probe: Probe;

/** Runs the probe from `start`; resolves with the index it hung at, or undefined when it finished. */
function runFrom(start: number, into: { count: number; names: Map<number, string>; problems: Map<string, string[]> }): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    // cwd: a scratch folder, so a function that writes files ('x' as a path) writes nothing into the checkout.
    const child = spawn(process.execPath, [PROBE, String(start)], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let current: number | undefined;
    let buffered = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(current ?? start);
      }, HANG_MS);
    };
    arm();
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const [kind, index, ...rest] = line.split(' ');
        if (kind === 'COUNT') into.count = Number(index);
        else if (kind === 'BEGIN') {
          current = Number(index);
          into.names.set(current, rest.join(' '));
          arm();
        } else if (kind === 'BAD') {
          const key = into.names.get(Number(index)) ?? index!;
          into.problems.set(key, [...(into.problems.get(key) ?? []), rest.join(' ')]);
        } else if (kind === 'END') current = undefined;
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') return;
      clearTimeout(timer);
      if (code === 0) resolve(undefined);
      else reject(new Error(`the probe exited with ${String(code)} at function ${String(current)}: ${stderr.slice(0, 2000)}`));
    });
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flinkts-exports-'));
  const into = { count: 0, names: new Map<number, string>(), problems: new Map<string, string[]>() };
  let start = 0;
  for (;;) {
    const hung = await runFrom(start, into);
    if (hung === undefined) break;
    const key = into.names.get(hung) ?? String(hung);
    into.problems.set(key, [...(into.problems.get(key) ?? []), `hangs: no answer in ${HANG_MS} ms`]);
    start = hung + 1;
  }
  probe = into;
}, 600_000);

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe('every public export, called with hostile arguments', () => {
  test('the probe reached every function', () => {
    expect(probe.count).toBeGreaterThan(100);
    expect(probe.names.size).toBe(probe.count);
  });

  test('it reached constructors and the methods of built objects, found from the exports', () => {
    const names = new Set(probe.names.values());
    // one of each way a target is found: a constructor, an exported object's function, a seed's method (a builder, a
    // deploy client), a method of what a function returned and of what an exported object's function returned
    for (const name of ['@flinkts/core new Table()', '@flinkts/core fn .jsonArray()', 'builder .where()', 'records .update()', 'caseWhen(…) .when()', '@flinkts/core t.bigint(…) .notNull()']) {
      expect(names.has(name), name).toBe(true);
    }
    expect([...names].filter((n) => / \.[a-zA-Z]+\(\)$/.test(n)).length).toBeGreaterThan(300);
  });

  test('no call ends in an internal error or hangs', () => {
    const report = [...probe.problems].map(([name, lines]) => `${name}: ${lines.length} bad call(s), e.g. ${lines[0]}`);
    // The whole list (the assertion's diff would be cut short): one line per function.
    if (report.length > 0) console.error(`${report.length} functions:\n${report.join('\n')}`);
    expect(report).toEqual([]);
  });
});

const orders = table('orders', { columns: { amount: t.int() } });
/** `o.amount` of `from(orders, 'o')`. */
function amount(): ReturnType<typeof fn.abs> {
  let e: unknown;
  from(orders, 'o').where(({ o }) => { e = o.amount; return o.amount.gt(0); });
  return e as ReturnType<typeof fn.abs>;
}

/** The first diagnostic of what `call` throws (it must throw a FlinktsError). */
function firstDiagnostic(call: () => unknown): { readonly code: string; readonly message: string; readonly path?: string } {
  try {
    call();
  } catch (e) {
    expect(e).toBeInstanceOf(FlinktsError);
    return (e as FlinktsError).diagnostics[0]!;
  }
  throw new Error('expected a FlinktsError, the call returned');
}

describe('the diagnostics name the call and the argument', () => {
  test.each([
    ['checkSql(1)', () => checkSql(1 as never), 'FTS2305', 'checkSql(): text must be a string, got a number (1)'],
    ['parseScript with a numeric file', () => parseScript('SELECT 1', { file: 1 as never }), 'FTS2305', 'parseScript(): options.file must be a file name'],
    ['printStatement(null)', () => printStatement(null as never), 'FTS2305', 'printStatement(): statement must be a statement'],
    ['kafka(null)', () => kafka(null as never), 'FTS2305', 'kafka(): options must be an options object, got null'],
    ["mysqlCdc('x')", () => mysqlCdc('x' as never), 'FTS2305', 'mysqlCdc(): options must be an options object'],
    ['hiveCatalog({}, null)', () => hiveCatalog({}, null as never), 'FTS2305', 'hiveCatalog(): extra must be an options object, got null'],
    ['kafkaSasl without a secret password', () => kafkaSasl({ username: 'u', password: 'p' as never }), 'FTS2305', 'kafkaSasl(): options.password must be'],
    ['formatChange(null)', () => formatChange(null as never, []), 'FTS2305', 'formatChange(): change must be'],
    ['buildPipeline(null)', () => buildPipeline(null as never, { env: 'prod' }), 'FTS8005', 'buildPipeline(): pipeline must be a pipeline made by pipeline('],
    ["checkPipeline({}, 'prod')", () => checkPipeline({} as never, 'prod'), 'FTS8005', 'checkPipeline(): pipeline must be'],
    // constructors of exported classes
    ['new Table(null)', () => new Table(null as never, null as never, undefined, undefined, []), 'FTS2305', 'new Table(): name must be a non-empty name'],
    ["new SqlType({ kind: 'x' })", () => new SqlType({ kind: 'x' } as never), 'FTS2305', 'new SqlType(): node must be a data type node'],
    ['new FlinktsError(null)', () => new FlinktsError(null as never), 'FTS2305', 'new FlinktsError(): diagnostics must be a list of diagnostics'],
    ["new Secret('')", () => new Secret(''), 'FTS2305', 'new Secret(): name must be a name matching'],
    ["new FlinkRestClient('x')", () => new FlinkRestClient('x'), 'FTS8005', 'new FlinkRestClient(): url must be an http(s) URL'],
    // methods of built objects
    ['.in(null)', () => amount().in(null as never), 'FTS2305', '.in(): values must be a list of values'],
    ['.in([])', () => amount().in([]), 'FTS2305', '.in(): values must be a list of at least one value'],
    ['.where(() => true)', () => from(orders, 'o').where(() => true as never), 'FTS2306', '.where()'],
    [".crossJoinUnnest('u', 'x', null)", () => from(orders, 'o').crossJoinUnnest('u', 'x', null as never), 'FTS2305', '.crossJoinUnnest(): the callback must be a function'],
    ["fn.extract('FORTNIGHT', x)", () => fn.extract('FORTNIGHT' as never, amount()), 'FTS2305', "fn.extract(): unit must be one of 'MILLENNIUM'"],
    ["fn.trim(x, { side: 'MIDDLE' })", () => fn.trim(amount(), { side: 'MIDDLE' as never }), 'FTS2305', "fn.trim(): options.side must be one of 'BOTH', 'LEADING', 'TRAILING'"],
    ['fn.count(undefined): a misspelt column, not COUNT(*)', () => fn.count(undefined), 'FTS2305', 'fn.count(): the value must be an expression'],
    ['fn.substring(x, 1, undefined)', () => fn.substring(amount(), 1, undefined), 'FTS2305', 'fn.substring(): the value must be an expression'],
    ['fn.map([[1]])', () => fn.map([[1]] as never), 'FTS2305', 'fn.map(): entries[0] must be a [key, value] pair'],
    ['expect(null).toHaveChangelog([])', () => flinktsMatchers.toHaveChangelog(null as never, []), 'FTS2305', 'expect(…).toHaveChangelog(): received must be a sink output'],
    ['connectorValidators.settings(null)', () => connectorValidators.settings!(null as never, 'p'), 'FTS2305', 'connectorValidators.settings(): statement must be a SET statement'],
  ] as const)('%s', (_name, call, code, message) => {
    const d = firstDiagnostic(call);
    expect(d.code).toBe(code);
    expect(d.message).toContain(message);
  });
});
