/** "analysts, finance" → ["analysts", "finance"]; nothing → null, which the API reads as no restriction. */
export function groupList({ text }: { text: string }): string[] | null {
  const groups = [
    ...new Set(
      text
        .split(/[,\n]/)
        .map((group) => group.trim())
        .filter(Boolean),
    ),
  ];
  return groups.length > 0 ? groups : null;
}

/** Non-empty lines, trimmed. */
export function lineList({ text }: { text: string }): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}
