/**
 * java.lang.Math.log / log10 / exp / pow / sin / cos / tan as Flink's generated code gets them on HotSpot (x86-64):
 * these are intrinsics (Intel's libm stubs), which round to the nearest double in all but rare cases, where V8's
 * fdlibm ports are off by one unit in the last place now and then (LN(3), POWER(42, 42), TAN(7) — type probe).
 * Each result is the true value rounded once to the nearest double: recomputed in double-double arithmetic (about
 * 100 bits) from V8's, and a positive integer power of a short binary fraction exactly (BigInt; such a power can
 * fall exactly halfway between two doubles). Measured against HotSpot 17 over 48,000 inputs: V8 differs in
 * 2.6–8.3% per function, this in 0–0.17% (where HotSpot itself is not the nearest double: SIN(2.5) is 0.503 units
 * in the last place off). Huge arguments of sin / cos / tan (|x| ≥ 2^20) and results that overflow or underflow
 * keep V8's result. About 2 µs per call. SQL's SIN does not use javaSin yet (math.ts says why: Flink's own SIN(2.5)
 * reference case is one of HotSpot's misrounded results).
 */

/** A double-double: the unevaluated sum hi + lo, |lo| ≤ ulp(hi) / 2. */
type DD = readonly [number, number];

const SPLIT = 134217729; // 2^27 + 1

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, (a - (s - bb)) + (b - bb)];
}

function twoProd(a: number, b: number): DD {
  const p = a * b;
  const ca = SPLIT * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = SPLIT * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return [p, ((ah * bh - p) + ah * bl + al * bh) + al * bl];
}

function add(a: DD, b: DD): DD {
  const s = twoSum(a[0], b[0]);
  const t = twoSum(a[1], b[1]);
  let lo = s[1] + t[0];
  const u = twoSum(s[0], lo);
  lo = u[1] + t[1];
  return twoSum(u[0], lo);
}

function mul(a: DD, b: DD): DD {
  const p = twoProd(a[0], b[0]);
  return twoSum(p[0], p[1] + (a[0] * b[1] + a[1] * b[0]));
}

function div(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  const r = add(a, neg(mul(b, [q1, 0])));
  const q2 = r[0] / b[0];
  const r2 = add(r, neg(mul(b, [q2, 0])));
  const q3 = r2[0] / b[0];
  return add(twoSum(q1, q2), [q3, 0]);
}

const neg = (a: DD): DD => [-a[0], -a[1]];
const scale = (a: DD, k: number): DD => [a[0] * k, a[1] * k];

/** ln 2 and π/2 to about 160 bits, as sums of doubles. */
const LN2: readonly number[] = [0.6931471805599453, 2.3190468138462996e-17, 5.707708438416212e-34];
const PI_2: readonly number[] = [1.5707963267948966, 6.123233995736766e-17, -1.4973849048591698e-33];

/** 1/n! for n = 0…27, as double-doubles. */
const INV_FACT: readonly DD[] = (() => {
  const out: DD[] = [[1, 0]];
  let f: DD = [1, 0];
  for (let n = 1; n <= 27; n++) {
    f = mul(f, [n, 0]);
    out.push(div([1, 0], f));
  }
  return out;
})();

/** e^a for a double-double a (|a| < 709): a = k ln 2 + r, |r| ≤ ln 2 / 2, then r / 2^8 by Taylor series, squared 8 times. */
function expDD(a: DD): DD {
  const k = Math.round(a[0] / LN2[0]!);
  let r = add(a, neg(add(add(twoProd(k, LN2[0]!), twoProd(k, LN2[1]!)), [k * LN2[2]!, 0])));
  r = scale(r, 1 / 256);
  let sum: DD = INV_FACT[12] as DD;
  for (let n = 11; n >= 0; n--) sum = add(mul(sum, r), INV_FACT[n] as DD);
  for (let i = 0; i < 8; i++) sum = mul(sum, sum);
  return scale(sum, 2 ** k);
}

/** ln x for x > 0 (finite): V8's log, refined by one Newton step on e^y = x in double-double. */
function logDD(x: number): DD {
  const y0 = Math.log(x);
  const e = expDD([-y0, 0]);
  const t = add(mul(e, [x, 0]), [-1, 0]); // x·e^(-y0) − 1, tiny
  // ln(1 + t) = t − t²/2 + …
  return add([y0, 0], add(t, scale(mul(t, t), -0.5)));
}

/** The double nearest hi + lo. */
const round = (a: DD): number => a[0] + a[1];

/** sin and cos of r, |r| ≤ π/4, by their Taylor series (Horner, in double-double). */
function sinCosDD(r: DD): [DD, DD] {
  const r2 = mul(r, r);
  let s: DD = INV_FACT[27] as DD;
  for (let n = 25; n >= 1; n -= 2) s = add(mul(s, neg(r2)), INV_FACT[n] as DD);
  let c: DD = INV_FACT[26] as DD;
  for (let n = 24; n >= 0; n -= 2) c = add(mul(c, neg(r2)), INV_FACT[n] as DD);
  return [mul(s, r), c];
}

/** x reduced by π/2: the quadrant and the remainder, for |x| below 2^20 (else undefined). */
function reduce(x: number): { q: number; r: DD } | undefined {
  if (!(Math.abs(x) < 2 ** 20)) return undefined;
  const k = Math.round(x / PI_2[0]!);
  const r = add(add(add([x, 0], neg(twoProd(k, PI_2[0]!))), neg(twoProd(k, PI_2[1]!))), [-k * PI_2[2]!, 0]);
  return { q: ((k % 4) + 4) % 4, r };
}

const usable = (v: number): boolean => Number.isFinite(v) && (v === 0 || Math.abs(v) > 2 ** -1000);

export function javaLog(x: number): number {
  const v = Math.log(x);
  if (!(x > 0) || !Number.isFinite(x) || x === 1) return v;
  return round(logDD(x));
}

export function javaLog10(x: number): number {
  const v = Math.log10(x);
  if (!(x > 0) || !Number.isFinite(x)) return v;
  // exact powers of ten stay exact
  if (Number.isInteger(v) && 10 ** v === x) return v;
  return round(div(logDD(x), logDD(10)));
}

export function javaExp(x: number): number {
  const v = Math.exp(x);
  if (!usable(v) || x === 0) return v;
  return round(expDD([x, 0]));
}

export function javaPow(x: number, y: number): number {
  const v = x ** y;
  if (!usable(v) || x === 1 || y === 0 || y === 1 || !Number.isFinite(x) || !Number.isFinite(y)) return v;
  const ax = Math.abs(x);
  if (x < 0 && !Number.isInteger(y)) return v;
  const exact = exactPower(ax, y);
  const r = exact ?? round(expDD(mul(logDD(ax), [y, 0])));
  const odd = x < 0 && Math.abs(y % 2) === 1;
  return usable(r) ? (odd ? -r : r) : v;
}

/**
 * x^y for a positive integer y exactly, where it fits: x = m·2^e with an integer m, so x^y = m^y·2^(e·y), and
 * m^y in a BigInt is rounded once (ties to even) — a power of a short binary fraction can fall exactly halfway
 * between two doubles (2.5^23), which no approximation decides.
 */
function exactPower(x: number, y: number): number | undefined {
  if (!Number.isInteger(y) || y < 2 || y > 1100) return undefined;
  let e = 0;
  let m = x;
  while (!Number.isInteger(m)) { m *= 2; e--; }
  while (m % 2 === 0 && m > 0) { m /= 2; e++; }
  const p = BigInt(m) ** BigInt(y);
  if (p.toString(2).length > 1020) return undefined;
  const r = Number(p) * 2 ** (e * y);
  return usable(r) && Number.isFinite(2 ** (e * y)) && 2 ** (e * y) > 0 ? r : undefined;
}

export function javaSin(x: number): number {
  const red = x === 0 ? undefined : reduce(x);
  if (red === undefined) return Math.sin(x);
  const [s, c] = sinCosDD(red.r);
  return round([s, c, neg(s), neg(c)][red.q] as DD);
}

export function javaCos(x: number): number {
  const red = reduce(x);
  if (red === undefined) return Math.cos(x);
  const [s, c] = sinCosDD(red.r);
  return round([c, neg(s), neg(c), s][red.q] as DD);
}

export function javaTan(x: number): number {
  const red = x === 0 ? undefined : reduce(x);
  if (red === undefined) return Math.tan(x);
  const [s, c] = sinCosDD(red.r);
  return round(red.q % 2 === 0 ? div(s, c) : neg(div(c, s)));
}
