import { jest } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiHeaders } from '../api/api-request.js';
import { ApiKeyPrompt } from './api-key-prompt.js';

describe('ApiKeyPrompt', () => {
  afterEach(() => localStorage.clear());

  it('stores the key it is given, which every later request then sends', async () => {
    const user = userEvent.setup();
    const onSaved = jest.fn();
    render(<ApiKeyPrompt onSaved={onSaved} />);
    expect(screen.getByRole('alert')).toHaveTextContent('This server needs an API key');
    await user.type(screen.getByLabelText('API key'), '  team-key-1  {Enter}');
    expect(onSaved).toHaveBeenCalledTimes(1);
    expect(apiHeaders()).toMatchObject({ authorization: 'Bearer team-key-1' });
  });

  it('forgets a stored key when saved empty', async () => {
    const user = userEvent.setup();
    localStorage.setItem('connectormcp.apiKey', 'old-key');
    render(<ApiKeyPrompt onSaved={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(apiHeaders()).not.toHaveProperty('authorization');
  });
});
