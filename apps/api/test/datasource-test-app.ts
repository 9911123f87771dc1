import { randomBytes } from 'node:crypto';
import Anthropic from '@anthropic-ai/sdk';
import { pino, type Logger } from 'pino';
import request from 'supertest';
import { createApiKeyStore } from '../src/auth/api-key-store.js';
import type { ApiApp, AppOptions } from '../src/create-app.js';
import type { Database } from '../src/database/open-database.js';
import { as, testKeys, type ApiTestBed } from './start-api-test-bed.js';

/** A fresh 32-byte key as CONNECTORMCP_SECRET_KEY takes it. */
export const newSecretKey = () => randomBytes(32).toString('base64');

/** Every log line an app writes, at debug level, so a test can look for a secret in them. */
export function recordingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { logger: pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) }), lines };
}

/** A user who signed in once (groups from the provider) and a personal API key of theirs. */
export async function createMember({
  database,
  id,
  name,
  groups,
  role = 'member',
}: {
  database: Database;
  id: string;
  name: string;
  groups: string[];
  role?: 'admin' | 'member';
}): Promise<string> {
  await database.query(
    `INSERT INTO users (id, issuer, subject, name, groups, role) VALUES ($1, 'https://idp.test', $1, $2, $3::jsonb, $4)`,
    [id, name, JSON.stringify(groups), role],
  );
  const created = await createApiKeyStore({ database }).create({ userId: id, name: 'tests' });
  return created.key;
}

/**
 * An app of the test bed with a secret key and the fake model, whose every response body is kept (to look for
 * secrets in them) and reached through supertest.
 */
export function datasourceTestApp({ bed, overrides = {} }: { bed: ApiTestBed; overrides?: Partial<AppOptions> }) {
  const bodies: string[] = [];
  const app: ApiApp = bed.appWith({
    anthropic: new Anthropic({ apiKey: bed.fake.apiKey, baseURL: bed.fake.baseUrl, maxRetries: 0 }),
    ...overrides,
  });
  const call = async ({
    method,
    path,
    body,
    key = testKeys.alice,
  }: {
    method: 'get' | 'post' | 'patch' | 'delete';
    path: string;
    body?: unknown;
    key?: string;
  }) => {
    let pending = request(app)[method](path).set(as(key));
    if (body !== undefined) pending = pending.send(body as object);
    const response = await pending;
    bodies.push(response.text);
    return response;
  };
  return { app, bodies, call };
}
