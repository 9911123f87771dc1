import { formatByteSize } from './format-byte-size.js';

describe('formatByteSize', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.5 KiB'],
    [10 * 1024 * 1024, '10 MiB'],
    [200 * 1024 * 1024, '200 MiB'],
    [1.25 * 1024 ** 3, '1.25 GiB'],
    [-1, 'unknown'],
  ])('%d bytes is %s', (bytes, expected) => {
    expect(formatByteSize(bytes)).toBe(expected);
  });
});
