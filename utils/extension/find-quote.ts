// The clean view's quote list scrolls to a quote in the article: find the block that holds it by its text.

const normalize = (s: string) =>
  s
    .toLowerCase()
    .replace(/[“”„«»"'‘’]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The first block (paragraph, list item, quote) of root whose text contains the start of quoteText. */
export function findQuoteElement(root: ParentNode, quoteText: string): Element | null {
  const needle = normalize(quoteText).slice(0, 60);
  if (!needle) return null;
  for (const el of root.querySelectorAll('p, li, blockquote, h2, h3, h4, figcaption, td, div')) {
    if (el.querySelector('p, li, blockquote')) continue;
    if (normalize(el.textContent ?? '').includes(needle)) return el;
  }
  return null;
}
