/** How one channel's notification went; recorded on the firing (`deliveries`) and shown by "Send test". */
export interface DeliveryOutcome {
  channel: 'webhook' | 'email';
  ok: boolean;
  /** The receiver's HTTP status, or the SMTP server's reply code; null when none came. */
  status: number | null;
  /** Why it failed, without secrets (no URL path or query, no SMTP credentials). */
  error: string | null;
  /** True when trying again later could help (5xx, 408, 429, network, timeout, SMTP 4xx). */
  retryable: boolean;
}
