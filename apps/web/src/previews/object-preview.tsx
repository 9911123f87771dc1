import { useEffect, useState } from 'react';
import { formatBytes, formatDateTime } from '../results/format-value.js';
import { TableResult } from '../results/table-result.js';
import type { TypedTable } from '../results/typed-table.js';
import { ImagePreview, isPreviewableImageType } from './image-preview.js';
import { JsonTree } from './json-tree.js';
import type { ObjectContent, ObjectRead } from './object-read.js';
import { TextPreview } from './text-preview.js';

function tableOf({ header, rows }: { header: string[]; rows: string[][] }): TypedTable {
  return {
    name: 'rows',
    columns: header.map((key) => ({ key, label: key, kind: 'text' })),
    rows,
  };
}

/** CSV/TSV rows: as the connector parsed them, or parsed here (papaparse, loaded on demand) from its text. */
function DelimitedPreview({ content, name }: { content: Extract<ObjectContent, { kind: 'table' }>; name: string }) {
  const [parsed, setParsed] = useState<TypedTable | null>(() =>
    content.header && content.rows ? tableOf({ header: content.header, rows: content.rows }) : null,
  );
  useEffect(() => {
    if (parsed || content.text === null) return;
    let current = true;
    void import('papaparse').then(({ parse }) => {
      const result = parse<string[]>(content.text!.replace(/\r?\n$/, ''), { delimiter: content.delimiter });
      const [header = [], ...rows] = result.data;
      if (current) setParsed(tableOf({ header, rows }));
    });
    return () => {
      current = false;
    };
  }, [content, parsed]);
  if (!parsed) return <p className="text-sm text-slate-500 dark:text-slate-400">Reading the table…</p>;
  return <TableResult table={parsed} name={name} caption={`${name} rows`} />;
}

function ContentBody({ read, name }: { read: ObjectRead; name: string }) {
  const { content } = read;
  switch (content.kind) {
    case 'table':
      return content.unparsed ? (
        <TextPreview text={content.text ?? ''} label={`${read.key} as text`} />
      ) : (
        <DelimitedPreview content={content} name={name} />
      );
    case 'json':
      return content.parsed ? (
        <JsonTree value={content.value} label={`${read.key} as JSON`} />
      ) : (
        <TextPreview text={content.text ?? ''} label={`${read.key} as text`} />
      );
    case 'text':
      return <TextPreview text={content.text} label={`${read.key} as text`} />;
    case 'image':
      return isPreviewableImageType(content.contentType) ? (
        <ImagePreview base64={content.base64} type={content.contentType} alt={`Preview of ${read.key}`} />
      ) : (
        <BinaryNote read={read} />
      );
    case 'binary':
      return <BinaryNote read={read} />;
  }
}

function BinaryNote({ read }: { read: ObjectRead }) {
  const hex = read.content.kind === 'binary' ? read.content.previewHex : null;
  return (
    <div className="space-y-1 rounded-md border border-dashed border-slate-300 p-3 text-sm dark:border-slate-600">
      <p>
        {read.content.kind === 'binary' && read.content.note
          ? read.content.note
          : `This object is binary${read.contentType ? ` (${read.contentType})` : ''}: it is not shown here.`}{' '}
        Its details are above.
      </p>
      {hex ? (
        <p className="font-mono text-xs text-slate-500 dark:text-slate-400">
          First bytes: <span className="break-all">{hex}</span>
        </p>
      ) : null}
    </div>
  );
}

/** An S3 object's content the way it reads best: a table, a foldable JSON tree, numbered text or an image. */
export function ObjectPreview({ read, name }: { read: ObjectRead; name: string }) {
  const facts = [
    read.contentType,
    read.sizeBytes !== null ? formatBytes({ bytes: read.sizeBytes }) : null,
    read.lastModified ? `modified ${formatDateTime({ text: read.lastModified })}` : null,
  ].filter(Boolean);
  return (
    <div className="space-y-2" data-testid="object-preview">
      <p className="text-xs text-slate-600 dark:text-slate-400">
        <span className="font-mono">
          s3://{read.bucket}/{read.key}
        </span>
        {facts.length > 0 ? ` · ${facts.join(' · ')}` : null}
      </p>
      {read.truncated ? (
        <p
          role="note"
          className="rounded-md border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          Cut: showing the first {read.bytesRead !== null ? formatBytes({ bytes: read.bytesRead }) : 'part'}
          {read.sizeBytes !== null ? ` of ${formatBytes({ bytes: read.sizeBytes })}` : ''}
          {read.nextOffset !== null ? ` (the rest starts at byte ${read.nextOffset})` : ''}.
        </p>
      ) : null}
      <ContentBody read={read} name={name} />
    </div>
  );
}
