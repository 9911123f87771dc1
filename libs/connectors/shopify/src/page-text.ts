/**
 * The text after a table of one page: a cursor continues after the whole page, so rows this page could
 * not show are reached with a smaller page, not with the cursor.
 */
export function pageText({
  tableText,
  shown,
  total,
  next,
  tool,
  pageSize,
  sameFilters = false,
}: {
  tableText: string;
  shown: number;
  total: number;
  next: string | null;
  tool: string;
  pageSize: string;
  /** Whether the call must repeat its filters to continue. */
  sameFilters?: boolean;
}): { text: string; moreHint?: string } {
  const more = next
    ? `Call ${tool} again ${sameFilters ? 'with the same filters and' : 'with'} after="${next}".`
    : undefined;
  if (shown < total) {
    return {
      text: `${tableText}\nPass ${pageSize}=${Math.max(1, shown)} (with the same after) to see every row of this page.`,
      ...(more ? { moreHint: more } : {}),
    };
  }
  return { text: `${tableText}${more ? `\n${more}` : ''}`, ...(more ? { moreHint: more } : {}) };
}
