import type { Detection } from './types';

/** Cheap article detection; runs on every page load (content script). Minimal first version. */
export function detectArticle(doc: Document, _url: string): Detection {
  const signals: string[] = [];
  if (doc.querySelector('meta[property="og:type"][content="article"]')) signals.push('og:type');
  if (doc.querySelector('article')) signals.push('article-element');
  const score = signals.length / 2;
  return { isArticle: score >= 0.5, score, signals };
}
