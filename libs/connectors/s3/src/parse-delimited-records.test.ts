import { parseDelimitedRecords } from './parse-delimited-records.js';

const bytesOf = (text: string) => Buffer.from(text, 'utf8');

describe('parseDelimitedRecords', () => {
  const csv = '\uFEFFname,note\n"Smith, Ada","line1\nline2"\r\nBob,"café ""x"""\n';

  it('reads quoted delimiters, doubled quotes and line breaks inside quotes, with record ends in bytes', () => {
    const records = parseDelimitedRecords({ bytes: bytesOf(csv), delimiter: ',', encoding: 'utf-8', ended: true })!;
    expect(records.map((record) => record.cells)).toEqual([
      ['name', 'note'],
      ['Smith, Ada', 'line1\nline2'],
      ['Bob', 'café "x"'],
    ]);
    expect(records.map((record) => record.endByte)).toEqual([13, 41, 59]);
    expect(records.at(-1)!.endByte).toBe(Buffer.byteLength(csv));
  });

  it('leaves out the last record of a prefix, inside quotes or not', () => {
    const insideQuotes = bytesOf(csv + 'Carl,"unterminated\nstill');
    expect(
      parseDelimitedRecords({ bytes: insideQuotes, delimiter: ',', encoding: 'utf-8', ended: false })!.map(
        (record) => record.cells[0],
      ),
    ).toEqual(['name', 'Smith, Ada', 'Bob']);
    const plain = bytesOf(csv + 'Carl,unfinish');
    expect(parseDelimitedRecords({ bytes: plain, delimiter: ',', encoding: 'utf-8', ended: false })).toHaveLength(3);
    expect(parseDelimitedRecords({ bytes: plain, delimiter: ',', encoding: 'utf-8', ended: true })).toHaveLength(4);
  });

  it('reads TSV and single-byte encodings', () => {
    const latin = Buffer.from('name\tcity\nJosé\tMálaga\n', 'latin1');
    expect(
      parseDelimitedRecords({ bytes: latin, delimiter: '\t', encoding: 'windows-1252', ended: true })!.map(
        (record) => record.cells,
      ),
    ).toEqual([
      ['name', 'city'],
      ['José', 'Málaga'],
    ]);
  });

  it('gives up on malformed CSV and on encodings it cannot split', () => {
    expect(
      parseDelimitedRecords({ bytes: bytesOf('a,b\n"x"y,z\n'), delimiter: ',', encoding: 'utf-8', ended: true }),
    ).toBeUndefined();
    expect(
      parseDelimitedRecords({ bytes: bytesOf('a,b\n"x"y,z\nmore'), delimiter: ',', encoding: 'utf-8', ended: false }),
    ).toBeUndefined();
    expect(
      parseDelimitedRecords({ bytes: bytesOf('a,b\n'), delimiter: ',', encoding: 'utf-16le', ended: true }),
    ).toBeUndefined();
  });
});
