import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

/**
 * Runs a full garbage collection, when the runtime allows it. The driver reads each row packet into a
 * fresh buffer (twice over for a packet of megabytes: the socket's chunks, then the assembled payload), and
 * V8 frees such buffers only once tens of megabytes of them have piled up; rows of 15 MB values would take
 * the process past 150 MB before that. Collecting after such rows keeps memory at one packet's worth.
 */
function collectGarbage(): void {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}

let scheduled = false;

/**
 * Collects garbage once the current I/O callbacks are done (the driver holds a packet's socket chunks until
 * its row event returns), at most once per turn of the event loop; `release` first drops references the
 * collection should not keep alive.
 */
export function scheduleGarbageCollection({ release }: { release?: () => void } = {}): void {
  if (scheduled) return;
  scheduled = true;
  setImmediate(() => {
    scheduled = false;
    release?.();
    collectGarbage();
  });
}
