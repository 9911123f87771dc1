export interface FakeVariant {
  id: number;
  sku: string;
  title: string;
  price: string;
  compareAtPrice: string | null;
  barcode: string | null;
  options: Array<{ name: string; value: string }>;
  /** Available quantity per location id. */
  available: Record<number, number>;
  committed: Record<number, number>;
  incoming: Record<number, number>;
}

export interface FakeProduct {
  id: number;
  title: string;
  handle: string;
  status: 'ACTIVE' | 'DRAFT' | 'ARCHIVED';
  vendor: string;
  productType: string;
  tags: string[];
  description: string;
  createdAt: Date;
  updatedAt: Date;
  options: Array<{ name: string; values: string[] }>;
  variants: FakeVariant[];
  images: Array<{ url: string; altText: string }>;
  collections: Array<{ id: number; title: string; handle: string }>;
}

export interface FakeOrder {
  id: number;
  name: string;
  createdAt: Date;
  customer: { id: number; displayName: string; email: string; phone: string } | null;
  financialStatus: 'PAID' | 'PENDING' | 'REFUNDED' | 'PARTIALLY_REFUNDED' | 'AUTHORIZED';
  fulfillmentStatus: 'FULFILLED' | 'UNFULFILLED' | 'PARTIALLY_FULFILLED';
  lineItems: Array<{ id: number; variantId: number; title: string; sku: string; quantity: number; unitPrice: string }>;
  discountCodes: string[];
  discount: string;
  shipping: { title: string; price: string };
  shippingAddress: {
    name: string;
    address1: string;
    city: string;
    zip: string;
    country: string;
    countryCode: string;
    province: string | null;
  };
  refunds: Array<{ id: number; createdAt: Date; amount: string; note: string | null }>;
  fulfillments: Array<{ id: number; createdAt: Date; status: 'SUCCESS' | 'CANCELLED'; trackingNumber: string }>;
  tags: string[];
  note: string | null;
}

export interface FakeShopifyData {
  shop: { name: string; domain: string; currency: string; email: string; timezone: string };
  locations: Array<{ id: number; name: string }>;
  products: FakeProduct[];
  orders: FakeOrder[];
}

function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** A small coffee shop: 24 products with variants at two locations, and 300 orders over 90 days. */
export function seedFakeShopifyData({
  now = new Date(),
  storeDomain = 'connectormcp-demo.myshopify.com',
}: { now?: Date; storeDomain?: string } = {}): FakeShopifyData {
  const random = sequence(7);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const locations = [
    { id: 71_001, name: 'Warehouse Amsterdam' },
    { id: 71_002, name: 'Store Utrecht' },
  ];
  const vendors = ['Nordic Roasters', 'Kyoto Tea Co', 'Brewtools', 'Ceramica'];
  const kinds = [
    { type: 'Coffee', vendor: 'Nordic Roasters', option: 'Size', values: ['250g', '1kg'] },
    { type: 'Tea', vendor: 'Kyoto Tea Co', option: 'Size', values: ['50g', '100g'] },
    { type: 'Brewing', vendor: 'Brewtools', option: 'Color', values: ['Black', 'Steel'] },
    { type: 'Mugs', vendor: 'Ceramica', option: 'Color', values: ['White', 'Blue', 'Sand'] },
  ];
  const names = [
    'Ethiopia Yirgacheffe',
    'Colombia Huila',
    'Sencha Asahi',
    'Genmaicha',
    'Pour-over Kettle',
    'Hand Grinder',
    'Stoneware Mug',
    'Espresso Cup',
  ];
  const collections = [
    { id: 81_001, title: 'Best sellers', handle: 'best-sellers' },
    { id: 81_002, title: 'Gifts', handle: 'gifts' },
  ];
  const products: FakeProduct[] = [];
  let variantId = 51_000;
  for (let index = 0; index < 24; index += 1) {
    const kind = kinds[index % kinds.length]!;
    const title = `${names[index % names.length]}${index >= names.length ? ` ${Math.floor(index / names.length) + 1}` : ''}`;
    const handle = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const base = 8 + Math.floor(random() * 60);
    const created = new Date(now.getTime() - (200 - index * 5) * 86_400_000);
    products.push({
      id: 9_001_000 + index,
      title,
      handle,
      status: index % 11 === 10 ? 'DRAFT' : index % 13 === 12 ? 'ARCHIVED' : 'ACTIVE',
      vendor: kind.vendor ?? pick(vendors),
      productType: kind.type,
      tags: index % 3 === 0 ? ['bestseller', 'organic'] : index % 3 === 1 ? ['gift'] : [],
      description: `<p>${title}: a ${kind.type.toLowerCase()} favourite. <strong>Ships in 2 days.</strong></p>`,
      createdAt: created,
      updatedAt: new Date(created.getTime() + 20 * 86_400_000),
      options: [{ name: kind.option, values: kind.values }],
      variants: kind.values.map((value, position) => {
        variantId += 1;
        return {
          id: variantId,
          sku: `${kind.type.slice(0, 3).toUpperCase()}-${String(index).padStart(3, '0')}-${position + 1}`,
          title: value,
          price: (base + position * 12).toFixed(2),
          compareAtPrice: index % 5 === 0 ? (base + position * 12 + 5).toFixed(2) : null,
          barcode: `87${String(variantId).padStart(11, '0')}`,
          options: [{ name: kind.option, value }],
          available: { 71_001: Math.floor(random() * 120), 71_002: Math.floor(random() * 20) },
          committed: { 71_001: Math.floor(random() * 5), 71_002: 0 },
          incoming: { 71_001: index % 4 === 0 ? 50 : 0, 71_002: 0 },
        };
      }),
      images: [{ url: `https://cdn.shopify.example/products/${handle}.jpg`, altText: title }],
      collections: index % 3 === 0 ? [collections[0]!] : index % 3 === 1 ? [collections[1]!] : [],
    });
  }
  const firstNames = ['Ada', 'Grace', 'Linus', 'Margaret', 'Alan', 'Barbara', 'Dennis', 'Frances'];
  const lastNames = ['Lovelace', 'Hopper', 'Torvalds', 'Hamilton', 'Turing', 'Liskov', 'Ritchie', 'Allen'];
  const cities = [
    { city: 'Amsterdam', zip: '1011 AB', country: 'Netherlands', countryCode: 'NL', province: null },
    { city: 'Berlin', zip: '10115', country: 'Germany', countryCode: 'DE', province: null },
    { city: 'Toronto', zip: 'M5H 2N2', country: 'Canada', countryCode: 'CA', province: 'Ontario' },
  ];
  const orders: FakeOrder[] = [];
  const sellable = products.filter((product) => product.status === 'ACTIVE');
  for (let index = 0; index < 300; index += 1) {
    const first = pick(firstNames);
    const last = pick(lastNames);
    const product = pick(sellable);
    const variant = pick(product.variants);
    const quantity = 1 + Math.floor(random() * 3);
    const createdAt = new Date(now.getTime() - Math.floor(random() * 90 * 86_400_000));
    const financialStatus = pick(['PAID', 'PAID', 'PAID', 'PENDING', 'REFUNDED', 'PARTIALLY_REFUNDED'] as const);
    const fulfillmentStatus =
      financialStatus === 'PENDING'
        ? 'UNFULFILLED'
        : pick(['FULFILLED', 'FULFILLED', 'UNFULFILLED', 'PARTIALLY_FULFILLED'] as const);
    const subtotal = Number(variant.price) * quantity;
    const refundAmount =
      financialStatus === 'REFUNDED' ? subtotal : financialStatus === 'PARTIALLY_REFUNDED' ? subtotal / 2 : 0;
    const address = pick(cities);
    orders.push({
      id: 7_001_000 + index,
      name: `#${1001 + index}`,
      createdAt,
      customer:
        index % 17 === 0
          ? null
          : {
              id: 6_001_000 + (index % 60),
              displayName: `${first} ${last}`,
              email: `${first}.${last}@example.com`.toLowerCase(),
              phone: `+31 6 ${String(10_000_000 + index).slice(0, 8)}`,
            },
      financialStatus,
      fulfillmentStatus,
      lineItems: [
        {
          id: 8_001_000 + index,
          variantId: variant.id,
          title: product.title,
          sku: variant.sku,
          quantity,
          unitPrice: variant.price,
        },
      ],
      discountCodes: index % 9 === 0 ? ['WELCOME10'] : [],
      discount: index % 9 === 0 ? (subtotal * 0.1).toFixed(2) : '0.00',
      shipping: { title: 'Standard', price: subtotal > 50 ? '0.00' : '4.95' },
      shippingAddress: { name: `${first} ${last}`, address1: `${10 + index} Canal Street`, ...address },
      refunds:
        refundAmount > 0
          ? [
              {
                id: 9_501_000 + index,
                createdAt: new Date(createdAt.getTime() + 3 * 86_400_000),
                amount: refundAmount.toFixed(2),
                note: 'Customer changed their mind',
              },
            ]
          : [],
      fulfillments:
        fulfillmentStatus === 'UNFULFILLED'
          ? []
          : [
              {
                id: 9_601_000 + index,
                createdAt: new Date(createdAt.getTime() + 86_400_000),
                status: 'SUCCESS',
                trackingNumber: `TRK${100_000 + index}`,
              },
            ],
      tags: index % 10 === 0 ? ['wholesale'] : [],
      note: index % 25 === 0 ? 'Leave at the door' : null,
    });
  }
  orders.sort((left, right) => left.createdAt.getTime() - right.createdAt.getTime());
  orders.forEach((order, index) => {
    order.name = `#${1001 + index}`;
  });
  return {
    shop: {
      name: 'ConnectorMCP Coffee',
      domain: storeDomain,
      currency: 'EUR',
      email: 'shop@example.com',
      timezone: 'Europe/Amsterdam',
    },
    locations,
    products,
    orders,
  };
}
