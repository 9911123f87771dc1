import {
  formatBytes,
  formatDate,
  formatDateTime,
  formatMoney,
  formatValue,
  shortenIdentifier,
} from './format-value.js';

describe('formatValue', () => {
  it('shows money as amount and currency with the precision kept, grouped', () => {
    expect(formatMoney({ money: { amount: '1234.50', currency_code: 'EUR' }, locale: 'en-US' })).toBe('€1,234.50');
    expect(formatMoney({ money: { amount: '25.0', currency_code: 'USD' }, locale: 'en-US' })).toBe('$25.00');
    expect(formatMoney({ money: { amount: '1234.5', currency_code: 'EUR' }, locale: 'de-DE' })).toBe('1.234,50\u00a0€');
    // More digits than a double holds: formatted from the text, never through parseFloat.
    expect(formatMoney({ money: { amount: '12345678901234567.891', currency_code: 'USD' }, locale: 'en-US' })).toBe(
      '$12,345,678,901,234,567.891',
    );
    expect(formatMoney({ money: { amount: '5', currency_code: 'JPY' }, locale: 'en-US' })).toBe('¥5');
    expect(formatMoney({ money: { amount: '5.00', currency_code: 'XX1' }, locale: 'en-US' })).toBe('5.00 XX1');
  });

  it('shows decimals with their own precision and grouping', () => {
    expect(formatValue({ value: '1234567.500', kind: 'decimal', locale: 'en-US' })).toBe('1,234,567.500');
    expect(formatValue({ value: '-98765432109876543210.125', kind: 'decimal', locale: 'en-US' })).toBe(
      '-98,765,432,109,876,543,210.125',
    );
    expect(formatValue({ value: 1234.5, kind: 'number', locale: 'en-US' })).toBe('1,234.5');
  });

  it('shows a calendar date on its own day in every time zone', () => {
    expect(formatDate({ text: '2026-01-05', locale: 'en-US' })).toBe('Jan 5, 2026');
    expect(formatValue({ value: '2026-12-31', kind: 'date', locale: 'en-GB' })).toBe('31 Dec 2026');
  });

  it('shows instants in the reader zone and locale', () => {
    expect(formatDateTime({ text: '2026-03-01T23:30:00Z', locale: 'en-US', timeZone: 'UTC' })).toBe(
      'Mar 1, 2026, 11:30 PM',
    );
    expect(formatDateTime({ text: '2026-03-01T23:30:00Z', locale: 'en-US', timeZone: 'Asia/Tokyo' })).toBe(
      'Mar 2, 2026, 8:30 AM',
    );
  });

  it('leaves null and absent values empty, and makes bytes and durations readable', () => {
    expect(formatValue({ value: null, kind: 'text' })).toBe('');
    expect(formatValue({ value: undefined, kind: 'money' })).toBe('');
    expect(formatBytes({ bytes: 1536, locale: 'en-US' })).toBe('1.5 kB');
    expect(formatBytes({ bytes: 12, locale: 'en-US' })).toBe('12 bytes');
    expect(formatValue({ value: 1_530, kind: 'milliseconds', locale: 'en-US' })).toBe('1.5 sec');
    expect(formatValue({ value: ['a', 'b'], kind: 'list' })).toBe('a, b');
  });

  it('shortens long ids, keeping both ends', () => {
    expect(shortenIdentifier({ text: 'gid://shopify/Order/5001234567890' })).toBe('gid://sh…567890');
    expect(shortenIdentifier({ text: 'PROJ-12' })).toBe('PROJ-12');
  });
});
