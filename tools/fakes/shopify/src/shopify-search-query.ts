/**
 * Shopify's search syntax, the subset the connector uses: `field:value`, `field:>=value` (also >, <, <=),
 * quoted values, `-field:value` negation, `OR` between terms, and free text (matched against the title
 * or name). Terms without OR are ANDed, as in Shopify.
 */
export interface SearchTerm {
  field: string | null;
  comparator: ':' | '>' | '>=' | '<' | '<=';
  value: string;
  negated: boolean;
}

export function parseShopifyQuery(query: string | undefined): SearchTerm[][] {
  if (!query?.trim()) return [[]];
  const tokens = query.match(/-?[\w.]+:(?:>=|<=|>|<)?(?:"[^"]*"|'[^']*'|\S+)|"[^"]*"|'[^']*'|\S+/g) ?? [];
  const groups: SearchTerm[][] = [[]];
  for (const token of tokens) {
    if (token === 'OR') {
      groups.push([]);
      continue;
    }
    if (token === 'AND') continue;
    const match = /^(-?)([\w.]+):(>=|<=|>|<)?(.*)$/.exec(token);
    const unquote = (value: string) => value.replace(/^["']|["']$/g, '');
    groups.at(-1)!.push(
      match
        ? {
            field: match[2]!.toLowerCase(),
            comparator: (match[3] as SearchTerm['comparator']) ?? ':',
            value: unquote(match[4]!),
            negated: match[1] === '-',
          }
        : { field: null, comparator: ':', value: unquote(token), negated: token.startsWith('-') && token.length > 1 },
    );
  }
  return groups;
}

/** Whether a record matches: `fieldsOf(field)` returns the record's values for a search field. */
export function matchesShopifyQuery({
  groups,
  fieldsOf,
}: {
  groups: SearchTerm[][];
  fieldsOf: (field: string | null) => Array<string | number | Date> | undefined;
}): boolean {
  return groups.some((terms) =>
    terms.every((term) => {
      const values = fieldsOf(term.field);
      if (values === undefined) return false;
      let result: boolean;
      if (term.comparator === ':') {
        const wanted = term.value.toLowerCase().replace(/\*/g, '');
        const prefix = term.value.endsWith('*');
        result = values.some((value) => {
          const text = (value instanceof Date ? value.toISOString() : String(value)).toLowerCase();
          return term.field === null || prefix ? text.includes(wanted) : text === wanted;
        });
      } else {
        const wanted = /^\d{4}-\d{2}-\d{2}/.test(term.value) ? Date.parse(term.value) : Number(term.value);
        result = values.some((value) => {
          const actual = value instanceof Date ? value.getTime() : Number(value);
          const comparisons: Record<string, boolean> = {
            '>': actual > wanted,
            '>=': actual >= wanted,
            '<': actual < wanted,
            '<=': actual <= wanted,
          };
          return comparisons[term.comparator] ?? false;
        });
      }
      return term.negated ? !result : result;
    }),
  );
}
