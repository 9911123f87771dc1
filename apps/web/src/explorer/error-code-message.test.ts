import { errorCodeMessage } from './error-code-message.js';

describe('errorCodeMessage', () => {
  it('says what a known code means, names an unknown one, and copes with none', () => {
    expect(errorCodeMessage({ code: 'INVALID_INPUT' })).toBe('The tool did not accept the input.');
    expect(errorCodeMessage({ code: 'UPSTREAM_UNAVAILABLE' })).toBe('The datasource cannot be reached.');
    expect(errorCodeMessage({ code: 'SOMETHING_NEW' })).toBe('The tool reported an error (SOMETHING_NEW).');
    expect(errorCodeMessage({ code: null })).toBe('The tool reported an error.');
  });
});
