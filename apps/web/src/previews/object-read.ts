/** What the web needs from an S3 read_object result, whichever way the connector describes its content. */
export type ObjectContent =
  | { kind: 'table'; delimiter: ',' | '\t'; header: string[] | null; rows: string[][] | null; text: string | null }
  | { kind: 'json'; value: unknown; parsed: boolean; text: string | null }
  | { kind: 'text'; text: string }
  | { kind: 'image'; base64: string; contentType: string }
  | { kind: 'binary'; previewHex: string | null };

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

function contentOf(result: Record<string, unknown>): ObjectContent {
  // The content described by kind: `content: { kind, … }` or the kind beside the content.
  const described = isRecord(result.content) ? { ...result, ...result.content } : result;
  const kind = text(described.kind);
  const contentText = text(described.text) ?? text(result.content);
  const contentType = text(result.content_type) ?? text(described.content_type) ?? '';
  if (kind === 'csv' || kind === 'tsv' || kind === 'table') {
    const header = Array.isArray(described.header)
      ? described.header.map(String)
      : Array.isArray(described.columns)
        ? described.columns.map((column) => (isRecord(column) ? String(column.name ?? '') : String(column)))
        : null;
    return {
      kind: 'table',
      delimiter: kind === 'tsv' || described.delimiter === '\t' ? '\t' : ',',
      header,
      rows: stringRows(described.rows),
      text: contentText,
    };
  }
  if (kind === 'json')
    return 'value' in described
      ? { kind: 'json', value: described.value, parsed: true, text: contentText }
      : { kind: 'json', value: undefined, parsed: false, text: contentText };
  if (kind === 'image') {
    const base64 = text(described.base64) ?? text(described.data) ?? text(result.preview_base64);
    if (base64) return { kind: 'image', base64, contentType: text(described.mime_type) ?? contentType };
  }
  if (kind === 'text' && contentText !== null) return { kind: 'text', text: contentText };
  return { kind: 'binary', previewHex: text(described.preview_hex) ?? text(result.preview_hex) };
}

/** An S3 read_object result (bucket, key and a content kind), else undefined. */
export function objectReadOf({ result, tool }: { result: unknown; tool?: string }): ObjectRead | undefined {
  if (!isRecord(result) || (tool !== undefined && tool !== 'read_object')) return undefined;
  if (typeof result.bucket !== 'string' || typeof result.key !== 'string') return undefined;
  if (!('kind' in result) && !(isRecord(result.content) && 'kind' in result.content)) return undefined;
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
