import { extname, join, resolve, sep } from 'node:path';
import { Router, type Request } from 'express';
import expressStaticGzip from 'express-static-gzip';

/** Vite puts every hashed file under assets/: its name changes whenever its content does. */
const hashedDirectory = 'assets';
const immutable = 'public, max-age=31536000, immutable';
// Revalidated on every load (ETag): a new deploy is picked up at once, an unchanged one costs a 304.
const revalidate = 'no-cache';

/** A client-side route of the app: not the API, not a file (no extension), not a hashed asset or a dot path. */
function isAppRoute(request: Request): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (request.path === '/api' || request.path.startsWith('/api/')) return false;
  if (request.path.startsWith(`/${hashedDirectory}/`)) return false;
  // Dot directories (the private source maps) are not routes either.
  if (request.path.split('/').some((segment) => segment.startsWith('.'))) return false;
  return extname(request.path) === '';
}

/**
 * Serves the built web app (apps/web/dist): the brotli and gzip files the build writes beside each script
 * and style, chosen by Accept-Encoding (`q=0` refuses one; without a usable one the file goes as it is),
 * with `Content-Encoding`, `Vary: Accept-Encoding` and the original file's `Content-Type`; hashed assets
 * cached for a year as immutable, everything else (index.html first) revalidated by ETag. An unknown
 * /assets/ file is a 404, never the app shell, so a stale page cannot run HTML as a script; client routes
 * get the shell. Mounted after the Host and Origin checks, which apply to every file.
 */
export function serveWebApp({ webDirectory }: { webDirectory: string }): Router {
  // express-static-gzip lists the precompressed files once, matching paths below the root as given.
  const root = resolve(webDirectory);
  const files = expressStaticGzip(root, {
    enableBrotli: true,
    // Browsers list gzip first with the same weight; brotli is smaller for the same text.
    orderPreference: ['br', 'gzip'],
    index: 'index.html',
    serveStatic: {
      cacheControl: false,
      // Source maps (.sourcemaps/) and other dot files are not served.
      dotfiles: 'ignore',
      redirect: false,
      setHeaders: (response, path) => {
        const hashed = path.startsWith(join(root, hashedDirectory) + sep);
        response.setHeader('cache-control', hashed ? immutable : revalidate);
      },
    },
  });
  const router = Router();
  router.use(files);
  router.use((request, response, next) => {
    if (!isAppRoute(request)) return next();
    const originalUrl = request.url;
    request.url = '/index.html';
    files(request, response, (error?: unknown) => {
      request.url = originalUrl;
      next(error);
    });
  });
  return router;
}
