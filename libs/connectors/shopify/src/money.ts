import { moneySchema, type Money } from '@connectormcp/connector-kit/value-format';

// The kit's money format: a decimal string amount and an ISO 4217 code, marked for clients.
export { moneySchema };

/** Money stays a decimal string with its currency, as Shopify sends it. */
export function toMoney(value: { amount: string; currencyCode: string } | null | undefined): Money | null {
  return value ? { amount: value.amount, currency_code: value.currencyCode } : null;
}

export function formatMoney(value: Money | null): string {
  return value ? `${value.amount} ${value.currency_code}` : '-';
}
