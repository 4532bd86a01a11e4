/** Math functions: ROUND / TRUNCATE / FLOOR / CEIL / ABS / MOD / POWER / LOG* / trigonometry / RAND … */
import type { Expression, FunctionCall } from '../../ast/expression.js';
import type { DataType } from '../../types/data-type.js';
import type { Compiled } from '../compiled.js';
import { textError, notReached } from '../errors.js';
import { isApprox, isIntegral, isNumeric, T, typeToString, withNullable } from '../types.js';
import { Decimal } from '../values/decimal.js';
import { javaDoubleToString } from '../values/java-number.js';
import { toDouble } from './cast.js';
import { compileArithmetic } from './arithmetic.js';
import { javaCos, javaExp, javaLog, javaLog10, javaPow, javaTan } from './java-math.js';
import { strict, strictNullable } from './helpers.js';
import type { CompilerApi } from './registry.js';
import { register } from './registry.js';
import { TYPE_TEXTS } from '../../typing/codes.js';

function numArg(api: CompilerApi, e: Expression | undefined, name: string, span?: Expression['span']): Compiled {
  if (!e) throw notReached(`${name} without an argument`);
  const c = api.compile(e);
  if (!isNumeric(c.type) && c.type.kind !== 'NULL') throw textError(TYPE_TEXTS.badArgument({ kind: 'type', fn: name, types: [typeToString(c.type)] }), e.span);
  return c;
}

function doubleFn(names: string | readonly string[], arity: number, f: (...xs: number[]) => number): void {
  const name = typeof names === 'string' ? names : (names[0] as string);
  register(names, (a, call, api) => {
    if (a.length !== arity) throw notReached(`${name} with ${a.length} arguments`);
    const cs = a.map((x) => numArg(api, x, name, call.span));
    const convs = cs.map((c) => c.type);
    return strict(cs, T.double(false), (...vs: unknown[]) => f(...vs.map((v, i) => toDouble(v, convs[i] as DataType))));
  });
}

doubleFn('SQRT', 1, Math.sqrt);
// java.lang.Math's HotSpot intrinsics, as Flink's SqlFunctionUtils calls them (java-math.ts): LOG2 is
// Math.log(x) / Math.log(2), LOG(b, x) Math.log(x) / Math.log(b), COT 1.0 / Math.tan(x)
doubleFn('EXP', 1, javaExp);
doubleFn('LN', 1, javaLog);
doubleFn('LOG10', 1, javaLog10);
doubleFn('LOG2', 1, (x) => javaLog(x) / Math.LN2);
doubleFn(['POWER'], 2, javaPow);
// SIN keeps V8's (fdlibm's) sin: Flink's own reference case SIN(2.5) needs HotSpot's 0.5984721441039564, which
// fdlibm shares and the nearest double (…565) is not; over 6,000 inputs fdlibm's sin differs from HotSpot's in
// 3.6% of them and javaSin in 0.15% — the reference cases' floor decides until HotSpot's stub itself is ported
doubleFn('SIN', 1, Math.sin);
doubleFn('COS', 1, javaCos);
doubleFn('TAN', 1, javaTan);
doubleFn('COT', 1, (x) => 1 / javaTan(x));
doubleFn('ASIN', 1, Math.asin);
doubleFn('ACOS', 1, Math.acos);
doubleFn('ATAN', 1, Math.atan);
doubleFn('ATAN2', 2, Math.atan2);
doubleFn('SINH', 1, Math.sinh);
doubleFn('COSH', 1, Math.cosh);
doubleFn('TANH', 1, Math.tanh);
doubleFn('DEGREES', 1, (x) => (x * 180) / Math.PI);
// Java's Math.toRadians: one multiplication by DEGREES_TO_RADIANS (RADIANS(3) is 0.05235987755982989 on Flink, x / 180 * PI ends in 88)
doubleFn('RADIANS', 1, (x) => x * 0.017453292519943295);

register('LOG', (a, call, api) => {
  const cs = a.map((x) => numArg(api, x, 'LOG', call.span));
  const ts = cs.map((c) => c.type);
  if (cs.length === 1) return strict(cs, T.double(false), (x: unknown) => javaLog(toDouble(x, ts[0] as DataType)));
  if (cs.length === 2) return strict(cs, T.double(false), (b: unknown, x: unknown) => javaLog(toDouble(x, ts[1] as DataType)) / javaLog(toDouble(b, ts[0] as DataType)));
  throw notReached(`LOG with ${cs.length} arguments`);
});
register('PI', () => ({ type: T.double(false), eval: () => Math.PI, constant: { value: Math.PI } }));
register('E', () => ({ type: T.double(false), eval: () => Math.E, constant: { value: Math.E } }));

register('ABS', (a, call, api) => {
  const c = numArg(api, a[0], 'ABS', call.span);
  switch (c.type.kind) {
    case 'DECIMAL': return strict([c], c.type, (v: Decimal) => v.abs());
    case 'BIGINT': return strict([c], c.type, (v: bigint) => (v < 0n ? BigInt.asIntN(64, -v) : v));
    // Java's Math.abs of the smallest value overflows to itself (ABS(-2147483648) is -2147483648 in Flink)
    case 'INT': return strict([c], c.type, (v: number) => Math.abs(v) | 0);
    case 'SMALLINT': return strict([c], c.type, (v: number) => (Math.abs(v) << 16) >> 16);
    case 'TINYINT': return strict([c], c.type, (v: number) => (Math.abs(v) << 24) >> 24);
    default: return strict([c], c.type, (v: number) => Math.abs(v));
  }
});

register('SIGN', (a, call, api) => {
  const c = numArg(api, a[0], 'SIGN', call.span);
  switch (c.type.kind) {
    case 'DECIMAL': { const s = c.type.scale; return strict([c], c.type, (v: Decimal) => new Decimal(BigInt(v.signum()), 0).setScale(s)); }
    case 'BIGINT': return strict([c], c.type, (v: bigint) => (v > 0n ? 1n : v < 0n ? -1n : 0n));
    default: return strict([c], c.type, (v: number) => Math.sign(v));
  }
});

function floorCeil(ceil: boolean) {
  return (a: readonly Expression[], call: { span?: Expression['span'] }, api: CompilerApi): Compiled => {
    const c = numArg(api, a[0], ceil ? 'CEIL' : 'FLOOR', call.span);
    const t = c.type;
    if (isIntegral(t)) return c;
    if (t.kind === 'DECIMAL') {
      const rt = T.decimal(Math.max(1, t.precision - t.scale + (t.scale > 0 ? 1 : 0)), 0, t.nullable);
      return strict([c], rt, (v: Decimal) => v.setScale(0, ceil ? 'CEILING' : 'FLOOR'));
    }
    const f = t.kind === 'FLOAT' ? Math.fround : (x: number) => x;
    return strict([c], t, (v: number) => f(ceil ? Math.ceil(v) : Math.floor(v)));
  };
}
register('FLOOR', floorCeil(false));
register('CEIL', floorCeil(true));

function roundLike(mode: 'HALF_UP' | 'DOWN', name: string) {
  return (a: readonly Expression[], call: FunctionCall, api: CompilerApi): Compiled => {
    const x = numArg(api, a[0], name, call.span);
    const nArg = a[1] ? numArg(api, a[1], name, call.span) : undefined;
    if (nArg && !isIntegral(nArg.type) && nArg.type.kind !== 'NULL') throw textError(TYPE_TEXTS.badArgument({ kind: 'type', fn: name, types: [typeToString(nArg.type)], position: 2, expects: 'an integer' }), call.span);
    const n = nArg ? (nArg.type.kind === 'NULL' ? nArg : api.coerce(nArg, T.int(nArg.type.nullable))) : undefined;
    const nConst = n?.constant ? (n.constant.value as number | null) : n ? undefined : 0;
    const t = x.type;
    const args = n ? [x, n] : [x];
    const roundDec = (d: Decimal, k: number): Decimal => {
      if (k >= 0) return d.setScale(k, mode).setScale(Math.max(d.scale, 0) >= k ? d.scale : k);
      const f = new Decimal(10n ** BigInt(-k), 0);
      const q = d.div(f, 0);
      const qt = mode === 'DOWN' ? d.setScale(0, 'DOWN').unscaled / f.unscaled : q.unscaled;
      return new Decimal(qt * f.unscaled, 0).setScale(d.scale);
    };
    switch (t.kind) {
      case 'DECIMAL': {
        if (n !== undefined && (nConst === undefined || nConst === null)) {
          // a digit count that is not a literal: Flink keeps the operand's type, and the value carries the scale
          // it was rounded to (DecimalDataUtils.sround / struncate: scale max(k, 0), the integer digits kept plus
          // one), as Flink's own tests print it
          const rt = withNullable(t, t.nullable || n.type.nullable);
          return strictNullable(args, rt, (v: Decimal, kk: number) => {
            if (kk >= v.scale) return v;
            const scale = Math.max(kk, 0);
            const precision = Math.min(38, 1 + t.precision - t.scale + scale);
            return roundDec(v, kk).setScale(scale, mode).toPrecision(precision, scale);
          });
        }
        // the plan's type of the call (the typer's ROUND / TRUNCATE rule): its scale is the digits kept
        const rt = api.planType(call);
        if (rt?.kind !== 'DECIMAL') throw notReached(`${name} over ${typeToString(t)} without a DECIMAL type in the plan`);
        const { precision, scale } = rt;
        return strictNullable(args, rt, (v: Decimal, kk?: number) => roundDec(v, kk ?? 0).setScale(scale, mode).toPrecision(precision, scale));
      }
      case 'FLOAT':
      case 'DOUBLE': {
        // Flink's sround / struncate take BigDecimal.valueOf(value): a FLOAT is widened to double first, so its
        // digits are the double's (ROUND(1.005f, 2) is 1.0, not 1.01)
        const str = javaDoubleToString;
        const back = t.kind === 'FLOAT' ? Math.fround : (v: number) => v;
        return strict(args, t, (v: number, kk?: number) => {
          if (!Number.isFinite(v)) return v;
          const d = Decimal.fromString(str(v)) as Decimal;
          return back(roundDec(d, kk ?? 0).toNumber());
        });
      }
      case 'TINYINT': case 'SMALLINT': case 'INT': case 'BIGINT': {
        const big = t.kind === 'BIGINT';
        return strict(args, t, (v: number | bigint, kk?: number) => {
          const k = kk ?? 0;
          if (k >= 0) return v;
          const r = roundDec(Decimal.fromBigInt(BigInt(v)), k).toBigInt();
          return big ? BigInt.asIntN(64, r) : Number(BigInt.asIntN(32, r));
        });
      }
      case 'NULL':
        return { type: T.int(), eval: () => null };
      default:
        throw textError(TYPE_TEXTS.badArgument({ kind: 'type', fn: name, types: [typeToString(t)] }), call.span);
    }
  };
}
register('ROUND', roundLike('HALF_UP', 'ROUND'));
register('TRUNCATE', roundLike('DOWN', 'TRUNCATE'));

register('MOD', (a, call, api) => {
  const x = numArg(api, a[0], 'MOD', call.span);
  const y = numArg(api, a[1], 'MOD', call.span);
  return compileArithmetic('%', x, y, undefined, call.span);
});

// java.util.Random, so RAND(seed) / RAND_INTEGER(seed, n) give Flink's sequence
class JavaRandom {
  private seed: bigint;
  constructor(seed: bigint) {
    this.seed = (seed ^ 0x5deece66dn) & ((1n << 48n) - 1n);
  }
  private next(bits: number): number {
    this.seed = (this.seed * 0x5deece66dn + 0xbn) & ((1n << 48n) - 1n);
    return Number(BigInt.asIntN(32, this.seed >> BigInt(48 - bits)));
  }
  nextDouble(): number {
    return (Number(BigInt(this.next(26)) << 27n) + this.next(27)) * 2 ** -53;
  }
  nextInt(bound: number): number {
    if ((bound & -bound) === bound) return Number((BigInt(bound) * BigInt(this.next(31))) >> 31n);
    let bits: number;
    let val: number;
    do {
      bits = this.next(31);
      val = bits % bound;
    } while (bits - val + (bound - 1) < 0 || bits - val + (bound - 1) > 2147483647);
    return val;
  }
}

register('RAND', (a, call, api) => {
  if (a.length === 0) return { type: T.double(false), eval: () => Math.random() };
  const s = numArg(api, a[0], 'RAND', call.span);
  const st = s.type;
  let rnd: JavaRandom | undefined;
  const ev = s.eval;
  return {
    type: T.double(st.nullable),
    eval: (r) => {
      const v = ev(r);
      if (v === null) return null;
      rnd ??= new JavaRandom(BigInt(Math.trunc(toDouble(v, st))));
      return rnd.nextDouble();
    },
  };
});
register('RAND_INTEGER', (a, call, api) => {
  const cs = a.map((x) => numArg(api, x, 'RAND_INTEGER', call.span));
  if (cs.length === 1) {
    const b = cs[0] as Compiled;
    return strict([b], T.int(false), (n: unknown) => Math.floor(Math.random() * toDouble(n, b.type)), false);
  }
  const [s, b] = cs as [Compiled, Compiled];
  let rnd: JavaRandom | undefined;
  return strict([s, b], T.int(false), (seed: unknown, n: unknown) => {
    rnd ??= new JavaRandom(BigInt(Math.trunc(toDouble(seed, s.type))));
    return rnd.nextInt(toDouble(n, b.type));
  }, false);
});

export { withNullable };
