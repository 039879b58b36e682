import { withQuotes } from './article-quotes';
import { deadlineFor, type ExtractOptions, extractArticleText } from './extract-article-text';
import type { Article } from './types';

/**
 * Turns a page into a clean Article (DESIGN.md's pipeline): steps 1–6 (extractArticleText, which is what the
 * extension's tab runs), then the quotes (step 7) within the same time budget.
 */
export function extractArticle(doc: Document, url: string, options: ExtractOptions = {}): Article {
  const deadline = deadlineFor(options);
  const article = extractArticleText(doc, url, options, deadline);
  return withQuotes(article, deadline);
}
