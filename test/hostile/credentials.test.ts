/**
 * Credentials that leak through values, in a pipeline: a `user:password@host` in a variable's value, and a user
 * name written as a literal while the secret declared for it goes unused. Both are FTS8014 and nothing is built.
 */
import { from, insertInto, t, table } from '@flinkts/core';
import { datagen, jdbc, secret } from '@flinkts/connectors';
import { buildPipeline, checkPipeline, job, pipeline } from '@flinkts/pipelines';
import { describe, expect, test } from 'vitest';

const src = table('src', { columns: { id: t.int() }, temporary: true, connector: datagen({}) });
const sinkWith = (username: string) => table('dst', {
  columns: { id: t.int() },
  temporary: true,
  connector: jdbc({ url: '${DB_URL}', 'table-name': 'dst', username, password: secret('DB_PASSWORD') }),
});

function pipelineOf(username: string, url: string, secrets: Readonly<Record<string, string>>) {
  const dst = sinkWith(username);
  return pipeline({
    name: 'p',
    jobs: [job('copy', { statements: insertInto(dst, from(src, 's').selectAll()) })],
    tables: [src, dst],
    variables: { DB_URL: 'the database URL' },
    secrets,
    targets: { sql: {} },
    environments: { dev: { variables: { DB_URL: url } } },
  });
}

const errors = (p: Parameters<typeof checkPipeline>[0]) => checkPipeline(p, 'dev').filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.path} ${d.message}`);

describe('credentials in values', () => {
  test('a clean pipeline has no errors', () => {
    expect(errors(pipelineOf('${DB_USER}', 'jdbc:mysql://db:3306/app', { DB_USER: 'user', DB_PASSWORD: 'password' }))).toEqual([]);
  });

  test('user:password@host in a variable value', () => {
    const p = pipelineOf('${DB_USER}', 'jdbc:mysql://app:s3cret@db:3306/app', { DB_USER: 'user', DB_PASSWORD: 'password' });
    expect(errors(p)).toEqual([expect.stringMatching(/^FTS8014 environments\.dev\.variables\.DB_URL .*user:password@host/)]);
    expect(buildPipeline(p, { env: 'dev' }).files).toEqual([]);
  });

  test('a password parameter in a variable value', () => {
    expect(errors(pipelineOf('${DB_USER}', 'jdbc:mysql://db/app?password=s3cret', { DB_USER: 'user', DB_PASSWORD: 'password' })))
      .toEqual([expect.stringMatching(/^FTS8014 environments\.dev\.variables\.DB_URL .*'password' parameter/)]);
  });

  test('a username literal under a declared but unused secret', () => {
    const p = pipelineOf('admin', 'jdbc:mysql://db:3306/app', { DB_USER: 'user', DB_PASSWORD: 'password' });
    expect(errors(p)).toEqual([expect.stringMatching(/^FTS8014 jobs\.copy\.statements\[\d\]\.options\['username'\] option 'username' is the literal 'admin' while secret 'DB_USER'/)]);
  });

  test('a username literal with no user secret declared stays allowed', () => {
    expect(errors(pipelineOf('admin', 'jdbc:mysql://db:3306/app', { DB_PASSWORD: 'password' }))).toEqual([]);
  });
});
