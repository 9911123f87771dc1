/** Edits between two words, a swap of neighbours counting as one (FORM is one edit from FROM). */
function editDistance({ from, to }: { from: string; to: string }): number {
  const rows = Array.from({ length: from.length + 1 }, (_, row) =>
    Array.from({ length: to.length + 1 }, (_, column) => (row === 0 ? column : column === 0 ? row : 0)),
  );
  for (let row = 1; row <= from.length; row += 1) {
    for (let column = 1; column <= to.length; column += 1) {
      const cost = from[row - 1] === to[column - 1] ? 0 : 1;
      let best = Math.min(rows[row - 1]![column]! + 1, rows[row]![column - 1]! + 1, rows[row - 1]![column - 1]! + cost);
      if (row > 1 && column > 1 && from[row - 1] === to[column - 2] && from[row - 2] === to[column - 1]) {
        best = Math.min(best, rows[row - 2]![column - 2]! + 1);
      }
      rows[row]![column] = best;
    }
  }
  return rows[from.length]![to.length]!;
}

/**
 * The keyword a misspelt word most likely meant (SELEC → SELECT, FORM → FROM), or undefined when none is
 * close: at most one edit for short words, two for words of six letters or more.
 */
export function closestKeyword({ word, keywords }: { word: string; keywords: readonly string[] }): string | undefined {
  const upper = word.normalize('NFKC').trim().toUpperCase();
  if (upper.length < 3 || keywords.includes(upper)) return undefined;
  let closest: { keyword: string; distance: number } | undefined;
  for (const keyword of keywords) {
    const distance = editDistance({ from: upper, to: keyword });
    const allowed = Math.min(upper.length, keyword.length) >= 6 ? 2 : 1;
    if (distance <= allowed && (!closest || distance < closest.distance)) closest = { keyword, distance };
  }
  return closest?.keyword;
}
