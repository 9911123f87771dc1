import { maskEmail, maskPhone } from './mask-personal-data.js';
import { toGid } from './shopify-id.js';

describe('personal data masking and ids', () => {
  it('masks emails and phones', () => {
    expect(maskEmail('ada.lovelace@example.com')).toBe('a***@example.com');
    expect(maskPhone('+31 6 1234 5678')).toBe('*** 78');
    expect(maskEmail(null)).toBeNull();
  });

  it('accepts numbers and GIDs of the right type', () => {
    expect(toGid({ type: 'Order', id: 42 })).toBe('gid://shopify/Order/42');
    expect(toGid({ type: 'Order', id: 'gid://shopify/Order/42' })).toBe('gid://shopify/Order/42');
    expect(() => toGid({ type: 'Order', id: 'gid://shopify/Product/42' })).toThrow(/Expected a Order id/);
  });
});
