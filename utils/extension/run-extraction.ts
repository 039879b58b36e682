// Runs inside the reader's tab (loaded on demand). extractArticle works on its own clone of the document (its
// contract: the given document is never changed) and needs the live one's window for DOMPurify, so it gets the
// live document. Returns plain JSON, which is all executeScript and messaging can carry back. The tab only reads the
// page: the background finds the quotes (extract-in-tab.ts), so this file leaves the quote finder out.
import { type Article, type CleanRule, type ExtractOptions, extractArticleText } from '../extract';
import { TIME_BUDGET_MS } from '../extract/time-budget';
import { EXTRACTOR_GLOBAL } from '../messages';
import { isPageRequest, type PageResult, runPageRequest } from '../rules/page-request';

export type InPageResult = { ok: true; article: Article } | { ok: false; error: string };

export function runExtraction(
  doc: Document,
  url: string,
  rules: CleanRule[] = [],
  options: ExtractOptions = {},
): InPageResult {
  try {
    // The tab waits for us (this runs on its main thread): a page too big to read in time gets a clear message.
    const article = extractArticleText(doc, url, { rules, timeBudgetMs: TIME_BUDGET_MS, ...options });
    if (!article.text.trim()) return { ok: false, error: 'No readable text was found on this page.' };
    // Structured cloning through executeScript or messaging keeps only plain data; make that explicit here.
    return { ok: true, article: JSON.parse(JSON.stringify(article)) as Article };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

export function installExtractor(global: typeof globalThis): void {
  (global as unknown as Record<string, (rules?: unknown) => InPageResult | PageResult>)[EXTRACTOR_GLOBAL] = (
    rules,
  ) =>
    // A request of the reader's rules (restorations, removed blocks, selection, picker), or plain rules.
    isPageRequest(rules)
      ? runPageRequest(global as Window & typeof globalThis, rules, (options) =>
          runExtraction(global.document, global.location.href, [], options),
        )
      : runExtraction(global.document, global.location.href, Array.isArray(rules) ? rules : []);
}
