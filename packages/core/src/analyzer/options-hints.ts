/**
 * `FROM t /*+ OPTIONS('k' = 'v') *\/`: dynamic table options are merged into the table's WITH options and the
 * connector factory validates the result, exactly as for the CREATE TABLE. Each problem the hint adds (an unknown
 * key, a bad value, a plaintext credential) is reported at the hint.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CreateTable } from '../ast/statement.js';
import type { Hint } from '../ast/query.js';
import { walkAst } from '../ast/walk.js';
import type { ObjectCatalog } from '../catalog/catalog.js';
import type { OptionValidators } from './check-script.js';

export function checkOptionsHints(root: unknown, catalog: ObjectCatalog, validate: NonNullable<OptionValidators['table']>, path: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  walkAst(root, (node) => {
    if (node.kind !== 'TableRef') return undefined;
    const ref = node as { readonly path: readonly string[]; readonly hints?: readonly Hint[] };
    for (const hint of ref.hints ?? []) {
      if (hint.name.toUpperCase() !== 'OPTIONS' || hint.options === undefined || hint.options.length === 0) continue;
      const entry = catalog.lookup(ref.path);
      if (entry?.kind !== 'table') continue;
      const catalogType = entry.catalog?.options.find((o) => o.key === 'type')?.value;
      out.push(...hintProblems(entry.statement, hint, catalogType, validate, path));
    }
    return undefined;
  });
  return out;
}

function hintProblems(table: CreateTable, hint: Hint, catalogType: string | undefined, validate: NonNullable<OptionValidators['table']>, path: string): Diagnostic[] {
  const hinted = new Map(hint.options!.map((o) => [o.key, o.value]));
  const merged: CreateTable = { ...table, options: [...table.options.filter((o) => !hinted.has(o.key)), ...hint.options!.map((o) => ({ key: o.key, value: o.value }))] };
  const context = { path, ...(catalogType === undefined ? {} : { catalogType }) };
  const seen = new Set(validate(table, context).map((d) => `${d.code} ${d.message}`));
  return validate(merged, context)
    .filter((d) => d.severity === 'error' && !seen.has(`${d.code} ${d.message}`))
    .map((d) => ({ ...d, message: `OPTIONS hint on '${table.path.join('.')}': ${d.message}`, ...(hint.span === undefined ? {} : { span: hint.span }) }));
}
