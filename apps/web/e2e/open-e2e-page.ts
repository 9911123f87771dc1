import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { recordBrowserCoverage, type BrowserCoverage } from './record-browser-coverage.js';
import { startE2eApp, type E2eApp, type E2eAppOptions } from './start-e2e-app.js';

export interface E2ePage {
  app: E2eApp;
  context: BrowserContext;
  page: Page;
  /** Set with `recordCoverage`; `collect()` it before the page navigates away from what it ran. */
  coverage: BrowserCoverage | undefined;
  /** Stops coverage, the browser context and the app, in that order; safe to call once whatever happened. */
  stop(): Promise<void>;
}

/**
 * The app and one desktop-sized page in Chromium: what every browser test starts from. With
 * `recordCoverage`, the code the page runs counts towards the web's coverage.
 */
export async function openE2ePage({
  app: appOptions,
  context: contextOptions = {},
  timeoutMs = 15_000,
  recordCoverage = false,
}: {
  app?: E2eAppOptions;
  context?: BrowserContextOptions;
  timeoutMs?: number;
  recordCoverage?: boolean;
} = {}): Promise<E2ePage> {
  const app = await startE2eApp(appOptions);
  let context: BrowserContext | undefined;
  let coverage: BrowserCoverage | undefined;
  const stop = async () => {
    await coverage?.stop();
    await context?.close();
    await app.stop();
  };
  try {
    context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
    const page = await context.newPage();
    page.setDefaultTimeout(timeoutMs);
    if (recordCoverage) coverage = await recordBrowserCoverage({ page, appUrl: app.url });
    return { app, context, page, coverage, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
