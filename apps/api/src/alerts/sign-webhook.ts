import { createHmac } from 'node:crypto';

/**
 * `v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`: the receiver recomputes it over the raw body and the
 * X-ConnectorMCP-Timestamp header (and may refuse old timestamps, against replays).
 */
export function signWebhook({ secret, timestamp, body }: { secret: string; timestamp: number; body: string }): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
