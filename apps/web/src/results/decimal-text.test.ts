import { compareDecimalText, decimalToExactNumber, fractionDigitsOf, normalizeDecimalText } from './decimal-text.js';

describe('decimal text', () => {
  it('keeps the precision it came with', () => {
    expect(fractionDigitsOf('12.50')).toBe(2);
    expect(fractionDigitsOf('-7')).toBe(0);
    expect(normalizeDecimalText('-012.5000')).toBe('-12.5');
    expect(normalizeDecimalText('-0.00')).toBe('0');
  });

  it('becomes a number only when the number prints back to the same value', () => {
    expect(decimalToExactNumber('19.99')).toBe(19.99);
    expect(decimalToExactNumber('1234.50')).toBe(1234.5);
    expect(decimalToExactNumber('-0.10')).toBe(-0.1);
    expect(decimalToExactNumber('12345678901234567.89')).toBeUndefined();
    expect(decimalToExactNumber('9007199254740993')).toBeUndefined();
    expect(decimalToExactNumber('0.1000000000000000055511151231257827')).toBeUndefined();
    expect(decimalToExactNumber('abc')).toBeUndefined();
  });

  it('compares exactly, beyond what a double can tell apart', () => {
    expect(compareDecimalText('12345678901234567.89', '12345678901234567.88')).toBe(1);
    expect(compareDecimalText('9.5', '10.00')).toBe(-1);
    expect(compareDecimalText('-2', '-10')).toBe(1);
    expect(compareDecimalText('1.50', '1.5')).toBe(0);
    expect(compareDecimalText('-0.5', '0.1')).toBe(-1);
  });
});
