import { Rational } from '../../src/engine/rational';

describe('Rational', () => {
  it('reads a double as the decimal a person typed', () => {
    expect(Rational.fromNumber(0.9).toString()).toBe('9/10');
    expect(Rational.fromNumber(1e-7).toString()).toBe('1/10000000');
    expect(Rational.fromNumber(1.5e21).toString()).toBe('1500000000000000000000');
  });
  it('multiplies exactly where doubles do not', () => {
    expect(0.57 * 100 === 57).toBe(false);
    expect(Rational.fromNumber(0.57).mul(Rational.of(100)).eq(Rational.of(57))).toBe(true);
    expect(Rational.fromNumber(0.9).mul(Rational.of(70)).eq(Rational.of(63))).toBe(true);
  });
  it('floors and ceils negatives and positives', () => {
    expect(Rational.of(7, 2).floor()).toBe(3n);
    expect(Rational.of(7, 2).ceil()).toBe(4n);
    expect(Rational.of(-7, 2).floor()).toBe(-4n);
    expect(Rational.of(-7, 2).ceil()).toBe(-3n);
    expect(Rational.of(6, 2).ceil()).toBe(3n);
  });
  it('rejects what is not a decimal', () => {
    expect(() => Rational.fromDecimalString('1,5')).toThrow(RangeError);
    expect(() => Rational.fromDecimalString('.')).toThrow(RangeError);
  });
});
