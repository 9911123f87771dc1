import { format, resolveConfig } from 'prettier';
import type { ServerJson } from './server-json.ts';

/** The file's text as the repository's Prettier writes it, so `npm run format:check` accepts it as is. */
export async function formatServerJson({
  serverJson,
  file,
}: {
  serverJson: ServerJson;
  file: string;
}): Promise<string> {
  const options = (await resolveConfig(file)) ?? {};
  return format(JSON.stringify(serverJson), { ...options, filepath: file });
}
