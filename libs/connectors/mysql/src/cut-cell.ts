/** Appended to a value that was cut, in the structured rows as in the text. */
export const cutMarker = '…';

/** The longest prefix of UTF-8 `buffer` within `maxBytes` bytes that does not split a character. */
export function utf8Prefix({ buffer, maxBytes }: { buffer: Buffer; maxBytes: number }): string {
  if (buffer.length <= maxBytes) return buffer.toString('utf8');
  let end = Math.max(0, maxBytes);
  // A continuation byte (10xxxxxx) at the cut means a character starts before it and ends after it.
  while (end > 0 && (buffer[end]! & 0xc0) === 0x80) end -= 1;
  return buffer.toString('utf8', 0, end);
}

/** `text` cut to at most `maxBytes` bytes of UTF-8 plus the marker, or unchanged when it fits. */
export function cutText({ text, maxBytes }: { text: string; maxBytes: number }): { text: string; cut: boolean } {
  // Fewer UTF-16 units than a quarter of the budget cannot exceed it (a unit takes at most 3 bytes, a pair 4).
  if (text.length * 3 <= maxBytes) return { text, cut: false };
  const buffer = Buffer.from(text, 'utf8');
  if (buffer.length <= maxBytes) return { text, cut: false };
  return { text: `${utf8Prefix({ buffer, maxBytes })}${cutMarker}`, cut: true };
}
