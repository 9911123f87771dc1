import { jest } from '@jest/globals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import type { Datasource, DatasourceTool } from '../api/api-types.js';
import { queryKeys } from '../api/use-api-queries.js';
import { installFakeApi } from '../../test/fake-api.js';
import type { ToolCallView } from './chat-items.js';
import { EditToolCall, ToolCallActions } from './edit-tool-call.js';

const executeQuery: DatasourceTool = {
  name: 'execute_query',
  title: 'Run a read query',
  description: 'Runs one read statement.',
  readOnly: true,
  inputSchema: {
    type: 'object',
    properties: {
      database: { type: 'string', default: 'shop', description: 'Database for unprefixed table names.' },
      sql: { type: 'string' },
      max_rows: { type: 'integer' },
    },
    required: ['sql'],
  },
  outputSchema: null,
};

const executeStatement: DatasourceTool = {
  ...executeQuery,
  name: 'execute_statement',
  title: 'Change data',
  readOnly: false,
};

const shop: Datasource = {
  id: 'shop',
  name: 'Shop database',
  kind: 'mysql',
  health: { status: 'connected', reason: null, checkedAt: null, latencyMs: 3 },
  writes: true,
  examples: [],
  tools: [executeQuery, executeStatement],
};

const queryCall: ToolCallView = {
  id: 'call-1',
  datasource: 'shop',
  tool: 'execute_query',
  arguments: { sql: 'SELECT title FROM products', max_rows: 5 },
  state: 'ok',
};

function withDatasources(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  client.setQueryData(queryKeys.datasources, { datasources: [shop] });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

describe('EditToolCall', () => {
  it('opens SQL in a monospace editor first, keeps the other arguments, and runs what was edited', async () => {
    const user = userEvent.setup();
    const onRun = jest.fn();
    render(<EditToolCall call={queryCall} tool={executeQuery} onRun={onRun} onCancel={() => {}} />);
    const sql = screen.getByRole('textbox', { name: 'SQL' });
    expect(sql).toHaveValue('SELECT title FROM products');
    expect(sql).toHaveClass('font-mono');
    expect(sql).toHaveFocus();
    // The query leads the form whatever the schema's order.
    expect(screen.getAllByRole('textbox')[0]).toBe(sql);
    expect(screen.getByRole('spinbutton', { name: 'Max rows' })).toHaveValue(5);
    // The connection's default database is shown, and described.
    expect(screen.getByRole('textbox', { name: 'Database' })).toHaveValue('shop');
    expect(screen.getByRole('textbox', { name: 'Database' })).toHaveAccessibleDescription(
      'Database for unprefixed table names.',
    );
    await user.clear(sql);
    await user.type(sql, 'SELECT title FROM products WHERE price > 10');
    await user.click(screen.getByRole('button', { name: 'Run' }));
    expect(onRun).toHaveBeenCalledWith({
      sql: 'SELECT title FROM products WHERE price > 10',
      max_rows: 5,
      database: 'shop',
    });
  });

  it('refuses an empty query, naming it, and says a write will ask for approval', async () => {
    const user = userEvent.setup();
    const onRun = jest.fn();
    render(
      <EditToolCall
        call={{ ...queryCall, tool: 'execute_statement', arguments: { sql: 'DELETE FROM products WHERE id = 2' } }}
        tool={executeStatement}
        onRun={onRun}
        onCancel={() => {}}
      />,
    );
    expect(screen.getByText(/asks for your approval before it runs/)).toBeInTheDocument();
    await user.clear(screen.getByRole('textbox', { name: 'SQL' }));
    await user.click(screen.getByRole('button', { name: 'Run after approval' }));
    expect(screen.getByRole('alert')).toHaveTextContent('SQL is required.');
    expect(onRun).not.toHaveBeenCalled();
  });

  it('edits JQL and a search without knowing the tool’s schema', () => {
    render(
      <EditToolCall
        call={{ id: 'c', tool: 'search_issues', arguments: { jql: 'project = SHOP', max_results: 10 } }}
        tool={undefined}
        onRun={() => {}}
        onCancel={() => {}}
      />,
    );
    expect(screen.getByRole('textbox', { name: 'JQL' })).toHaveValue('project = SHOP');
    render(
      <EditToolCall
        call={{ id: 'd', tool: 'search_products', arguments: { text: 'mug' } }}
        tool={undefined}
        onRun={() => {}}
        onCancel={() => {}}
      />,
    );
    expect(screen.getByRole('searchbox', { name: 'Text' })).toHaveValue('mug');
  });
});

describe('ToolCallActions', () => {
  it('re-runs a call with edited arguments and opens a read in the explorer', async () => {
    const user = userEvent.setup();
    const rerun = jest.fn();
    const openInExplorer = jest.fn();
    render(withDatasources(<ToolCallActions call={queryCall} rerun={rerun} openInExplorer={openInExplorer} />));
    await user.click(screen.getByRole('button', { name: 'Open in explorer' }));
    expect(openInExplorer).toHaveBeenCalledWith({
      datasource: 'shop',
      tool: 'execute_query',
      arguments: { sql: 'SELECT title FROM products', max_rows: 5 },
    });
    await user.click(screen.getByRole('button', { name: 'Edit & re-run' }));
    const sql = screen.getByRole('textbox', { name: 'SQL' });
    await user.clear(sql);
    await user.type(sql, 'SELECT 2');
    await user.click(screen.getByRole('button', { name: 'Run' }));
    expect(rerun).toHaveBeenCalledWith({
      datasource: 'shop',
      tool: 'execute_query',
      arguments: { sql: 'SELECT 2', max_rows: 5, database: 'shop' },
    });
    // The editor closes once the run is under way (its card appears below).
    expect(screen.queryByRole('textbox', { name: 'SQL' })).not.toBeInTheDocument();
  });

  it('offers no explorer for a write, and nothing while a call is still running', () => {
    const { rerender } = render(
      withDatasources(
        <ToolCallActions
          call={{ ...queryCall, tool: 'execute_statement' }}
          rerun={() => {}}
          openInExplorer={() => {}}
        />,
      ),
    );
    expect(screen.getByRole('button', { name: 'Edit & re-run' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Open in explorer' })).not.toBeInTheDocument();
    // Only read-only tools can be saved or scheduled.
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Schedule' })).not.toBeInTheDocument();
    rerender(withDatasources(<ToolCallActions call={{ ...queryCall, state: 'running' }} rerun={() => {}} />));
    expect(screen.queryByRole('button', { name: 'Edit & re-run' })).not.toBeInTheDocument();
  });

  it('saves a read-only call from its card under a name', async () => {
    const api = installFakeApi({
      'POST /api/saved': (request) => ({ status: 201, body: { id: 'sv_1', ...(request.body as object) } }),
    });
    try {
      const user = userEvent.setup();
      render(withDatasources(<ToolCallActions call={queryCall} rerun={() => {}} />));
      await user.click(screen.getByRole('button', { name: 'Save' }));
      const dialog = await screen.findByRole('dialog', { name: 'Save tool call' });
      expect(within(dialog).getByRole('textbox', { name: /Name/ })).toHaveValue('execute_query on Shop database');
      await user.click(within(dialog).getByRole('button', { name: 'Save' }));
      expect(await within(dialog).findByText(/Saved as “execute_query on Shop database”/)).toBeInTheDocument();
      expect(api.requests[0]?.body).toEqual({
        name: 'execute_query on Shop database',
        datasource: 'shop',
        tool: 'execute_query',
        arguments: { sql: 'SELECT title FROM products', max_rows: 5 },
      });
      expect(screen.getByRole('button', { name: 'Schedule' })).toBeInTheDocument();
    } finally {
      api.restore();
    }
  });
});
