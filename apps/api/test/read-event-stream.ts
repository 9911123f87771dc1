/**
 * Reads a Server-Sent Events response to its end and collects every event's data as JSON (`onEvent` sees
 * each as it comes, so a test can answer an approval or cancel while the run goes on). The closing `end`
 * event carries no data a test needs.
 */
export async function readEventStream({
  response,
  onEvent,
}: {
  response: Response;
  onEvent?: (event: Record<string, unknown>) => Promise<void> | void;
}): Promise<Array<Record<string, unknown>>> {
  const events: Array<Record<string, unknown>> = [];
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let boundary;
    while ((boundary = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      const data = block.split('\n').find((line) => line.startsWith('data: '));
      if (!data || block.startsWith('event: end')) continue;
      const event = JSON.parse(data.slice(6)) as Record<string, unknown>;
      events.push(event);
      await onEvent?.(event);
    }
  }
  return events;
}
