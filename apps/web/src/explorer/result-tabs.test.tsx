import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResultTabs } from './result-tabs.js';

describe('ResultTabs', () => {
  it('shows one panel at a time, named honestly, and moves between tabs with the arrow keys', async () => {
    const user = userEvent.setup();
    render(<ResultTabs rendered={<table aria-label="rows" />} modelText={'id\tname\n1\tMug'} />);
    expect(screen.getByRole('tablist', { name: 'Result' })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'rows' })).toBeVisible();
    expect(screen.queryByTestId('model-text')).not.toBeVisible();
    await user.click(screen.getByRole('tab', { name: 'Rendered' }));
    await user.keyboard('{ArrowRight}');
    const model = screen.getByRole('tab', { name: 'What the model receives' });
    expect(model).toHaveFocus();
    expect(model).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('model-text').textContent).toBe('id\tname\n1\tMug');
    expect(screen.getByText(/exact text the model is given for this result \(13 characters\)/)).toBeVisible();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Rendered' })).toHaveFocus();
  });
});
