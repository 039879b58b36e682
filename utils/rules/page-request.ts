// What the background may ask of the on-demand script in a tab (entrypoints/extractor.ts), besides a plain
// extraction: one with the reader's rules, the clean view of the selection, or the element picker.
import { type Article, type CleanRule, sanitizeHtmlEach } from '../extract';
import { extractOptionsFor, restoredFor } from './extract-options';
import { type Located, locateBlock } from './locate-block';
import { startPicker } from './picker';
import { selectionArticle } from './selection-article';

export interface RulesForPage {
  rules: CleanRule[];
  restored: Record<string, string[]>;
  /** Rule ids and block keys restored for this extraction only (the clean view's "Restore"). */
  exclude: string[];
}
export type PageRequest =
  | ({ kind: 'extract' } & RulesForPage)
  | ({ kind: 'selection' } & RulesForPage)
  | { kind: 'pick' }
  | { kind: 'locate'; text: string };

export type PageResult =
  | { ok: true; article: Article }
  | { ok: true; picking: true }
  | Located
  | { ok: false; error: string };

const plain = (article: Article): Article => JSON.parse(JSON.stringify(article)) as Article;
/** The removed blocks travel to the clean view: bounded, so one huge removed menu cannot bloat the message. */
const MAX_BLOCKS_PER_RULE = 20;
const MAX_BLOCK_HTML = 20_000;

/**
 * Removed blocks are page HTML: sanitized here, in the page, like the article. Parsing handler-laden HTML in an
 * extension page (even inertly, in DOMPurify's DOMParser document) makes Chrome report CSP violations there.
 */
function trimRemoved(article: Article, win: Window): Article {
  if (article.removedBlocks) {
    const groups = article.removedBlocks.map(({ rule, html, keys }) => ({
      rule,
      html: html.slice(0, MAX_BLOCKS_PER_RULE).map((h) => (h.length > MAX_BLOCK_HTML ? '' : h)),
      keys,
    }));
    // Every group's blocks in one sanitizer pass, then dealt back to their groups in order.
    const clean = sanitizeHtmlEach(
      groups.flatMap((g) => g.html),
      win,
    );
    let next = 0;
    article.removedBlocks = groups.map(({ rule, html, keys }) => {
      const blocks = html.map((_, i) => ({ key: keys[i], html: clean[next++] })).filter((b) => b.html.trim());
      return { rule, html: blocks.map((b) => b.html), keys: blocks.map((b) => b.key) };
    });
  }
  return article;
}

export function isPageRequest(x: unknown): x is PageRequest {
  return (
    typeof x === 'object' &&
    x !== null &&
    ['extract', 'selection', 'pick', 'locate'].includes((x as PageRequest).kind)
  );
}

/** Runs a request in the page (win is the tab's window, in the extension's isolated world). */
export function runPageRequest(
  win: Window & typeof globalThis,
  request: PageRequest,
  extract: (options: ReturnType<typeof extractOptionsFor>) => PageResult,
): PageResult {
  try {
    if (request.kind === 'locate') return locateBlock(win.document, String(request.text));
    if (request.kind === 'pick') {
      startPicker(win);
      return { ok: true, picking: true };
    }
    const host = win.location.hostname;
    const exclude = [...request.exclude, ...restoredFor(request, host)];
    const options = extractOptionsFor(request.rules, exclude);
    if (request.kind === 'extract') {
      const res = extract(options);
      return res.ok && 'article' in res ? { ok: true, article: trimRemoved(res.article, win) } : res;
    }
    const article = selectionArticle(win, { ...options, keepRemoved: false });
    return article
      ? { ok: true, article: plain(article) }
      : { ok: false, error: 'Nothing is selected on the page: select the article text first.' };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
