import { z } from 'zod';

export const moneySchema = z.object({ amount: z.string(), currency_code: z.string() });

/** Money stays a decimal string with its currency, as Shopify sends it. */
export function toMoney(
  value: { amount: string; currencyCode: string } | null | undefined,
): z.infer<typeof moneySchema> | null {
  return value ? { amount: value.amount, currency_code: value.currencyCode } : null;
}

export function formatMoney(value: z.infer<typeof moneySchema> | null): string {
  return value ? `${value.amount} ${value.currency_code}` : '-';
}
