import type { Article } from '../extract/types';

/** Why a picture of an article was not stored (shown to the reader as a note). */
export type SkipReason =
  | 'too-large' // over the per-image cap
  | 'article-cap' // the article's pictures already fill the per-article cap, or there are too many
  | 'not-image' // the server answered with something that is not an image
  | 'http-error' // the server answered with an error status
  | 'unreachable' // network error, blocked by the server's CORS policy, or timed out
  | 'storage-full'; // the disk refused the pictures; the text was saved without them

export interface SkippedImage {
  url: string;
  reason: SkipReason;
}

/** A saved article: the engine's Article plus what the library adds. */
export interface SavedArticle extends Article {
  id: string;
  /** ISO date of the last save (a new save of the same URL moves it forward). */
  savedAt: string;
  tags: string[];
  /** What happened to the article's pictures at the last save (absent for imported articles). */
  images?: { stored: number; skipped: SkippedImage[] };
}

export type LibraryErrorCode = 'storage-full' | 'write-refused' | 'invalid-backup' | 'not-found';

/** An error the UI can explain to the reader: `code` picks the message, `message` says it in English. */
export class LibraryError extends Error {
  constructor(
    readonly code: LibraryErrorCode,
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'LibraryError';
  }
}
