import { toolResultForModel } from './tool-result-for-model.js';

describe('toolResultForModel', () => {
  it('joins text blocks and describes other content', () => {
    expect(
      toolResultForModel({
        result: {
          content: [
            { type: 'text', text: 'a' },
            { type: 'image', data: 'AAAA', mimeType: 'image/png' },
          ],
        },
        tokenBudget: 100,
      }),
    ).toEqual({ text: 'a\n[image content omitted]', truncated: false });
  });

  it('cuts to the budget with a marker', () => {
    const { text, truncated } = toolResultForModel({
      result: { content: [{ type: 'text', text: 'y'.repeat(10_000) }] },
      tokenBudget: 250,
    });
    expect(truncated).toBe(true);
    expect(text.length).toBeLessThanOrEqual(1000);
    expect(text).toMatch(/showing 1000 of 10000 characters/);
  });
});
