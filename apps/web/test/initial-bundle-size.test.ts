/**
 * @jest-environment node
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const budgetBytes = 200 * 1024;

describe('the built web app', () => {
  it('loads under 200 KB of gzipped JavaScript at first (charts and CSV export load on demand)', () => {
    expect(existsSync(join(dist, 'index.html'))).toBe(true);
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    // What the browser fetches before the app runs: the entry script and the chunks it preloads.
    const initial = [
      ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
      ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
    ].map((match) => match[1]!);
    expect(initial.length).toBeGreaterThan(0);
    const sizes = initial.map((path) => ({
      path,
      gzipped: gzipSync(readFileSync(join(dist, path.replace(/^\//, '')))).length,
    }));
    const total = sizes.reduce((sum, entry) => sum + entry.gzipped, 0);
    console.log(
      `initial JavaScript: ${(total / 1024).toFixed(1)} KB gzipped (budget ${budgetBytes / 1024} KB): ${sizes
        .map((entry) => `${entry.path} ${(entry.gzipped / 1024).toFixed(1)} KB`)
        .join(', ')}`,
    );
    expect(total).toBeLessThan(budgetBytes);
    expect(initial.some((path) => /result-chart|recharts/.test(path))).toBe(false);
  });
});
