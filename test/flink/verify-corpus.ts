/**
 * The corpus `flinkts check` and real Flink's planner must agree on: the repo's SQL test scripts (connector
 * goldens), the SQL blocks of the seed documents, the compiled SQL of both examples' jobs in every environment,
 * and deliberately broken variants of the accepted ones (an unknown column, an unknown table, a syntax error,
 * a value of the wrong type, a missing connector option).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printStatements } from '@flinkts/core';
import { jobStatements } from '@flinkts/pipelines/internal';
import type { AnyPipeline } from '@flinkts/pipelines';
import realtimeDw from '../../examples/realtime-dw/flinkts.config.js';
import wrongbook from '../../examples/wrongbook/flinkts.config.js';

export interface CorpusScript {
  readonly id: string;
  readonly sql: string;
}

const root = fileURLToPath(new URL('../..', import.meta.url));

function sqlBlocks(text: string): string[] {
  return [...text.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1] as string);
}

function compiled(name: string, p: AnyPipeline): CorpusScript[] {
  const out: CorpusScript[] = [];
  for (const env of p.environmentNames) {
    for (const job of p.spec.jobs) out.push({ id: `${name}/${env}/${job.name}`, sql: printStatements(jobStatements(p, env, job.name)) });
  }
  return out;
}

export function baseCorpus(): CorpusScript[] {
  const goldens = join(root, 'packages/connectors/test/golden');
  const seeds = join(root, 'packages/core/test/fixtures/seeds');
  return [
    ...readdirSync(goldens).filter((f) => f.endsWith('.sql')).sort().map((f) => ({ id: `connectors-golden/${f}`, sql: readFileSync(join(goldens, f), 'utf8') })),
    ...readdirSync(seeds).sort().flatMap((f) => sqlBlocks(readFileSync(join(seeds, f), 'utf8')).map((sql, i) => ({ id: `seed/${f}#${i + 1}`, sql }))),
    ...compiled('wrongbook', wrongbook as unknown as AnyPipeline),
    ...compiled('realtime-dw', realtimeDw as unknown as AnyPipeline),
  ];
}

/** Broken variants of a script: each changes one thing in its last INSERT (or, failing that, its last statement). */
export function brokenVariants(s: CorpusScript): CorpusScript[] {
  const at = s.sql.lastIndexOf('INSERT INTO');
  if (at < 0) return [];
  const head = s.sql.slice(0, at);
  const insert = s.sql.slice(at);
  const selectAt = insert.search(/\bSELECT\b/);
  const fromAt = insert.search(/\bFROM\b\s+`?[A-Za-z_]/);
  const out: CorpusScript[] = [];
  if (selectAt >= 0) {
    const afterSelect = insert.slice(selectAt + 6);
    const firstCol = /`([A-Za-z_][A-Za-z0-9_]*)`\.`([A-Za-z_][A-Za-z0-9_]*)`|`([A-Za-z_][A-Za-z0-9_]*)`/.exec(afterSelect);
    if (firstCol) {
      const i = selectAt + 6 + firstCol.index;
      const broken = firstCol[0].replace(/`([^`]*)`$/, '`$1_nope`');
      out.push({ id: `${s.id}~unknown-column`, sql: head + insert.slice(0, i) + broken + insert.slice(i + firstCol[0].length) });
    }
    out.push({ id: `${s.id}~syntax`, sql: head + insert.slice(0, selectAt) + 'SELEC' + insert.slice(selectAt + 6) });
    out.push({ id: `${s.id}~wrong-type`, sql: head + insert.slice(0, selectAt + 6) + ' DATE \'2024-01-01\' AS `nope_first`,' + insert.slice(selectAt + 6).replace(/^\s*(?:DISTINCT\s+)?[^,\n]*,?/, '') });
  }
  if (fromAt >= 0) {
    const m = /FROM\s+(`?)([A-Za-z_][A-Za-z0-9_.`]*?)\1(\s|$)/.exec(insert.slice(fromAt));
    if (m) out.push({ id: `${s.id}~unknown-table`, sql: head + insert.slice(0, fromAt) + insert.slice(fromAt).replace(m[0], `FROM \`no_such_table\`${m[3]}`) });
  }
  const connector = /'connector'\s*=\s*'kafka'/.exec(s.sql);
  if (connector) out.push({ id: `${s.id}~missing-format`, sql: s.sql.replace(/,\s*'(value\.)?format'\s*=\s*'[^']*'/, '') });
  return out;
}
