import { cutText, utf8Prefix } from './cut-cell.js';

describe('utf8Prefix', () => {
  it('keeps text that fits whole', () => {
    expect(utf8Prefix({ buffer: Buffer.from('héllo'), maxBytes: 6 })).toBe('héllo');
  });

  it('never splits a character, whatever its width', () => {
    const buffer = Buffer.from('aé€😀b'); // 1 + 2 + 3 + 4 + 1 bytes
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((maxBytes) => utf8Prefix({ buffer, maxBytes }))).toEqual([
      'a',
      'a',
      'aé',
      'aé',
      'aé',
      'aé€',
      'aé€',
      'aé€',
      'aé€',
      'aé€😀',
    ]);
    expect(utf8Prefix({ buffer, maxBytes: 0 })).toBe('');
  });
});

describe('cutText', () => {
  it('leaves short text alone and cuts long text by bytes with a marker', () => {
    expect(cutText({ text: 'abc', maxBytes: 3 })).toEqual({ text: 'abc', cut: false });
    expect(cutText({ text: 'abcd', maxBytes: 3 })).toEqual({ text: 'abc…', cut: true });
    expect(cutText({ text: '€€€', maxBytes: 7 })).toEqual({ text: '€€…', cut: true });
    expect(cutText({ text: '€€', maxBytes: 6 })).toEqual({ text: '€€', cut: false });
  });
});
