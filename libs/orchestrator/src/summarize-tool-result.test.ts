import type { JsonSchema } from './json-schema.js';
import { summarizeToolResult } from './summarize-tool-result.js';

const sqlShape: JsonSchema = {
  type: 'object',
  properties: {
    columns: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
    rows: { type: 'array', items: { type: 'array', items: {} } },
    truncated_cells: { type: 'array', items: { type: 'object', properties: {} } },
  },
};
const listShape: JsonSchema = {
  type: 'object',
  properties: {
    folders: { type: 'array', items: { type: 'string' } },
    objects: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' } } } },
  },
};

describe('summarizeToolResult', () => {
  it('cuts a long first line at a word and marks the cut', () => {
    const text = `INVALID_INPUT: ${'word '.repeat(50)}(did you mean SELECT?)`;
    const summary = summarizeToolResult({ status: 'error', text });
    expect(summary.length).toBeLessThanOrEqual(200);
    expect(summary).toMatch(/^error: INVALID_INPUT: word .* word…$/);
    expect(summarizeToolResult({ status: 'error', text: 'short line' })).toBe('error: short line');
  });

  it('counts the rows of the SQL shape and of the one array of objects a schema declares', () => {
    expect(
      summarizeToolResult({
        status: 'ok',
        text: 'n\n600',
        structured: { columns: [], rows: [['600']] },
        outputSchema: sqlShape,
      }),
    ).toBe('1 row');
    expect(
      summarizeToolResult({
        status: 'ok',
        text: 'key size',
        structured: { folders: ['a/'], objects: [{ key: 'x' }, { key: 'y' }] },
        outputSchema: listShape,
      }),
    ).toBe('2 rows');
  });

  it("does not guess a table from the data's shape without a schema that declares it", () => {
    expect(summarizeToolResult({ status: 'ok', text: '\nname price\nA 1', structured: { rows: [[1], [2]] } })).toBe(
      'name price',
    );
    const twoTables: JsonSchema = {
      type: 'object',
      properties: {
        labels: { type: 'array', items: { type: 'object' } },
        comments: { type: 'array', items: { type: 'object' } },
      },
    };
    expect(
      summarizeToolResult({
        status: 'ok',
        text: 'PROJ-1: Broken',
        structured: { labels: [], comments: [] },
        outputSchema: twoTables,
      }),
    ).toBe('PROJ-1: Broken');
  });

  it('prefixes failures with their status', () => {
    expect(summarizeToolResult({ status: 'error', text: 'INVALID_INPUT: bad SQL', outputSchema: sqlShape })).toBe(
      'error: INVALID_INPUT: bad SQL',
    );
  });
});
