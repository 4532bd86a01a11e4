/**
 * `check --tables <sources>`: declarations lent to the scripts being checked, so a job script that reads catalog
 * tables is checked against their real declarations instead of failing with FTS4002. A source is a pipeline
 * folder or config (its typed tables and catalogs), a .ts/.js module (its exported tables, views, catalogs), a
 * .sql schema file (its CREATE statements, e.g. one `flinkts import` read), or a `mysql://user@host:port/db`
 * URL (a live introspection: the `mysql_<table>` CDC sources `flinkts introspect` writes).
 */
import { resolve } from 'node:path';
import type { Diagnostic, Statement } from '@flinkts/core';
import { declaredStatements } from './declared-tables.js';

/** The lent statements, or none when an error kept one source from lending; warnings come with either. */
export type Lent = { readonly ok: true; readonly statements: readonly Statement[]; readonly diagnostics: readonly Diagnostic[] } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export async function lentDeclarations(cwd: string, sources: readonly string[]): Promise<Lent> {
  const statements: Statement[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const source of sources) {
    if (/^(mysql|mariadb):\/\//i.test(source)) {
      const pipelines = await import('@flinkts/pipelines');
      const parsed = pipelines.parseMysqlUrl(source, 'MYSQL_PASSWORD', process.env);
      if (!parsed.ok) {
        diagnostics.push(parsed.diagnostic);
        continue;
      }
      const schema = await pipelines.readMysqlSchema(parsed.target, parsed.password);
      if (!schema.ok) {
        diagnostics.push(...schema.diagnostics);
        continue;
      }
      const made = pipelines.introspectedDeclarations(parsed.target, schema.tables);
      diagnostics.push(...made.diagnostics);
      statements.push(...made.statements);
      continue;
    }
    const declared = await declaredStatements(resolve(cwd, source));
    if (declared.ok) statements.push(...declared.statements);
    else diagnostics.push(...declared.diagnostics);
  }
  return diagnostics.some((d) => d.severity === 'error') ? { ok: false, diagnostics } : { ok: true, statements, diagnostics };
}
