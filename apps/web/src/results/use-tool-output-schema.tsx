import { QueryClientContext } from '@tanstack/react-query';
import { useContext, type ReactNode } from 'react';
import type { JsonSchema } from '../api/api-types.js';
import { useDatasources } from '../api/use-api-queries.js';

export interface ToolSource {
  datasource: string;
  tool: string;
}

function FromDatasources({
  source,
  children,
}: {
  source: ToolSource;
  children: (outputSchema: JsonSchema | null | undefined) => ReactNode;
}) {
  const datasources = useDatasources();
  const tool = datasources.data
    ?.find((datasource) => datasource.id === source.datasource)
    ?.tools.find((candidate) => candidate.name === source.tool);
  return children(tool?.outputSchema ?? undefined);
}

/**
 * A stored or live tool call's output schema, from `GET /api/datasources` (each tool's schema), when the
 * call itself does not carry it. Outside the app's query client (a component test) there is none.
 */
export function WithToolOutputSchema({
  source,
  outputSchema,
  children,
}: {
  source?: ToolSource;
  outputSchema?: JsonSchema | null;
  children: (outputSchema: JsonSchema | null | undefined) => ReactNode;
}) {
  const client = useContext(QueryClientContext);
  if (outputSchema || !source || !client) return children(outputSchema);
  return <FromDatasources source={source}>{children}</FromDatasources>;
}
