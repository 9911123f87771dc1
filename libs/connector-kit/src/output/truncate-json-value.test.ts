import { z } from 'zod';
import { jsonLength } from './json-length.js';
import { truncateJsonValue } from './truncate-json-value.js';

describe('truncateJsonValue', () => {
  it('leaves a value within the budget alone, the same object', () => {
    const value = { rows: [{ id: 1, name: 'a' }], total: 1 };
    const result = truncateJsonValue({ value, maxChars: 1000 });
    expect(result.value).toBe(value);
    expect(result).toMatchObject({ truncated: false, cuts: { strings: 0, arrays: 0, omittedItems: 0 } });
    expect(result.length).toBe(jsonLength(value));
  });

  it('cuts a long string with a marker that says how much is missing', () => {
    const result = truncateJsonValue({ value: { content: 'x'.repeat(100_000), key: 'a.txt' }, maxChars: 1000 });
    expect(result.truncated).toBe(true);
    expect(result.length).toBeLessThanOrEqual(1000);
    expect(result.length).toBe(jsonLength(result.value));
    expect(result.value.key).toBe('a.txt');
    expect(result.value.content).toMatch(/^x+… \[truncated: \d+ more characters\]$/);
    const kept = result.value.content.indexOf('…');
    expect(result.value.content).toContain(`[truncated: ${100_000 - kept} more characters]`);
    expect(result.cuts.strings).toBe(1);
  });

  it('keeps the first items of a long array, whole', () => {
    const items = Array.from({ length: 1000 }, (_, index) => ({ key: `object-${index}`, size: index }));
    const result = truncateJsonValue({ value: { items }, maxChars: 2000 });
    expect(result.length).toBeLessThanOrEqual(2000);
    expect(result.value.items.length).toBeGreaterThan(10);
    expect(result.value.items).toEqual(items.slice(0, result.value.items.length));
    expect(result.cuts).toMatchObject({ arrays: 1, omittedItems: 1000 - result.value.items.length });
  });

  it('cuts the large members of an object and keeps the small ones whole', () => {
    const value = { id: 'PROJ-1', summary: 'short', description: 'd'.repeat(50_000), comments: ['c'.repeat(50_000)] };
    const result = truncateJsonValue({ value, maxChars: 5000 });
    expect(result.length).toBeLessThanOrEqual(5000);
    expect(result.value).toMatchObject({ id: 'PROJ-1', summary: 'short' });
    expect(result.value.description.length).toBeGreaterThan(1000);
    expect(result.value.comments[0]!.length).toBeGreaterThan(1000);
  });

  it('counts escapes: a string of quotes and newlines still fits its budget', () => {
    const result = truncateJsonValue({ value: { text: '"\n\\'.repeat(20_000) }, maxChars: 900 });
    expect(result.length).toBeLessThanOrEqual(900);
    expect(jsonLength(result.value)).toBe(result.length);
  });

  it('never splits a surrogate pair', () => {
    const result = truncateJsonValue({ value: { text: '😀'.repeat(10_000) }, maxChars: 501 });
    const kept = result.value.text.split('…')[0]!;
    expect(kept).toBe('😀'.repeat(kept.length / 2));
  });

  it('caps every string at maxStringChars even when the whole fits', () => {
    const value = { rows: [{ cell: 'y'.repeat(500), small: 'ok' }] };
    const result = truncateJsonValue({ value, maxChars: 100_000, maxStringChars: 200 });
    expect(result.truncated).toBe(true);
    expect(result.value.rows[0]!.cell).toMatch(/^y{200}… \[truncated: 300 more characters\]$/);
    expect(result.value.rows[0]!.small).toBe('ok');
  });

  it('never cuts short strings (ids, enum values), and turns dates into their JSON strings', () => {
    const value = { when: new Date('2026-01-01T00:00:00Z'), status: 'ACTIVE', body: 'b'.repeat(10_000) };
    const result = truncateJsonValue({ value, maxChars: 300 });
    expect(result.value.status).toBe('ACTIVE');
    expect(result.value.when).toBe('2026-01-01T00:00:00.000Z');
  });

  it('keeps randomly shaped values within the budget and valid against their schema', () => {
    const row = z.object({ id: z.number(), name: z.string(), tags: z.array(z.string()), note: z.string().nullable() });
    const schema = z.object({ rows: z.array(row), columns: z.array(z.string()), title: z.string() }).strict();
    let seed = 7;
    const random = (limit: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % limit;
    };
    for (let attempt = 0; attempt < 40; attempt += 1) {
      const value = {
        title: 't'.repeat(random(3000)),
        columns: Array.from({ length: random(30) }, (_, index) => `column_${index}`),
        rows: Array.from({ length: random(300) }, (_, index) => ({
          id: index,
          name: 'n'.repeat(random(5000)),
          tags: Array.from({ length: random(20) }, () => 'g'.repeat(random(400))),
          note: random(2) ? null : '\n"'.repeat(random(2000)),
        })),
      };
      const maxChars = 1000 + random(30_000);
      const result = truncateJsonValue({ value, maxChars });
      expect(result.length).toBeLessThanOrEqual(maxChars);
      expect(jsonLength(result.value)).toBe(result.length);
      expect(schema.safeParse(result.value).success).toBe(true);
    }
  });
});
