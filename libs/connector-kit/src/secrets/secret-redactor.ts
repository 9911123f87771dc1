const replacement = '[redacted]';

// user:password@ in any URL-like string (mysql://, https://, postgres://, …).
const urlCredentials = /([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+(?::[^\s/@]*)?@/gi;
// Authorization header values that may be echoed by HTTP libraries.
const authorizationValues = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g;

export interface SecretRedactor {
  (text: string): string;
  /** Adds values learned later (e.g. a token read after start-up). */
  add(values: Iterable<string | undefined>): void;
}

/**
 * Removes known secret values, URL credentials and authorization headers from text that leaves the
 * process (tool results, logs, CLI output).
 */
export function createSecretRedactor({
  secrets = [],
}: { secrets?: Iterable<string | undefined> } = {}): SecretRedactor {
  const known = new Set<string>();
  const redact = ((text: string) => {
    let result = text.replace(urlCredentials, `$1${replacement}@`).replace(authorizationValues, `$1 ${replacement}`);
    for (const secret of known) {
      result = result.split(secret).join(replacement);
      // Secrets also appear JSON-escaped inside serialised log lines.
      const escaped = JSON.stringify(secret).slice(1, -1);
      if (escaped !== secret) result = result.split(escaped).join(replacement);
    }
    return result;
  }) as SecretRedactor;
  redact.add = (values) => {
    for (const value of values) {
      // Very short values would redact ordinary words; such "secrets" give no protection anyway.
      if (value && value.length >= 4) known.add(value);
    }
  };
  redact.add(secrets);
  return redact;
}
