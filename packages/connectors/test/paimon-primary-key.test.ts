/** Paimon's cross-partition rule (found on real Flink 1.20.1 + Paimon 0.9.0 by test/flink/verify-agreement.test.ts). */
import { describe, expect, test } from 'vitest';
import { checkSql } from '@flinkts/core';
import { connectorValidators } from '../src/index.js';

const table = (key: string, bucket: string | undefined) => `CREATE CATALOG p WITH ('type' = 'paimon', 'warehouse' = 'file:///tmp/w');
CREATE TABLE p.d.t (id BIGINT, dt STRING, v INT, PRIMARY KEY (${key}) NOT ENFORCED) PARTITIONED BY (dt)
WITH (${bucket === undefined ? "'changelog-producer' = 'input'" : `'bucket' = '${bucket}'`});`;

const codes = (sql: string) => checkSql(sql, { validators: connectorValidators }).filter((d) => d.severity === 'error').map((d) => d.code);

describe('Paimon: a primary key without the partition columns', () => {
  test('is rejected with a fixed bucket count (FTS3007)', () => {
    expect(codes(table('id', '8'))).toEqual(['FTS3007']);
  });
  test('is fine in dynamic bucket mode (bucket -1, the default) or when the key holds the partition column', () => {
    expect(codes(table('id', '-1'))).toEqual([]);
    expect(codes(table('id', undefined))).toEqual([]);
    expect(codes(table('id, dt', '8'))).toEqual([]);
  });
});
