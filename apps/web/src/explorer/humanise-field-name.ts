// Words that read wrong in sentence case; the schema's own `title` wins over all of this.
const acronyms = new Set(['sql', 'jql', 'id', 'ids', 'url', 'uri', 'sku', 'gid', 'etag', 'iso', 'json', 'csv', 'api']);

/** A field name as a label: "max_rows" → "Max rows", "nameLike" → "Name like", "sql" → "SQL". */
export function humaniseFieldName({ name }: { name: string }): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_\-.]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
  if (words.length === 0) return name;
  return words
    .map((word, index) => {
      if (acronyms.has(word)) return word === 'ids' ? 'IDs' : word === 'etag' ? 'ETag' : word.toUpperCase();
      return index === 0 ? word[0]!.toUpperCase() + word.slice(1) : word;
    })
    .join(' ');
}
