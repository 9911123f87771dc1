import { moneySchema, identifierString, dateTimeString } from '@connectormcp/connector-kit/value-format';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { z } from 'zod';
import type { Datasource, JsonSchema } from '../api/api-types.js';
import { queryKeys } from '../api/use-api-queries.js';
import { ResultView } from './result-view.js';

const outputSchema = z.toJSONSchema(
  z.object({
    issues: z.array(
      z.object({
        id: identifierString(),
        summary: z.string(),
        assignee: z.string().nullable(),
        created: dateTimeString(),
        estimate: moneySchema.nullable(),
      }),
    ),
  }),
  { target: 'draft-7', io: 'output' },
) as JsonSchema;

const result = {
  issues: [
    {
      id: '5b10ac8d82e05b22cc7d4ef5',
      summary: 'Checkout fails',
      assignee: null,
      created: '2026-01-05T10:00:00Z',
      estimate: { amount: '1200.00', currency_code: 'USD' },
    },
    {
      id: 'short-1',
      summary: 'Typo',
      assignee: 'Ana',
      created: '2026-01-04T10:00:00Z',
      estimate: { amount: '99.5', currency_code: 'USD' },
    },
  ],
};

const column = (index: number) =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[index]!.textContent);

describe('ResultView', () => {
  it('renders a typed table from the output schema: money, empty nulls, short ids with copy', async () => {
    const user = userEvent.setup();
    render(<ResultView result={result} name="jira-search" outputSchema={outputSchema} />);
    expect(screen.getAllByRole('columnheader').map((header) => header.textContent?.replace(/[▲▼↕]/, ''))).toEqual([
      'Id',
      'Summary',
      'Assignee',
      'Created',
      'Estimate',
    ]);
    expect(column(4)).toEqual(['$1,200.00', '$99.50']);
    expect(column(2)).toEqual(['', 'Ana']);
    expect(screen.queryByText('NULL')).not.toBeInTheDocument();
    expect(column(0)[0]).toContain('5b10ac8d…7d4ef5');
    expect(screen.getByRole('button', { name: 'Copy Id 5b10ac8d82e05b22cc7d4ef5' })).toBeInTheDocument();
    // Money cells line up on the right.
    expect(within(screen.getByRole('table')).getAllByRole('cell')[4]).toHaveClass('text-right');
    await user.click(screen.getByRole('button', { name: /Estimate/ }));
    expect(column(4)).toEqual(['$99.50', '$1,200.00']);
    await user.click(screen.getByRole('button', { name: /Created/ }));
    expect(column(1)).toEqual(['Typo', 'Checkout fails']);
  });

  it('offers a chart with steerable type and series only when there are numbers', async () => {
    const user = userEvent.setup();
    render(<ResultView result={result} name="jira-search" outputSchema={outputSchema} />);
    await user.click(screen.getByRole('button', { name: 'Chart' }));
    const settings = screen.getByRole('group', { name: 'Chart settings' });
    expect(within(settings).getByRole('combobox', { name: 'Chart type' })).toHaveValue('line');
    expect(within(settings).getByRole('combobox', { name: 'X axis' })).toHaveValue('created');
    expect(
      within(settings)
        .getAllByRole('checkbox')
        .map((box) => box.parentElement?.textContent),
    ).toEqual(['Estimate']);
    await user.selectOptions(within(settings).getByRole('combobox', { name: 'Chart type' }), 'area');
    expect(within(settings).getByRole('combobox', { name: 'Chart type' })).toHaveValue('area');
  });

  it('shows a result with no table in its schema as foldable JSON, folding by keyboard', async () => {
    const user = userEvent.setup();
    render(
      <ResultView
        result={{ project: { key: 'SHOP', lead: { name: 'Ana' } } }}
        name="jira-project"
        outputSchema={{ type: 'object', properties: { project: { type: 'object' } } }}
      />,
    );
    const tree = screen.getByRole('group', { name: 'jira-project result' });
    expect(within(tree).getByText('"key": "SHOP",')).toBeInTheDocument();
    // Two levels open, deeper ones folded.
    const lead = within(tree).getByRole('button', { name: /lead/ });
    expect(lead).toHaveAttribute('aria-expanded', 'false');
    expect(within(tree).queryByText('"name": "Ana"')).not.toBeInTheDocument();
    lead.focus();
    await user.keyboard('{Enter}');
    expect(within(tree).getByText('"name": "Ana"')).toBeInTheDocument();
    await user.keyboard(' ');
    expect(within(tree).queryByText('"name": "Ana"')).not.toBeInTheDocument();
  });

  it("finds a stored call's schema in the datasource list by datasource and tool", () => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
    const datasource = {
      id: 'jira',
      name: 'Jira',
      tools: [{ name: 'search_issues', outputSchema }],
    } as unknown as Datasource;
    client.setQueryData(queryKeys.datasources, { datasources: [datasource] });
    render(
      <QueryClientProvider client={client}>
        <ResultView result={result} name="jira-search" source={{ datasource: 'jira', tool: 'search_issues' }} />
      </QueryClientProvider>,
    );
    expect(column(4)).toEqual(['$1,200.00', '$99.50']);
  });
});
