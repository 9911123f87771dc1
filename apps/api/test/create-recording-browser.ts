import { createCookieBrowser, type CookieBrowser } from '@connectormcp/services';

export interface RecordingBrowser extends CookieBrowser {
  /** Every response body received so far, SSE streams included, each in full once it has ended. */
  bodies(): Promise<string[]>;
}

/**
 * A cookie-keeping browser (`createCookieBrowser`) that also records every response body it receives, so a
 * test can say what a browser could ever have seen, e.g. that a secret never appeared.
 */
export function createRecordingBrowser(): RecordingBrowser {
  const browser = createCookieBrowser();
  const recorded: Array<Promise<string>> = [];
  return {
    ...browser,
    async request(url, init) {
      const response = await browser.request(url, init);
      if (!response.body || [204, 205, 304].includes(response.status)) return response;
      // The test reads one branch; the other is read whole, also when the test stops reading early.
      const [forTest, forRecord] = response.body.tee();
      recorded.push(new Response(forRecord).text().catch(() => ''));
      return new Response(forTest, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    },
    bodies: () => Promise.all(recorded),
  };
}
