import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { constants as zlibConstants } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:8000';

/**
 * The source maps are for the e2e tests' browser coverage (e2e/record-browser-coverage.ts), not for
 * visitors: the bundles name no map (`sourcemap: 'hidden'`) and, once written, the maps move from assets/
 * to .sourcemaps/, a directory whose name starts with a dot, which express.static does not serve.
 */
function keepSourceMapsPrivate(): Plugin {
  return {
    name: 'connectormcp:keep-source-maps-private',
    apply: 'build',
    // After writing: Vite rewrites chunks and their maps up to the end of generateBundle.
    async writeBundle(options, bundle) {
      const outDir = options.dir ?? 'dist';
      for (const fileName of Object.keys(bundle).filter((name) => name.endsWith('.map'))) {
        const from = join(outDir, fileName);
        const to = join(outDir, '.sourcemaps', fileName);
        const map = JSON.parse(await readFile(from, 'utf8')) as { sources: string[] };
        // Sources are relative to the map's own place, which moves.
        map.sources = map.sources.map((source) =>
          relative(dirname(to), resolve(dirname(from), source))
            .split(sep)
            .join('/'),
        );
        await mkdir(dirname(to), { recursive: true });
        await writeFile(to, JSON.stringify(map));
        await rm(from);
      }
    },
  };
}

/**
 * Brotli and gzip files beside each script, style, SVG and the HTML (`index-….js.br`, `….js.gz`), written
 * once at build time at the highest levels, which would be too slow per request; the API picks one by
 * Accept-Encoding (apps/api/src/serve-web-app.ts). vite-plugin-compression2 is maintained for current Vite
 * and uses Node's zlib, nothing native. A file is left alone when compressing it would not make it smaller.
 */
function precompress(): Plugin {
  return compression({
    algorithms: [
      defineAlgorithm('brotliCompress', { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }),
      defineAlgorithm('gzip', { level: 9 }),
    ],
    include: /\.(?:js|css|html|svg|json)$/,
    // The build manifest is for tools, not served.
    exclude: /(?:^|\/)\.vite\//,
    logLevel: 'silent',
  });
}

// In development Vite serves the app and forwards the API to `npm start`'s server; in production the API
// serves dist/ itself, so the app always calls its own origin.
export default defineConfig({
  plugins: [react(), tailwindcss(), keepSourceMapsPrivate(), precompress()],
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
    sourcemap: 'hidden',
  },
});
