import { jest } from '@jest/globals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Datasource, DatasourceTool, ToolRunResult } from '../api/api-types.js';
import { ToolExplorer } from './tool-explorer.js';

const database = { type: 'string', default: 'shop', description: 'Database name, as listed by list_databases.' };
const tool = (
  name: string,
  title: string,
  properties: DatasourceTool['inputSchema']['properties'],
  required: string[] = [],
) =>
  ({
    name,
    title,
    description: `${title}.`,
    readOnly: true,
    inputSchema: { type: 'object', properties, required },
    outputSchema: null,
  }) satisfies DatasourceTool;

const shop: Datasource = {
  id: 'shop',
  name: 'Shop database',
  kind: 'mysql',
  health: { status: 'connected', reason: null, checkedAt: null, latencyMs: 3 },
  writes: true,
  examples: [],
  tools: [
    tool('list_databases', 'List databases', { include_system: { type: 'boolean', default: false } }),
    tool('describe_table', 'Describe a table', { database, table: { type: 'string' } }, ['database', 'table']),
    tool('list_tables', 'List tables', { database, name_like: { type: 'string', title: 'Table name pattern' } }, [
      'database',
    ]),
    tool('execute_query', 'Run a read query', { sql: { type: 'string' }, max_rows: { type: 'integer' } }, ['sql']),
    { ...tool('execute_statement', 'Change data', { sql: { type: 'string' } }, ['sql']), readOnly: false },
  ],
};

function renderExplorer(props: Partial<Parameters<typeof ToolExplorer>[0]> = {}) {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ToolExplorer datasources={[shop]} {...props} />
    </QueryClientProvider>,
  );
}

function answer(result: ToolRunResult) {
  const fetch = jest.fn(async (_url: string, _init: RequestInit) => ({
    ok: true,
    status: 200,
    json: async () => result,
  }));
  Object.assign(globalThis, { fetch });
  return fetch;
}

describe('ToolExplorer', () => {
  afterEach(() => {
    delete (globalThis as { fetch?: unknown }).fetch;
  });

  it('opens on a tool that needs no names, with labels, help and the connection’s default filled in', () => {
    renderExplorer();
    const tools = screen.getByRole('combobox', { name: 'Tool' });
    expect(tools).toHaveDisplayValue('List tables');
    // Listing tools first, tools needing names last, writes not at all.
    expect(
      within(tools)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['List tables', 'List databases', 'Run a read query', 'Describe a table']);
    const databaseField = screen.getByRole('textbox', { name: 'Database' });
    expect(databaseField).toHaveValue('shop');
    expect(databaseField).not.toBeRequired();
    expect(databaseField).toHaveAccessibleDescription('Database name, as listed by list_databases.');
    expect(screen.getByRole('textbox', { name: 'Table name pattern' })).toHaveValue('');
  });

  it('shows the result rendered and, on its own tab, exactly the text the model receives', async () => {
    const user = userEvent.setup();
    const fetch = answer({
      content: [{ type: 'text', text: 'name | type\norders | table' }],
      structuredContent: { database: 'shop', tables: [{ name: 'orders', type: 'table' }] },
      isError: false,
      durationMs: 14,
      errorCode: null,
      modelText: 'name | type\norders | table\n(1 table)',
      outputSchema: {
        type: 'object',
        properties: {
          database: { type: 'string' },
          tables: {
            type: 'array',
            items: { type: 'object', properties: { name: { type: 'string' }, type: { type: 'string' } } },
          },
        },
      },
    });
    renderExplorer();
    await user.click(screen.getByRole('button', { name: 'Run tool' }));
    await screen.findByText('Done in 14 ms');
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/datasources/shop/tools/list_tables');
    expect(JSON.parse(String(init.body))).toEqual({ arguments: { database: 'shop' } });
    expect(screen.getByRole('tab', { name: 'Rendered' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Rendered' })).toHaveTextContent('orders');
    expect(within(screen.getByRole('tabpanel', { name: 'Rendered' })).getByRole('table')).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'What the model receives' }));
    expect(screen.getByTestId('model-text').textContent).toBe('name | type\norders | table\n(1 table)');
    expect(screen.queryByRole('tabpanel', { name: 'Rendered' })).not.toBeInTheDocument();
  });

  it('says what an error code means, and shows the tool’s own message', async () => {
    const user = userEvent.setup();
    answer({
      content: [{ type: 'text', text: 'You have an error in your SQL syntax near "SELEC" at line 1, column 1.' }],
      isError: true,
      durationMs: 3,
      errorCode: 'INVALID_INPUT',
      modelText: 'Error (INVALID_INPUT): You have an error in your SQL syntax near "SELEC" at line 1, column 1.',
      outputSchema: null,
    });
    renderExplorer({ target: { datasource: 'shop', tool: 'execute_query', arguments: { sql: 'SELEC 1' } } });
    expect(screen.getByRole('textbox', { name: 'SQL' })).toHaveValue('SELEC 1');
    await user.click(screen.getByRole('button', { name: 'Run tool' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The tool did not accept the input. (INVALID_INPUT)');
    expect(screen.getByRole('tabpanel', { name: 'Rendered' })).toHaveTextContent('near "SELEC" at line 1');
  });

  it('names a required field that is empty by its label', async () => {
    const user = userEvent.setup();
    renderExplorer({ target: { datasource: 'shop', tool: 'describe_table', arguments: {} } });
    await user.click(screen.getByRole('button', { name: 'Run tool' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Table is required.');
  });
});
