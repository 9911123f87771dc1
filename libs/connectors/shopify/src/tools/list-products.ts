import { fitJsonItems, jsonLength, renderTable } from '@connectormcp/connector-kit';
import { dateTimeString, identifierString } from '@connectormcp/connector-kit/value-format';
import { z } from 'zod';
import { defineShopifyTool } from '../define-shopify-tool.js';
import { moneySchema, toMoney } from '../money.js';
import { pageText } from '../page-text.js';
import type { ShopifyContext } from '../shopify-context.js';

const productListDocument = `query ListProducts($first: Int!, $after: String, $query: String, $sortKey: ProductSortKeys, $reverse: Boolean) {
  products(first: $first, after: $after, query: $query, sortKey: $sortKey, reverse: $reverse) {
    nodes { id title handle status vendor productType totalInventory updatedAt
      priceRangeV2 { minVariantPrice { amount currencyCode } maxVariantPrice { amount currencyCode } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface ProductListData {
  products: {
    nodes: Array<{
      id: string;
      title: string;
      handle: string;
      status: string;
      vendor: string;
      productType: string;
      totalInventory: number;
      updatedAt: string;
      priceRangeV2: {
        minVariantPrice: { amount: string; currencyCode: string };
        maxVariantPrice: { amount: string; currencyCode: string };
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export const productRowSchema = z.object({
  id: identifierString().describe('Product GID.'),
  title: z.string(),
  handle: z.string(),
  status: z.string(),
  vendor: z.string(),
  product_type: z.string(),
  min_price: moneySchema.nullable(),
  max_price: moneySchema.nullable(),
  total_inventory: z.number().int(),
  updated_at: dateTimeString(),
});

export const productListOutput = z.object({
  products: z.array(productRowSchema),
  next_cursor: z.string().nullable(),
  truncated: z
    .boolean()
    .describe('True when this page holds more products than shown, or long values were cut; pass a smaller first.'),
});

/** Shared by list_products and search_products. */
export async function listProductRows({
  context,
  query,
  first,
  after,
  sort,
  signal,
  maxChars,
  maxStructuredChars,
  tool,
}: {
  context: ShopifyContext;
  query: string;
  first: number;
  after?: string;
  sort: string;
  signal: AbortSignal;
  maxChars: number;
  maxStructuredChars: number;
  tool: string;
}) {
  await context.requireScope({ scope: 'read_products', tool, signal });
  const [sortKey, direction] = sort.split(':') as [string, string | undefined];
  const data = await context.query<ProductListData>({
    document: productListDocument,
    variables: { first, after: after ?? null, query: query || null, sortKey, reverse: direction === 'desc' },
    signal,
  });
  const products = data.products.nodes.map((product) => ({
    id: product.id,
    title: product.title,
    handle: product.handle,
    status: product.status,
    vendor: product.vendor,
    product_type: product.productType,
    min_price: toMoney(product.priceRangeV2.minVariantPrice),
    max_price: toMoney(product.priceRangeV2.maxVariantPrice),
    total_inventory: product.totalInventory,
    updated_at: product.updatedAt,
  }));
  const next = data.products.pageInfo.hasNextPage ? data.products.pageInfo.endCursor : null;
  const skeleton = { products: [], next_cursor: next, truncated: false };
  // Long titles and names are capped like the text's cells, then the products that fit are kept.
  const fitted = fitJsonItems({
    items: products,
    maxChars: maxStructuredChars - jsonLength(skeleton) - 16,
    maxStringChars: 1000,
  });
  const table = renderTable({
    columns: ['title', 'status', 'vendor', 'product_type', 'price', 'total_inventory', 'id'],
    rows: fitted.items.map((product) => ({
      ...product,
      price:
        product.min_price && product.max_price
          ? `${product.min_price.amount}${product.max_price.amount !== product.min_price.amount ? `–${product.max_price.amount}` : ''} ${product.min_price.currency_code}`
          : '-',
    })),
    totalRows: products.length,
    maxChars: maxChars - 200,
  });
  const shown = fitted.items.slice(0, table.shownRows);
  return {
    structured: { ...skeleton, products: shown, truncated: shown.length < products.length || fitted.cutStrings > 0 },
    ...pageText({ tableText: table.text, shown: shown.length, total: products.length, next, tool, pageSize: 'first' }),
  };
}

const sorts = [
  'TITLE:asc',
  'TITLE:desc',
  'UPDATED_AT:desc',
  'UPDATED_AT:asc',
  'CREATED_AT:desc',
  'INVENTORY_TOTAL:asc',
  'INVENTORY_TOTAL:desc',
  'VENDOR:asc',
] as const;

export const listProducts = defineShopifyTool({
  name: 'list_products',
  title: 'List products',
  description:
    'Lists products with title, handle, status, vendor, type, price range, total inventory and last update; filters combine. Page with after=next_cursor.',
  input: z.object({
    query: z
      .string()
      .max(500)
      .optional()
      .describe('Shopify search syntax, e.g. "title:*mug*" or "created_at:>=2026-11-01".'),
    status: z.enum(['active', 'draft', 'archived']).optional().describe('Only products with this status.'),
    vendor: z.string().max(100).optional().describe('Only this vendor.'),
    product_type: z.string().max(100).optional().describe('Only this product type.'),
    tag: z.string().max(100).optional().describe('Only products with this tag.'),
    first: z.number().int().min(1).max(100).default(25).describe('Products per page (at most 100).'),
    after: z.string().max(500).optional().describe('next_cursor from a previous call.'),
    sort: z.enum(sorts).default('TITLE:asc').describe('Sort key and direction.'),
  }),
  output: productListOutput,
  annotations: { readOnlyHint: true, openWorldHint: true, idempotentHint: true },
  async handler({ input, context, signal, maxChars, maxStructuredChars }) {
    const quote = (value: string) => (/[\s:'"]/.test(value) ? `'${value.replace(/'/g, "\\'")}'` : value);
    const query = [
      input.query,
      input.status ? `status:${input.status}` : '',
      input.vendor ? `vendor:${quote(input.vendor)}` : '',
      input.product_type ? `product_type:${quote(input.product_type)}` : '',
      input.tag ? `tag:${quote(input.tag)}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    return listProductRows({
      context,
      query,
      first: input.first,
      ...(input.after ? { after: input.after } : {}),
      sort: input.sort,
      signal,
      maxChars,
      maxStructuredChars,
      tool: 'list_products',
    });
  },
});
