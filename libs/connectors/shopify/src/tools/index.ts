import { getInventory } from './get-inventory.js';
import { getOrder } from './get-order.js';
import { getProduct } from './get-product.js';
import { listOrders } from './list-orders.js';
import { listProducts } from './list-products.js';
import { searchProducts } from './search-products.js';

export const shopifyTools = [listProducts, getProduct, searchProducts, listOrders, getOrder, getInventory];
