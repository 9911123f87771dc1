import { useEffect, useState } from 'react';
import { base64ToBlob } from './base64-to-blob.js';

// Raster formats browsers show safely in <img>; an SVG in <img> runs no script either.
const imageTypes = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/bmp',
  'image/svg+xml',
]);

export const isPreviewableImageType = (type: string | null | undefined) =>
  Boolean(type && imageTypes.has(type.toLowerCase().split(';')[0]!.trim()));

/**
 * An image from the tool's base64 bytes, through a blob: URL made in the page: the browser fetches
 * nothing from anywhere else.
 */
export function ImagePreview({ base64, type, alt }: { base64: string; type: string; alt: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let objectUrl: string | null = null;
    try {
      objectUrl = URL.createObjectURL(base64ToBlob({ base64, type }));
      setUrl(objectUrl);
      setFailed(false);
    } catch {
      setFailed(true);
    }
    return () => {
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [base64, type]);
  if (failed) return <p className="text-sm text-slate-500 dark:text-slate-400">The image data could not be read.</p>;
  if (!url) return null;
  return (
    <img
      src={url}
      alt={alt}
      onError={() => setFailed(true)}
      className="max-h-96 max-w-full rounded-md border border-slate-200 bg-[conic-gradient(#e2e8f0_25%,transparent_0_50%,#e2e8f0_0_75%,transparent_0)] bg-[length:16px_16px] object-contain dark:border-slate-700"
    />
  );
}
