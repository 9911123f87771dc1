export interface TruncatedText {
  text: string;
  truncated: boolean;
}

/**
 * Cuts text to a character budget, keeping whole lines where possible, and appends a marker that says
 * what was cut and how to get the rest. The marker itself fits within the budget.
 */
export function truncateText({
  text,
  maxChars,
  hint,
}: {
  text: string;
  maxChars: number;
  hint?: string;
}): TruncatedText {
  if (text.length <= maxChars) return { text, truncated: false };
  const marker = `\n[truncated: showing about ${'9'.repeat(String(maxChars).length)} of ${text.length} characters${hint ? `. ${hint}` : ''}]`;
  const room = Math.max(0, maxChars - marker.length);
  let cut = text.slice(0, room);
  const lastNewline = cut.lastIndexOf('\n');
  // Prefer a line boundary unless that would throw away most of the room.
  if (lastNewline > room * 0.8) cut = cut.slice(0, lastNewline);
  // Never split a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const finalMarker = `\n[truncated: showing ${cut.length} of ${text.length} characters${hint ? `. ${hint}` : ''}]`;
  return { text: cut + finalMarker, truncated: true };
}
