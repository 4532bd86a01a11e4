/**
 * Exact DECIMAL values: a BigInt unscaled value and a scale, like Java's BigDecimal / Flink's DecimalData.
 * Rounding is HALF_UP (Flink's default); a value that does not fit its precision is NULL (`fitsPrecision`).
 */
export class Decimal {
  constructor(
    readonly unscaled: bigint,
    readonly scale: number,
  ) {}

  static fromString(text: string): Decimal | null {
    const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(text);
    if (!m || ((m[2] ?? '') === '' && (m[3] ?? '') === '')) return null;
    const sign = m[1] === '-' ? -1n : 1n;
    const intPart = m[2] ?? '';
    const frac = m[3] ?? '';
    const exp = m[4] ? Number(m[4]) : 0;
    let unscaled = BigInt((intPart + frac) || '0') * sign;
    let scale = frac.length - exp;
    if (scale < 0) {
      unscaled *= 10n ** BigInt(-scale);
      scale = 0;
    }
    return new Decimal(unscaled, scale);
  }

  static fromBigInt(v: bigint): Decimal {
    return new Decimal(v, 0);
  }

  /** Exact conversion of a double (Java's `BigDecimal.valueOf(double)` uses the shortest text). */
  static fromNumber(v: number): Decimal | null {
    if (!Number.isFinite(v)) return null;
    return Decimal.fromString(String(v));
  }

  isZero(): boolean {
    return this.unscaled === 0n;
  }

  signum(): number {
    return this.unscaled === 0n ? 0 : this.unscaled < 0n ? -1 : 1;
  }

  /** Number of significant digits of the unscaled value (precision of a BigDecimal). */
  digits(): number {
    const u = this.unscaled < 0n ? -this.unscaled : this.unscaled;
    return u === 0n ? 1 : u.toString().length;
  }

  /** Rescale with HALF_UP rounding (or truncation toward zero with `mode = 'DOWN'`). */
  setScale(scale: number, mode: 'HALF_UP' | 'DOWN' | 'FLOOR' | 'CEILING' = 'HALF_UP'): Decimal {
    if (scale === this.scale) return this;
    if (scale > this.scale) return new Decimal(this.unscaled * 10n ** BigInt(scale - this.scale), scale);
    const div = 10n ** BigInt(this.scale - scale);
    return new Decimal(divRound(this.unscaled, div, mode), scale);
  }

  /** Does the value fit DECIMAL(precision, scale) after rounding to `scale`? */
  fits(precision: number, scale: number): boolean {
    const r = this.setScale(scale);
    const u = r.unscaled < 0n ? -r.unscaled : r.unscaled;
    return u < 10n ** BigInt(precision);
  }

  /** Round to `scale` and return NULL when the result exceeds `precision` digits (Flink's overflow rule). */
  toPrecision(precision: number, scale: number): Decimal | null {
    const r = this.setScale(scale);
    const u = r.unscaled < 0n ? -r.unscaled : r.unscaled;
    return u < 10n ** BigInt(precision) ? r : null;
  }

  add(o: Decimal): Decimal {
    const s = Math.max(this.scale, o.scale);
    return new Decimal(this.setScale(s).unscaled + o.setScale(s).unscaled, s);
  }

  sub(o: Decimal): Decimal {
    const s = Math.max(this.scale, o.scale);
    return new Decimal(this.setScale(s).unscaled - o.setScale(s).unscaled, s);
  }

  mul(o: Decimal): Decimal {
    return new Decimal(this.unscaled * o.unscaled, this.scale + o.scale);
  }

  /** Division rounded HALF_UP to `scale` digits. Throws on division by zero. */
  div(o: Decimal, scale: number): Decimal {
    if (o.unscaled === 0n) throw new ArithmeticError('Division by zero');
    // this / o = (u1 / 10^s1) / (u2 / 10^s2); result unscaled at `scale` = u1 * 10^(scale - s1 + s2) / u2
    const shift = scale - this.scale + o.scale;
    let num = this.unscaled;
    let den = o.unscaled;
    if (shift >= 0) num *= 10n ** BigInt(shift);
    else den *= 10n ** BigInt(-shift);
    return new Decimal(divRound(num, den, 'HALF_UP'), scale);
  }

  /** Remainder with the sign of the dividend (Java's BigDecimal.remainder). */
  rem(o: Decimal): Decimal {
    if (o.unscaled === 0n) throw new ArithmeticError('Division by zero');
    const s = Math.max(this.scale, o.scale);
    return new Decimal(this.setScale(s).unscaled % o.setScale(s).unscaled, s);
  }

  negate(): Decimal {
    return new Decimal(-this.unscaled, this.scale);
  }

  abs(): Decimal {
    return this.unscaled < 0n ? this.negate() : this;
  }

  compare(o: Decimal): number {
    const s = Math.max(this.scale, o.scale);
    const a = this.setScale(s).unscaled;
    const b = o.setScale(s).unscaled;
    return a < b ? -1 : a > b ? 1 : 0;
  }

  equals(o: Decimal): boolean {
    return this.compare(o) === 0;
  }

  toNumber(): number {
    return Number(this.toString());
  }

  /** Integer part, truncated toward zero. */
  toBigInt(): bigint {
    return this.setScale(0, 'DOWN').unscaled;
  }

  /** Plain notation with the full scale (`9.870`, `-0.50`), like `BigDecimal.toPlainString`. */
  toString(): string {
    const neg = this.unscaled < 0n;
    let digits = (neg ? -this.unscaled : this.unscaled).toString();
    if (this.scale <= 0) return (neg ? '-' : '') + digits + '0'.repeat(-this.scale);
    if (digits.length <= this.scale) digits = '0'.repeat(this.scale - digits.length + 1) + digits;
    const i = digits.length - this.scale;
    return `${neg ? '-' : ''}${digits.slice(0, i)}.${digits.slice(i)}`;
  }
}

/** Integer division of `num / den` with a rounding mode. */
export function divRound(num: bigint, den: bigint, mode: 'HALF_UP' | 'DOWN' | 'FLOOR' | 'CEILING'): bigint {
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const q = num / den;
  const r = num % den;
  if (r === 0n) return q;
  switch (mode) {
    case 'DOWN':
      return q;
    case 'FLOOR':
      return num < 0n ? q - 1n : q;
    case 'CEILING':
      return num > 0n ? q + 1n : q;
    case 'HALF_UP': {
      const twice = (r < 0n ? -r : r) * 2n;
      if (twice >= den) return num < 0n ? q - 1n : q + 1n;
      return q;
    }
  }
}

/** Java's ArithmeticException, raised by evaluation (division by zero and the like). */
export class ArithmeticError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArithmeticException';
  }
}
