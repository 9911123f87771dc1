import { ConnectorError } from '@connectormcp/connector-kit';
import picomatch from 'picomatch';

/**
 * Builds a key test from a glob (`reports/**\/*.csv`) or, written between slashes, a regular expression
 * (`/2026-1[01]-\d+\.log$/i`).
 */
export function createKeyMatcher({ pattern }: { pattern?: string }): (key: string) => boolean {
  if (!pattern) return () => true;
  const regex = /^\/(.+)\/([imsu]*)$/.exec(pattern);
  if (regex) {
    try {
      const compiled = new RegExp(regex[1]!, regex[2]);
      return (key) => compiled.test(key);
    } catch (error) {
      throw new ConnectorError({
        code: 'INVALID_INPUT',
        message: `pattern is not a valid regular expression: ${(error as Error).message}`,
      });
    }
  }
  return picomatch(pattern, { dot: true });
}
