import { parse, type CsvError } from 'csv-parse/sync';

export interface DelimitedRecord {
  cells: string[];
  /** Bytes of the input up to the end of this record, its line break included: where the next one starts. */
  endByte: number;
}

// Encodings in which the delimiter, quotes and line breaks are single ASCII bytes, so the raw bytes can be
// split before decoding each cell. UTF-16 is not among them.
const asciiCompatible = /^(utf-8|utf8|us-ascii|iso-8859-\d+|windows-125\d|latin1|koi8-[ru]|macintosh)$/i;

/**
 * Splits CSV/TSV bytes into records with csv-parse (quoted delimiters, doubled quotes, line breaks inside
 * quotes, a UTF-8 byte order mark, `\r\n`, `\n` or `\r`), keeping each record's end byte so a read can go on
 * exactly after the last record shown. When the bytes are only a prefix of the object (`ended` false), the
 * last record may be cut: it is left out, whether it stops inside quotes or not.
 *
 * Returns undefined for content that is not well-formed CSV (it is better shown as text) or not in an
 * ASCII-compatible encoding.
 */
export function parseDelimitedRecords({
  bytes,
  delimiter,
  encoding,
  ended,
}: {
  bytes: Uint8Array;
  delimiter: ',' | '\t';
  encoding: string;
  ended: boolean;
}): DelimitedRecord[] | undefined {
  if (!asciiCompatible.test(encoding)) return undefined;
  const decoder = new TextDecoder(encoding);
  const errors: string[] = [];
  // csv-parse would switch to decoding cells itself on a byte order mark, so it is skipped here.
  const bomBytes = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let parsed: Array<{ record: Buffer[]; info: { bytes: number } }>;
  try {
    parsed = parse(Buffer.from(bytes.buffer, bytes.byteOffset + bomBytes, bytes.byteLength - bomBytes), {
      delimiter,
      // Cells stay bytes until the whole record is known, then decode in the object's encoding.
      encoding: null,
      info: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      skip_empty_lines: true,
      // A prefix may stop inside a quoted cell; that one error is expected at its end, any other is not.
      skip_records_with_error: !ended,
      on_skip: (error: CsvError | undefined) => void errors.push(error?.code ?? 'unknown'),
    }) as unknown as Array<{ record: Buffer[]; info: { bytes: number } }>;
  } catch {
    return undefined;
  }
  if (errors.some((code) => code !== 'CSV_QUOTE_NOT_CLOSED')) return undefined;
  const records = parsed.map(({ record, info }) => ({
    cells: record.map((cell) => decoder.decode(cell)),
    endByte: bomBytes + info.bytes,
  }));
  const last = records.at(-1);
  const lastByte = bytes[bytes.length - 1];
  // Without its line break the last record of a prefix may go on in the bytes not read yet.
  if (!ended && last && last.endByte === bytes.length && lastByte !== 0x0a && lastByte !== 0x0d) {
    records.pop();
  }
  return records;
}
