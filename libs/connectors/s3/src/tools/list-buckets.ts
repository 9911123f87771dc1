import { GetBucketLocationCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import { fitJsonItems, renderTable } from '@connectormcp/connector-kit';
import { dateTimeString } from '@connectormcp/connector-kit/value-format';
import { z } from 'zod';
import { defineS3Tool } from '../define-s3-tool.js';
import { mapS3Error } from '../map-s3-error.js';

export const listBuckets = defineS3Tool({
  name: 'list_buckets',
  title: 'List buckets',
  description:
    'Lists the buckets these credentials can see (only those in S3_BUCKETS when it is set), with creation date and region where known.',
  input: z.object({
    include_region: z.boolean().default(false).describe("Look up each bucket's region (one extra request per bucket)."),
  }),
  output: z.object({
    buckets: z.array(
      z.object({ name: z.string(), created: dateTimeString().nullable(), region: z.string().nullable() }),
    ),
    truncated: z
      .boolean()
      .describe('True when there are more buckets than shown; set S3_BUCKETS to the ones that matter.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true, idempotentHint: true },
  async handler({ input, context, signal, maxChars, maxStructuredChars }) {
    let listed;
    try {
      listed = await context.client().send(new ListBucketsCommand({}), { abortSignal: signal });
    } catch (error) {
      throw mapS3Error(error) ?? error;
    }
    const buckets = [];
    for (const bucket of listed.Buckets ?? []) {
      if (!bucket.Name || !context.isBucketVisible({ bucket: bucket.Name })) continue;
      let region: string | null =
        (bucket as { BucketRegion?: string }).BucketRegion ?? context.bucketRegions.get(bucket.Name) ?? null;
      if (input.include_region && !region) {
        try {
          const location = await context
            .client()
            .send(new GetBucketLocationCommand({ Bucket: bucket.Name }), { abortSignal: signal });
          // An empty LocationConstraint means us-east-1, for historical reasons.
          region = location.LocationConstraint || 'us-east-1';
        } catch {
          region = null;
        }
      }
      buckets.push({ name: bucket.Name, created: bucket.CreationDate?.toISOString() ?? null, region });
    }
    const fitted = fitJsonItems({ items: buckets, maxChars: maxStructuredChars - 64 });
    const table = renderTable({
      columns: ['name', 'created', 'region'],
      rows: fitted.items,
      totalRows: buckets.length,
      maxChars,
      hint: 'Set S3_BUCKETS to the buckets that matter.',
    });
    const shown = fitted.items.slice(0, table.shownRows);
    return { structured: { buckets: shown, truncated: shown.length < buckets.length }, text: table.text };
  },
});
