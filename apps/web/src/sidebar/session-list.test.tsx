import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SessionSummary } from '../api/api-types.js';
import { matchesSearch, SessionList } from './session-list.js';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

const sessions: SessionSummary[] = [
  { id: 'a', title: 'Revenue by month', datasources: ['shop'], createdAt: minutesAgo(90), updatedAt: minutesAgo(5) },
  {
    id: 'b',
    title: 'Café opening hours',
    datasources: ['files'],
    createdAt: minutesAgo(3000),
    updatedAt: minutesAgo(2900),
  },
];

function renderList() {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <SessionList sessions={sessions} activeId="a" onSelect={() => {}} onNew={() => {}} onDeleted={() => {}} />
    </QueryClientProvider>,
  );
}

describe('SessionList', () => {
  it('dates each chat relatively, with the full date on hover, and keeps the title as the button name', () => {
    renderList();
    const revenue = screen.getByRole('button', { name: 'Revenue by month' });
    expect(revenue).toHaveAccessibleDescription('5 minutes ago');
    const time = within(revenue.parentElement!).getByText('5 minutes ago');
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('datetime', sessions[0]!.updatedAt);
    expect(time.getAttribute('title')).toMatch(/\d{4}/);
    expect(screen.getByRole('button', { name: 'Café opening hours' })).toHaveAccessibleDescription('2 days ago');
  });

  it('filters chats by a search box that ignores case and accents', async () => {
    const user = userEvent.setup();
    renderList();
    await user.type(screen.getByRole('searchbox', { name: 'Search chats' }), 'CAFE');
    expect(screen.queryByRole('button', { name: 'Revenue by month' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Café opening hours' })).toBeInTheDocument();
    await user.clear(screen.getByRole('searchbox', { name: 'Search chats' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search chats' }), 'invoices');
    expect(screen.getByRole('status')).toHaveTextContent('No chat title contains “invoices”.');
  });
});

describe('matchesSearch', () => {
  it.each([
    ['Revenue by month', 'revenue', true],
    ['Revenue by month', '  month ', true],
    ['Café', 'cafe', true],
    ['Cafe', 'café', true],
    ['Revenue', 'orders', false],
  ])('%s holds %s: %s', (title, search, expected) => {
    expect(matchesSearch({ title, search })).toBe(expected);
  });
});
