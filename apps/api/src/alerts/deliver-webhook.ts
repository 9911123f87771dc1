import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { DeliveryOutcome } from './delivery-outcome.js';
import { signWebhook } from './sign-webhook.js';
import { checkWebhookAddress, WebhookAddressError, type HostLookup } from './webhook-address-guard.js';

const responseBytesRead = 1024;

const failed = (outcome: Omit<DeliveryOutcome, 'channel' | 'ok'>): DeliveryOutcome => ({
  channel: 'webhook',
  ok: false,
  ...outcome,
});

/**
 * POSTs a signed JSON notification. The host is checked (and pinned) by the address guard first; redirects
 * are not followed (the redirect could lead to a private address); at most `timeoutMs` in all; only the first
 * kilobyte of the answer is read. The outcome's errors name the host, never the URL's path or query.
 */
export async function deliverWebhook({
  url,
  secret,
  body,
  deliveryId,
  allowPrivateNetworks,
  timeoutMs = 10_000,
  lookup,
}: {
  url: string;
  secret: string;
  body: string;
  /** The firing's id, sent as X-ConnectorMCP-Delivery so a receiver can drop a retried duplicate. */
  deliveryId: string;
  allowPrivateNetworks: boolean;
  timeoutMs?: number;
  lookup?: HostLookup;
}): Promise<DeliveryOutcome> {
  let checked;
  try {
    checked = await checkWebhookAddress({ url, allowPrivateNetworks, ...(lookup ? { lookup } : {}) });
  } catch (error) {
    if (!(error instanceof WebhookAddressError)) throw error;
    return failed({ status: null, error: error.message, retryable: error.reason === 'unresolved' });
  }
  const { url: target, hostname, address, family } = checked;
  const timestamp = Math.floor(Date.now() / 1000);
  // The connection goes to the address that was checked, whatever DNS answers now.
  const pinnedLookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<DeliveryOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: DeliveryOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(
      () =>
        finish(
          failed({
            status: null,
            error: `No answer from ${hostname} within ${timeoutMs >= 1000 ? `${timeoutMs / 1000} s` : `${timeoutMs} ms`}.`,
            retryable: true,
          }),
        ),
      timeoutMs,
    );
    const request: ClientRequest = send({
      method: 'POST',
      host: hostname,
      ...(target.port ? { port: Number(target.port) } : {}),
      path: `${target.pathname}${target.search}`,
      ...(target.username
        ? { auth: `${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}` }
        : {}),
      lookup: pinnedLookup,
      // A fresh connection each time: a pooled socket could have been opened to another address.
      agent: false,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'user-agent': 'ConnectorMCP-Alerts',
        'x-connectormcp-delivery': deliveryId,
        'x-connectormcp-timestamp': String(timestamp),
        'x-connectormcp-signature': signWebhook({ secret, timestamp, body }),
      },
    });
    request.on('error', (error: NodeJS.ErrnoException) =>
      finish(
        failed({
          status: null,
          error: `Could not reach ${hostname}${error.code ? ` (${error.code})` : ''}.`,
          retryable: true,
        }),
      ),
    );
    request.on('response', (response: IncomingMessage) => {
      const status = response.statusCode ?? 0;
      let received = 0;
      const done = () => {
        if (status >= 200 && status < 300)
          return finish({ channel: 'webhook', ok: true, status, error: null, retryable: false });
        if (status >= 300 && status < 400)
          return finish(
            failed({
              status,
              error: `${hostname} answered ${status} (a redirect); redirects are not followed: use the final URL.`,
              retryable: false,
            }),
          );
        const retryable = status >= 500 || status === 408 || status === 429;
        finish(failed({ status, error: `${hostname} answered ${status}.`, retryable }));
      };
      // The answer is not used: read a little (so the receiver is not cut off mid-write), never all of it.
      response.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received >= responseBytesRead) done();
      });
      response.on('end', done);
      response.on('error', done);
    });
    request.end(body);
  });
}
