import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretBox, parseSecretKey } from './secret-box.js';

const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('hex');

describe('createSecretBox', () => {
  it('encrypts with a fresh IV each time and decrypts back', () => {
    const box = createSecretBox({ keys: { current: keyA, previous: [] }, allowGenerated: false });
    const first = box.encrypt('mysql://user:pa55@db/shop');
    const second = box.encrypt('mysql://user:pa55@db/shop');
    expect(first).not.toBe(second);
    expect(first).toMatch(new RegExp(`^v1\\.${box.keyId}\\.[\\w-]{16}\\.[\\w-]{22}\\.[\\w-]+$`));
    expect(first).not.toContain('pa55');
    expect(box.decrypt(first)).toBe('mysql://user:pa55@db/shop');
    expect(box.keyId).toMatch(/^[0-9a-f]{8}$/);
  });

  it('refuses an altered value or tag', () => {
    const box = createSecretBox({ keys: { current: keyA, previous: [] }, allowGenerated: false });
    const parts = box.encrypt('secret').split('.');
    const flipped = (part: string) => {
      const bytes = Buffer.from(part, 'base64url');
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString('base64url');
    };
    expect(() => box.decrypt([...parts.slice(0, 4), flipped(parts[4]!)].join('.'))).toThrow(/altered/);
    expect(() => box.decrypt([...parts.slice(0, 3), flipped(parts[3]!), parts[4]].join('.'))).toThrow(/altered/);
    expect(() => box.decrypt([...parts.slice(0, 3), parts[3]!.slice(0, 8), parts[4]].join('.'))).toThrow(/altered/);
  });

  it('decrypts with a previous key and names the variables when no key fits', () => {
    const old = createSecretBox({ keys: { current: keyA, previous: [] }, allowGenerated: false });
    const sealed = old.encrypt('token');
    const rotated = createSecretBox({ keys: { current: keyB, previous: [keyA] }, allowGenerated: false });
    expect(rotated.decrypt(sealed)).toBe('token');
    const without = createSecretBox({ keys: { current: keyB, previous: [] }, allowGenerated: false });
    expect(() => without.decrypt(sealed)).toThrow(
      `encrypted with key ${old.keyId}, which is neither CONNECTORMCP_SECRET_KEY nor in CONNECTORMCP_PREVIOUS_SECRET_KEYS`,
    );
  });

  it('names the variable for a malformed key and never prints it', () => {
    expect(() => parseSecretKey({ value: 'short-but-secret', variable: 'CONNECTORMCP_SECRET_KEY' })).toThrow(
      /^CONNECTORMCP_SECRET_KEY: expected 32 random bytes/,
    );
    expect(() => parseSecretKey({ value: 'short-but-secret', variable: 'CONNECTORMCP_SECRET_KEY' })).not.toThrow(
      /short-but-secret/,
    );
    expect(() =>
      createSecretBox({ keys: { previous: [randomBytes(16).toString('base64')] }, allowGenerated: false }),
    ).toThrow(/^CONNECTORMCP_PREVIOUS_SECRET_KEYS/);
  });

  it('without a key refuses to encrypt, naming the variable', () => {
    const box = createSecretBox({ keys: { previous: [] }, allowGenerated: false });
    expect(box.keyId).toBe('');
    expect(() => box.encrypt('x')).toThrow(/CONNECTORMCP_SECRET_KEY/);
  });

  it('generates a key once into the data directory (0600) and keeps it when a key is set later', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'secret-box-'));
    try {
      const generated: string[] = [];
      const first = createSecretBox({
        keys: { previous: [] },
        dataDirectory: directory,
        allowGenerated: true,
        onGeneratedKey: (path) => generated.push(path),
      });
      const sealed = first.encrypt('value');
      expect(generated).toEqual([join(directory, 'secret.key')]);
      expect((await stat(join(directory, 'secret.key'))).mode & 0o777).toBe(0o600);
      const again = createSecretBox({ keys: { previous: [] }, dataDirectory: directory, allowGenerated: true });
      expect(again.keyId).toBe(first.keyId);
      expect(again.decrypt(sealed)).toBe('value');
      const configured = createSecretBox({
        keys: { current: keyA, previous: [] },
        dataDirectory: directory,
        allowGenerated: true,
      });
      expect(configured.keyId).not.toBe(first.keyId);
      expect(configured.decrypt(sealed)).toBe('value');
      expect((await readFile(join(directory, 'secret.key'), 'utf8')).trim()).toHaveLength(44);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
