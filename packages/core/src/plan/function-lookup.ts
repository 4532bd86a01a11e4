/**
 * Which function a one-part name calls, in Flink's lookup order (FunctionCatalog): temporary system functions, then
 * built-in functions, then temporary and catalog functions. Checked on Flink 1.20.1: after CREATE TEMPORARY SYSTEM
 * FUNCTION `sum`, `sum(x)` and `SUM(x)` call the user function (names match case-insensitively); after CREATE
 * TEMPORARY FUNCTION `sum` or CREATE FUNCTION `sum`, they still call the built-in SUM (so do LISTAGG and COUNT).
 */
import type { FunctionCall } from '../ast/expression.js';
import type { ObjectCatalog } from '../catalog/catalog.js';
import { builtinFunction } from '../functions/registry.js';

/** Whether the upper-cased one-part `name` calls a function the script declares rather than a built-in. */
export function callsUserFunction(name: string, catalog: ObjectCatalog): boolean {
  if (catalog.systemFunctions().has(name)) return true;
  return builtinFunction(name) === undefined && catalog.functions().has(name);
}

/** A call of a built-in aggregate function (not an OVER call; a temporary system function of its name shadows it). */
export function isAggregateCall(call: FunctionCall, catalog: ObjectCatalog): boolean {
  if (call.over !== undefined || call.name.length !== 1) return false;
  const name = call.name[0]!.toUpperCase();
  return !catalog.systemFunctions().has(name) && builtinFunction(name)?.kind === 'aggregate';
}

const userCalled = new WeakMap<ReadonlySet<string>, { readonly size: number; readonly system: number; readonly names: ReadonlySet<string> }>();

/** The upper-cased names that call a function the script declares (for the typer, which leaves those untyped). */
export function userFunctionNames(catalog: ObjectCatalog): ReadonlySet<string> {
  const declared = catalog.functions();
  const system = catalog.systemFunctions();
  const known = userCalled.get(declared);
  if (known !== undefined && known.size === declared.size && known.system === system.size) return known.names;
  const names = new Set([...declared].filter((n) => callsUserFunction(n, catalog)));
  userCalled.set(declared, { size: declared.size, system: system.size, names });
  return names;
}
