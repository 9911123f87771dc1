import module from 'node:module';
import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';

/**
 * Turns on Node's compile cache (Node 22.1 and later): the code compiled for the modules loaded after this
 * call is kept on disk (in NODE_COMPILE_CACHE, or under the system's temp directory), so every start after
 * the first skips most of the compiling. A bin calls it first and loads the rest with import().
 *
 * It never throws and never prints: without the cache a start is only slower. NODE_DISABLE_COMPILE_CACHE=1
 * turns it off (Node reads it). A temp directory that does not exist is left alone: Node would try to
 * create it, and some paths (under /proc) make that loop forever.
 */
export function enableCompileCache(): void {
  try {
    if (!process.env.NODE_COMPILE_CACHE && !statSync(tmpdir(), { throwIfNoEntry: false })?.isDirectory()) return;
    module.enableCompileCache?.();
  } catch {
    // A cache that cannot be set up costs speed, never the start.
  }
}
