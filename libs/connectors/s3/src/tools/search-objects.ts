import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { ConnectorError, fitJsonItems, jsonLength, renderTable } from '@connectormcp/connector-kit';
import { z } from 'zod';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { defineS3Tool } from '../define-s3-tool.js';
import { bucketInput } from '../input-fields.js';
import { createKeyMatcher } from '../key-matcher.js';
import { sendToBucket } from '../send-to-bucket.js';
import { objectSummarySchema, toObjectSummary } from './list-objects.js';

const pageSize = 1000;

export const searchObjects = defineS3Tool({
  name: 'search_objects',
  title: 'Search objects',
  description:
    'Finds objects by key pattern (a glob such as "logs/**/*.gz", or a regular expression between slashes such as "/report-2026-\\d+\\.csv$/"), last-modified dates and size. Scans the listing page by page up to scan_limit keys per call and returns the matches plus next_cursor to scan on; reports progress while scanning.',
  input: z.object({
    bucket: bucketInput,
    prefix: z
      .string()
      .max(1024)
      .optional()
      .describe('Only scan keys starting with this (fastest way to narrow a search).'),
    pattern: z.string().max(512).optional().describe('Glob on the whole key, or /regex/flags.'),
    modified_after: z.iso
      .datetime({ offset: true })
      .or(z.iso.date())
      .optional()
      .describe('Only objects modified at or after this ISO date or date-time.'),
    modified_before: z.iso
      .datetime({ offset: true })
      .or(z.iso.date())
      .optional()
      .describe('Only objects modified before this ISO date or date-time.'),
    min_size: z.number().int().min(0).optional().describe('Minimum size in bytes.'),
    max_size: z.number().int().min(0).optional().describe('Maximum size in bytes.'),
    max_results: z.number().int().min(1).max(1000).default(100).describe('Stop after this many matches.'),
    scan_limit: z
      .number()
      .int()
      .min(1000)
      .max(100_000)
      .default(10_000)
      .describe('Keys to examine at most in this call.'),
    cursor: z.string().max(4096).optional().describe('next_cursor from a previous call, to continue the scan.'),
  }),
  output: z.object({
    bucket: z.string(),
    matches: z.array(objectSummarySchema),
    scanned: z.number(),
    complete: z.boolean(),
    next_cursor: z.string().nullable(),
    truncated: z
      .boolean()
      .describe('True when matches were left for next_cursor to keep the result within its budget.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true, idempotentHint: true },
  async handler({ input, context, signal, progress, maxChars, maxStructuredChars }) {
    const matches = createKeyMatcher({ ...(input.pattern ? { pattern: input.pattern } : {}) });
    const after = input.modified_after ? Date.parse(input.modified_after) : -Infinity;
    const before = input.modified_before ? Date.parse(input.modified_before) : Infinity;
    if (after >= before)
      throw new ConnectorError({
        code: 'INVALID_INPUT',
        message: 'modified_after must be earlier than modified_before.',
      });
    const resume = input.cursor
      ? decodeCursor<{ startAfter: string; prefix?: string }>({ cursor: input.cursor })
      : undefined;
    if (resume && (resume.prefix ?? '') !== (input.prefix ?? '')) {
      throw new ConnectorError({
        code: 'INVALID_INPUT',
        message: 'cursor belongs to a search with another prefix; pass the same prefix.',
      });
    }
    const found: Array<z.infer<typeof objectSummarySchema>> = [];
    let scanned = 0;
    // Resuming after the last examined key (not a continuation token) lets a call stop mid-page.
    let startAfter = resume?.startAfter;
    let complete = false;
    while (scanned < input.scan_limit && found.length < input.max_results) {
      const page = await sendToBucket({
        context,
        bucket: input.bucket,
        signal,
        send: (client, options) =>
          client.send(
            new ListObjectsV2Command({
              Bucket: input.bucket,
              ...(input.prefix ? { Prefix: input.prefix } : {}),
              ...(startAfter ? { StartAfter: startAfter } : {}),
              MaxKeys: Math.min(pageSize, input.scan_limit - scanned),
            }),
            options,
          ),
      });
      const contents = page.Contents ?? [];
      let examined = 0;
      for (const object of contents) {
        examined += 1;
        scanned += 1;
        startAfter = object.Key;
        const key = object.Key ?? '';
        const size = object.Size ?? 0;
        const modified = object.LastModified?.getTime() ?? 0;
        if (
          matches(key) &&
          modified >= after &&
          modified < before &&
          (input.min_size === undefined || size >= input.min_size) &&
          (input.max_size === undefined || size <= input.max_size)
        ) {
          found.push(toObjectSummary(object));
          if (found.length >= input.max_results) break;
        }
      }
      await progress({
        progress: scanned,
        total: input.scan_limit,
        message: `scanned ${scanned} keys, ${found.length} matches`,
      });
      if (!page.IsTruncated) {
        // The listing ended; the scan is complete only if this last page was examined to its end.
        complete = examined === contents.length;
        break;
      }
    }
    const cursorAfter = (key: string) =>
      encodeCursor({ startAfter: key, ...(input.prefix ? { prefix: input.prefix } : {}) });
    const skeleton = {
      bucket: input.bucket,
      matches: [],
      scanned,
      complete: false,
      // The longest cursor this call can produce: after the last key examined or the last match shown.
      next_cursor: cursorAfter(
        found.reduce((longest, match) => (match.key.length > longest.length ? match.key : longest), startAfter ?? ''),
      ),
      truncated: true,
    };
    const fitted = fitJsonItems({ items: found, maxChars: maxStructuredChars - jsonLength(skeleton) - 16 });
    const table = renderTable({
      columns: ['key', 'size', 'last_modified'],
      rows: fitted.items,
      totalRows: found.length,
      maxChars: maxChars - 300,
    });
    const shown = fitted.items.slice(0, table.shownRows);
    // Matches that did not fit are not skipped: the scan resumes after the last match shown.
    const truncated = shown.length < found.length;
    const lastShown = shown.at(-1)?.key;
    const nextCursor =
      truncated && lastShown ? cursorAfter(lastShown) : complete || !startAfter ? null : cursorAfter(startAfter);
    const more = nextCursor
      ? `Call search_objects again with the same filters and cursor="${nextCursor}" to scan on.`
      : undefined;
    const summary = truncated
      ? `${shown.length} of ${found.length} match(es) shown after scanning ${scanned} key(s) in s3://${input.bucket}/${input.prefix ?? ''}`
      : `${found.length} match(es) after scanning ${scanned} key(s) in s3://${input.bucket}/${input.prefix ?? ''}${complete ? ' (scan complete)' : ''}`;
    return {
      structured: {
        bucket: input.bucket,
        matches: shown,
        scanned,
        complete: complete && !truncated,
        next_cursor: nextCursor,
        truncated,
      },
      text: `${summary}\n${table.text}${more ? `\n${more}` : ''}`,
      ...(more ? { moreHint: more } : {}),
    };
  },
});
