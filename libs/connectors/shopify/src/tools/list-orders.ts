import { fitJsonItems, jsonLength, renderTable } from '@connectormcp/connector-kit';
import { dateTimeString, identifierString } from '@connectormcp/connector-kit/value-format';
import { z } from 'zod';
import { defineShopifyTool } from '../define-shopify-tool.js';
import { pageText } from '../page-text.js';
import { formatMoney, moneySchema, toMoney } from '../money.js';

const listOrdersDocument = `query ListOrders($first: Int!, $after: String, $query: String, $sortKey: OrderSortKeys, $reverse: Boolean) {
  orders(first: $first, after: $after, query: $query, sortKey: $sortKey, reverse: $reverse) {
    nodes { id name createdAt displayFinancialStatus displayFulfillmentStatus currentSubtotalLineItemsQuantity
      customer { displayName }
      totalPriceSet { shopMoney { amount currencyCode } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface ListOrdersData {
  orders: {
    nodes: Array<{
      id: string;
      name: string;
      createdAt: string;
      displayFinancialStatus: string | null;
      displayFulfillmentStatus: string;
      currentSubtotalLineItemsQuantity: number;
      customer: { displayName: string } | null;
      totalPriceSet: { shopMoney: { amount: string; currencyCode: string } };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const financialStatuses = ['paid', 'pending', 'refunded', 'partially_refunded', 'authorized', 'voided'] as const;
const fulfillmentStatuses = ['shipped', 'unshipped', 'partial'] as const;
const sorts = ['CREATED_AT:desc', 'CREATED_AT:asc', 'TOTAL_PRICE:desc', 'ORDER_NUMBER:desc'] as const;

export const listOrders = defineShopifyTool({
  name: 'list_orders',
  title: 'List orders',
  description:
    'Lists orders: name (#1001), created, customer name, total with currency, financial and fulfillment status, item count. Dates are explicit ISO dates (YYYY-MM-DD); turn "last week" into them using today\'s date from the conversation. created_before is exclusive. Page with after=next_cursor.',
  input: z.object({
    created_after: z.iso.date().optional().describe('Orders created on or after this date (YYYY-MM-DD).'),
    created_before: z.iso.date().optional().describe('Orders created before this date (YYYY-MM-DD), exclusive.'),
    financial_status: z.enum(financialStatuses).optional().describe('Payment status.'),
    fulfillment_status: z.enum(fulfillmentStatuses).optional().describe('shipped, unshipped or partial.'),
    query: z
      .string()
      .max(500)
      .optional()
      .describe('More Shopify search syntax, e.g. "tag:wholesale" or "sku:COF-001-1".'),
    first: z.number().int().min(1).max(100).default(50).describe('Orders per page (at most 100).'),
    after: z.string().max(500).optional().describe('next_cursor from a previous call.'),
    sort: z.enum(sorts).default('CREATED_AT:desc').describe('Sort key and direction.'),
  }),
  output: z.object({
    orders: z.array(
      z.object({
        id: identifierString().describe('Order GID.'),
        name: z.string(),
        created_at: dateTimeString(),
        customer: z.string().nullable(),
        total: moneySchema.nullable(),
        financial_status: z.string().nullable(),
        fulfillment_status: z.string(),
        item_count: z.number().int().describe('Items (quantity) in the order.'),
      }),
    ),
    next_cursor: z.string().nullable(),
    truncated: z
      .boolean()
      .describe('True when this page holds more orders than shown, or long values were cut; pass a smaller first.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true, idempotentHint: true },
  async handler({ input, context, signal, maxChars, maxStructuredChars }) {
    await context.requireScope({ scope: 'read_orders', tool: 'list_orders', signal });
    const query = [
      input.created_after ? `created_at:>=${input.created_after}` : '',
      input.created_before ? `created_at:<${input.created_before}` : '',
      input.financial_status ? `financial_status:${input.financial_status}` : '',
      input.fulfillment_status ? `fulfillment_status:${input.fulfillment_status}` : '',
      input.query ?? '',
    ]
      .filter(Boolean)
      .join(' ');
    const [sortKey, direction] = input.sort.split(':') as [string, string];
    const data = await context.query<ListOrdersData>({
      document: listOrdersDocument,
      variables: {
        first: input.first,
        after: input.after ?? null,
        query: query || null,
        sortKey,
        reverse: direction === 'desc',
      },
      signal,
    });
    const orders = data.orders.nodes.map((order) => ({
      id: order.id,
      name: order.name,
      created_at: order.createdAt,
      customer: order.customer?.displayName ?? null,
      total: toMoney(order.totalPriceSet.shopMoney),
      financial_status: order.displayFinancialStatus,
      fulfillment_status: order.displayFulfillmentStatus,
      item_count: order.currentSubtotalLineItemsQuantity,
    }));
    const next = data.orders.pageInfo.hasNextPage ? data.orders.pageInfo.endCursor : null;
    const skeleton = { orders: [], next_cursor: next, truncated: false };
    const fitted = fitJsonItems({
      items: orders,
      maxChars: maxStructuredChars - jsonLength(skeleton) - 16,
      maxStringChars: 1000,
    });
    const table = renderTable({
      columns: ['name', 'created_at', 'customer', 'total', 'financial_status', 'fulfillment_status', 'item_count'],
      rows: fitted.items.map((order) => ({ ...order, total: formatMoney(order.total) })),
      totalRows: orders.length,
      maxChars: maxChars - 200,
    });
    const shown = fitted.items.slice(0, table.shownRows);
    return {
      structured: { ...skeleton, orders: shown, truncated: shown.length < orders.length || fitted.cutStrings > 0 },
      ...pageText({
        tableText: table.text,
        shown: shown.length,
        total: orders.length,
        next,
        tool: 'list_orders',
        pageSize: 'first',
        sameFilters: true,
      }),
    };
  },
});
