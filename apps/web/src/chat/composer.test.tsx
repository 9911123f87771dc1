import { jest } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Composer } from './composer.js';

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
});
