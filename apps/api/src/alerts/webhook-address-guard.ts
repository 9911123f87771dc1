import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Resolves a host name to every address it has (dns.lookup's `all: true` shape). */
export type HostLookup = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

/** The address a webhook may be sent to: the one that was checked, which the connection must use. */
export interface CheckedWebhookAddress {
  url: URL;
  /** The URL's host name as written (without IPv6 brackets): TLS checks the certificate against it. */
  hostname: string;
  address: string;
  family: 4 | 6;
}

export type WebhookAddressProblem = 'invalid' | 'private' | 'unresolved';

/** Why a webhook address was refused; the message names the host, never the URL's path or query. */
export class WebhookAddressError extends Error {
  /**
   * `invalid`: not an http(s) URL, or plain http where only https is allowed; `private`: a private address;
   * `unresolved`: the name did not resolve (DNS may answer later).
   */
  readonly reason: WebhookAddressProblem;

  constructor({ reason, message }: { reason: WebhookAddressProblem; message: string }) {
    super(message);
    this.name = 'WebhookAddressError';
    this.reason = reason;
  }
}

const privateRanges: Array<[string, number, 'ipv4' | 'ipv6']> = [
  ['0.0.0.0', 8, 'ipv4'], // "this network"; 0.0.0.0 reaches the local host on Linux
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'], // carrier-grade NAT (also some clouds' metadata, 100.100.100.200)
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'], // link-local, with the cloud metadata address 169.254.169.254
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.0.2.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['198.51.100.0', 24, 'ipv4'],
  ['203.0.113.0', 24, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'], // multicast
  ['240.0.0.0', 4, 'ipv4'], // reserved and broadcast
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  // Translated addresses reach IPv4 hosts: refused whatever the IPv4 address is (IPv4-mapped: below).
  ['64:ff9b::', 96, 'ipv6'],
  ['64:ff9b:1::', 48, 'ipv6'],
  ['100::', 64, 'ipv6'],
  ['2001:db8::', 32, 'ipv6'],
  ['2002::', 16, 'ipv6'], // 6to4 embeds an IPv4 address
  ['fc00::', 7, 'ipv6'], // unique-local (with AWS's metadata address fd00:ec2::254)
  ['fe80::', 10, 'ipv6'],
  ['fec0::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
];

const privateAddresses = new BlockList();
for (const [network, prefix, type] of privateRanges) privateAddresses.addSubnet(network, prefix, type);
// Apart: a BlockList matches IPv4 addresses against an IPv6 rule as their mapped form, so this rule among the
// others would refuse every IPv4 address. IPv4-mapped addresses (`::ffff:127.0.0.1`) are refused whatever
// IPv4 address they carry.
const mappedAddresses = new BlockList();
mappedAddresses.addSubnet('::ffff:0:0', 96, 'ipv6');

/** Loopback, private, link-local, CGNAT, unique-local, IPv4-mapped, metadata, multicast or reserved. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 6 && mappedAddresses.check(address, 'ipv6')) return true;
  return privateAddresses.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const systemLookup: HostLookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

const privateHint = 'webhooks may not reach private networks (WEBHOOK_ALLOW_PRIVATE_NETWORKS=true allows them)';

/**
 * Checks where a webhook would go before anything is sent: http(s) only (plain http only where private
 * networks are allowed), and the host's addresses public unless `allowPrivateNetworks`. Every address the
 * name resolves to must pass, and the caller connects to the returned one, so a second DNS answer cannot
 * point the request elsewhere (DNS rebinding). The URL parser already turns decimal, octal and hex IPv4
 * forms (`http://2130706433/`) into dotted ones.
 */
export async function checkWebhookAddress({
  url,
  allowPrivateNetworks,
  lookup = systemLookup,
}: {
  url: string;
  allowPrivateNetworks: boolean;
  lookup?: HostLookup;
}): Promise<CheckedWebhookAddress> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new WebhookAddressError({ reason: 'invalid', message: 'The webhook URL is not a valid URL.' });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new WebhookAddressError({ reason: 'invalid', message: 'The webhook URL must use https.' });
  if (parsed.protocol === 'http:' && !allowPrivateNetworks)
    throw new WebhookAddressError({
      reason: 'invalid',
      message: `The webhook URL must use https (plain http is allowed only with WEBHOOK_ALLOW_PRIVATE_NETWORKS=true).`,
    });
  const hostname = parsed.hostname.replace(/^\[|\]$/g, '');
  let addresses: Array<{ address: string; family: number }>;
  if (isIP(hostname)) addresses = [{ address: hostname, family: isIP(hostname) }];
  else {
    try {
      addresses = await lookup(hostname);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new WebhookAddressError({
        reason: 'unresolved',
        message: `The webhook host ${hostname} could not be resolved${code ? ` (${code})` : ''}.`,
      });
    }
    if (addresses.length === 0)
      throw new WebhookAddressError({ reason: 'unresolved', message: `The webhook host ${hostname} has no address.` });
  }
  if (!allowPrivateNetworks) {
    const refused = addresses.find((candidate) => isPrivateAddress(candidate.address));
    if (refused)
      throw new WebhookAddressError({
        reason: 'private',
        message:
          refused.address === hostname
            ? `The webhook address ${hostname} is a private, loopback or link-local address: ${privateHint}.`
            : `The webhook host ${hostname} resolves to ${refused.address}, a private, loopback or link-local address: ${privateHint}.`,
      });
  }
  const chosen = addresses[0]!;
  return { url: parsed, hostname, address: chosen.address, family: chosen.family === 6 ? 6 : 4 };
}
