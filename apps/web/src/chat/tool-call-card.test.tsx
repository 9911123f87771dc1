import { jest } from '@jest/globals';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ToolCallView } from './chat-items.js';
import { ToolCallCard } from './tool-call-card.js';

const finished: ToolCallView = {
  id: 't1',
  datasource: 'shop',
  tool: 'execute_query',
  arguments: { sql: 'SELECT name, revenue FROM products' },
  state: 'ok',
  durationMs: 1_530,
  summary: '3 rows',
  result: {
    columns: [
      { name: 'name', type: 'varchar' },
      { name: 'revenue', type: 'decimal', format: 'decimal' },
    ],
    rows: [
      ['Mug', '9.50'],
      ['Lamp', '120.00'],
      ['Desk', '45.00'],
    ],
  },
};

const cellsOfColumn = (table: HTMLElement, index: number) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[index]!.textContent);

describe('ToolCallCard', () => {
  it('shows the datasource, tool, status, duration and summary; details open on demand', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<ToolCallCard call={finished} datasourceName="Shop database" />);
    // Fresh rows are shown at once.
    expect(screen.getByRole('table')).toBeInTheDocument();
    // A call from the stored history is folded until asked.
    rerender(<ToolCallCard call={{ ...finished, stored: true }} datasourceName="Shop database" />);
    const card = screen.getByRole('article', { name: 'Tool call execute_query on Shop database' });
    expect(within(card).getByText('Shop database')).toBeInTheDocument();
    expect(within(card).getByRole('status')).toHaveTextContent('Done');
    expect(within(card).getByText('1.5 s')).toBeInTheDocument();
    expect(within(card).getByText('3 rows')).toBeInTheDocument();
    expect(within(card).queryByRole('table')).not.toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Show details' }));
    expect(within(card).getByText(/SELECT name, revenue FROM products/)).toBeInTheDocument();
    expect(within(card).getByRole('table')).toBeInTheDocument();
  });

  it('renders rows as a table sorted by a header click, numbers as numbers, and reversed on a second click', async () => {
    const user = userEvent.setup();
    render(<ToolCallCard call={{ ...finished, state: 'error' }} />);
    const table = screen.getByRole('table');
    expect(cellsOfColumn(table, 0)).toEqual(['Mug', 'Lamp', 'Desk']);
    const revenue = screen.getByRole('button', { name: /revenue/ });
    await user.click(revenue);
    expect(screen.getByRole('columnheader', { name: /revenue/ })).toHaveAttribute('aria-sort', 'ascending');
    expect(cellsOfColumn(table, 1)).toEqual(['9.50', '45.00', '120.00']);
    await user.click(revenue);
    expect(cellsOfColumn(table, 1)).toEqual(['120.00', '45.00', '9.50']);
    // Keyboard works the same: the header is a button.
    screen.getByRole('button', { name: /name/ }).focus();
    await user.keyboard('{Enter}');
    expect(cellsOfColumn(table, 0)).toEqual(['Desk', 'Lamp', 'Mug']);
  });

  it('offers a chart for numbers by category, and JSON or text for results that are not rows', async () => {
    const user = userEvent.setup();
    render(<ToolCallCard call={{ ...finished, state: 'error' }} />);
    expect(screen.getByRole('button', { name: 'Chart' })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('button', { name: 'CSV' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Chart' }));
    expect(screen.getByRole('button', { name: 'Chart' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows stored text results and JSON results as readable text', () => {
    const { unmount } = render(
      <ToolCallCard call={{ ...finished, state: 'error', result: undefined, resultText: 'Bucket is empty.' }} />,
    );
    expect(screen.getByText('Bucket is empty.')).toBeInTheDocument();
    unmount();
    render(<ToolCallCard call={{ ...finished, state: 'error', result: { key: 'a.txt', size: 3 } }} />);
    expect(screen.getByText(/"key": "a.txt"/)).toBeInTheDocument();
  });

  it('asks before a write runs, shows exactly what will run, and reports the decision once', async () => {
    const user = userEvent.setup();
    const onDecide = jest.fn();
    render(
      <ToolCallCard
        call={{
          id: 'w1',
          datasource: 'shop',
          tool: 'execute_statement',
          arguments: { sql: "UPDATE products SET price = 0 WHERE name = 'Mug'" },
          state: 'awaiting_approval',
          approval: { destructive: true },
        }}
        datasourceName="Shop database"
        onDecide={onDecide}
      />,
    );
    const prompt = screen.getByRole('alertdialog', { name: /change or delete data in Shop database/ });
    expect(within(prompt).getByText("UPDATE products SET price = 0 WHERE name = 'Mug'")).toBeInTheDocument();
    await user.click(within(prompt).getByRole('button', { name: 'Deny' }));
    expect(onDecide).toHaveBeenCalledWith({ id: 'w1', approve: false });
    expect(within(prompt).getByRole('button', { name: 'Approve' })).toBeDisabled();
    await user.click(within(prompt).getByRole('button', { name: 'Approve' }));
    expect(onDecide).toHaveBeenCalledTimes(1);
  });
});
