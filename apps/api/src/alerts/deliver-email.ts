import { createTransport } from 'nodemailer';
import type { DeliveryOutcome } from './delivery-outcome.js';
import { scrubSecrets } from './scrub-secrets.js';

/** Connection codes of nodemailer where the server (or the way to it) may answer later. */
const retryableCodes = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET']);

/** The parts of an SMTP URL that must never be shown: user, password, and the URL itself. */
function credentialsOf(url: string): string[] {
  try {
    const parsed = new URL(url);
    return [url, decodeURIComponent(parsed.username), decodeURIComponent(parsed.password), parsed.password];
  } catch {
    return [url];
  }
}

/**
 * Sends one email through the SMTP server of `SMTP_URL` (nodemailer; its logger off, since it would print the
 * conversation with the credentials). An SMTP 4xx reply or a connection problem may pass: retryable; a 5xx
 * reply (a refused login, a rejected address) will not.
 */
export async function deliverEmail({
  smtp,
  to,
  subject,
  text,
  html,
  timeoutMs = 30_000,
}: {
  smtp: { url: string; from: string } | undefined;
  to: string[];
  subject: string;
  text: string;
  html: string;
  timeoutMs?: number;
}): Promise<DeliveryOutcome> {
  if (!smtp)
    return {
      channel: 'email',
      ok: false,
      status: null,
      error: 'Email is not configured on this server (SMTP_URL).',
      retryable: false,
    };
  const transport = createTransport({
    url: smtp.url,
    logger: false,
    debug: false,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  try {
    const info = (await transport.sendMail({ from: smtp.from, to, subject, text, html })) as { response?: string };
    const status = Number(/^(\d{3})/.exec(info.response ?? '')?.[1] ?? 250);
    return { channel: 'email', ok: true, status, error: null, retryable: false };
  } catch (error) {
    const { code, responseCode, message } = error as { code?: string; responseCode?: number; message?: string };
    const status = typeof responseCode === 'number' ? responseCode : null;
    const retryable = status !== null ? status >= 400 && status < 500 : retryableCodes.has(code ?? '');
    const reason = scrubSecrets({ text: message ?? 'unknown error', secrets: credentialsOf(smtp.url) }).slice(0, 300);
    return {
      channel: 'email',
      ok: false,
      status,
      error: `The SMTP server did not take the email${code ? ` (${code})` : ''}: ${reason}`,
      retryable,
    };
  } finally {
    transport.close();
  }
}
