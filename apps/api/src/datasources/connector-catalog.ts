import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Logger } from 'pino';
import { z } from 'zod';
import { environmentVariableFactsSchema, type ConnectorKind } from '../contracts/admin-datasource.js';

const run = promisify(execFile);

/** The connectors of this project an admin can pick from. */
export const knownConnectorKinds = ['mysql', 's3', 'jira', 'shopify'] as const;

const describedConfigSchema = z.object({
  name: z.string(),
  title: z.string(),
  package: z.string(),
  version: z.string(),
  variables: z.array(environmentVariableFactsSchema),
  commonVariables: z.array(environmentVariableFactsSchema).default([]),
});

const isKnownKind = (kind: string): kind is (typeof knownConnectorKinds)[number] =>
  (knownConnectorKinds as readonly string[]).includes(kind);

/**
 * How a known kind's connector starts: its bin with this Node when the package is installed beside the API
 * (no download, no registry), else through npx. Undefined for any other kind.
 */
export function connectorCommand({ kind }: { kind: string }): { command: string; args: string[] } | undefined {
  if (!isKnownKind(kind)) return undefined;
  const bin = resolveBin({ kind });
  return bin ? { command: process.execPath, args: [bin] } : { command: 'npx', args: ['-y', `@connectormcp/${kind}`] };
}

function resolveBin({ kind }: { kind: string }): string | undefined {
  try {
    const entry = fileURLToPath(import.meta.resolve(`@connectormcp/${kind}`));
    const bin = entry.replace(/index\.js$/, 'bin.js');
    return existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}

const cache = new Map<string, Promise<ConnectorKind>>();

/** A kind as its connector describes itself (`--describe-config`), asked once per process. */
async function describeKind({ kind, timeoutMs }: { kind: string; timeoutMs: number }): Promise<ConnectorKind> {
  const command = connectorCommand({ kind })!;
  const { stdout } = await run(command.command, [...command.args, '--describe-config'], {
    timeout: timeoutMs,
    maxBuffer: 1024 * 1024,
    // The connector needs none of the API's environment (and must not see its keys) to describe itself.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
  });
  const described = describedConfigSchema.parse(JSON.parse(stdout));
  return {
    kind,
    title: described.title,
    package: described.package,
    version: described.version,
    transport: 'stdio',
    variables: [...described.variables, ...described.commonVariables],
  };
}

export interface ConnectorCatalog {
  /** Every known kind that could describe itself; one that cannot is left out (and logged). */
  kinds(): Promise<ConnectorKind[]>;
  kind(kind: string): Promise<ConnectorKind | undefined>;
}

export function createConnectorCatalog({
  timeoutMs = 10_000,
  logger,
}: { timeoutMs?: number; logger?: Logger } = {}): ConnectorCatalog {
  const kind = async (name: string) => {
    if (!isKnownKind(name)) return undefined;
    let described = cache.get(name);
    if (!described) {
      described = describeKind({ kind: name, timeoutMs });
      cache.set(name, described);
      // A failure is not kept: the next request asks again (a package installed since, a slow first npx).
      described.catch(() => cache.delete(name));
    }
    try {
      return await described;
    } catch (error) {
      logger?.warn(`the ${name} connector could not describe its configuration: ${(error as Error).message}`);
      return undefined;
    }
  };
  return {
    kind,
    async kinds() {
      const described = await Promise.all(knownConnectorKinds.map((name) => kind(name)));
      return described.filter((entry): entry is ConnectorKind => entry !== undefined);
    },
  };
}
