import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eachMapping, TraceMap, type SourceMapInput } from '@jridgewell/trace-mapping';
import type { Page } from 'playwright-core';

type ScriptCoverage = Awaited<ReturnType<Page['coverage']['stopJSCoverage']>>[number];

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const sourceDirectory = fileURLToPath(new URL('../src/', import.meta.url));
// Where vite.config.ts keeps the build's source maps: inside dist/ but in a dot directory, which the API
// does not serve, and the bundles name no map (`sourcemap: 'hidden'`).
const sourceMaps = join(dist, '.sourcemaps');
// Set by tools/scripts/jest-coverage-reporter.js while a test run collects coverage; the results processor
// adds the line hits written there to the project's coverage.
const lineHitsDirectory = process.env.CONNECTORMCP_LINE_HITS;

export interface BrowserCoverage {
  /**
   * Takes what ran so far; call it before the page navigates or reloads: Chromium keeps no coverage of a
   * document that is gone (`resetOnNavigation: false` keeps only the few functions still referenced).
   */
  collect(): Promise<void>;
  /** Stops recording and writes the line hits; call it before the page closes. */
  stop(): Promise<void>;
}

/** Records which lines of the app's src/ Chromium runs, when the test run collects coverage. */
export async function recordBrowserCoverage({
  page,
  appUrl,
}: {
  page: Page;
  appUrl: string;
}): Promise<BrowserCoverage> {
  if (!lineHitsDirectory) return { collect: async () => {}, stop: async () => {} };
  const directory = lineHitsDirectory;
  const assets = `${new URL(appUrl).origin}/assets/`;
  const hits: Record<string, Record<number, number>> = {};
  // Coverage is a figure to read, not a gate (as in the results processor): the tests stand without it.
  const warn = (error: unknown) =>
    console.warn(`browser coverage could not be recorded: ${error instanceof Error ? error.message : error}`);
  const take = async () => {
    for (const script of await page.coverage.stopJSCoverage()) {
      if (script.url.startsWith(assets)) await addLineHits({ script, hits });
    }
  };
  await page.coverage.startJSCoverage({ resetOnNavigation: false });
  return {
    collect: () => take().then(() => page.coverage.startJSCoverage({ resetOnNavigation: false }), warn),
    stop: () =>
      take()
        .then(() => writeFile(join(directory, `browser-${randomUUID()}.json`), JSON.stringify(hits)))
        .catch(warn),
  };
}

/**
 * Maps one script's V8 coverage to lines of src/ through the build's source map. The bundles are minified
 * and hold many modules, where mapping only the ends of V8's ranges (as c8 does) loses most uncovered
 * ranges and reports them as run; instead every mapped position of the bundle takes the count of the
 * innermost range around it, and an original line counts as run when one of its positions ran.
 */
async function addLineHits({ script, hits }: { script: ScriptCoverage; hits: Record<string, Record<number, number>> }) {
  const mapFile = join(sourceMaps, `${new URL(script.url).pathname.slice(1)}.map`);
  // The bundler's runtime has no map, and no source in src/ either.
  if (!existsSync(mapFile) || script.source === undefined) return;
  const counts = new Float64Array(script.source.length);
  // V8's ranges nest: painted outermost first, each position ends with its innermost range's count.
  const ranges = script.functions
    .flatMap((entry) => entry.ranges)
    .sort((left, right) => left.startOffset - right.startOffset || right.endOffset - left.endOffset);
  for (const range of ranges) counts.fill(range.count, range.startOffset, range.endOffset);
  const lineStarts = [0];
  for (const match of script.source.matchAll(/\n/g)) lineStarts.push(match.index + 1);
  const map = new TraceMap(JSON.parse(await readFile(mapFile, 'utf8')) as SourceMapInput);
  eachMapping(map, (mapping) => {
    if (mapping.source === null) return;
    const file = resolve(dirname(mapFile), mapping.source);
    if (!file.startsWith(sourceDirectory)) return;
    const count = counts[lineStarts[mapping.generatedLine - 1]! + mapping.generatedColumn] ?? 0;
    const lines = (hits[file] ??= {});
    lines[mapping.originalLine] = Math.max(lines[mapping.originalLine] ?? 0, count);
  });
}
