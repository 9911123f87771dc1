import { ConnectorError, truncateJsonValue } from '@connectormcp/connector-kit';
import { identifierString } from '@connectormcp/connector-kit/value-format';
import { z } from 'zod';
import { defineShopifyTool } from '../define-shopify-tool.js';
import { formatMoney, moneySchema, toMoney } from '../money.js';
import type { ShopifyContext } from '../shopify-context.js';
import { toGid } from '../shopify-id.js';

const productFields = `id title handle status vendor productType tags description updatedAt onlineStoreUrl totalInventory
  options { name values }
  variants(first: 100) { nodes { id title sku price compareAtPrice barcode inventoryQuantity selectedOptions { name value } } }
  media(first: 10) { nodes { ... on MediaImage { image { url altText } } } }
  collections(first: 20) { nodes { title handle } }`;

interface ProductData {
  id: string;
  title: string;
  handle: string;
  status: string;
  vendor: string;
  productType: string;
  tags: string[];
  description: string;
  updatedAt: string;
  onlineStoreUrl: string | null;
  totalInventory: number;
  options: Array<{ name: string; values: string[] }>;
  variants: {
    nodes: Array<{
      id: string;
      title: string;
      sku: string | null;
      price: string;
      compareAtPrice: string | null;
      barcode: string | null;
      inventoryQuantity: number | null;
      selectedOptions: Array<{ name: string; value: string }>;
    }>;
  };
  media: { nodes: Array<{ image?: { url: string; altText: string | null } | null }> };
  collections: { nodes: Array<{ title: string; handle: string }> };
}

export const productDetailSchema = z.object({
  id: identifierString().describe('Product GID.'),
  title: z.string(),
  handle: z.string(),
  status: z.string(),
  vendor: z.string(),
  product_type: z.string(),
  tags: z.array(z.string()),
  description: z.string(),
  url: z.string().nullable(),
  total_inventory: z.number().int(),
  options: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
  variants: z.array(
    z.object({
      id: identifierString().describe('Variant GID.'),
      title: z.string(),
      sku: z.string().nullable(),
      price: moneySchema.nullable(),
      compare_at_price: moneySchema.nullable(),
      barcode: z.string().nullable(),
      inventory_quantity: z.number().int().nullable(),
    }),
  ),
  images: z.array(z.object({ url: z.string(), alt_text: z.string().nullable() })),
  collections: z.array(z.string()),
});

/** Shared with the `shopify://product/{id}` resource. */
export async function fetchProduct({
  context,
  id,
  handle,
  signal,
}: {
  context: ShopifyContext;
  id?: string;
  handle?: string;
  signal?: AbortSignal;
}): Promise<z.infer<typeof productDetailSchema>> {
  await context.requireScope({ scope: 'read_products', tool: 'get_product', ...(signal ? { signal } : {}) });
  const data = id
    ? await context.query<{ product: ProductData | null }>({
        document: `query GetProduct($id: ID!) { product(id: $id) { ${productFields} } }`,
        variables: { id: toGid({ type: 'Product', id }) },
        ...(signal ? { signal } : {}),
      })
    : await context.query<{ product: ProductData | null }>({
        document: `query GetProductByHandle($handle: String!) { product: productByIdentifier(identifier: { handle: $handle }) { ${productFields} } }`,
        variables: { handle },
        ...(signal ? { signal } : {}),
      });
  const product = data.product;
  if (!product)
    throw new ConnectorError({
      code: 'NOT_FOUND',
      message: `No product ${id ? `with id ${id}` : `with handle "${handle}"`}.`,
    });
  const currency = (
    await context.query<{ shop: { currencyCode: string } }>({
      document: 'query ShopCurrency { shop { currencyCode } }',
      ...(signal ? { signal } : {}),
    })
  ).shop.currencyCode;
  const money = (amount: string | null) => (amount === null ? null : toMoney({ amount, currencyCode: currency }));
  return {
    id: product.id,
    title: product.title,
    handle: product.handle,
    status: product.status,
    vendor: product.vendor,
    product_type: product.productType,
    tags: product.tags,
    description: product.description,
    url: product.onlineStoreUrl,
    total_inventory: product.totalInventory,
    options: product.options,
    variants: product.variants.nodes.map((variant) => ({
      id: variant.id,
      title: variant.title,
      sku: variant.sku,
      price: money(variant.price),
      compare_at_price: money(variant.compareAtPrice),
      barcode: variant.barcode,
      inventory_quantity: variant.inventoryQuantity,
    })),
    images: product.media.nodes.flatMap((node) =>
      node.image ? [{ url: node.image.url, alt_text: node.image.altText }] : [],
    ),
    collections: product.collections.nodes.map((collection) => collection.title),
  };
}

export const getProduct = defineShopifyTool({
  name: 'get_product',
  title: 'Get product',
  description:
    'Reads one product by id (number or GID) or handle: description, options, variants (SKU, price, compare-at, barcode, inventory), images, collections, tags.',
  input: z
    .object({
      id: z.string().max(100).optional().describe('Product id: a number or gid://shopify/Product/….'),
      handle: z.string().max(255).optional().describe('Product handle, e.g. "stoneware-mug".'),
    })
    .refine((value) => Boolean(value.id) !== Boolean(value.handle), 'Pass either id or handle.'),
  output: productDetailSchema.extend({
    truncated: z
      .boolean()
      .describe('True when the description or the lists (variants, tags) were cut to fit the budget.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true, idempotentHint: true },
  async handler({ input, context, signal, maxStructuredChars }) {
    const detail = await fetchProduct({
      context,
      ...(input.id ? { id: input.id } : {}),
      ...(input.handle ? { handle: input.handle } : {}),
      signal,
    });
    // The description and the lists share the budget; the text renders the same cut product.
    const fitted = truncateJsonValue({ value: detail, maxChars: maxStructuredChars - 32 });
    const product = fitted.value;
    const text = [
      `${product.title} (${product.status}, ${product.vendor}, ${product.product_type}) ${product.id}`,
      product.description,
      `tags: ${product.tags.join(', ') || '-'} · collections: ${product.collections.join(', ') || '-'} · total inventory ${product.total_inventory}`,
      ...product.variants.map(
        (variant) =>
          `- ${variant.title}: SKU ${variant.sku ?? '-'}, ${formatMoney(variant.price)}${variant.compare_at_price ? ` (was ${formatMoney(variant.compare_at_price)})` : ''}, stock ${variant.inventory_quantity ?? '-'}`,
      ),
      ...product.images.map((image) => `image: ${image.url}${image.alt_text ? ` (${image.alt_text})` : ''}`),
    ].join('\n');
    const cut = fitted.truncated
      ? `\n[truncated to fit the budget: showing ${product.variants.length} of ${detail.variants.length} variants and ${product.images.length} of ${detail.images.length} images; long text ends with "… [truncated: N more characters]"]`
      : '';
    return { structured: { ...product, truncated: fitted.truncated }, text: `${text}${cut}` };
  },
});
