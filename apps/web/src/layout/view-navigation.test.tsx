import { jest } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ViewNavigation } from './view-navigation.js';

describe('ViewNavigation', () => {
  it('shows admin views to admins only', () => {
    const { rerender } = render(<ViewNavigation current="chat" isAdmin={false} onSelect={() => {}} />);
    expect(screen.getByRole('button', { name: 'Chat' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.queryByRole('button', { name: 'Users' })).toBeNull();
    rerender(<ViewNavigation current="users" isAdmin onSelect={() => {}} />);
    expect(screen.getByRole('heading', { name: 'Admin' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Users' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('counts what waits on an entry, in words too, and reports a choice', async () => {
    const onSelect = jest.fn();
    render(<ViewNavigation current="chat" isAdmin={false} badges={{ approvals: 2 }} onSelect={onSelect} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Approvals 2 waiting' }));
    expect(onSelect).toHaveBeenCalledWith('approvals');
  });
});
