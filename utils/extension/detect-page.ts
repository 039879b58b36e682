// What the content script runs on every http(s) page: the engine's cheap detector plus a cheap reading-time
// estimate for the badge. Read-only on the live document, no Readability here (it stays out of the content script).
import { detectQuickly, type QuickDetection } from '../extract/detect-article';
import type { DetectedMessage } from '../messages';

const WORDS_PER_MINUTE = 230;
/** Characters per word, spaces included, in the languages we read (English, Italian, French, German, Spanish). */
const CHARS_PER_WORD = 6;

/**
 * Minutes to read that many characters of paragraphs (which detection reads anyway): no layout, no innerText, no
 * splitting into words (on the largest pages, splitting cost more than the detection itself).
 */
export function readingMinutesFor(chars: number): number {
  const words = chars / CHARS_PER_WORD;
  return words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** The message for the background: detection's answer and, on an article, its reading time (read here). */
export function detectedMessage(url: string, { detection, readingChars }: QuickDetection): DetectedMessage {
  return {
    type: 'detected',
    url,
    isArticle: detection.isArticle,
    score: detection.score,
    readingMinutes: detection.isArticle ? readingMinutesFor(readingChars()) : 0,
  };
}

export function detectPage(doc: Document, url: string): DetectedMessage {
  return detectedMessage(url, detectQuickly(doc, url));
}

/** The badge's short mark: reading minutes on an article ("4m"), nothing elsewhere. */
export function badgeTextFor(message: Pick<DetectedMessage, 'isArticle' | 'readingMinutes'>): string {
  if (!message.isArticle) return '';
  const minutes = Math.max(1, Math.round(message.readingMinutes));
  return minutes > 99 ? '99+' : `${minutes}m`;
}
