import type { RequestUser } from '../auth/request-user.js';
import { canApproveDatasource, canUseDatasource } from './datasource-access.js';

const member = (id: string, groups: string[]): RequestUser => ({
  id,
  name: id,
  email: null,
  role: 'member',
  groups,
  authMethod: 'session',
});
const admin: RequestUser = { ...member('admin', []), role: 'admin' };
const restricted = { use: ['finance'], approve: ['finance-leads'] };

describe('canUseDatasource', () => {
  it('lets members of a use group, admins and everyone in local mode use a restricted datasource', () => {
    expect(canUseDatasource({ user: member('ann', ['finance']), access: restricted, mode: 'oidc' })).toBe(true);
    expect(canUseDatasource({ user: member('bob', ['sales']), access: restricted, mode: 'oidc' })).toBe(false);
    expect(canUseDatasource({ user: admin, access: restricted, mode: 'oidc' })).toBe(true);
    expect(canUseDatasource({ user: member('bob', []), access: restricted, mode: 'local' })).toBe(true);
    expect(canUseDatasource({ user: member('bob', []), access: { use: null, approve: null }, mode: 'oidc' })).toBe(
      true,
    );
    expect(canUseDatasource({ user: member('bob', ['x']), access: { use: [], approve: null }, mode: 'oidc' })).toBe(
      false,
    );
  });
});

describe('canApproveDatasource', () => {
  it('without approve groups only the run owner approves', () => {
    const open = { use: null, approve: null };
    expect(canApproveDatasource({ user: member('ann', []), access: open, runOwnerId: 'ann', mode: 'oidc' })).toBe(true);
    expect(canApproveDatasource({ user: member('bob', []), access: open, runOwnerId: 'ann', mode: 'oidc' })).toBe(
      false,
    );
  });

  it('with approve groups their members approve any run, if they may use the datasource', () => {
    const lead = member('lee', ['finance', 'finance-leads']);
    expect(canApproveDatasource({ user: lead, access: restricted, runOwnerId: 'ann', mode: 'oidc' })).toBe(true);
    const outsider = member('out', ['finance-leads']);
    expect(canApproveDatasource({ user: outsider, access: restricted, runOwnerId: 'ann', mode: 'oidc' })).toBe(false);
    const owner = member('ann', ['finance']);
    expect(canApproveDatasource({ user: owner, access: restricted, runOwnerId: 'ann', mode: 'oidc' })).toBe(false);
    expect(canApproveDatasource({ user: owner, access: restricted, runOwnerId: 'ann', mode: 'local' })).toBe(true);
  });
});
