import type { RequestUser } from '../auth/request-user.js';
import { datasourceApprovalPermission } from './datasource-approval-permission.js';

const member = (id: string, groups: string[]): RequestUser => ({
  id,
  name: id,
  email: null,
  role: 'member',
  groups,
  authMethod: 'session',
});

describe('datasourceApprovalPermission', () => {
  const rules = {
    open: { use: null, approve: null },
    guarded: { use: ['finance'], approve: ['finance-leads'] },
  };
  const decide = datasourceApprovalPermission({
    findAccess: (id) => rules[id as keyof typeof rules],
    mode: 'oidc',
  });

  it('lets the owner answer when approve is unrestricted and hides the approval from everyone else', async () => {
    expect(await decide({ user: member('ann', []), owner: 'ann', datasource: 'open' })).toEqual({ allowed: true });
    expect(await decide({ user: member('bob', ['finance-leads']), owner: 'ann', datasource: 'open' })).toEqual({
      allowed: false,
      visible: false,
    });
  });

  it('with approve groups: members decide, the owner outside them is told who may, outsiders see nothing', async () => {
    expect(
      await decide({ user: member('lee', ['finance', 'finance-leads']), owner: 'ann', datasource: 'guarded' }),
    ).toEqual({ allowed: true });
    expect(await decide({ user: member('ann', ['finance']), owner: 'ann', datasource: 'guarded' })).toEqual({
      allowed: false,
      visible: true,
      message: 'Only members of finance-leads may approve writes to guarded.',
    });
    expect(await decide({ user: member('bob', ['finance']), owner: 'ann', datasource: 'guarded' })).toMatchObject({
      allowed: false,
      visible: true,
    });
    expect(await decide({ user: member('eve', ['sales']), owner: 'ann', datasource: 'guarded' })).toEqual({
      allowed: false,
      visible: false,
    });
  });

  it('treats a datasource that is gone as unrestricted: only its owner decides', async () => {
    expect(await decide({ user: member('ann', []), owner: 'ann', datasource: 'gone' })).toEqual({ allowed: true });
    expect(await decide({ user: member('bob', []), owner: 'ann', datasource: 'gone' })).toMatchObject({
      visible: false,
    });
  });
});
