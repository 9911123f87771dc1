import { render, screen } from '@testing-library/react';
import type { ToolCallView } from './chat-items.js';
import { ToolCallCard } from './tool-call-card.js';

const failed: ToolCallView = {
  id: 'q1',
  datasource: 'shop',
  tool: 'execute_query',
  arguments: { sql: 'SELEC * FROM orders' },
  state: 'error',
  durationMs: 4,
  summary: 'Failed',
  resultText: 'INVALID_INPUT: You have an error in your SQL syntax near SELEC at line 1',
};

describe('ToolCallCard errors', () => {
  it("names a failed call's error code in plain words, with the code itself", () => {
    render(<ToolCallCard call={{ ...failed, errorCode: 'INVALID_INPUT', retryable: false }} />);
    const line = screen.getByTestId('tool-error-code');
    expect(line).toHaveTextContent('The tool did not accept the input.');
    expect(line).toHaveTextContent('INVALID_INPUT');
    expect(line).not.toHaveTextContent('trying again may work');
  });

  it('says when trying again may work', () => {
    render(<ToolCallCard call={{ ...failed, errorCode: 'TIMEOUT', retryable: true }} />);
    expect(screen.getByTestId('tool-error-code')).toHaveTextContent('trying again may work');
  });

  it('guesses nothing when the call carries no code', () => {
    render(<ToolCallCard call={failed} />);
    expect(screen.queryByTestId('tool-error-code')).toBeNull();
  });

  it("opens a reopened chat's last cards as they were, and folds older stored ones", () => {
    const stored: ToolCallView = { ...failed, state: 'ok', stored: true, resultText: 'count\n42' };
    const { rerender } = render(<ToolCallCard call={stored} />);
    expect(screen.getByRole('button', { name: 'Show details' })).toHaveAttribute('aria-expanded', 'false');
    rerender(<ToolCallCard key="reopened" call={{ ...stored, openOnReopen: true }} />);
    expect(screen.getByRole('button', { name: 'Hide details' })).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText(/count/)).toBeInTheDocument();
  });
});
