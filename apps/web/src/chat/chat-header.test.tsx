import { jest } from '@jest/globals';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Datasource } from '../api/api-types.js';
import { ChatHeader } from './chat-header.js';
import { ExampleQuestions } from './example-questions.js';

const datasource = (id: string, name: string, status: Datasource['health']['status'], examples: string[] = []) =>
  ({
    id,
    name,
    kind: null,
    health: { status, reason: null, checkedAt: null, latencyMs: null },
    writes: false,
    examples,
    tools: [],
  }) satisfies Datasource;

const datasources = [
  datasource('shop', 'Shop database (sandbox)', 'connected', ['Which three products cost the most?']),
  datasource('files', 'Files', 'unreachable', ['List the newest files']),
  datasource('store', 'Store', 'degraded', ['How many orders today?']),
];

describe('ChatHeader', () => {
  it('shows which sources this chat uses, with their health, and changes them', async () => {
    const user = userEvent.setup();
    const onChange = jest.fn();
    render(
      <ChatHeader title="Revenue" datasources={datasources} selectedIds={['shop', 'files']} onChange={onChange} />,
    );
    const sources = screen.getByTestId('chat-sources');
    expect(sources).toHaveTextContent('Uses:');
    expect(within(sources).getByTestId('chat-source-shop')).toHaveTextContent(/Shop database.*Connected/);
    expect(within(sources).getByTestId('chat-source-files')).toHaveTextContent(/Files.*Unreachable/);
    expect(within(sources).queryByTestId('chat-source-store')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Change sources' }));
    const editor = screen.getByRole('group', { name: 'Datasources this chat uses' });
    await user.click(within(editor).getByRole('checkbox', { name: 'Store' }));
    expect(onChange).toHaveBeenCalledWith(['shop', 'files', 'store']);
    await user.click(within(editor).getByRole('checkbox', { name: 'Files' }));
    expect(onChange).toHaveBeenLastCalledWith(['shop']);
  });

  it('says when the chat uses no source, and when a change was not saved', () => {
    render(
      <ChatHeader
        title="New chat"
        datasources={datasources}
        selectedIds={[]}
        onChange={() => {}}
        saveError={new Error('unknown datasource')}
      />,
    );
    expect(screen.getByTestId('chat-sources')).toHaveTextContent('no datasource');
    expect(screen.getByRole('alert')).toHaveTextContent('The selection was not saved: unknown datasource');
  });
});

describe('ExampleQuestions', () => {
  it('offers the examples of sources that answer, and asks one with its source', async () => {
    const user = userEvent.setup();
    const onAsk = jest.fn();
    render(<ExampleQuestions datasources={datasources} disabled={false} onAsk={onAsk} />);
    expect(screen.getByRole('region', { name: 'Try with Shop database' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'List the newest files' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'How many orders today?' }));
    expect(onAsk).toHaveBeenCalledWith({ question: 'How many orders today?', datasourceId: 'store' });
  });

  it('cannot be clicked while the chat cannot answer', () => {
    render(<ExampleQuestions datasources={datasources} disabled onAsk={() => {}} />);
    expect(screen.getByRole('button', { name: 'Which three products cost the most?' })).toBeDisabled();
  });
});
