import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development Vite serves the app and forwards the API to `npm start`'s server; in production the API
// serves dist/ itself, so the app always calls its own origin.
export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    port: 5173,
    proxy: Object.fromEntries(
      ['/api', '/healthz'].map((path) => [
        path,
        { target: process.env.API_URL ?? 'http://127.0.0.1:8000', changeOrigin: true },
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
