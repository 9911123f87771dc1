// Short parts (a scheme such as `Bearer`, a version) are words a message may rightly use; long ones are not.
const minimumRedactedLength = 8;
// The credential after a scheme (`Bearer <credential>`) is a secret however short; only a very short one is
// left, since taking out every `test` or `1234` from a message would make it unreadable.
const minimumCredentialLength = 4;

/**
 * The text without any configured header value: each value whole, and each long part of it (the token after
 * `Bearer`, a key in `key=value`), longest first so that a part never leaves a piece of a longer one behind.
 * Also takes out a password or user name written into the URL.
 */
export function redactHeaderValues({
  text,
  headers,
  url,
}: {
  text: string;
  headers: Record<string, string>;
  url?: string;
}): string {
  const secrets = new Set<string>();
  for (const value of Object.values(headers)) {
    if (value.trim()) secrets.add(value.trim());
    const credential = /^[A-Za-z][\w-]*\s+(\S.*)$/.exec(value.trim())?.[1];
    if (credential && credential.length >= minimumCredentialLength) secrets.add(credential);
    for (const part of value.split(/[\s,;=:]+/)) if (part.length >= minimumRedactedLength) secrets.add(part);
  }
  if (url) {
    const parsed = URL.canParse(url) ? new URL(url) : undefined;
    for (const part of [parsed?.username, parsed?.password]) {
      if (part) {
        secrets.add(part);
        secrets.add(decodeURIComponent(part));
      }
    }
  }
  let redacted = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    redacted = redacted.split(secret).join('[redacted]');
  }
  return redacted;
}
