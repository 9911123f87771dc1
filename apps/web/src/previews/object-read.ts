/** What the web needs from an S3 read_object result, whichever way the connector describes its content. */
export type ObjectContent =
  | {
      kind: 'table';
      delimiter: ',' | '\t';
      header: string[] | null;
      rows: string[][] | null;
      text: string | null;
      /** The connector gave text because it could not parse it as a table: show it as text. */
      unparsed?: boolean;
    }
  | { kind: 'json'; value: unknown; parsed: boolean; text: string | null }
  | { kind: 'text'; text: string }
  | { kind: 'image'; base64: string; contentType: string }
  | { kind: 'binary'; previewHex: string | null; note?: string };

export interface ObjectRead {
  bucket: string;
  key: string;
  contentType: string | null;
  sizeBytes: number | null;
  bytesRead: number | null;
  lastModified: string | null;
  etag: string | null;
  truncated: boolean;
  nextOffset: number | null;
  content: ObjectContent;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' ? value : null);
const number = (value: unknown) => (typeof value === 'number' ? value : null);
const stringRows = (value: unknown) =>
  Array.isArray(value) && value.every(Array.isArray)
    ? (value as unknown[][]).map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : String(cell))))
    : null;

/**
 * The content as read_object describes it by kind: `table` (csv, tsv), `json`, `text` or `image`, binary
 * only as a preview. Results stored before that (the content as one string) still read.
 */
function contentOf(result: Record<string, unknown>): ObjectContent {
  const kind = text(result.kind);
  const contentText = text(result.text) ?? text(result.content);
  const table = isRecord(result.table) ? result.table : undefined;
  const image = isRecord(result.image) ? result.image : undefined;
  if ((kind === 'csv' || kind === 'tsv') && (table || contentText !== null)) {
    const header = Array.isArray(table?.columns) ? table.columns.map(String) : null;
    const rows = stringRows(table?.rows);
    return {
      kind: 'table',
      delimiter: kind === 'tsv' ? '\t' : ',',
      header,
      rows,
      // Text the connector could not parse as a table stays text; a stored string is parsed here.
      text: header && rows ? null : contentText,
      ...(header && rows ? {} : { unparsed: typeof result.text === 'string' }),
    };
  }
  if (kind === 'json') {
    if ('json' in result) return { kind: 'json', value: result.json, parsed: true, text: contentText };
    // A stored whole JSON text parses; a cut one stays numbered text.
    if (typeof result.content === 'string' && result.truncated !== true) {
      try {
        return { kind: 'json', value: JSON.parse(result.content) as unknown, parsed: true, text: contentText };
      } catch {
        // Not valid after all: shown as text below.
      }
    }
    return { kind: 'json', value: undefined, parsed: false, text: contentText };
  }
  if (kind === 'image' && image && typeof image.data_base64 === 'string')
    return { kind: 'image', base64: image.data_base64, contentType: text(image.media_type) ?? '' };
  if ((kind === 'text' || kind === 'csv' || kind === 'tsv') && contentText !== null)
    return { kind: 'text', text: contentText };
  return {
    kind: 'binary',
    previewHex: text(result.preview_hex),
    ...(kind === 'image' ? { note: 'The image is too large to show here.' } : {}),
  };
}

/** An S3 read_object result (bucket, key and a content kind), else undefined. */
export function objectReadOf({ result, tool }: { result: unknown; tool?: string }): ObjectRead | undefined {
  if (!isRecord(result) || (tool !== undefined && tool !== 'read_object')) return undefined;
  if (typeof result.bucket !== 'string' || typeof result.key !== 'string') return undefined;
  if (typeof result.kind !== 'string') return undefined;
  return {
    bucket: result.bucket,
    key: result.key,
    contentType: text(result.content_type),
    sizeBytes: number(result.size_bytes),
    bytesRead: number(result.bytes_read),
    lastModified: text(result.last_modified),
    etag: text(result.etag),
    truncated: result.truncated === true,
    nextOffset: number(result.next_offset),
    content: contentOf(result),
  };
}
