/**
 * The API's sign-in address with where to come back to: this page's path and query, so a link to a chat
 * still opens that chat after signing in. The API accepts only same-origin paths as `returnTo`.
 */
export function signInUrl({
  loginUrl = '/api/auth/login',
  returnTo = window.location.pathname + window.location.search,
}: {
  loginUrl?: string;
  returnTo?: string;
} = {}): string {
  const separator = loginUrl.includes('?') ? '&' : '?';
  return `${loginUrl}${separator}returnTo=${encodeURIComponent(returnTo)}`;
}
