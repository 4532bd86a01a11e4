/**
 * Fixture rows Flink could never produce, through `runJob`: each must be FTS7005 naming the row and the column.
 * Also malformed `runJob` arguments (job, options, inputs, rows, the clock).
 */
export interface FixtureCase {
  readonly name: string;
  readonly inputs: unknown;
  readonly code: string;
  readonly message?: RegExp;
  /** Other runJob options. */
  readonly options?: Readonly<Record<string, unknown>>;
  /** Replaces the job (default: the script below). */
  readonly job?: unknown;
}

export const FIXTURE_JOB = `
CREATE TABLE src (id INT, big BIGINT, tiny TINYINT, amount DECIMAL(5, 2), ok BOOLEAN, d DOUBLE, ts TIMESTAMP(3), PRIMARY KEY (id) NOT ENFORCED)
  WITH ('connector' = 'datagen');
CREATE TABLE sink_t (id INT, amount DECIMAL(5, 2), t TIMESTAMP(3)) WITH ('connector' = 'blackhole');
INSERT INTO sink_t SELECT id, amount, LOCALTIMESTAMP FROM src;
`;

const row = (extra: Readonly<Record<string, unknown>>) => ({ src: [{ id: 1, ...extra }] });

export const fixtureCases: readonly FixtureCase[] = [
  { name: 'INT over its range', inputs: { src: [{ id: 3_000_000_000 }] }, code: 'FTS7005', message: /inputs\.src\[0\]\.id: a number \(3000000000\) is not an INT value \(out of range/ },
  { name: 'a fraction for INT', inputs: { src: [{ id: 1.5 }] }, code: 'FTS7005', message: /inputs\.src\[0\]\.id.*not a whole number/ },
  { name: 'NaN for INT', inputs: { src: [{ id: NaN }] }, code: 'FTS7005', message: /inputs\.src\[0\]\.id/ },
  { name: 'a string for BOOLEAN', inputs: row({ ok: 'yes' }), code: 'FTS7005', message: /inputs\.src\[0\]\.ok/ },
  { name: 'too many DECIMAL digits', inputs: row({ amount: '12345.6' }), code: 'FTS7005', message: /inputs\.src\[0\]\.amount.*DECIMAL\(5, 2\)/ },
  { name: 'too many DECIMAL fraction digits', inputs: row({ amount: '1.234' }), code: 'FTS7005', message: /at most 2 fit/ },
  { name: 'DECIMAL overflow as a number', inputs: row({ amount: 99999 }), code: 'FTS7005' },
  { name: 'TINYINT overflow', inputs: row({ tiny: 128 }), code: 'FTS7005', message: /inputs\.src\[0\]\.tiny.*-128\.\.127/ },
  { name: 'BIGINT overflow', inputs: row({ big: 2n ** 63n }), code: 'FTS7005', message: /inputs\.src\[0\]\.big/ },
  { name: 'BIGINT overflow as text', inputs: row({ big: '9223372036854775808' }), code: 'FTS7005' },
  { name: 'NULL in a primary-key column', inputs: { src: [{ id: null }] }, code: 'FTS7005', message: /inputs\.src\[0\]\.id: primary key column 'id' of table 'src' is NULL/ },
  { name: 'a missing primary key', inputs: { src: [{ amount: '1.00' }] }, code: 'FTS7005', message: /primary key column 'id' of table 'src' is missing/ },
  { name: 'an invalid Date', inputs: row({ ts: new Date('not a date') }), code: 'FTS7005', message: /inputs\.src\[0\]\.ts/ },
  { name: 'a boolean for DOUBLE', inputs: row({ d: true }), code: 'FTS7005' },
  { name: 'a row that is a number', inputs: { src: [42] }, code: 'FTS7005', message: /inputs\.src\[0\]: a row must be/ },
  { name: 'a row that is null', inputs: { src: [null] }, code: 'FTS7005' },
  { name: 'an unknown column', inputs: row({ nope: 1 }), code: 'FTS7005' },
  { name: 'a clock that is not a number', inputs: row({}), options: { now: () => 'noon' }, code: 'FTS7005', message: /options\.now\(\) returned a string/ },
  { name: 'a clock returning NaN', inputs: row({}), options: { now: () => NaN }, code: 'FTS7005' },
  { name: 'inputs null', inputs: null, code: 'FTS2305', message: /runJob\(\): options\.inputs/ },
  { name: 'a table’s rows not a list', inputs: { src: { id: 1 } }, code: 'FTS2305' },
  { name: 'config values not strings', inputs: row({}), options: { config: { 'table.local-time-zone': 8 } }, code: 'FTS2305' },
  { name: 'job null', inputs: row({}), job: null, code: 'FTS2305', message: /runJob\(\): job/ },
  { name: 'job a number', inputs: row({}), job: 42, code: 'FTS2305' },
  { name: 'job a list with null', inputs: row({}), job: [null], code: 'FTS2305' },
];
