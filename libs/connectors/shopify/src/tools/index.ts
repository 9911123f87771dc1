import { getInventory } from './get-inventory.js';
import { getOrder } from './get-order.js';
import { getProduct } from './get-product.js';
import { listOrders } from './list-orders.js';
import { listProducts } from './list-products.js';
import { searchProducts } from './search-products.js';

export const shopifyTools = [listProducts, getProduct, searchProducts, listOrders, getOrder, getInventory];

/** The scope each tool needs, for the start-up report of what will fail. */
export const requiredScopes: Record<string, string[]> = {
  list_products: ['read_products'],
  get_product: ['read_products'],
  search_products: ['read_products'],
  list_orders: ['read_orders'],
  get_order: ['read_orders'],
  get_inventory: ['read_inventory', 'read_products'],
};
