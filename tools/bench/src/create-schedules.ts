export interface CreateSchedulesOptions {
  /** Base URLs of the API instances; requests go round robin over them. */
  apiUrls: string[];
  apiKey: string;
  count: number;
  /** The `POST /api/saved` body of the index-th schedule's saved item. */
  savedBody: (index: number) => Record<string, unknown>;
  cron: string;
  timezone?: string;
  /** Requests in flight at once. */
  concurrency?: number;
}

/**
 * Saves `count` items and schedules each once through the HTTP API (`POST /api/saved`, then
 * `POST /api/schedules`), as people would; returns the schedule ids. A refused request stops with its answer.
 */
export async function createSchedules({
  apiUrls,
  apiKey,
  count,
  savedBody,
  cron,
  timezone = 'UTC',
  concurrency = 16,
}: CreateSchedulesOptions): Promise<string[]> {
  const post = async (url: string, body: Record<string, unknown>) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== 201) throw new Error(`POST ${url}: ${response.status} ${text.slice(0, 500)}`);
    return JSON.parse(text) as { id: string };
  };
  const ids: string[] = new Array<string>(count);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < count; index = next++) {
      const base = apiUrls[index % apiUrls.length]!;
      const saved = await post(`${base}/api/saved`, savedBody(index));
      const schedule = await post(`${base}/api/schedules`, { saved_id: saved.id, cron, timezone });
      ids[index] = schedule.id;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return ids;
}
