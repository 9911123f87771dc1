import { fitJsonItems } from './fit-json-items.js';
import { jsonLength } from './json-length.js';

describe('fitJsonItems', () => {
  it('keeps every item when they fit', () => {
    const items = [{ a: 1 }, { a: 2 }];
    expect(fitJsonItems({ items, maxChars: 100 })).toEqual({ items, omittedItems: 0, cutStrings: 0, truncated: false });
  });

  it('keeps the first whole items that fit, their long strings capped', () => {
    const items = Array.from({ length: 50 }, (_, index) => ({ id: index, value: 'v'.repeat(1_000_000) }));
    const result = fitJsonItems({ items, maxChars: 5000, maxStringChars: 200 });
    expect(jsonLength(result.items)).toBeLessThanOrEqual(5000);
    expect(result.items.length).toBeGreaterThan(5);
    expect(result.omittedItems).toBe(50 - result.items.length);
    expect(result.cutStrings).toBe(result.items.length);
    expect(result.items[0]!.value).toMatch(/^v{200}… \[truncated: 999800 more characters\]$/);
    expect(result.items.map((item) => item.id)).toEqual(result.items.map((_, index) => index));
  });

  it('cuts the first item further when it alone does not fit', () => {
    const result = fitJsonItems({ items: [{ body: 'b'.repeat(100_000) }, { body: 'c' }], maxChars: 1000 });
    expect(result.items).toHaveLength(1);
    expect(jsonLength(result.items)).toBeLessThanOrEqual(1000);
    expect(result.truncated).toBe(true);
  });
});
