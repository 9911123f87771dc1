/** How a request proved who it is. */
export type AuthMethod = 'local' | 'session' | 'api_key' | 'environment_key';

export type UserRole = 'admin' | 'member';

/** Who is asking: set on every `/api` request by the authentication middleware. */
export interface RequestUser {
  /** Stable id: `local`, the hash of an API_KEYS key, or the id of a user who signed in with OpenID Connect. */
  id: string;
  name: string;
  email: string | null;
  role: UserRole;
  /** Groups from the provider's claims (empty for the local user and API_KEYS keys). */
  groups: string[];
  authMethod: AuthMethod;
  /** Present when signed in with a browser session: changes must carry it in `X-CSRF-Token`. */
  csrfToken?: string;
}

declare module 'express-serve-static-core' {
  interface Request {
    user?: RequestUser;
    /** The id of `user`: chats, runs and approvals belong to it. */
    owner?: string;
    /** The browser session behind the request, when it came with the session cookie. */
    authSession?: { idHash: string };
  }
}
