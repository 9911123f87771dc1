import { fitStructuredOutput } from './fit-structured-output.js';
import { jsonLength } from './json-length.js';

describe('fitStructuredOutput', () => {
  it('returns output within the budget unchanged, without a flag', () => {
    const structured = { rows: [{ id: 1 }] };
    expect(fitStructuredOutput({ structured, maxChars: 100 })).toMatchObject({ structured, truncated: false });
  });

  it('cuts to the budget, the truncated flag included', () => {
    const structured = {
      rows: Array.from({ length: 50 }, (_, index) => ({ id: index, value: 'v'.repeat(1_000_000) })),
    };
    const result = fitStructuredOutput({ structured, maxChars: 20_000 });
    expect(result.truncated).toBe(true);
    expect(result.structured.truncated).toBe(true);
    expect(jsonLength(result.structured)).toBe(result.length);
    expect(result.length).toBeLessThanOrEqual(20_000);
    expect(result.structured.rows.length).toBeGreaterThanOrEqual(1);
    expect(result.structured.rows[0]!.id).toBe(0);
  });

  it('turns a tool’s own truncated: false into true when it cuts', () => {
    const structured = { content: 'c'.repeat(50_000), truncated: false };
    const result = fitStructuredOutput({ structured, maxChars: 1000 });
    expect(result.structured.truncated).toBe(true);
    expect(result.length).toBeLessThanOrEqual(1000);
  });
});
