import { createHash, randomBytes } from 'node:crypto';
import Anthropic from '@anthropic-ai/sdk';
import { waitFor } from '@connectormcp/services';
import request from 'supertest';
import type { ApiApp } from '../src/create-app.js';
import { approvalsResponseSchema, auditResponseSchema, type PendingApproval } from '../src/contracts/index.js';
import { expectContract } from './expect-contract.js';
import { as, startApiTestBed, testKeys, type ApiTestBed } from './start-api-test-bed.js';

interface Member {
  id: string;
  name: string;
  key: string;
}

describe('approvals decided by the right people, over real HTTP', () => {
  let bed: ApiTestBed;
  let olga: Member;
  let abe: Member;
  let otto: Member;
  beforeAll(async () => {
    bed = await startApiTestBed();
    olga = await member({ name: 'Olga Owner', groups: ['staff'] });
    abe = await member({ name: 'Abe Approver', groups: ['approvers'] });
    otto = await member({ name: 'Otto Outsider', groups: [] });
  }, 180_000);
  afterAll(() => bed?.stop());

  /** A member with a personal API key, as rows the sign-in and the API keys page would have written. */
  async function member({ name, groups }: { name: string; groups: string[] }): Promise<Member> {
    const id = `u_${randomBytes(6).toString('hex')}`;
    const key = `cmcp_${randomBytes(32).toString('base64url')}`;
    await bed.database.query("INSERT INTO users (id, name, groups, role) VALUES ($1, $2, $3, 'member')", [
      id,
      name,
      JSON.stringify(groups),
    ]);
    await bed.database.query('INSERT INTO api_keys (id, user_id, name, key_hash, prefix) VALUES ($1, $2, $3, $4, $5)', [
      `k_${id}`,
      id,
      'test',
      createHash('sha256').update(key).digest('hex'),
      key.slice(0, 12),
    ]);
    return { id, name, key };
  }

  const pending = async (app: ApiApp, who: Member): Promise<PendingApproval[]> =>
    expectContract(
      approvalsResponseSchema,
      (await request(app).get('/api/approvals').set(as(who.key)).expect(200)).body,
    ).approvals;
  const answer = (app: ApiApp, who: Member, id: string, approve = true) =>
    request(app).post(`/api/chat/approvals/${id}`).set(as(who.key)).send({ approve });
  const write = (sql: string) => {
    bed.fake.script(
      { content: [{ type: 'tool_use', name: 'shop__execute_statement', input: { sql } }] },
      { content: [{ type: 'text', text: 'Done.' }] },
    );
  };

  it('lets admins only at the audit log and settings', async () => {
    for (const path of ['/api/admin/audit', '/api/admin/audit/export.csv', '/api/admin/settings']) {
      const refused = await request(bed.app).get(path).set(as(olga.key)).expect(403);
      expect(refused.body.error.code).toBe('forbidden');
    }
    await request(bed.app).patch('/api/admin/settings').set(as(olga.key)).send({ auditRetentionDays: 1 }).expect(403);
    await request(bed.app).get('/api/admin/settings').set(as(testKeys.alice)).expect(200);
  });

  it('without approve groups the owner approves their own write, and nobody else even sees it', async () => {
    const sql = "UPDATE customers SET country = 'SE' WHERE id = 5";
    write(sql);
    const events = await bed.stream({
      path: '/api/chat/message',
      key: olga.key,
      body: { message: 'Move customer 5 to Sweden', datasources: ['shop'] },
      onEvent: async (event) => {
        if (event.type !== 'approval_required') return;
        const id = event.id as string;
        expect(await pending(bed.app, olga)).toEqual([
          {
            id,
            runId: expect.any(String),
            sessionId: expect.any(String),
            owner: { id: olga.id, name: 'Olga Owner' },
            datasource: 'shop',
            tool: 'execute_statement',
            arguments: { sql },
            createdAt: expect.any(String),
          },
        ]);
        expect(await pending(bed.app, abe)).toEqual([]);
        expect((await answer(bed.app, abe, id)).status).toBe(404);
        expect(
          (await request(bed.app).post(`/api/chat/approvals/${id}`).set(as(testKeys.alice)).send({ approve: true }))
            .status,
        ).toBe(404);
        expect((await answer(bed.app, olga, id)).status).toBe(204);
      },
    });
    expect(events.find((event) => event.type === 'tool_call_finished')).toMatchObject({ status: 'ok' });
  });

  it('with approve groups an approver decides another user’s write on another instance, and the audit says who', async () => {
    const access = { use: null, approve: ['approvers'] };
    const groupApp = (anthropic?: Anthropic) =>
      bed.appWith({
        fileDatasources: bed.hub
          .datasources()
          .map((datasource) => (datasource.id === 'shop' ? { ...datasource, access } : datasource)),
        ...(anthropic ? { anthropic } : {}),
      });
    const running = groupApp(new Anthropic({ apiKey: bed.fake.apiKey, baseURL: bed.fake.baseUrl, maxRetries: 0 }));
    const elsewhere = groupApp();
    const sql = "UPDATE customers SET country = 'FI' WHERE id = 6";
    write(sql);
    const chat = request(running)
      .post('/api/chat/message')
      .set(as(olga.key))
      .send({ message: 'Move customer 6 to Finland', datasources: ['shop'] })
      .then((response) => response);

    let approval: PendingApproval | undefined;
    await waitFor({
      probe: async () => (approval = (await pending(elsewhere, abe))[0]) !== undefined,
      description: 'the approval in the approver’s inbox',
      timeoutMs: 30_000,
    });
    expect(approval).toMatchObject({
      owner: { id: olga.id, name: 'Olga Owner' },
      tool: 'execute_statement',
      arguments: { sql },
    });
    // The owner is not an approver: told who may; neither is someone who may only use the datasource.
    expect(await pending(elsewhere, olga)).toEqual([]);
    for (const who of [olga, otto]) {
      const refused = await answer(elsewhere, who, approval!.id);
      expect([refused.status, refused.body.error]).toEqual([
        403,
        { code: 'forbidden', message: 'Only members of approvers may approve writes to shop.', details: null },
      ]);
    }
    expect((await answer(elsewhere, abe, approval!.id)).status).toBe(204);
    expect((await answer(elsewhere, abe, approval!.id, false)).status).toBe(409);

    const finished = await chat;
    expect(finished.status).toBe(200);
    const events = finished.body.events as Array<Record<string, unknown>>;
    expect(events.find((event) => event.type === 'tool_call_finished')).toMatchObject({ status: 'ok' });

    const decided = await bed.database.query<{ decided_by: string }>(
      'SELECT decided_by FROM pending_approvals WHERE id = $1',
      [approval!.id],
    );
    expect(decided).toEqual([{ decided_by: abe.id }]);
    const audit = expectContract(
      auditResponseSchema,
      (
        await request(bed.app)
          .get('/api/admin/audit')
          .query({ action: 'approval', actor: abe.id })
          .set(as(testKeys.alice))
          .expect(200)
      ).body,
    );
    expect(audit.entries).toEqual([
      expect.objectContaining({
        actor: { id: abe.id, name: 'Abe Approver' },
        status: 'approved',
        datasource: 'shop',
        runId: approval!.runId,
        detail: { approvalId: approval!.id, runOwnerId: olga.id },
      }),
    ]);
    await Promise.all([running.drain({ graceMs: 0 }), elsewhere.drain({ graceMs: 0 })]);
  });
});
