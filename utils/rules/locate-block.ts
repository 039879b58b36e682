// "Remove this" from the clean view: the clean view's blocks are Readability's copies (classes and ids gone), so
// the block the reader clicked is found again on the page by its text, and the picker's selector names it there.
import { selectorFor } from './css-path';

const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();
const CANDIDATES =
  'p, li, h1, h2, h3, h4, h5, h6, blockquote, figure, figcaption, pre, dd, dt, td, div, section, aside';

export type Located = { ok: true; selector: string; count: number } | { ok: false; error: string };

export function locateBlock(doc: Document, text: string): Located {
  const want = squeeze(text);
  if (!want || want.length > 5000) return { ok: false, error: 'That block has no text to find on the page.' };
  const root = doc.body ?? doc.documentElement;
  let found: Element | null = null;
  for (const el of root.querySelectorAll(CANDIDATES)) {
    if (squeeze(el.textContent ?? '') !== want) continue;
    // The outermost element holding exactly this text: its wrapper goes with it.
    found = el;
    break;
  }
  if (!found) return { ok: false, error: 'That block was not found on the page (it may have changed).' };
  const selector = selectorFor(found);
  return { ok: true, selector, count: doc.querySelectorAll(selector).length };
}
