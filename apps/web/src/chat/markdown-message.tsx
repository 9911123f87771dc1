import Markdown, { type Components } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';

/**
 * Images the model points at are never fetched automatically: a URL built from the data (an injected
 * instruction, say) would otherwise send that data to whoever serves the image. Same-origin images and
 * data URLs are allowed, and the page's Content-Security-Policy `img-src` enforces the same rule.
 */
export function isAllowedImageSource({ source, origin }: { source: string; origin: string }): boolean {
  if (source.startsWith('data:image/')) return true;
  try {
    return new URL(source, origin).origin === origin;
  } catch {
    return false;
  }
}

const components: Components = {
  img: ({ src, alt }) => {
    const source = typeof src === 'string' ? src : '';
    if (isAllowedImageSource({ source, origin: window.location.origin }))
      return <img src={source} alt={alt ?? ''} className="max-w-full" />;
    return (
      <span
        className="rounded bg-slate-100 px-1 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300"
        title={source}
      >
        [image not loaded: {alt || 'external image'} — {source.slice(0, 80)}]
      </span>
    );
  },
  a: ({ href, children }) => (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer nofollow"
      referrerPolicy="no-referrer"
      className="text-indigo-600 underline dark:text-indigo-400"
    >
      {children}
    </a>
  ),
  table: ({ children }) => (
    <div className="my-2 overflow-auto">
      <table className="border-collapse text-sm [&_td]:border [&_td]:px-2 [&_td]:py-1 [&_th]:border [&_th]:px-2 [&_th]:py-1">
        {children}
      </table>
    </div>
  ),
};

/** The model's answer as Markdown: no raw HTML, sanitised, external images held back. */
export function MarkdownMessage({ text }: { text: string }) {
  return (
    <div className="prose-chat space-y-2 break-words">
      <Markdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]} components={components}>
        {text}
      </Markdown>
    </div>
  );
}
