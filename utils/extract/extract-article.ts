import { Readability } from '@mozilla/readability';
import createDOMPurify from 'dompurify';
import { extractQuotes } from '../quotes';
import { detectArticle } from './detect-article';
import type { Article } from './types';

export interface ExtractOptions {
  /** Extra rules (site or user) applied with the generic ones. */
  rules?: unknown[];
}

/**
 * Turns a page into a clean Article. Works on a clone: the given document is never changed.
 * Minimal first version (Readability + DOMPurify); the full pipeline of DESIGN.md replaces it.
 */
export function extractArticle(doc: Document, url: string, _options: ExtractOptions = {}): Article {
  const detection = detectArticle(doc, url);
  const clone = doc.cloneNode(true) as Document;
  const parsed = new Readability(clone).parse();
  const view = doc.defaultView;
  if (!view) throw new Error('The document has no window to sanitize with');
  const purify = createDOMPurify(view as unknown as Parameters<typeof createDOMPurify>[0]);
  const html = purify.sanitize(parsed?.content ?? '');
  const text = (parsed?.textContent ?? '').trim();
  const paragraphs = text.split(/\n\s*\n/).filter(Boolean);
  const wordCount = text.split(/\s+/).filter(Boolean).length;
  const { quotes, speakers } = extractQuotes(paragraphs, parsed?.lang ?? null);
  return {
    url,
    isArticle: detection.isArticle,
    detection: { score: detection.score, signals: detection.signals },
    title: parsed?.title ?? doc.title ?? '',
    byline: parsed?.byline ?? null,
    siteName: parsed?.siteName ?? null,
    lang: parsed?.lang ?? null,
    publishedTime: parsed?.publishedTime ?? null,
    excerpt: parsed?.excerpt ?? null,
    text,
    html,
    wordCount,
    readingMinutes: Math.max(1, Math.round(wordCount / 230)),
    quotes,
    speakers,
    removed: [],
  };
}
