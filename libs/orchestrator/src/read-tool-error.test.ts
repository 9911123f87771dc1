import { readToolError } from './read-tool-error.js';

describe('readToolError', () => {
  it("reads the kit's code and retryable flag from a failed result's _meta", () => {
    expect(
      readToolError({
        result: {
          isError: true,
          content: [{ type: 'text', text: 'TIMEOUT: slow' }],
          _meta: { 'connectormcp/error': { code: 'TIMEOUT', retryable: true } },
        },
      }),
    ).toEqual({ code: 'TIMEOUT', retryable: true });
  });

  it('reports nothing for a success, or for an error without a code', () => {
    const meta = { 'connectormcp/error': { code: 'INVALID_INPUT', retryable: false } };
    expect(readToolError({ result: { content: [], _meta: meta } })).toBeNull();
    expect(readToolError({ result: { isError: true, content: [] } })).toBeNull();
    expect(readToolError({ result: { isError: true, content: [], _meta: { 'connectormcp/error': 'x' } } })).toBeNull();
  });
});
