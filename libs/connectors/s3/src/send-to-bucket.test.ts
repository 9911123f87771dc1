import { createSilentLogger } from '@connectormcp/connector-kit';
import { resolveS3Config } from './s3-config.js';
import { createS3Context } from './s3-context.js';
import { regionFromRedirect, sendToBucket } from './send-to-bucket.js';

const redirect = (region: string) =>
  Object.assign(new Error('The bucket you are attempting to access must be addressed using the specified endpoint.'), {
    name: 'PermanentRedirect',
    $metadata: { httpStatusCode: 301 },
    $response: { headers: { 'x-amz-bucket-region': region } },
  });

describe('regionFromRedirect', () => {
  it('reads the bucket region from a redirect, or from the message of a malformed-authorization error', () => {
    expect(regionFromRedirect(redirect('eu-west-1'))).toBe('eu-west-1');
    expect(
      regionFromRedirect({
        name: 'AuthorizationHeaderMalformed',
        message: "the region 'us-east-1' is wrong; expecting 'ap-south-1'",
      }),
    ).toBe('ap-south-1');
    expect(regionFromRedirect({ name: 'NoSuchKey' })).toBeUndefined();
  });
});

describe('sendToBucket', () => {
  it('retries once in the bucket region and remembers it', async () => {
    const context = createS3Context({ config: resolveS3Config({ region: 'us-east-1' }), logger: createSilentLogger() });
    const regions: Array<string | undefined> = [];
    const result = await sendToBucket({
      context,
      bucket: 'reports',
      signal: new AbortController().signal,
      send: async (client) => {
        const region = await client.config.region();
        regions.push(region);
        if (region !== 'eu-west-1') throw redirect('eu-west-1');
        return 'ok';
      },
    });
    expect(result).toBe('ok');
    expect(regions).toEqual(['us-east-1', 'eu-west-1']);
    expect(context.bucketRegions.get('reports')).toBe('eu-west-1');
    await context.close();
  });

  it('refuses buckets outside the allowlist before sending anything', async () => {
    const context = createS3Context({
      config: resolveS3Config({ allowedBuckets: ['a-bucket'] }),
      logger: createSilentLogger(),
    });
    let sent = 0;
    const send = async () => {
      sent += 1;
    };
    await expect(
      sendToBucket({ context, bucket: 'other', signal: new AbortController().signal, send }),
    ).rejects.toMatchObject({
      code: 'ACCESS_DENIED',
    });
    expect(sent).toBe(0);
    await context.close();
  });
});
