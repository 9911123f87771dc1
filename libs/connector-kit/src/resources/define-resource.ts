import type { ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import type { Logger } from '../logging/create-logger.js';

export interface ResourceReadOptions<Context> {
  context: Context;
  uri: URL;
  /** Values of the template's variables; empty for a fixed resource. */
  variables: Record<string, string>;
  signal: AbortSignal;
  logger: Logger;
}

export interface ResourceDefinition<Context = unknown> {
  name: string;
  title: string;
  description: string;
  mimeType?: string;
  /** A fixed URI (`mysql://databases`) or an RFC 6570 template (`mysql://{database}/{table}/schema`). */
  uri: string;
  /** For templates: lists concrete resources, so clients can browse them. */
  list?(options: {
    context: Context;
    signal: AbortSignal;
  }): Promise<Array<{ uri: string; name: string; description?: string }>>;
  read(options: ResourceReadOptions<Context>): Promise<ReadResourceResult['contents']>;
}

export function defineResource<Context>(definition: ResourceDefinition<Context>): ResourceDefinition<Context> {
  return definition;
}

export function isResourceTemplate({ uri }: { uri: string }): boolean {
  return /\{[^}]+\}/.test(uri);
}
