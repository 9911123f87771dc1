/**
 * The server scenarios of `@modelcontextprotocol/conformance` that apply to our connectors: servers that
 * offer tools and resources over Streamable HTTP, with logging, and nothing else.
 */
export const applicableScenarios = [
  'server-initialize',
  'ping',
  'logging-set-level',
  'tools-list',
  'resources-list',
  'server-sse-multiple-streams',
  'dns-rebinding-protection',
] as const;

const fixtureTool = (tool: string) =>
  `calls the suite's fixture tool \`${tool}\`, which no connector has; the connectors' own tests cover the same behaviour with their real tools`;

/**
 * Every other server scenario, with why it does not apply. Most call fixture tools, resources or prompts
 * by name (those of the suite's reference server); the rest need capabilities these servers do not offer.
 */
export const notApplicableScenarios: Record<string, string> = {
  'completion-complete':
    'completes arguments of the fixture prompt `test_prompt_with_arguments`; the connectors offer no prompts and no completions',
  'tools-call-simple-text': fixtureTool('test_simple_text'),
  'tools-call-image': fixtureTool('test_image_content'),
  'tools-call-audio': fixtureTool('test_audio_content'),
  'tools-call-embedded-resource': fixtureTool('test_embedded_resource'),
  'tools-call-mixed-content': fixtureTool('test_multiple_content_types'),
  'tools-call-with-logging': fixtureTool('test_tool_with_logging'),
  'tools-call-error': fixtureTool('test_error_handling'),
  'tools-call-with-progress': `${fixtureTool('test_tool_with_progress')} (progress over --http, and resuming it, is tested in the kit's test/http-resumability.test.ts)`,
  'tools-call-sampling': 'needs a tool that asks the client for sampling; the connectors never do',
  'tools-call-elicitation': 'needs a tool that asks the client for elicitation; the connectors never do',
  'elicitation-sep1034-defaults': 'needs a tool that asks the client for elicitation; the connectors never do',
  'elicitation-sep1330-enums': 'needs a tool that asks the client for elicitation; the connectors never do',
  'json-schema-2020-12': `${fixtureTool('json_schema_2020_12_tool')} (pending in the suite)`,
  'server-sse-polling': `${fixtureTool('test_reconnection')}, and announces protocol 2025-03-26, for which no priming event is sent (pending in the suite; resuming is tested in the kit's test/http-resumability.test.ts)`,
  'resources-read-text': 'reads the fixture resource `test://static-text`',
  'resources-read-binary': 'reads the fixture resource `test://static-binary`',
  'resources-templates-read': 'reads the fixture template `test://template/{id}/data`',
  'resources-subscribe':
    'subscribes to the fixture resource `test://watched-resource`; the connectors do not offer resource subscriptions',
  'resources-unsubscribe':
    'unsubscribes from the fixture resource `test://watched-resource`; the connectors do not offer resource subscriptions',
  'prompts-list': 'the connectors offer no prompts',
  'prompts-get-simple': 'the connectors offer no prompts',
  'prompts-get-with-args': 'the connectors offer no prompts',
  'prompts-get-embedded-resource': 'the connectors offer no prompts',
  'prompts-get-with-image': 'the connectors offer no prompts',
};
