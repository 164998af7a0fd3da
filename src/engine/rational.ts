// The range of whole numbers shared by Rational.integer (declared first: the class uses them).
const SMALL_MIN = -1024n;
const SMALL_MAX = 10000n;
const smallIntegers: (Rational | undefined)[] = [];

/**
 * Exact rational numbers on BigInt. Every comparison against a target goes through this type,
 * because 0.9 * 70 is not 63 in floating point (SPEC §2).
 */
export class Rational {
  /** Always reduced, denominator always positive. */
  readonly num: bigint;
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    let n = typeof num === 'bigint' ? num : BigInt(num);
    let d = typeof den === 'bigint' ? den : BigInt(den);
    if (d === 1n) return Rational.integer(n);
    if (d === 0n) throw new RangeError('Rational with zero denominator');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n < 0n ? -n : n, d);
    return new Rational(g > 1n ? n / g : n, g > 1n ? d / g : d);
  }

  static readonly ZERO = Rational.of(0n);
  static readonly ONE = Rational.of(1n);
  static readonly HUNDRED = Rational.of(100n);

  /**
   * The decimal a person sees for a JavaScript number: 0.9 is 9/10, not the binary double
   * 0.90000000000000002220446... Uses the shortest round-trip representation.
   */
  static fromNumber(x: number): Rational {
    if (!Number.isFinite(x)) throw new RangeError(`Not a finite number: ${x}`);
    // String(x) gives the shortest decimal that round-trips ("0.9", "1e-7", "1.5e+21").
    return Rational.fromDecimalString(String(x));
  }

  /** Parses "-12", "3.25", "1e-7", "0.000125"; throws RangeError on anything else. */
  static fromDecimalString(s: string): Rational {
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s.trim());
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new RangeError(`Not a decimal: ${s}`);
    const sign = m[1] === '-' ? -1n : 1n;
    const intPart = m[2] || '0';
    const frac = m[3] ?? '';
    const exp = m[4] ? parseInt(m[4], 10) : 0;
    let num = BigInt(intPart + frac) * sign;
    let den = 10n ** BigInt(frac.length);
    if (exp > 0) num *= 10n ** BigInt(exp);
    else if (exp < 0) den *= 10n ** BigInt(-exp);
    return Rational.of(num, den);
  }

  /**
   * A whole number. Small ones (gaps, required counts) are shared instances, which is safe as a
   * Rational never changes and spares the garbage collector in large evaluations.
   */
  private static integer(n: bigint): Rational {
    if (n < SMALL_MIN || n > SMALL_MAX) return new Rational(n, 1n);
    const i = Number(n) - Number(SMALL_MIN);
    return (smallIntegers[i] ??= new Rational(n, 1n));
  }

  // Whole numbers are the common case (counts, đồng): they skip the gcd.
  add(o: Rational): Rational {
    if (this.den === 1n && o.den === 1n) return Rational.integer(this.num + o.num);
    return Rational.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  sub(o: Rational): Rational {
    if (this.den === 1n && o.den === 1n) return Rational.integer(this.num - o.num);
    return Rational.of(this.num * o.den - o.num * this.den, this.den * o.den);
  }
  mul(o: Rational): Rational {
    if (this.den === 1n && o.den === 1n) return Rational.integer(this.num * o.num);
    return Rational.of(this.num * o.num, this.den * o.den);
  }
  div(o: Rational): Rational {
    if (o.num === 0n) throw new RangeError('Division by zero');
    return Rational.of(this.num * o.den, this.den * o.num);
  }
  neg(): Rational {
    return Rational.of(-this.num, this.den);
  }

  /** -1, 0 or 1. */
  cmp(o: Rational): number {
    const l = this.num * o.den;
    const r = o.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  eq(o: Rational): boolean {
    return this.cmp(o) === 0;
  }
  lt(o: Rational): boolean {
    return this.cmp(o) < 0;
  }
  lte(o: Rational): boolean {
    return this.cmp(o) <= 0;
  }
  gt(o: Rational): boolean {
    return this.cmp(o) > 0;
  }
  gte(o: Rational): boolean {
    return this.cmp(o) >= 0;
  }
  isZero(): boolean {
    return this.num === 0n;
  }
  isNegative(): boolean {
    return this.num < 0n;
  }
  isInteger(): boolean {
    return this.den === 1n;
  }

  floor(): bigint {
    const q = this.num / this.den;
    return this.num < 0n && q * this.den !== this.num ? q - 1n : q;
  }
  ceil(): bigint {
    const q = this.num / this.den;
    return this.num > 0n && q * this.den !== this.num ? q + 1n : q;
  }

  /** Nearest double; only for display and JSON, never for a comparison. */
  toNumber(): number {
    const n = Number(this.num);
    const d = Number(this.den);
    if (Number.isFinite(n) && Number.isFinite(d) && Math.abs(n) <= 2 ** 53 && d <= 2 ** 53)
      return n / d;
    // Large operands: scale to keep 17 significant digits.
    const scale = 10n ** 20n;
    return Number((this.num * scale) / this.den) / 1e20;
  }

  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a === 0n ? 1n : a;
}
