/**
 * Leaving the page (to the provider's logout, a reload), behind one object so tests can watch where the
 * app sends the browser: jsdom cannot navigate.
 */
export const browserLocation = {
  assign(url: string): void {
    window.location.assign(url);
  },
  reload(): void {
    window.location.reload();
  },
};
