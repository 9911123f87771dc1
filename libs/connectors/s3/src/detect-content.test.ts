import { decodeText, detectContentKind, imageMediaType, isGzip } from './detect-content.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('detectContentKind', () => {
  it.each([
    ['a.json', 'application/json', '{"a":1}', 'json'],
    ['a.csv', 'text/csv', 'a,b\n1,2', 'csv'],
    ['a.tsv', undefined, 'a\tb', 'tsv'],
    ['a.txt', 'text/plain', 'hello', 'text'],
    ['noext', 'application/octet-stream', 'plain words', 'text'],
    ['a.png', 'image/png', 'PNG', 'binary'],
    ['a.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"/>', 'text'],
    ['data.bin', 'application/octet-stream', 'ab\0cd', 'binary'],
  ])('%s (%s) is %s', (key, contentType, content, expected) => {
    expect(detectContentKind({ key, ...(contentType ? { contentType } : {}), sample: bytes(content) })).toBe(expected);
  });

  it('calls only real PNG, JPEG, GIF and WebP bytes images, whatever their type says', () => {
    const sample = (text: string) => Buffer.from(text, 'latin1');
    expect(detectContentKind({ key: 'a.png', contentType: 'image/png', sample: sample('\x89PNG\r\n\x1a\nrest') })).toBe(
      'image',
    );
    expect(detectContentKind({ key: 'photo', sample: sample('\xff\xd8\xff\xe0rest') })).toBe('image');
    expect(detectContentKind({ key: 'a.bin', contentType: 'application/octet-stream', sample: sample('GIF89a') })).toBe(
      'image',
    );
    expect(detectContentKind({ key: 'a.webp', sample: sample('RIFF\x00\x00\x00\x00WEBPVP8 ') })).toBe('image');
    expect(imageMediaType({ sample: sample('RIFF\x00\x00\x00\x00WEBPVP8 ') })).toBe('image/webp');
    expect(detectContentKind({ key: 'fake.png', contentType: 'image/png', sample: sample('not a png') })).toBe(
      'binary',
    );
  });

  it('recognises Windows-1252 text and random bytes', () => {
    expect(detectContentKind({ key: 'x', sample: Buffer.from('Café crème', 'latin1') })).toBe('text');
    expect(detectContentKind({ key: 'x', sample: Buffer.from([0x01, 0x02, 0x90, 0x81, 0x03, 0x04, 0x05, 0x06]) })).toBe(
      'binary',
    );
  });
});

describe('isGzip', () => {
  it('looks at encoding, type, magic bytes and name', () => {
    expect(isGzip({ key: 'a', contentEncoding: 'gzip' })).toBe(true);
    expect(isGzip({ key: 'a', contentType: 'application/x-gzip' })).toBe(true);
    expect(isGzip({ key: 'a', firstBytes: Uint8Array.from([0x1f, 0x8b, 8]) })).toBe(true);
    expect(isGzip({ key: 'a.log.gz' })).toBe(true);
    expect(isGzip({ key: 'a.log', firstBytes: bytes('plain') })).toBe(false);
  });
});

describe('decodeText', () => {
  it('stops before a character cut by the byte budget', () => {
    const all = bytes('ab日本');
    const cut = all.subarray(0, 4); // "ab" + the first byte of 日
    expect(decodeText({ bytes: cut, final: false })).toEqual({ text: 'ab', usedBytes: 2, encoding: 'utf-8' });
    expect(decodeText({ bytes: all, final: true })).toEqual({ text: 'ab日本', usedBytes: 8, encoding: 'utf-8' });
  });

  it('honours a declared charset and falls back to Windows-1252', () => {
    expect(decodeText({ bytes: Buffer.from('Café', 'latin1'), final: true })).toMatchObject({
      text: 'Café',
      encoding: 'windows-1252',
    });
    expect(decodeText({ bytes: Buffer.from('Café', 'latin1'), charset: 'iso-8859-1', final: true })).toMatchObject({
      text: 'Café',
    });
  });
});
