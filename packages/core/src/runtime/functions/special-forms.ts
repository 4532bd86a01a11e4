/** SQL special forms with their own AST nodes, dispatched to the family modules. */
import type { Expression, Extract, FloorCeil, IsJson, JsonArray, JsonExists, JsonObject, JsonQuery, JsonValue, Overlay, Position, Substring, Trim } from '../../ast/expression.js';
import type { Compiled } from '../compiled.js';
import { T } from '../types.js';
import { compileExtract, compileFloorCeil } from './datetime.js';
import { strict, strictNullable } from './helpers.js';
import { compileIsJson, compileJsonArray, compileJsonExists, compileJsonObject, compileJsonQuery, compileJsonValue } from './json.js';
import type { CompilerApi } from './registry.js';
import { args, overlay, substringSql, trimChars } from './string.js';

/** POSITION / LOCATE counting code points (`😀` is one character in Flink's UTF-8 strings). */
function position(needle: string, hay: string, from: number): number {
  if (!/[\uD800-\uDFFF]/.test(hay)) return hay.indexOf(needle, Math.max(from - 1, 0)) + 1;
  const cps = Array.from(hay);
  const start = cps.slice(0, Math.max(from - 1, 0)).join('').length;
  const at = hay.indexOf(needle, start);
  return at < 0 ? 0 : Array.from(hay.slice(0, at)).length + 1;
}

type SpecialForm = Extract | FloorCeil | Trim | Substring | Overlay | Position | JsonValue | JsonQuery | JsonExists | IsJson | JsonObject | JsonArray;

export function compileSpecialForm(e: SpecialForm, api: CompilerApi): Compiled {
  switch (e.kind) {
    case 'Extract':
      return compileExtract(e.unit, api.compile(e.operand), api, e.span);
    case 'FloorCeil':
      return compileFloorCeil(e, api);
    case 'Trim': {
      const exprs: Expression[] = e.chars ? [e.operand, e.chars] : [e.operand];
      const cs = args(api, exprs, 'ss?', 'TRIM', e.span);
      const lead = e.side !== 'TRAILING';
      const trail = e.side !== 'LEADING';
      return strict(cs, T.string(false), (s: string, c?: string) => trimChars(s, c ?? ' ', lead, trail));
    }
    case 'Substring': {
      const exprs: Expression[] = e.length ? [e.operand, e.start, e.length] : [e.operand, e.start];
      return strictNullable(args(api, exprs, 'sii?', 'SUBSTRING', e.span), T.string(), (s: string, p: number, l?: number) => substringSql(s, p, l));
    }
    case 'Overlay': {
      const exprs: Expression[] = e.length ? [e.operand, e.placing, e.start, e.length] : [e.operand, e.placing, e.start];
      return strict(args(api, exprs, 'ssii?', 'OVERLAY', e.span), T.string(false), (s: string, r: string, p: number, l?: number) => overlay(s, r, p, l ?? r.length));
    }
    case 'Position': {
      const exprs: Expression[] = e.start ? [e.needle, e.haystack, e.start] : [e.needle, e.haystack];
      return strict(args(api, exprs, 'ssi?', 'POSITION', e.span), T.int(false), (n: string, h: string, p?: number) => position(n, h, p ?? 1));
    }
    case 'JsonValue': return compileJsonValue(e, api);
    case 'JsonQuery': return compileJsonQuery(e, api);
    case 'JsonExists': return compileJsonExists(e, api);
    case 'IsJson': return compileIsJson(e, api);
    case 'JsonObject': return compileJsonObject(e, api);
    case 'JsonArray': return compileJsonArray(e, api);
  }
}
