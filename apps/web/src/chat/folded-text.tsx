import { useState } from 'react';

const foldAfterCharacters = 1_200;
const foldAfterLines = 14;

/** Whether a message is long enough to fold in the transcript. */
export function isLongText({ text }: { text: string }): boolean {
  return text.length > foldAfterCharacters || text.split('\n').length > foldAfterLines;
}

function foldedPart({ text }: { text: string }): string {
  return text.split('\n').slice(0, foldAfterLines).join('\n').slice(0, foldAfterCharacters);
}

const characterCount = new Intl.NumberFormat();

/** A long message (a pasted log, a query) shows its beginning until someone unfolds it. */
export function FoldedText({ text }: { text: string }) {
  const [open, setOpen] = useState(false);
  if (!isLongText({ text })) return <>{text}</>;
  return (
    <>
      {open ? text : `${foldedPart({ text })}…`}
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="mt-1 block text-xs font-medium underline"
      >
        {open ? 'Show less' : `Show the whole message (${characterCount.format(text.length)} characters)`}
      </button>
    </>
  );
}
