/** Keeps the first letter and the domain: `a***@example.com`. */
export function maskEmail(email: string | null | undefined): string | null {
  if (!email) return email ?? null;
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

/** Keeps the last two digits: `*** 34`. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  return `*** ${phone.replace(/\D/g, '').slice(-2)}`;
}
