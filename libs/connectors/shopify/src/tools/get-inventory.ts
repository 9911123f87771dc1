import { ConnectorError, fitJsonItems, renderTable } from '@connectormcp/connector-kit';
import { z } from 'zod';
import { defineShopifyTool } from '../define-shopify-tool.js';
import { toGid } from '../shopify-id.js';

const variantFields = `id sku title product { title }
  inventoryItem { inventoryLevels(first: 50) { nodes { location { name }
    quantities(names: ["available", "on_hand", "committed", "incoming"]) { name quantity } } } }`;

interface VariantInventory {
  id: string;
  sku: string | null;
  title: string;
  product: { title: string };
  inventoryItem: {
    inventoryLevels: {
      nodes: Array<{ location: { name: string }; quantities: Array<{ name: string; quantity: number }> }>;
    };
  };
}

export const getInventory = defineShopifyTool({
  name: 'get_inventory',
  title: 'Get inventory',
  description:
    'Inventory per location (available, on hand, committed, incoming) for a SKU, a variant or every variant of a product.',
  input: z
    .object({
      sku: z.string().max(100).optional().describe('Exact SKU.'),
      variant_id: z.string().max(100).optional().describe('Variant id: a number or gid://shopify/ProductVariant/….'),
      product_id: z.string().max(100).optional().describe('Product id: all its variants.'),
      location: z.string().max(100).optional().describe('Only locations whose name contains this.'),
    })
    .refine(
      (value) => [value.sku, value.variant_id, value.product_id].filter(Boolean).length === 1,
      'Pass exactly one of sku, variant_id or product_id.',
    ),
  output: z.object({
    levels: z.array(
      z.object({
        product: z.string(),
        variant: z.string(),
        sku: z.string().nullable(),
        location: z.string(),
        available: z.number().int(),
        on_hand: z.number().int(),
        committed: z.number().int(),
        incoming: z.number().int(),
      }),
    ),
    truncated: z
      .boolean()
      .describe('True when there are more levels than shown; filter by location or ask for one SKU.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true, idempotentHint: true },
  async handler({ input, context, signal, maxChars, maxStructuredChars }) {
    await context.requireScope({ scope: 'read_inventory', tool: 'get_inventory', signal });
    await context.requireScope({ scope: 'read_products', tool: 'get_inventory', signal });
    let variants: VariantInventory[];
    if (input.variant_id) {
      const data = await context.query<{ productVariant: VariantInventory | null }>({
        document: `query VariantInventory($id: ID!) { productVariant(id: $id) { ${variantFields} } }`,
        variables: { id: toGid({ type: 'ProductVariant', id: input.variant_id }) },
        signal,
      });
      variants = data.productVariant ? [data.productVariant] : [];
    } else if (input.product_id) {
      const data = await context.query<{ product: { variants: { nodes: VariantInventory[] } } | null }>({
        document: `query ProductInventory($id: ID!) { product(id: $id) { variants(first: 100) { nodes { ${variantFields} } } } }`,
        variables: { id: toGid({ type: 'Product', id: input.product_id }) },
        signal,
      });
      variants = data.product?.variants.nodes ?? [];
    } else {
      const data = await context.query<{ productVariants: { nodes: VariantInventory[] } }>({
        document: `query SkuInventory($query: String!) { productVariants(first: 10, query: $query) { nodes { ${variantFields} } } }`,
        variables: { query: `sku:${JSON.stringify(input.sku)}` },
        signal,
      });
      variants = data.productVariants.nodes.filter((variant) => variant.sku === input.sku);
    }
    if (variants.length === 0) {
      throw new ConnectorError({
        code: 'NOT_FOUND',
        message: `No variant found for ${input.sku ? `SKU ${input.sku}` : input.variant_id ? `variant ${input.variant_id}` : `product ${input.product_id}`}.`,
      });
    }
    const wanted = input.location?.toLowerCase();
    const levels = variants.flatMap((variant) =>
      variant.inventoryItem.inventoryLevels.nodes
        .filter((level) => !wanted || level.location.name.toLowerCase().includes(wanted))
        .map((level) => {
          const quantity = (name: string) => level.quantities.find((entry) => entry.name === name)?.quantity ?? 0;
          return {
            product: variant.product.title,
            variant: variant.title,
            sku: variant.sku,
            location: level.location.name,
            available: quantity('available'),
            on_hand: quantity('on_hand'),
            committed: quantity('committed'),
            incoming: quantity('incoming'),
          };
        }),
    );
    const fitted = fitJsonItems({ items: levels, maxChars: maxStructuredChars - 64, maxStringChars: 1000 });
    const table = renderTable({
      columns: ['product', 'variant', 'sku', 'location', 'available', 'on_hand', 'committed', 'incoming'],
      rows: fitted.items,
      totalRows: levels.length,
      maxChars,
      hint: 'Filter by location or ask for one SKU.',
    });
    const shown = fitted.items.slice(0, table.shownRows);
    return {
      structured: { levels: shown, truncated: shown.length < levels.length || fitted.cutStrings > 0 },
      text: table.text,
    };
  },
});
