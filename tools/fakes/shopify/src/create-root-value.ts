import { GraphQLError } from 'graphql';
import type { FakeOrder, FakeProduct, FakeShopifyData, FakeVariant } from './fake-shopify-data.js';
import { matchesShopifyQuery, parseShopifyQuery } from './shopify-search-query.js';

type Args = Record<string, unknown>;

export const gid = (type: string, id: number) => `gid://shopify/${type}/${id}`;
const numericId = (value: unknown) => Number(/(\d+)$/.exec(String(value))?.[1] ?? Number.NaN);

function connection<Item>({
  items,
  args,
  toNode,
  cursorOf,
}: {
  items: Item[];
  args: Args;
  toNode: (item: Item) => unknown;
  cursorOf: (item: Item) => string;
}) {
  const first = args.first as number | undefined;
  const last = args.last as number | undefined;
  if (first === undefined && last === undefined)
    throw new GraphQLError('you must provide one of first or last', { extensions: { code: 'BAD_REQUEST' } });
  if ((first ?? last ?? 0) > 250)
    throw new GraphQLError(`The ${first !== undefined ? 'first' : 'last'} argument cannot exceed 250.`, {
      extensions: { code: 'BAD_REQUEST' },
    });
  let list = args.reverse ? [...items].reverse() : items;
  if (args.after) {
    const index = list.findIndex((item) => cursorOf(item) === args.after);
    if (index === -1)
      throw new GraphQLError(`Invalid cursor for current pagination sort.`, { extensions: { code: 'BAD_REQUEST' } });
    list = list.slice(index + 1);
  }
  const page = first !== undefined ? list.slice(0, first) : list.slice(-last!);
  const edges = page.map((item) => ({ cursor: cursorOf(item), node: toNode(item) }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: first !== undefined && list.length > page.length,
      hasPreviousPage: Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

const cursor = (type: string, id: number) => Buffer.from(JSON.stringify({ type, id })).toString('base64');

/** Root query resolvers over the seeded data, shaped as the Admin API returns them. */
export function createRootValue({ data, scopes }: { data: FakeShopifyData; scopes: string[] }) {
  const money = (amount: string | number) => {
    const value = { amount: Number(amount).toFixed(2), currencyCode: data.shop.currency };
    return { shopMoney: value, presentmentMoney: value };
  };
  const requireScope = (scope: string, field: string) => {
    // Shopify: write_X implies read_X.
    if (!scopes.includes(scope) && !scopes.includes(scope.replace('read_', 'write_'))) {
      throw new GraphQLError(`Access denied for ${field} field. Required access: \`${scope}\` access scope.`, {
        extensions: {
          code: 'ACCESS_DENIED',
          documentation: 'https://shopify.dev/api/usage/access-scopes',
          requiredAccess: `\`${scope}\` access scope.`,
        },
      });
    }
  };
  const location = (id: number) => ({
    id: gid('Location', id),
    name: data.locations.find((entry) => entry.id === id)?.name ?? '',
    isActive: true,
  });
  const productOf = (variant: FakeVariant) => data.products.find((product) => product.variants.includes(variant))!;
  const inventoryItem = (variant: FakeVariant): Record<string, unknown> => ({
    id: gid('InventoryItem', variant.id + 100_000),
    sku: variant.sku,
    tracked: true,
    variant: () => variantNode(variant),
    inventoryLevels: (args: Args) =>
      connection({
        items: data.locations,
        args,
        cursorOf: (entry) => cursor('InventoryLevel', entry.id),
        toNode: (entry) => ({
          id: gid('InventoryLevel', variant.id * 10 + entry.id),
          location: location(entry.id),
          quantities: ({ names }: { names: string[] }) =>
            names.map((name) => ({
              id: `${variant.id}-${entry.id}-${name}`,
              name,
              quantity:
                name === 'available'
                  ? (variant.available[entry.id] ?? 0)
                  : name === 'committed'
                    ? (variant.committed[entry.id] ?? 0)
                    : name === 'incoming'
                      ? (variant.incoming[entry.id] ?? 0)
                      : name === 'on_hand'
                        ? (variant.available[entry.id] ?? 0) + (variant.committed[entry.id] ?? 0)
                        : 0,
              updatedAt: new Date().toISOString(),
            })),
        }),
      }),
  });
  const variantNode = (variant: FakeVariant): Record<string, unknown> => ({
    id: gid('ProductVariant', variant.id),
    title: variant.title,
    sku: variant.sku,
    price: variant.price,
    compareAtPrice: variant.compareAtPrice,
    barcode: variant.barcode,
    inventoryQuantity: Object.values(variant.available).reduce((sum, value) => sum + value, 0),
    selectedOptions: variant.options,
    inventoryItem: () => inventoryItem(variant),
    product: () => productNode(productOf(variant)),
  });
  const productNode = (product: FakeProduct): Record<string, unknown> => {
    const prices = product.variants.map((variant) => Number(variant.price));
    return {
      id: gid('Product', product.id),
      title: product.title,
      handle: product.handle,
      status: product.status,
      vendor: product.vendor,
      productType: product.productType,
      tags: product.tags,
      createdAt: product.createdAt.toISOString(),
      updatedAt: product.updatedAt.toISOString(),
      description: () => product.description.replace(/<[^>]+>/g, ''),
      descriptionHtml: product.description,
      onlineStoreUrl: product.status === 'ACTIVE' ? `https://${data.shop.domain}/products/${product.handle}` : null,
      totalInventory: product.variants.reduce(
        (sum, variant) => sum + Object.values(variant.available).reduce((total, value) => total + value, 0),
        0,
      ),
      priceRangeV2: {
        minVariantPrice: money(Math.min(...prices)).shopMoney,
        maxVariantPrice: money(Math.max(...prices)).shopMoney,
      },
      options: () =>
        product.options.map((option, index) => ({
          id: gid('ProductOption', product.id * 10 + index),
          name: option.name,
          values: option.values,
        })),
      variants: (args: Args) =>
        connection({
          items: product.variants,
          args,
          cursorOf: (variant) => cursor('ProductVariant', variant.id),
          toNode: variantNode,
        }),
      collections: (args: Args) =>
        connection({
          items: product.collections,
          args,
          cursorOf: (collection) => cursor('Collection', collection.id),
          toNode: (collection) => ({ ...collection, id: gid('Collection', collection.id) }),
        }),
      media: (args: Args) =>
        connection({
          items: product.images,
          args,
          cursorOf: (image) => cursor('MediaImage', image.url.length),
          toNode: (image) => ({
            __typename: 'MediaImage',
            id: gid('MediaImage', product.id),
            alt: image.altText,
            mediaContentType: 'IMAGE',
            image: { url: image.url, altText: image.altText },
          }),
        }),
    };
  };
  const orderNode = (order: FakeOrder): Record<string, unknown> => {
    const subtotal = order.lineItems.reduce((sum, item) => sum + Number(item.unitPrice) * item.quantity, 0);
    const refunded = order.refunds.reduce((sum, refund) => sum + Number(refund.amount), 0);
    return {
      id: gid('Order', order.id),
      name: order.name,
      createdAt: order.createdAt.toISOString(),
      cancelledAt: null,
      closed: order.fulfillmentStatus === 'FULFILLED',
      currencyCode: data.shop.currency,
      displayFinancialStatus: order.financialStatus,
      displayFulfillmentStatus: order.fulfillmentStatus,
      email: order.customer?.email ?? null,
      phone: order.customer?.phone ?? null,
      note: order.note,
      tags: order.tags,
      discountCodes: order.discountCodes,
      currentSubtotalLineItemsQuantity: order.lineItems.reduce((sum, item) => sum + item.quantity, 0),
      customer: () => {
        requireScope('read_customers', 'customer');
        return order.customer
          ? {
              id: gid('Customer', order.customer.id),
              displayName: order.customer.displayName,
              email: order.customer.email,
              phone: order.customer.phone,
            }
          : null;
      },
      subtotalPriceSet: money(subtotal),
      totalDiscountsSet: money(order.discount),
      totalShippingPriceSet: money(order.shipping.price),
      totalPriceSet: money(subtotal - Number(order.discount) + Number(order.shipping.price)),
      totalRefundedSet: money(refunded),
      shippingLine: {
        title: order.shipping.title,
        code: order.shipping.title.toUpperCase(),
        originalPriceSet: money(order.shipping.price),
      },
      shippingAddress: { ...order.shippingAddress, countryCodeV2: order.shippingAddress.countryCode },
      refunds: () =>
        order.refunds.map((refund) => ({
          id: gid('Refund', refund.id),
          createdAt: refund.createdAt.toISOString(),
          note: refund.note,
          totalRefundedSet: money(refund.amount),
        })),
      fulfillments: () =>
        order.fulfillments.map((fulfillment) => ({
          id: gid('Fulfillment', fulfillment.id),
          createdAt: fulfillment.createdAt.toISOString(),
          status: fulfillment.status,
          displayStatus: fulfillment.status === 'SUCCESS' ? 'FULFILLED' : 'CANCELED',
          trackingInfo: () => [
            {
              number: fulfillment.trackingNumber,
              company: 'PostNL',
              url: `https://tracking.example/${fulfillment.trackingNumber}`,
            },
          ],
        })),
      lineItems: (args: Args) =>
        connection({
          items: order.lineItems,
          args,
          cursorOf: (item) => cursor('LineItem', item.id),
          toNode: (item) => {
            const variant = data.products
              .flatMap((product) => product.variants)
              .find((candidate) => candidate.id === item.variantId);
            return {
              id: gid('LineItem', item.id),
              title: item.title,
              sku: item.sku,
              quantity: item.quantity,
              vendor: variant ? productOf(variant).vendor : null,
              originalUnitPriceSet: money(item.unitPrice),
              discountedTotalSet: () => money(Number(item.unitPrice) * item.quantity),
              variant: variant ? () => variantNode(variant) : null,
            };
          },
        }),
    };
  };
  const productFields =
    (product: FakeProduct) =>
    (field: string | null): Array<string | number | Date> | undefined => {
      switch (field) {
        case null:
        case 'title':
          return [product.title];
        case 'status':
          return [product.status];
        case 'vendor':
          return [product.vendor];
        case 'product_type':
          return [product.productType];
        case 'tag':
          return product.tags;
        case 'sku':
          return product.variants.map((variant) => variant.sku);
        case 'handle':
          return [product.handle];
        case 'created_at':
          return [product.createdAt];
        case 'updated_at':
          return [product.updatedAt];
        case 'id':
          return [product.id];
        default:
          return undefined;
      }
    };
  const orderFields =
    (order: FakeOrder) =>
    (field: string | null): Array<string | number | Date> | undefined => {
      switch (field) {
        case null:
          return [order.name, order.customer?.displayName ?? '', order.customer?.email ?? ''];
        case 'name':
          return [order.name, order.name.replace('#', '')];
        case 'created_at':
        case 'processed_at':
          return [order.createdAt];
        case 'financial_status':
          return [order.financialStatus];
        case 'fulfillment_status':
          return [
            order.fulfillmentStatus === 'FULFILLED'
              ? 'shipped'
              : order.fulfillmentStatus === 'UNFULFILLED'
                ? 'unshipped'
                : 'partial',
            order.fulfillmentStatus,
          ];
        case 'tag':
          return order.tags;
        case 'sku':
          return order.lineItems.map((item) => item.sku);
        case 'email':
          return [order.customer?.email ?? ''];
        case 'id':
          return [order.id];
        default:
          return undefined;
      }
    };
  const sortBy = <Item>(items: Item[], key: (item: Item) => string | number) =>
    [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

  return {
    shop: () => ({
      name: data.shop.name,
      myshopifyDomain: data.shop.domain,
      currencyCode: data.shop.currency,
      email: data.shop.email,
      ianaTimezone: data.shop.timezone,
      plan: { displayName: 'Basic', partnerDevelopment: false, shopifyPlus: false, publicDisplayName: 'Basic' },
      primaryDomain: {
        host: data.shop.domain,
        url: `https://${data.shop.domain}`,
        id: gid('Domain', 1),
        sslEnabled: true,
      },
    }),
    currentAppInstallation: () => ({
      accessScopes: scopes.map((handle) => ({ handle, description: handle.replace('_', ' ') })),
    }),
    products: (args: Args) => {
      requireScope('read_products', 'products');
      const groups = parseShopifyQuery(args.query as string | undefined);
      const found = data.products.filter((product) =>
        matchesShopifyQuery({ groups, fieldsOf: productFields(product) }),
      );
      const key = String(args.sortKey ?? 'ID');
      const sorted = sortBy(found, (product) =>
        key === 'TITLE'
          ? product.title
          : key === 'UPDATED_AT'
            ? product.updatedAt.getTime()
            : key === 'CREATED_AT'
              ? product.createdAt.getTime()
              : key === 'VENDOR'
                ? product.vendor
                : key === 'INVENTORY_TOTAL'
                  ? Number(productNode(product).totalInventory)
                  : product.id,
      );
      return connection({
        items: sorted,
        args,
        cursorOf: (product) => cursor('Product', product.id),
        toNode: productNode,
      });
    },
    product: ({ id }: Args) => {
      requireScope('read_products', 'product');
      const product = data.products.find((candidate) => candidate.id === numericId(id));
      return product ? productNode(product) : null;
    },
    productByIdentifier: ({ identifier }: Args) => {
      requireScope('read_products', 'productByIdentifier');
      const { id, handle } = identifier as { id?: string; handle?: string };
      const product = data.products.find((candidate) =>
        id ? candidate.id === numericId(id) : candidate.handle === handle,
      );
      return product ? productNode(product) : null;
    },
    productVariants: (args: Args) => {
      requireScope('read_products', 'productVariants');
      const groups = parseShopifyQuery(args.query as string | undefined);
      const variants = data.products
        .flatMap((product) => product.variants)
        .filter((variant) =>
          matchesShopifyQuery({
            groups,
            fieldsOf: (field) =>
              field === 'sku' || field === null
                ? [variant.sku]
                : field === 'product_id'
                  ? [productOf(variant).id]
                  : field === 'id'
                    ? [variant.id]
                    : undefined,
          }),
        );
      return connection({
        items: variants,
        args,
        cursorOf: (variant) => cursor('ProductVariant', variant.id),
        toNode: variantNode,
      });
    },
    productVariant: ({ id }: Args) => {
      requireScope('read_products', 'productVariant');
      const variant = data.products
        .flatMap((product) => product.variants)
        .find((candidate) => candidate.id === numericId(id));
      return variant ? variantNode(variant) : null;
    },
    locations: (args: Args) => {
      requireScope('read_inventory', 'locations');
      return connection({
        items: data.locations,
        args,
        cursorOf: (entry) => cursor('Location', entry.id),
        toNode: (entry) => location(entry.id),
      });
    },
    orders: (args: Args) => {
      requireScope('read_orders', 'orders');
      const groups = parseShopifyQuery(args.query as string | undefined);
      const found = data.orders.filter((order) => matchesShopifyQuery({ groups, fieldsOf: orderFields(order) }));
      const key = String(args.sortKey ?? 'ID');
      const sorted = sortBy(found, (order) =>
        key === 'CREATED_AT' || key === 'PROCESSED_AT'
          ? order.createdAt.getTime()
          : key === 'TOTAL_PRICE'
            ? Number(orderNode(order).currentSubtotalLineItemsQuantity)
            : key === 'ORDER_NUMBER'
              ? Number(order.name.slice(1))
              : order.id,
      );
      return connection({ items: sorted, args, cursorOf: (order) => cursor('Order', order.id), toNode: orderNode });
    },
    order: ({ id }: Args) => {
      requireScope('read_orders', 'order');
      const order = data.orders.find((candidate) => candidate.id === numericId(id));
      return order ? orderNode(order) : null;
    },
  };
}
