import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FoldedText, isLongText } from './folded-text.js';

describe('FoldedText', () => {
  it('shows a short message whole, with nothing to unfold', () => {
    render(<FoldedText text="Top products by revenue" />);
    expect(screen.getByText('Top products by revenue')).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('folds a long message to its beginning until someone unfolds it, and folds it again', async () => {
    const user = userEvent.setup();
    const text = Array.from({ length: 40 }, (_, index) => `line ${index + 1}`).join('\n');
    expect(isLongText({ text })).toBe(true);
    const { container } = render(<FoldedText text={text} />);
    expect(container).toHaveTextContent('line 14');
    expect(container).not.toHaveTextContent('line 40');
    const unfold = screen.getByRole('button', { name: `Show the whole message (${text.length} characters)` });
    expect(unfold).toHaveAttribute('aria-expanded', 'false');
    await user.click(unfold);
    expect(container).toHaveTextContent('line 40');
    await user.click(screen.getByRole('button', { name: 'Show less' }));
    expect(container).not.toHaveTextContent('line 40');
  });

  it('folds one very long line by its length', () => {
    expect(isLongText({ text: 'x'.repeat(1_201) })).toBe(true);
    expect(isLongText({ text: 'x'.repeat(1_200) })).toBe(false);
  });
});
