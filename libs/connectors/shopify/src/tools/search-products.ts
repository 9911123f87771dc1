import { z } from 'zod';
import { defineShopifyTool } from '../define-shopify-tool.js';
import { listProductRows, productListOutput } from './list-products.js';

export const searchProducts = defineShopifyTool({
  name: 'search_products',
  title: 'Search products',
  description: 'Finds products whose title contains the text, or whose SKU, vendor or tag equals it.',
  input: z.object({
    text: z.string().min(1).max(100).describe('Words of a title, or an exact SKU, vendor or tag.'),
    first: z.number().int().min(1).max(100).default(25).describe('Products to return at most.'),
  }),
  output: productListOutput,
  annotations: { readOnlyHint: true, openWorldHint: true, idempotentHint: true },
  async handler({ input, context, signal, maxChars, maxStructuredChars }) {
    const text = input.text.replace(/["'\\]/g, ' ').trim();
    const value = /\s/.test(text) ? `'${text}'` : text;
    // Several words search as free text; one word as a title prefix match or an exact SKU, vendor or tag.
    const title = /\s/.test(text) ? `"${text}"` : `title:*${text}*`;
    const query = `${title} OR sku:${value} OR vendor:${value} OR tag:${value}`;
    return listProductRows({
      context,
      query,
      first: input.first,
      sort: 'TITLE:asc',
      signal,
      maxChars,
      maxStructuredChars,
      tool: 'search_products',
    });
  },
});
