import { jest } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RunErrorBanner } from './run-error-banner.js';

describe('RunErrorBanner', () => {
  it('says how to set the missing Anthropic key, with a retry that asks again once it is set', async () => {
    const user = userEvent.setup();
    const onRetry = jest.fn();
    render(
      <RunErrorBanner error={{ code: 'missing_api_key', message: 'No key.', retryable: false }} onRetry={onRetry} />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('ANTHROPIC_API_KEY');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it.each([
    { code: 'rate_limited', title: 'Rate limited' },
    { code: 'unreachable', title: 'The server cannot be reached' },
  ])('offers a retry when $code', async ({ code, title }) => {
    const user = userEvent.setup();
    const onRetry = jest.fn();
    render(
      <RunErrorBanner error={{ code: code as never, message: 'Try later.', retryable: true }} onRetry={onRetry} />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(title);
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('offers a retry for other errors only when they are retryable', () => {
    const { rerender } = render(
      <RunErrorBanner
        error={{ code: 'internal' as never, message: 'It broke.', retryable: false }}
        onRetry={() => {}}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('The answer could not be finished');
    expect(screen.getByRole('alert')).toHaveTextContent('It broke.');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    rerender(
      <RunErrorBanner
        error={{ code: 'internal' as never, message: 'It broke.', retryable: true }}
        onRetry={() => {}}
      />,
    );
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('shows a stopped run as information, not as an error', () => {
    render(<RunErrorBanner error={{ code: 'cancelled', message: 'Stopped.', retryable: true }} />);
    expect(screen.getByRole('status')).toHaveTextContent('Stopped');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
