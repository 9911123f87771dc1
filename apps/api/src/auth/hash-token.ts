import { createHash, randomBytes } from 'node:crypto';

/** The sha256 of a cookie value or API key, in hex: the database stores this, never the value itself. */
export const hashToken = (value: string) => createHash('sha256').update(value).digest('hex');

/** A random value for a cookie, an API key or a CSRF token: 32 bytes as base64url (43 characters). */
export const randomToken = () => randomBytes(32).toString('base64url');
