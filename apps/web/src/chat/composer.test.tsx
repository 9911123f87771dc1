import { jest } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
// The API's own constant, read in the test only (the app imports nothing of the API at runtime).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { maximumMessageLength as apiMaximumMessageLength } from '@connectormcp/api/contracts';
import { Composer, maximumMessageLength } from './composer.js';

describe('Composer', () => {
  it('sends on Enter, adds a line on Shift+Enter, and ignores blank messages', async () => {
    const user = userEvent.setup();
    const onSend = jest.fn();
    render(<Composer running={false} onSend={onSend} onStop={() => {}} />);
    const box = screen.getByLabelText('Message');
    await user.type(box, '   {Enter}');
    expect(onSend).not.toHaveBeenCalled();
    await user.clear(box);
    await user.type(box, 'Top products{Shift>}{Enter}{/Shift}by revenue{Enter}');
    expect(onSend).toHaveBeenCalledWith('Top products\nby revenue');
    expect(box).toHaveValue('');
  });

  it('turns into a stop button while a run goes', async () => {
    const user = userEvent.setup();
    const onStop = jest.fn();
    render(<Composer running onSend={() => {}} onStop={onStop} />);
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    expect(onStop).toHaveBeenCalled();
  });

  it("counts characters against the API's limit and will not send a message that is too long", async () => {
    const user = userEvent.setup();
    const onSend = jest.fn();
    render(<Composer running={false} onSend={onSend} onStop={() => {}} />);
    const box = screen.getByLabelText('Message');
    await user.type(box, 'Hello');
    expect(screen.getByTestId('message-length')).toHaveTextContent('5 / 20,000');
    expect(box).toHaveAccessibleDescription(/5 \/ 20,000/);
    await user.clear(box);
    await user.click(box);
    await user.paste('x'.repeat(maximumMessageLength + 12));
    expect(screen.getByTestId('message-length')).toHaveTextContent('12 characters too many (the limit is 20,000)');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    await user.keyboard('{Enter}');
    expect(onSend).not.toHaveBeenCalled();
  });

  it('explains why nothing can be sent instead of sending a question that could only fail', async () => {
    const user = userEvent.setup();
    const onSend = jest.fn();
    render(
      <Composer
        running={false}
        disabled
        disabledReason="No Anthropic API key is configured."
        onSend={onSend}
        onStop={() => {}}
      />,
    );
    const box = screen.getByLabelText('Message');
    expect(box).toHaveAccessibleDescription(/No Anthropic API key is configured\./);
    await user.type(box, 'Top products{Enter}');
    expect(onSend).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
  });

  it('uses the same limit as the API', () => {
    expect(maximumMessageLength).toBe(apiMaximumMessageLength);
  });
});
