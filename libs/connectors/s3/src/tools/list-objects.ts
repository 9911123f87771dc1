import { ListObjectsV2Command, type _Object } from '@aws-sdk/client-s3';
import { fitJsonItems, formatByteSize, jsonLength, renderTable } from '@connectormcp/connector-kit';
import { bytesNumber, dateTimeString } from '@connectormcp/connector-kit/value-format';
import { z } from 'zod';
import { defineS3Tool } from '../define-s3-tool.js';
import { bucketInput } from '../input-fields.js';
import { sendToBucket } from '../send-to-bucket.js';

export const objectSummarySchema = z.object({
  key: z.string(),
  size_bytes: bytesNumber(),
  size: z.string().describe('size_bytes for people, e.g. "1.5 KiB".'),
  last_modified: dateTimeString().nullable(),
  storage_class: z.string().nullable(),
});

export function toObjectSummary(object: _Object): z.infer<typeof objectSummarySchema> {
  return {
    key: object.Key ?? '',
    size_bytes: object.Size ?? 0,
    size: formatByteSize(object.Size ?? 0),
    last_modified: object.LastModified?.toISOString() ?? null,
    storage_class: object.StorageClass ?? null,
  };
}

export const listObjects = defineS3Tool({
  name: 'list_objects',
  title: 'List objects',
  description:
    'Lists objects in a bucket, optionally under a prefix. With delimiter "/" it returns "folders" (common prefixes) and the objects directly inside separately. Returns next_cursor when there is more; pass it back as cursor.',
  input: z.object({
    bucket: bucketInput,
    prefix: z.string().max(1024).optional().describe('Only keys starting with this, e.g. "reports/2026/".'),
    delimiter: z.string().max(8).optional().describe('Group keys into folders by this character, usually "/".'),
    cursor: z.string().max(4096).optional().describe('next_cursor from a previous call, to continue.'),
    max_keys: z.number().int().min(1).max(1000).default(100).describe('Keys per page (at most 1000).'),
  }),
  output: z.object({
    bucket: z.string(),
    prefix: z.string(),
    folders: z.array(z.string()),
    objects: z.array(objectSummarySchema),
    next_cursor: z.string().nullable(),
    truncated: z
      .boolean()
      .describe(
        'True when this page holds more folders or objects than shown; pass a smaller max_keys to see them all.',
      ),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true, idempotentHint: true },
  async handler({ input, context, signal, maxChars, maxStructuredChars }) {
    const page = await sendToBucket({
      context,
      bucket: input.bucket,
      signal,
      send: (client, options) =>
        client.send(
          new ListObjectsV2Command({
            Bucket: input.bucket,
            ...(input.prefix ? { Prefix: input.prefix } : {}),
            ...(input.delimiter ? { Delimiter: input.delimiter } : {}),
            ...(input.cursor ? { ContinuationToken: input.cursor } : {}),
            MaxKeys: input.max_keys,
          }),
          options,
        ),
    });
    const allFolders = (page.CommonPrefixes ?? []).map((entry) => entry.Prefix ?? '').filter(Boolean);
    const allObjects = (page.Contents ?? []).map(toObjectSummary);
    const nextCursor = page.IsTruncated && page.NextContinuationToken ? page.NextContinuationToken : null;
    const skeleton = {
      bucket: input.bucket,
      prefix: input.prefix ?? '',
      folders: [],
      objects: [],
      next_cursor: nextCursor,
      truncated: false,
    };
    // Folders and objects share the structured budget; the text shows exactly what the structured content holds.
    const room = maxStructuredChars - jsonLength(skeleton) - 16;
    const folders = fitJsonItems({ items: allFolders, maxChars: allObjects.length > 0 ? Math.floor(room / 2) : room });
    const fittedObjects = fitJsonItems({ items: allObjects, maxChars: room - jsonLength(folders.items) });
    const more = nextCursor ? `Call list_objects again with cursor="${nextCursor}".` : undefined;
    const lines = [`s3://${input.bucket}/${input.prefix ?? ''}`];
    if (folders.items.length > 0) {
      const omitted = folders.omittedItems > 0 ? `  [and ${folders.omittedItems} more folders]` : '';
      lines.push(`folders: ${folders.items.join('  ')}${omitted}`);
    }
    const table = renderTable({
      columns: ['key', 'size', 'last_modified', 'storage_class'],
      rows: fittedObjects.items,
      totalRows: allObjects.length,
      maxChars: maxChars - lines.join('\n').length - 200,
    });
    lines.push(table.text);
    const objects = fittedObjects.items.slice(0, table.shownRows);
    const truncated = folders.truncated || objects.length < allObjects.length;
    // A cursor continues after the whole page, so what this page could not show is reached with a smaller page.
    const shown = Math.max(1, folders.items.length + objects.length);
    if (truncated) lines.push(`Pass max_keys=${shown} (with the same cursor) to page through every key.`);
    else if (more) lines.push(`More keys: ${more}`);
    return {
      structured: { ...skeleton, folders: folders.items, objects, truncated },
      text: lines.join('\n'),
      ...(more ? { moreHint: more } : {}),
    };
  },
});
