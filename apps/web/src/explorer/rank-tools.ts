import type { DatasourceTool, JsonSchema } from '../api/api-types.js';
import { formFields } from './schema-form-values.js';

// Listing first, then searching, then tools that read one named thing, then the rest.
const verbRanks: Array<[RegExp, number]> = [
  [/^list/, 0],
  [/^search/, 1],
  [/^(get|describe|head|read|show|fetch)/, 2],
];

function verbRank({ name }: { name: string }): number {
  return verbRanks.find(([pattern]) => pattern.test(name))?.[1] ?? 3;
}

/**
 * How much the user must already know to run the tool: 0 = nothing (every required input has a default),
 * 1 = only free text they can write themselves (SQL, JQL, a search), 2 = names of things (a table, a key).
 */
export function knowledgeNeeded({ schema }: { schema: JsonSchema }): 0 | 1 | 2 {
  const required = formFields({ schema }).filter((field) => field.required);
  if (required.length === 0) return 0;
  return required.every((field) => field.kind === 'code' || field.kind === 'search') ? 1 : 2;
}

// A free-text default (not an enum choice such as a sort order) is the connection's scope, e.g. the MySQL
// database: a tool that uses it shows what this connection points at.
function usesConnectionScope({ schema }: { schema: JsonSchema }): boolean {
  return Object.values(schema.properties ?? {}).some(
    (property) => typeof property.default === 'string' && !property.enum,
  );
}

/**
 * The tools in the order a newcomer needs them: those needing no names first (listing before the rest, and
 * those scoped by the connection's defaults before the others), then free-text queries, then tools that
 * need names the user learns from the first ones. Ties keep the connector's own order.
 */
export function rankTools<Tool extends Pick<DatasourceTool, 'name' | 'inputSchema'>>({
  tools,
}: {
  tools: Tool[];
}): Tool[] {
  const keys = new Map(
    tools.map((tool, index) => [
      tool,
      [
        knowledgeNeeded({ schema: tool.inputSchema }),
        verbRank({ name: tool.name }),
        usesConnectionScope({ schema: tool.inputSchema }) ? 0 : 1,
        index,
      ],
    ]),
  );
  return [...tools].sort((left, right) => {
    const a = keys.get(left)!;
    const b = keys.get(right)!;
    for (let position = 0; position < a.length; position++)
      if (a[position] !== b[position]) return a[position]! - b[position]!;
    return 0;
  });
}
