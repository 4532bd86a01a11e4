/** The script checks: names, INSERT compatibility and positional-INSERT warnings, with positions. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkSql } from '../../src/index.js';

const codes = (sql: string) => checkSql(sql).map((d) => `${d.severity} ${d.code} ${d.span?.start.line}:${d.span?.start.column}`);

const SOURCE = "CREATE TABLE src (id INT, name STRING, big BIGINT, ts TIMESTAMP(3), pt AS PROCTIME()) WITH ('connector' = 'datagen');\n";

describe('INSERT compatibility (Flink implicit casts)', () => {
  test('INT → BIGINT and TIMESTAMP_LTZ → TIMESTAMP are implicit; BIGINT → INT and INT → STRING are errors', () => {
    const sink = "CREATE TABLE snk (a BIGINT, b TIMESTAMP(3)) WITH ('connector' = 'blackhole');\n";
    expect(codes(`${SOURCE}${sink}INSERT INTO snk SELECT id AS a, pt AS b FROM src;`)).toEqual([]);
    const narrow = "CREATE TABLE snk (a INT, b STRING) WITH ('connector' = 'blackhole');\n";
    const ds = checkSql(`${SOURCE}${narrow}INSERT INTO snk SELECT big AS a, id AS b FROM src;`);
    expect(ds.map((d) => d.code)).toEqual(['FTS4102', 'FTS4102']);
    expect(ds[0]!.message).toBe("Incompatible types for sink column 'a' at position 0: BIGINT cannot be written into INT without an explicit CAST");
    expect(ds[0]!.hint).toBe('write CAST(… AS INT)');
    expect(ds[0]!.span?.start).toMatchObject({ line: 3, column: 24 });
    expect(ds[1]!.message).toContain('INT cannot be written into STRING');
  });

  test('column count and explicit column lists', () => {
    const sink = "CREATE TABLE snk (a INT, b STRING, c BIGINT) WITH ('connector' = 'blackhole');\n";
    expect(codes(`${SOURCE}${sink}INSERT INTO snk SELECT id, name FROM src;`)).toEqual(['error FTS4101 3:17']);
    expect(codes(`${SOURCE}${sink}INSERT INTO snk (a, b) SELECT id, name FROM src;`)).toEqual([]);
    const bad = checkSql(`${SOURCE}${sink}INSERT INTO snk (a, bb) SELECT id, name FROM src;`);
    expect(bad.map((d) => [d.code, d.hint])).toEqual([['FTS4106', "did you mean 'b'?"]]);
  });

  test('a positional INSERT pairing clearly different names: an error for a plain column, a warning for a computed value; aliases and case variants pass', () => {
    const sink = "CREATE TABLE snk (id INT, teach_type_id STRING) WITH ('connector' = 'blackhole');\n";
    expect(codes(`${SOURCE}${sink}INSERT INTO snk SELECT id, name FROM src;`)).toEqual(['error FTS4103 3:28']);
    expect(codes(`${SOURCE}${sink}INSERT INTO snk SELECT id, UPPER(name) AS label FROM src;`)).toEqual(['warning FTS4103 3:28']);
    expect(codes(`${SOURCE}${sink}INSERT INTO snk SELECT ID, name AS teach_type_id FROM src;`).filter((c) => c.includes('FTS4103'))).toEqual([]);
    // A statement the binder rejected gets no pairing follow-ups: only the unknown column is reported.
    expect(codes(`${SOURCE}${sink}INSERT INTO snk SELECT id, nope FROM src;`)).toEqual(['error FTS4001 3:28']);
  });

  test('a nullable value into a NOT NULL column is a warning', () => {
    const sink = "CREATE TABLE snk (id INT NOT NULL, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'blackhole');\n";
    expect(codes(`${SOURCE}${sink}INSERT INTO snk SELECT id FROM src;`)).toEqual(['warning FTS4104 3:24']);
  });
});

describe('name resolution', () => {
  test('unknown tables and columns with did-you-mean hints', () => {
    const ds = checkSql(`${SOURCE}SELECT nme FROM src;\nSELECT id FROM srcc;`);
    expect(ds.map((d) => [d.code, d.hint, d.span?.start.line])).toEqual([
      ['FTS4001', "did you mean 'name'?", 2],
      ['FTS4002', "did you mean 'src'?", 3],
    ]);
  });

  test('views, window TVF columns and qualified names resolve', () => {
    const sql = `${SOURCE}CREATE TEMPORARY VIEW v AS SELECT id, ts, pt FROM src WHERE id > 0;
CREATE TABLE out1 (id INT, ws TIMESTAMP(3), c BIGINT) WITH ('connector' = 'blackhole');
INSERT INTO out1 SELECT id, window_start AS ws, COUNT(*) AS c FROM TABLE(TUMBLE(TABLE v, DESCRIPTOR(pt), INTERVAL '1' MINUTE)) GROUP BY id, window_start, window_end;`;
    expect(checkSql(sql)).toEqual([]);
  });

  test('USE CATALOG / USE change where one-part names resolve', () => {
    const sql = "CREATE CATALOG c WITH ('type' = 'generic_in_memory');\nUSE CATALOG c;\nCREATE TABLE t (a INT) WITH ('connector' = 'datagen');\nUSE CATALOG default_catalog;\nSELECT a FROM t;\nSELECT a FROM c.default_database.t;";
    const ds = checkSql(sql);
    expect(ds.map((d) => [d.code, d.span?.start.line, d.hint])).toEqual([['FTS4002', 5, 'it is declared as c.default_database.t; qualify the name or USE its database']]);
  });
});

describe('seed 001 as written', () => {
  const seed = readFileSync(fileURLToPath(new URL('../fixtures/seeds/001-wrongbook.txt', import.meta.url)), 'utf8');
  const blocks = [...seed.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const script = `${blocks[0]}\n${blocks[1]}\n${blocks[2]}`;

  test('reports the reserved word, USE DATABASE and ENCRYPTED WITH, without follow-up errors', () => {
    const ds = checkSql(script);
    expect(ds.map((d) => d.code)).toEqual(['FTS1002', 'FTS1005', 'FTS1002', 'FTS1001', 'FTS1004']);
  });

  test('with those fixed: the misaligned positional INSERT is reported and PROCTIME() into TIMESTAMP(3) passes', () => {
    const fixed = `${blocks[0]}\n${blocks[1]}`
      .replaceAll(/\btimestamp\b(?=\s*(BIGINT|,|\)))/g, '`timestamp`')
      .replace('USE DATABASE dwd', 'USE dwd');
    const ds = checkSql(fixed);
    expect(ds.map((d) => `${d.severity} ${d.code} ${d.message}`)).toEqual([
      "error FTS4103 positional INSERT puts 'chapter_id' into sink column 'teach_type_id' (position 9)",
      "error FTS4103 positional INSERT puts 'chapter_name' into sink column 'teach_type_name' (position 10)",
    ]);
  });
});
