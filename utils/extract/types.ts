/** The JSON that the engine, the command line and the library share (see DESIGN.md). */
export interface Article {
  file?: string;
  url: string;
  isArticle: boolean;
  detection: { score: number; signals: string[] };
  title: string;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  publishedTime: string | null;
  excerpt: string | null;
  /** Plain text, paragraphs separated by blank lines. */
  text: string;
  /** Sanitized article HTML. */
  html: string;
  wordCount: number;
  readingMinutes: number;
  quotes: Quote[];
  speakers: Speaker[];
  /** Which cleaning rules removed how many blocks. */
  removed: { rule: string; count: number }[];
  /**
   * Only with the option keepRemoved: the removed blocks' HTML (unsanitized: sanitize before showing), by rule,
   * with each block's key (same order) for restoring that block alone (ExtractOptions.keepBlocks).
   */
  removedBlocks?: { rule: string; html: string[]; keys: string[] }[];
  /** Only with keepRemoved: the blocks of ExtractOptions.keepBlocks found (and kept in place), with their text. */
  keptBlocks?: { rule: string; key: string; text: string }[];
  /** Signs that the page holds only part of the article (paywall, "continue reading" cut, collapsed body). */
  truncation?: { truncated: boolean; reasons: string[] };
}

export interface Quote {
  text: string;
  /** Full resolved name, or null when no speaker could be found. */
  speaker: string | null;
  role: string | null;
  /** Index of the paragraph (in Article.text split on blank lines) where the quote starts. */
  paragraph: number;
  confidence: number;
}

export interface Speaker {
  name: string;
  role: string | null;
  quotes: number;
}

export interface Detection {
  isArticle: boolean;
  score: number;
  signals: string[];
}
