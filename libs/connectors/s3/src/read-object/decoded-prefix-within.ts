import { jsonLength } from '@connectormcp/connector-kit';
import { decodeText } from '../detect-content.js';

/** The longest decoded prefix of `bytes` whose JSON string fits `maxJsonChars` (a binary search). */
export function decodedPrefixWithin({
  bytes,
  encoding,
  maxJsonChars,
}: {
  bytes: Uint8Array;
  encoding: string;
  maxJsonChars: number;
}): ReturnType<typeof decodeText> {
  let low = 0;
  let high = bytes.length;
  let best = decodeText({ bytes: bytes.subarray(0, 0), charset: encoding, final: false });
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    const candidate = decodeText({ bytes: bytes.subarray(0, middle), charset: encoding, final: false });
    if (jsonLength(candidate.text) <= maxJsonChars) {
      best = candidate;
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  return best;
}
