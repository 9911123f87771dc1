/** The access scopes each tool needs; used to say up front which tools will fail. */
export const requiredScopes: Record<string, string[]> = {
  list_products: ['read_products'],
  get_product: ['read_products'],
  search_products: ['read_products'],
  list_orders: ['read_orders'],
  get_order: ['read_orders'],
  get_inventory: ['read_inventory', 'read_products'],
};

const covers = (granted: string[], scope: string) =>
  granted.includes(scope) || granted.includes(scope.replace('read_', 'write_'));

/** One sentence per tool that lacks a scope, naming the scopes to add. */
export function missingScopeWarnings({ granted }: { granted: string[] }): string[] {
  return Object.entries(requiredScopes)
    .filter(([, scopes]) => scopes.some((scope) => !covers(granted, scope)))
    .map(
      ([tool, scopes]) =>
        `${tool} will fail: add ${scopes.filter((scope) => !covers(granted, scope)).join(' and ')} to the app's access scopes.`,
    );
}
