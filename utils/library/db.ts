// The library's IndexedDB schema (Dexie), versioned from the first version. Every write that touches an
// article goes through one transaction over all the tables below, so a reader always finds the old or the
// new version of an article, never a mix (an aborted transaction — closed page, full disk — changes nothing).
import Dexie, { type DexieOptions, type Table } from 'dexie';
import { entryOf, termsOf } from './derive';
import type { SavedArticle } from './types';

/** One stored picture of an article, keyed by the article and the image URL found in its HTML. */
export interface StoredImage {
  articleId: string;
  url: string;
  blob: Blob;
  type: string;
  bytes: number;
}

/** The light row the list renders and sorts on: derived from the article, rewritten with it. */
export interface LibraryEntry {
  id: string;
  url: string;
  title: string;
  byline: string | null;
  /** siteName, or the host when the page gave none: what the list shows and the site filter uses. */
  site: string;
  /** '' when unknown, so the article still appears in the index (IndexedDB leaves out null keys). */
  lang: string;
  publishedTime: string | null;
  /** publishedTime or '' (same reason as lang). */
  published: string;
  savedAt: string;
  tags: string[];
  wordCount: number;
  excerpt: string | null;
  /** Lower-cased, accent-free title: sorting by title must not put "Zebra" before "apple". */
  sortTitle: string;
}

/** The full-text index of one article: its normalized words and their 2- and 3-letter prefixes. */
export interface TermsRow {
  id: string;
  terms: string[];
}

export class LibraryDB extends Dexie {
  articles!: Table<SavedArticle, string>;
  images!: Table<StoredImage, [string, string]>;
  entries!: Table<LibraryEntry, string>;
  terms!: Table<TermsRow, string>;

  /** options: tests hand in a fake indexedDB/IDBKeyRange. */
  constructor(name = 'nitido-library', options?: DexieOptions) {
    super(name, options);
    // Version 1: the articles and their images.
    this.version(1).stores({
      articles: 'id, &url, savedAt, *tags',
      images: '[articleId+url], articleId',
    });
    // Version 2: the list and search indexes, derived from the articles (filled here for a version-1 library)
    // so that neither the list nor the search has to read whole articles.
    this.version(2)
      .stores({
        entries: 'id, savedAt, published, sortTitle, [site+savedAt], site, lang, *tags',
        terms: 'id, *terms',
      })
      .upgrade(async (tx) => {
        const entries = tx.table<LibraryEntry, string>('entries');
        const terms = tx.table<TermsRow, string>('terms');
        await tx
          .table<SavedArticle, string>('articles')
          .toCollection()
          .each((article) => {
            entries.put(entryOf(article));
            terms.put({ id: article.id, terms: termsOf(article) });
          });
      });
  }
}

let current: LibraryDB | null = null;

/** The library database of this extension origin (opened once per page or worker). */
export function libraryDb(): LibraryDB {
  current ??= new LibraryDB();
  return current;
}

/** Tests and the benchmark point the library at another database (e.g. a fresh fake-indexeddb one). */
export function useLibraryDb(db: LibraryDB | null): void {
  current = db;
}
