/**
 * The compiled SQL of the wrongbook job is kept as a golden file. The test rebuilds it and compares byte for
 * byte (refresh with UPDATE_GOLDEN=1), and checks every statement with dt-sql-parser's FlinkSQL grammar.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { dtValidate, splitStatements } from '../../../test/support/dt-sql-parser.js';
import { parseScript, printScript } from '@flinkts/core';
import { stripSpans } from '@flinkts/core/internal';
import type { Statement } from '@flinkts/core';
import { checkCreateTable, validateCatalogOptions } from '@flinkts/connectors';
import { statements, wrongbookScript } from '../src/script.js';

const GOLDEN = fileURLToPath(new URL('../golden/wrongbook.sql', import.meta.url));

describe('examples/wrongbook compiled SQL', () => {
  const sql = wrongbookScript();

  test('matches the golden file', () => {
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, sql);
    expect(sql).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  test('is deterministic', () => {
    expect(wrongbookScript()).toBe(sql);
  });

  test('every statement passes dt-sql-parser FlinkSQL validation', () => {
    const statements = splitStatements(sql);
    expect(statements.length).toBe(8);
    // dt-sql-parser's grammar requires WITH on CREATE DATABASE (Flink's does not): that one is left to our parser.
    for (const statement of statements.filter((st) => !/^CREATE DATABASE [^;]*[^)];$/.test(st))) expect({ statement, errors: dtValidate(statement) }).toEqual({ statement, errors: [] });
  });

  test('reads back with the project parser to the statements the builders made, and is already formatted', () => {
    const parsed = parseScript(sql);
    expect(parsed.diagnostics).toEqual([]);
    expect(stripSpans(parsed.script.statements)).toEqual(stripSpans(statements));
    expect(printScript(parsed.script)).toBe(sql); // `flinkts fmt` leaves it unchanged
  });

  test("the connectors' option checks accept every table and the catalog", () => {
    const parsed = parseScript(sql).script.statements;
    const tables = parsed.filter((s): s is Extract<Statement, { kind: 'CreateTable' }> => s.kind === 'CreateTable');
    expect(tables.map((s) => s.path.join('.'))).toEqual(['aliyun_catalog.dwd.wrongbook_events', 'aliyun_catalog.dwd.dwd_wrong_record_wide_delta']);
    for (const table of tables) expect(table.temporary).toBe(false);
    for (const table of tables) expect(checkCreateTable(table, { catalogType: 'hive' })).toEqual([]);
    const catalog = parsed.find((s) => s.kind === 'CreateCatalog');
    expect(catalog?.kind === 'CreateCatalog' ? validateCatalogOptions(catalog.options) : undefined).toEqual([]);
  });

  test('fixes the seed: `timestamp` quoted, INSERT with an explicit column list, no plaintext credentials', () => {
    expect(sql).toContain('`timestamp` BIGINT');
    const columns = ['id', 'wrong_id', 'user_id', 'subject', 'subject_name', 'question_id', 'question', 'pattern_id', 'pattern_name', 'teach_type_id', 'teach_type_name', 'collect_time', 'fix_id', 'fix_time', 'fix_result', 'fix_result_desc', 'event_id', 'event_type', 'process_time'];
    expect(sql).toContain(`INSERT INTO \`aliyun_catalog\`.\`dwd\`.\`dwd_wrong_record_wide_delta\` /*+ OPTIONS('username'='\${MYSQL_USERNAME}', 'password'='\${MYSQL_PASSWORD}') */ (\n${columns.map((c) => `  \`${c}\``).join(',\n')}\n)\nSELECT\n`);
    expect(sql).toContain('CAST(NULL AS STRING) AS `teach_type_id`');
    expect(sql).not.toContain('ENCRYPTED');
    // Credentials are never stored with the catalog tables: the job passes them as OPTIONS hints, as placeholders.
    expect(sql.split('\n').filter((l) => /^\s+'(username|password|properties\.sasl\.jaas\.config)' =/.test(l))).toEqual([]);
    expect(sql).toContain("/*+ OPTIONS('properties.sasl.jaas.config'='org.apache.kafka.common.security.plain.PlainLoginModule required username=\"${KAFKA_USERNAME}\" password=\"${KAFKA_PASSWORD}\";') */");
  });

  test('the sink upserts by the event-derived id', () => {
    expect(sql).toContain('  `id`              BIGINT NOT NULL,');
    expect(sql).toContain('  PRIMARY KEY (`id`) NOT ENFORCED\n)');
  });
});
