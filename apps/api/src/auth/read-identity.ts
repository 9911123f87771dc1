import * as client from 'openid-client';
import type { OidcSettings } from '../api-config.js';
import type { UserRole } from './request-user.js';

export interface Identity {
  subject: string;
  name: string;
  email: string | null;
  groups: string[];
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

const groupsOf = (value: unknown): string[] | undefined => {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return undefined;
};

/**
 * Who the tokens are about: the ID token's claims, and the groups from `groupsClaim` in the ID token or,
 * when the provider keeps it out of the ID token, from userinfo.
 */
export async function readIdentity({
  configuration,
  tokens,
  settings,
  expectedSubject,
}: {
  configuration: client.Configuration;
  tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers;
  settings: OidcSettings;
  expectedSubject?: string;
}): Promise<Identity> {
  const claims: Record<string, unknown> = { ...(tokens.claims() ?? {}) };
  const subject = text(claims.sub) ?? expectedSubject;
  if (!subject) throw new Error('the provider sent no subject');
  if (expectedSubject && subject !== expectedSubject) throw new Error('the provider sent another subject');
  let groups = groupsOf(claims[settings.groupsClaim]);
  if (groups === undefined || !claims.name) {
    const userinfo: Record<string, unknown> = await client.fetchUserInfo(configuration, tokens.access_token, subject);
    for (const [name, value] of Object.entries(userinfo)) if (claims[name] === undefined) claims[name] = value;
    groups ??= groupsOf(userinfo[settings.groupsClaim]);
  }
  const email = text(claims.email) ?? null;
  return {
    subject,
    name: text(claims.name) ?? text(claims.preferred_username) ?? email ?? subject,
    email,
    groups: groups ?? [],
  };
}

export const roleForGroups = ({ groups, settings }: { groups: string[]; settings: OidcSettings }): UserRole =>
  groups.some((group) => settings.adminGroups.includes(group)) ? 'admin' : 'member';

export const isAllowedToSignIn = ({ groups, settings }: { groups: string[]; settings: OidcSettings }) =>
  settings.allowedGroups.length === 0 || groups.some((group) => settings.allowedGroups.includes(group));
