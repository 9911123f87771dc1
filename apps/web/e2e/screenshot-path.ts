import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const screenshots = fileURLToPath(new URL('../test-results/screenshots', import.meta.url));

/**
 * Where an e2e test saves a screenshot: apps/web/test-results/screenshots/<name> (gitignored), the
 * directory created on first use. Name it '<topic>-<what>.png'.
 */
export function screenshotPath(name: string): string {
  mkdirSync(screenshots, { recursive: true });
  return join(screenshots, name);
}
