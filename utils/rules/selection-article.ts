// The manual fallback: the clean view of what the reader selected on the page, when detection or extraction got
// it wrong. Page metadata (title, byline, date) comes from a normal extraction when one succeeds; the text and HTML
// come from the selection alone, sanitized like any article. It runs in the tab, which only reads the page: the
// background finds the quotes (utils/extension/extract-in-tab.ts), in the paragraphs of its text.
import { type Article, type ExtractOptions, extractArticleText, sanitizeHtml } from '../extract';

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td';

export function selectionArticle(win: Window, options: ExtractOptions = {}): Article | null {
  const doc = win.document;
  const sel = win.getSelection();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  const holder = doc.createElement('div');
  for (let i = 0; i < sel.rangeCount; i++) holder.append(sel.getRangeAt(i).cloneContents());
  // Links and images keep working in the clean view.
  for (const a of holder.querySelectorAll('a[href]')) a.setAttribute('href', (a as HTMLAnchorElement).href);
  for (const img of holder.querySelectorAll('img[src]'))
    img.setAttribute('src', (img as HTMLImageElement).src);
  let html = sanitizeHtml(holder.innerHTML, win);
  // Read the text in an inert document: nothing in it loads.
  const inert = doc.implementation.createHTMLDocument('');
  inert.body.innerHTML = html;
  let blocks = [...inert.body.querySelectorAll(BLOCKS)].filter((b) => !b.querySelector(BLOCKS));
  if (!blocks.length) {
    const p = inert.createElement('p');
    p.textContent = inert.body.textContent ?? '';
    inert.body.replaceChildren(p);
    html = inert.body.innerHTML;
    blocks = [p];
  }
  const paragraphs = blocks.map((b) => (b.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);
  const text = paragraphs.join('\n\n');
  if (!text) return null;
  let base: Article | null = null;
  try {
    base = extractArticleText(doc, win.location.href, options);
  } catch {
    /* the page defeats the extractor: the selection alone, with the page's title */
  }
  const lang = base?.lang ?? doc.documentElement.lang ?? null;
  const wordCount = text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
  return {
    url: win.location.href,
    isArticle: true,
    detection: base?.detection ?? { score: 0, signals: [] },
    title: base?.title || doc.title || '',
    byline: base?.byline ?? null,
    siteName: base?.siteName ?? null,
    lang: lang || null,
    publishedTime: base?.publishedTime ?? null,
    excerpt: paragraphs[0]?.slice(0, 300) ?? null,
    text,
    html,
    wordCount,
    readingMinutes: Math.max(1, Math.round(wordCount / 230)),
    quotes: [],
    speakers: [],
    removed: [],
  };
}
