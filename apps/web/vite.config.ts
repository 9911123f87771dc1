import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:8000';

// In development Vite serves the app and forwards the API to `npm start`'s server; in production the API
// serves dist/ itself, so the app always calls its own origin.
export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    port: 5173,
    proxy: Object.fromEntries(
      ['/api', '/healthz'].map((path) => [
        path,
        {
          target: apiUrl,
          // The API accepts only its own names in Host: it sees the request as addressed to it.
          changeOrigin: true,
          configure: (proxy) =>
            proxy.on('proxyReq', (proxyRequest, request) => {
              // The dev server's own pages speak for the API's origin, as they do when the API serves the
              // build; any other page keeps its Origin, and the API refuses it.
              const origin = request.headers.origin;
              if (origin && URL.canParse(origin) && new URL(origin).host === request.headers.host)
                proxyRequest.setHeader('origin', new URL(apiUrl).origin);
            }),
        },
      ]),
    ),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Reported in the build output; test/initial-bundle-size.test.ts holds the budget.
    reportCompressedSize: true,
    manifest: true,
  },
});
