import { Kind, visit, type DocumentNode } from 'graphql';

/**
 * Shopify's calculated query cost, approximately: each connection costs 2 plus the page size it asks
 * for, multiplied by the size of the connection it sits in; plain objects cost 1.
 */
export function estimateQueryCost({
  document,
  variables,
}: {
  document: DocumentNode;
  variables: Record<string, unknown>;
}): number {
  let cost = 1;
  const multipliers: number[] = [1];
  visit(document, {
    Field: {
      enter(node) {
        const first = node.arguments?.find(
          (argument) => argument.name.value === 'first' || argument.name.value === 'last',
        );
        if (!first) return;
        const size =
          first.value.kind === Kind.INT
            ? Number(first.value.value)
            : first.value.kind === Kind.VARIABLE
              ? Number(variables[first.value.name.value] ?? 10)
              : 10;
        cost += (2 + size) * multipliers.at(-1)!;
        multipliers.push(multipliers.at(-1)! * Math.max(1, Math.min(size, 10)));
      },
      leave(node) {
        if (node.arguments?.some((argument) => argument.name.value === 'first' || argument.name.value === 'last'))
          multipliers.pop();
      },
    },
  });
  return cost;
}

/** The name of a `first`/`last` argument above Shopify's 250 limit, if any. */
export function findOversizedPage({
  document,
  variables,
}: {
  document: DocumentNode;
  variables: Record<string, unknown>;
}): string | undefined {
  let found: string | undefined;
  visit(document, {
    Argument(node) {
      if (node.name.value !== 'first' && node.name.value !== 'last') return;
      const value =
        node.value.kind === Kind.INT
          ? Number(node.value.value)
          : node.value.kind === Kind.VARIABLE
            ? Number(variables[node.value.name.value])
            : 0;
      if (value > 250) found = node.name.value;
    },
  });
  return found;
}
