import { ConnectorError, truncateJsonValue } from '@connectormcp/connector-kit';
import { dateTimeString, identifierString } from '@connectormcp/connector-kit/value-format';
import { z } from 'zod';
import { defineShopifyTool } from '../define-shopify-tool.js';
import { maskEmail, maskPhone } from '../mask-personal-data.js';
import { formatMoney, moneySchema, toMoney } from '../money.js';
import type { ShopifyContext } from '../shopify-context.js';
import { toGid } from '../shopify-id.js';

type Money = { shopMoney: { amount: string; currencyCode: string } };

const orderFields = (
  withCustomer: boolean,
) => `id name createdAt cancelledAt displayFinancialStatus displayFulfillmentStatus note tags discountCodes email phone
  ${withCustomer ? 'customer { displayName email phone }' : ''}
  subtotalPriceSet { shopMoney { amount currencyCode } } totalDiscountsSet { shopMoney { amount currencyCode } }
  totalShippingPriceSet { shopMoney { amount currencyCode } } totalPriceSet { shopMoney { amount currencyCode } }
  totalRefundedSet { shopMoney { amount currencyCode } }
  shippingLine { title originalPriceSet { shopMoney { amount currencyCode } } }
  shippingAddress { name address1 city zip province country countryCodeV2 }
  lineItems(first: 100) { nodes { title sku quantity vendor originalUnitPriceSet { shopMoney { amount currencyCode } } discountedTotalSet { shopMoney { amount currencyCode } } } }
  refunds { createdAt note totalRefundedSet { shopMoney { amount currencyCode } } }
  fulfillments { createdAt status displayStatus trackingInfo { number company } }`;

interface OrderData {
  id: string;
  name: string;
  createdAt: string;
  cancelledAt: string | null;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string;
  note: string | null;
  tags: string[];
  discountCodes: string[];
  email: string | null;
  phone: string | null;
  customer?: { displayName: string; email: string | null; phone: string | null } | null;
  subtotalPriceSet: Money | null;
  totalDiscountsSet: Money | null;
  totalShippingPriceSet: Money;
  totalPriceSet: Money;
  totalRefundedSet: Money;
  shippingLine: { title: string; originalPriceSet: Money } | null;
  shippingAddress: {
    name: string | null;
    address1: string | null;
    city: string | null;
    zip: string | null;
    province: string | null;
    country: string | null;
    countryCodeV2: string | null;
  } | null;
  lineItems: {
    nodes: Array<{
      title: string;
      sku: string | null;
      quantity: number;
      vendor: string | null;
      originalUnitPriceSet: Money;
      discountedTotalSet: Money;
    }>;
  };
  refunds: Array<{ createdAt: string | null; note: string | null; totalRefundedSet: Money }>;
  fulfillments: Array<{
    createdAt: string;
    status: string;
    displayStatus: string | null;
    trackingInfo: Array<{ number: string | null; company: string | null }>;
  }>;
}

export const orderDetailSchema = z.object({
  id: identifierString().describe('Order GID.'),
  name: z.string(),
  created_at: dateTimeString(),
  cancelled_at: dateTimeString().nullable(),
  financial_status: z.string().nullable(),
  fulfillment_status: z.string(),
  customer: z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }),
  pii_masked: z.boolean(),
  line_items: z.array(
    z.object({
      title: z.string(),
      sku: z.string().nullable(),
      quantity: z.number().int(),
      unit_price: moneySchema.nullable(),
      total: moneySchema.nullable(),
    }),
  ),
  discount_codes: z.array(z.string()),
  subtotal: moneySchema.nullable(),
  discounts: moneySchema.nullable(),
  shipping: z.object({ method: z.string().nullable(), price: moneySchema.nullable(), address: z.string().nullable() }),
  total: moneySchema.nullable(),
  refunded: moneySchema.nullable(),
  refunds: z.array(
    z.object({ created_at: dateTimeString().nullable(), amount: moneySchema.nullable(), note: z.string().nullable() }),
  ),
  fulfillments: z.array(z.object({ created_at: dateTimeString(), status: z.string(), tracking: z.array(z.string()) })),
  timeline: z.array(z.string()),
  tags: z.array(z.string()),
  note: z.string().nullable(),
});

/** Shared with the `shopify://order/{id}` resource. */
export async function fetchOrder({
  context,
  id,
  name,
  signal,
}: {
  context: ShopifyContext;
  id?: string;
  name?: string;
  signal?: AbortSignal;
}): Promise<z.infer<typeof orderDetailSchema>> {
  const options = signal ? { signal } : {};
  await context.requireScope({ scope: 'read_orders', tool: 'get_order', ...options });
  const withCustomer = (await context.grantedScopes(options)).includes('read_customers');
  let order: OrderData | null | undefined;
  if (id) {
    order = (
      await context.query<{ order: OrderData | null }>({
        document: `query GetOrder($id: ID!) { order(id: $id) { ${orderFields(withCustomer)} } }`,
        variables: { id: toGid({ type: 'Order', id }) },
        ...options,
      })
    ).order;
  } else {
    const number = name!.replace(/^#/, '');
    order = (
      await context.query<{ orders: { nodes: OrderData[] } }>({
        document: `query GetOrderByName($query: String!) { orders(first: 1, query: $query) { nodes { ${orderFields(withCustomer)} } } }`,
        variables: { query: `name:#${number}` },
        ...options,
      })
    ).orders.nodes[0];
  }
  if (!order) throw new ConnectorError({ code: 'NOT_FOUND', message: `No order ${id ? `with id ${id}` : name}.` });
  const show = context.config.showPii;
  const address = order.shippingAddress;
  const addressText = address
    ? show
      ? [
          address.name,
          address.address1,
          `${address.zip ?? ''} ${address.city ?? ''}`.trim(),
          address.province,
          address.country,
        ]
          .filter(Boolean)
          .join(', ')
      : [address.city, address.country].filter(Boolean).join(', ')
    : null;
  const timeline = [
    `${order.createdAt} order placed`,
    ...order.fulfillments.map(
      (fulfillment) => `${fulfillment.createdAt} fulfillment ${fulfillment.displayStatus ?? fulfillment.status}`,
    ),
    ...order.refunds.map(
      (refund) => `${refund.createdAt ?? ''} refund of ${formatMoney(toMoney(refund.totalRefundedSet.shopMoney))}`,
    ),
    ...(order.cancelledAt ? [`${order.cancelledAt} cancelled`] : []),
  ].sort();
  const email = order.customer?.email ?? order.email;
  const phone = order.customer?.phone ?? order.phone;
  return {
    id: order.id,
    name: order.name,
    created_at: order.createdAt,
    cancelled_at: order.cancelledAt,
    financial_status: order.displayFinancialStatus,
    fulfillment_status: order.displayFulfillmentStatus,
    customer: {
      name: order.customer?.displayName ?? null,
      email: show ? email : maskEmail(email),
      phone: show ? phone : maskPhone(phone),
    },
    pii_masked: !show,
    line_items: order.lineItems.nodes.map((item) => ({
      title: item.title,
      sku: item.sku,
      quantity: item.quantity,
      unit_price: toMoney(item.originalUnitPriceSet.shopMoney),
      total: toMoney(item.discountedTotalSet.shopMoney),
    })),
    discount_codes: order.discountCodes,
    subtotal: toMoney(order.subtotalPriceSet?.shopMoney),
    discounts: toMoney(order.totalDiscountsSet?.shopMoney),
    shipping: {
      method: order.shippingLine?.title ?? null,
      price: toMoney(order.totalShippingPriceSet.shopMoney),
      address: addressText,
    },
    total: toMoney(order.totalPriceSet.shopMoney),
    refunded: toMoney(order.totalRefundedSet.shopMoney),
    refunds: order.refunds.map((refund) => ({
      created_at: refund.createdAt,
      amount: toMoney(refund.totalRefundedSet.shopMoney),
      note: refund.note,
    })),
    fulfillments: order.fulfillments.map((fulfillment) => ({
      created_at: fulfillment.createdAt,
      status: fulfillment.displayStatus ?? fulfillment.status,
      tracking: fulfillment.trackingInfo.map((info) => [info.company, info.number].filter(Boolean).join(' ')),
    })),
    timeline,
    tags: order.tags,
    note: order.note,
  };
}

export const getOrder = defineShopifyTool({
  name: 'get_order',
  title: 'Get order',
  description:
    'Reads one order by id (number or GID) or name (#1001): line items, discounts, shipping, refunds, fulfillments and a timeline. Customer email, phone and address are masked unless SHOPIFY_SHOW_PII=true.',
  input: z
    .object({
      id: z.string().max(100).optional().describe('Order id: a number or gid://shopify/Order/….'),
      name: z
        .string()
        .regex(/^#?\d+$/, 'an order name such as #1001')
        .optional()
        .describe('Order name, e.g. #1001.'),
    })
    .refine((value) => Boolean(value.id) !== Boolean(value.name), 'Pass either id or name.'),
  output: orderDetailSchema.extend({
    truncated: z.boolean().describe('True when line items, the timeline or notes were cut to fit the budget.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true, idempotentHint: true },
  async handler({ input, context, signal, maxStructuredChars }) {
    const detail = await fetchOrder({
      context,
      ...(input.id ? { id: input.id } : {}),
      ...(input.name ? { name: input.name } : {}),
      signal,
    });
    // Line items, the timeline and notes share the budget; the text renders the same cut order.
    const fitted = truncateJsonValue({ value: detail, maxChars: maxStructuredChars - 32 });
    const order = fitted.value;
    const text = [
      `Order ${order.name} (${order.id}) · ${order.financial_status ?? '-'} · ${order.fulfillment_status}`,
      `customer: ${order.customer.name ?? '-'} · ${order.customer.email ?? '-'} · ${order.customer.phone ?? '-'}${order.pii_masked ? ' (masked)' : ''}`,
      ...order.line_items.map(
        (item) =>
          `- ${item.quantity} × ${item.title} (${item.sku ?? '-'}) at ${formatMoney(item.unit_price)} = ${formatMoney(item.total)}`,
      ),
      `subtotal ${formatMoney(order.subtotal)} · discounts ${formatMoney(order.discounts)}${order.discount_codes.length ? ` (${order.discount_codes.join(', ')})` : ''} · shipping ${formatMoney(order.shipping.price)} (${order.shipping.method ?? '-'}) · total ${formatMoney(order.total)} · refunded ${formatMoney(order.refunded)}`,
      `ship to: ${order.shipping.address ?? '-'}`,
      'timeline:',
      ...order.timeline.map((entry) => `  ${entry}`),
    ].join('\n');
    const cut = fitted.truncated
      ? `\n[truncated to fit the budget: showing ${order.line_items.length} of ${detail.line_items.length} line items and ${order.timeline.length} of ${detail.timeline.length} timeline entries; long text ends with "… [truncated: N more characters]"]`
      : '';
    return { structured: { ...order, truncated: fitted.truncated }, text: `${text}${cut}` };
  },
});
