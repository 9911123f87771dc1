/**
 * Confines free JQL to the allowed projects: `project in (A, B) AND (<query>) ORDER BY …`. ORDER BY is
 * found outside quoted strings, so a summary containing the words is not split.
 */
export function restrictJql({ jql, projects }: { jql: string; projects?: string[] }): string {
  if (!projects) return jql;
  let quote: string | undefined;
  let orderAt = -1;
  for (let index = 0; index < jql.length; index += 1) {
    const character = jql[index]!;
    if (quote) {
      if (character === '\\') index += 1;
      else if (character === quote) quote = undefined;
      continue;
    }
    if (character === '"' || character === "'") quote = character;
    else if (/^order\s+by\b/i.test(jql.slice(index)) && (index === 0 || /[\s)]/.test(jql[index - 1]!))) {
      orderAt = index;
      break;
    }
  }
  const where = (orderAt === -1 ? jql : jql.slice(0, orderAt)).trim();
  const order = orderAt === -1 ? '' : ` ${jql.slice(orderAt).trim()}`;
  const scope = `project in (${projects.map((project) => `"${project}"`).join(', ')})`;
  return `${where ? `${scope} AND (${where})` : scope}${order}`;
}
