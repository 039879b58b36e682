// What the content script runs on every http(s) page: the engine's cheap detector plus a cheap reading-time
// estimate for the badge. Read-only on the live document, no Readability here (it stays out of the content script).
import { detectArticle } from '../extract/detect-article';
import type { DetectedMessage } from '../messages';

const WORDS_PER_MINUTE = 230;
/** Characters per word, spaces included, in the languages we read (English, Italian, French, German, Spanish). */
const CHARS_PER_WORD = 6;
/** Paragraphs shorter than this are usually captions, teasers or buttons, not article text. */
const MIN_PARAGRAPH_CHARS = 40;

/**
 * Minutes to read the page's main text, from the length of its paragraphs: no layout, no innerText, no splitting
 * into words (on the largest pages, splitting cost more than the detection itself).
 */
export function estimateReadingMinutes(doc: Document): number {
  const root = doc.querySelector('article') ?? doc.body;
  if (!root) return 0;
  let chars = 0;
  for (const p of root.querySelectorAll('p')) {
    const length = p.textContent?.length ?? 0;
    if (length >= MIN_PARAGRAPH_CHARS) chars += length;
  }
  const words = chars / CHARS_PER_WORD;
  return words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

export function detectPage(doc: Document, url: string): DetectedMessage {
  const detection = detectArticle(doc, url);
  return {
    type: 'detected',
    url,
    isArticle: detection.isArticle,
    score: detection.score,
    readingMinutes: detection.isArticle ? estimateReadingMinutes(doc) : 0,
  };
}

/** The badge's short mark: reading minutes on an article ("4m"), nothing elsewhere. */
export function badgeTextFor(message: Pick<DetectedMessage, 'isArticle' | 'readingMinutes'>): string {
  if (!message.isArticle) return '';
  const minutes = Math.max(1, Math.round(message.readingMinutes));
  return minutes > 99 ? '99+' : `${minutes}m`;
}
