/** Replaces each secret (and its URL-encoded form) found in a text, so a message can be shown or logged. */
export function scrubSecrets({ text, secrets }: { text: string; secrets: Array<string | null | undefined> }): string {
  let scrubbed = text;
  for (const secret of secrets) {
    // Very short values would blank out ordinary words; they are not worth hiding either.
    if (!secret || secret.length < 3) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)]))
      scrubbed = scrubbed.split(form).join('[redacted]');
  }
  return scrubbed;
}
