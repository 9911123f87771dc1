import { truncateText } from './truncate-text.js';

describe('truncateText', () => {
  it('leaves text within the budget alone', () => {
    expect(truncateText({ text: 'short', maxChars: 100 })).toEqual({ text: 'short', truncated: false });
  });

  it('cuts to the budget, marker included, at a line boundary, and says how to get more', () => {
    const text = Array.from({ length: 500 }, (_, index) => `line ${index}`).join('\n');
    const result = truncateText({ text, maxChars: 1000, hint: 'Read from offset 900.' });
    expect(result.truncated).toBe(true);
    expect(result.text.length).toBeLessThanOrEqual(1000);
    const lines = result.text.split('\n');
    expect(lines.at(-1)).toMatch(/^\[truncated: showing \d+ of \d+ characters\. Read from offset 900\.\]$/);
    expect(lines.at(-2)).toMatch(/^line \d+$/);
  });

  it('never splits a surrogate pair', () => {
    const text = '😀'.repeat(1000);
    const result = truncateText({ text, maxChars: 501 });
    const body = result.text.split('\n')[0]!;
    expect(body).toBe('😀'.repeat(body.length / 2));
  });
});
