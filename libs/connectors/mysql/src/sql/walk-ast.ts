/**
 * Visits every object in a parser AST, iteratively: an expression of thousands of terms is a tree thousands
 * of levels deep, which a recursive walk would answer with a stack overflow.
 */
export function walkAst({ ast, visit }: { ast: unknown; visit: (node: Record<string, unknown>) => void }): void {
  const pending: unknown[] = [ast];
  const seen = new Set<unknown>();
  while (pending.length > 0) {
    const node = pending.pop();
    if (!node || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      pending.push(...node);
      continue;
    }
    const record = node as Record<string, unknown>;
    visit(record);
    for (const value of Object.values(record)) if (value && typeof value === 'object') pending.push(value);
  }
}
