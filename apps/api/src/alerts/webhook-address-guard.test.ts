import { checkWebhookAddress, isPrivateAddress, type HostLookup } from './webhook-address-guard.js';

const refusedUrls = [
  'https://127.0.0.1/hook',
  'https://127.1/hook',
  'https://2130706433/hook', // decimal 127.0.0.1
  'https://0177.0.0.1/hook', // octal
  'https://0x7f.0.0.1/hook', // hex
  'https://[::1]/hook',
  'https://[::ffff:127.0.0.1]/hook',
  'https://[::ffff:10.0.0.1]/hook',
  'https://0.0.0.0/hook',
  'https://[::]/hook',
  'https://169.254.169.254/latest/meta-data',
  'https://10.1.2.3/hook',
  'https://172.16.0.9/hook',
  'https://192.168.1.1/hook',
  'https://100.100.100.200/hook',
  'https://[fd00:ec2::254]/hook',
  'https://[fe80::1]/hook',
];

describe('checkWebhookAddress', () => {
  it.each(refusedUrls)('refuses %s unless private networks are allowed', async (url) => {
    await expect(checkWebhookAddress({ url, allowPrivateNetworks: false })).rejects.toMatchObject({
      reason: 'private',
    });
    await expect(checkWebhookAddress({ url, allowPrivateNetworks: true })).resolves.toMatchObject({
      address: expect.any(String),
    });
  });

  it('refuses a name that resolves to a private address, naming the host and never the path or query', async () => {
    const lookup: HostLookup = async () => [
      { address: '93.184.215.14', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ];
    const refusal = checkWebhookAddress({
      url: 'https://hooks.example.test/services/T000/B000/SECRETPATH?token=SECRETQUERY',
      allowPrivateNetworks: false,
      lookup,
    });
    await expect(refusal).rejects.toThrow(/hooks\.example\.test resolves to 10\.0\.0\.7/);
    await expect(refusal).rejects.not.toThrow(/SECRET/);
  });

  it('refuses localhost through the system resolver', async () => {
    await expect(
      checkWebhookAddress({ url: 'https://localhost:8443/hook', allowPrivateNetworks: false }),
    ).rejects.toMatchObject({ reason: 'private' });
  });

  it('pins the first checked address of a public name', async () => {
    const lookup: HostLookup = async () => [{ address: '2606:4700::1111', family: 6 }];
    await expect(
      checkWebhookAddress({ url: 'https://hooks.example.test/x', allowPrivateNetworks: false, lookup }),
    ).resolves.toMatchObject({ hostname: 'hooks.example.test', address: '2606:4700::1111', family: 6 });
  });

  it('wants https unless private networks are allowed, and tells a name that does not resolve apart', async () => {
    await expect(
      checkWebhookAddress({ url: 'http://hooks.example.test/x', allowPrivateNetworks: false }),
    ).rejects.toMatchObject({ reason: 'invalid' });
    await expect(
      checkWebhookAddress({ url: 'ftp://example.test/x', allowPrivateNetworks: true }),
    ).rejects.toMatchObject({ reason: 'invalid' });
    const failing: HostLookup = async () => {
      throw Object.assign(new Error('getaddrinfo EAI_AGAIN'), { code: 'EAI_AGAIN' });
    };
    await expect(
      checkWebhookAddress({ url: 'https://hooks.example.test/x', allowPrivateNetworks: false, lookup: failing }),
    ).rejects.toMatchObject({ reason: 'unresolved' });
  });
});

describe('isPrivateAddress', () => {
  it('passes public addresses', () => {
    expect(isPrivateAddress('93.184.215.14')).toBe(false);
    expect(isPrivateAddress('2606:4700::1111')).toBe(false);
    expect(isPrivateAddress('100.63.255.255')).toBe(false);
    expect(isPrivateAddress('100.64.0.1')).toBe(true);
    expect(isPrivateAddress('::ffff:93.184.215.14')).toBe(true);
    expect(isPrivateAddress('not an address')).toBe(true);
  });
});
