import { ConnectorError } from '@connectormcp/connector-kit';

/** Accepts `gid://shopify/Product/123` or `123` and returns the GID. */
export function toGid({ type, id }: { type: string; id: string | number }): string {
  const text = String(id).trim();
  if (/^\d+$/.test(text)) return `gid://shopify/${type}/${text}`;
  const match = /^gid:\/\/shopify\/(\w+)\/(\d+)$/.exec(text);
  if (!match || match[1] !== type) {
    throw new ConnectorError({
      code: 'INVALID_INPUT',
      message: `Expected a ${type} id (a number or gid://shopify/${type}/…), got "${text}".`,
    });
  }
  return text;
}
