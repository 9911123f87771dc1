import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../api-error.js';

/** Encrypts and decrypts secrets at rest (datasource secrets and headers, refresh tokens). */
export interface SecretBox {
  /** `v1.<keyId>.<iv>.<tag>.<data>` (base64url parts), with the current key and a fresh IV. */
  encrypt(text: string): string;
  /** With the current key or any previous one; fails when none matches or the value was altered. */
  decrypt(text: string): string;
  /** The current key's id (first 8 hex of its sha256); empty without a key. */
  keyId: string;
}

export interface SecretKeys {
  current?: string;
  previous: string[];
}

/** Why a secret could not be read: no key for it, or it was altered (never the value or the key). */
export class SecretDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretDecryptionError';
  }
}

const currentVariable = 'CONNECTORMCP_SECRET_KEY';
const previousVariable = 'CONNECTORMCP_PREVIOUS_SECRET_KEYS';
const generatedKeyFile = 'secret.key';
const version = 'v1';

interface Key {
  id: string;
  bytes: Buffer;
}

const keyIdOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex').slice(0, 8);

/** 32 bytes as 64 hex digits or as base64 / base64url; the message names the variable, never the value. */
export function parseSecretKey({ value, variable }: { value: string; variable: string }): Key {
  const trimmed = value.trim();
  let bytes: Buffer | undefined;
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) bytes = Buffer.from(trimmed, 'hex');
  else if (/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(trimmed)) bytes = Buffer.from(trimmed, 'base64');
  if (!bytes || bytes.length !== 32)
    throw new Error(
      `${variable}: expected 32 random bytes as base64 or hex (e.g. the output of \`openssl rand -base64 32\`), got a value of ${trimmed.length} characters`,
    );
  return { id: keyIdOf(bytes), bytes };
}

/** Reads `<dataDirectory>/secret.key`, writing a new random key there first when there is none. */
function generatedKey({
  dataDirectory,
  onGeneratedKey,
}: {
  dataDirectory: string;
  onGeneratedKey?: (path: string) => void;
}) {
  const path = join(dataDirectory, generatedKeyFile);
  if (!existsSync(path)) {
    mkdirSync(dataDirectory, { recursive: true });
    // `wx`: two processes starting at once must not overwrite each other's key.
    try {
      writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
      onGeneratedKey?.(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return parseSecretKey({ value: readFileSync(path, 'utf8'), variable: path });
}

/**
 * AES-256-GCM with the key from CONNECTORMCP_SECRET_KEY; values encrypted with an older key still decrypt
 * while that key is listed in CONNECTORMCP_PREVIOUS_SECRET_KEYS (see rotate-secret-key.ts). Without a key,
 * the embedded database (one machine) may use a key generated once into `<dataDirectory>/secret.key`; a
 * shared PostgreSQL may not, since every instance needs the same key: saving a secret then fails, naming
 * the variable.
 */
export function createSecretBox({
  keys,
  dataDirectory,
  allowGenerated,
  onGeneratedKey,
}: {
  keys: SecretKeys;
  dataDirectory?: string;
  allowGenerated: boolean;
  /** Told the path when a key was generated (the caller logs a warning). */
  onGeneratedKey?: (path: string) => void;
}): SecretBox {
  const previous = keys.previous.map((value) => parseSecretKey({ value, variable: previousVariable }));
  let current = keys.current ? parseSecretKey({ value: keys.current, variable: currentVariable }) : undefined;
  if (dataDirectory && existsSync(join(dataDirectory, generatedKeyFile))) {
    // A key generated before CONNECTORMCP_SECRET_KEY was set keeps decrypting what it encrypted.
    const generated = generatedKey({ dataDirectory });
    if (current) previous.push(generated);
    else if (allowGenerated) current = generated;
    else previous.push(generated);
  } else if (!current && allowGenerated && dataDirectory) {
    current = generatedKey({ dataDirectory, ...(onGeneratedKey ? { onGeneratedKey } : {}) });
  }
  const all = [...(current ? [current] : []), ...previous];
  return {
    keyId: current?.id ?? '',
    encrypt(text) {
      if (!current)
        throw new ApiError({
          status: 400,
          code: 'secret_key_missing',
          message: `Secrets cannot be saved without ${currentVariable}: set it on every API instance to 32 random bytes as base64 (openssl rand -base64 32).`,
        });
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.bytes, iv);
      const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return [version, current.id, iv, cipher.getAuthTag(), data]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },
    decrypt(text) {
      const parts = text.split('.');
      if (parts.length !== 5 || parts[0] !== version)
        throw new SecretDecryptionError('The stored secret is not in the expected format.');
      const [, keyId, iv, tag, data] = parts as [string, string, string, string, string];
      const key = all.find((candidate) => candidate.id === keyId);
      if (!key)
        throw new SecretDecryptionError(
          `The stored secret was encrypted with key ${keyId}, which is neither ${currentVariable} nor in ${previousVariable}.`,
        );
      try {
        const decipher = createDecipheriv('aes-256-gcm', key.bytes, Buffer.from(iv, 'base64url'), {
          // A shortened tag would weaken the check: only the full 16 bytes are accepted.
          authTagLength: 16,
        });
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretDecryptionError(`The stored secret does not decrypt with key ${keyId}: it was altered.`);
      }
    },
  };
}
