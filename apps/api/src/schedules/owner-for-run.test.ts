import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUserStore } from '../auth/user-store.js';
import { openDatabase, type Database } from '../database/open-database.js';
import { ownerForRun } from './owner-for-run.js';

describe('ownerForRun', () => {
  let directory: string;
  let database: Database;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'connectormcp-owner-'));
    database = await openDatabase({ directory });
    await database.query(
      `INSERT INTO users (id, issuer, subject, name, groups, role) VALUES ('u_sam', 'https://idp.test', 'sam', 'Sam', '["sales"]'::jsonb, 'member')`,
    );
  }, 60_000);
  afterAll(async () => {
    await database?.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('is the owner as their row says now: groups, and the role an admin gave them', async () => {
    expect(await ownerForRun({ database, ownerId: 'u_sam', mode: 'oidc' })).toEqual({
      user: expect.objectContaining({ id: 'u_sam', name: 'Sam', role: 'member', groups: ['sales'] }),
    });
    await createUserStore({ database }).update({ id: 'u_sam', roleOverride: 'admin' });
    expect(await ownerForRun({ database, ownerId: 'u_sam', mode: 'oidc' })).toEqual({
      user: expect.objectContaining({ role: 'admin' }),
    });
  });

  it('runs nothing for a disabled or deleted owner', async () => {
    await createUserStore({ database }).update({ id: 'u_sam', disabled: true });
    expect(await ownerForRun({ database, ownerId: 'u_sam', mode: 'oidc' })).toEqual({
      error: expect.objectContaining({ code: 'owner_disabled' }),
    });
    expect(await ownerForRun({ database, ownerId: 'u_gone', mode: 'api_keys' })).toEqual({
      error: expect.objectContaining({ code: 'owner_disabled' }),
    });
  });

  it('is the one person of local mode, who may use everything', async () => {
    expect(await ownerForRun({ database, ownerId: 'local', mode: 'local' })).toEqual({
      user: expect.objectContaining({ id: 'local', role: 'admin' }),
    });
  });
});
