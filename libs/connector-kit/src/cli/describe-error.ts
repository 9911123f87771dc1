/**
 * One line about an error for a log or a terminal: its code and message, never its stack (stacks
 * reveal paths and are noise to the people who read connector logs).
 */
export function describeError({ error }: { error: unknown }): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const message = error.message.split('\n')[0]?.trim() || error.name;
    return typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
  }
  return String(error).split('\n')[0] ?? '';
}
