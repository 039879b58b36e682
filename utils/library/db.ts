// The library's IndexedDB schema (Dexie), versioned from the first version. Every write that touches an
// article goes through one transaction over all the tables below, so a reader always finds the old or the
// new version of an article, never a mix (an aborted transaction — closed page, full disk — changes nothing).
import Dexie, { type DexieOptions, type Table } from 'dexie';
import { entryOf } from './derive';
import type { IndexSnapshot } from './library-index';
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

/** One row per article touched by a write, in commit order: what the search index catches up with. */
export interface ChangeRow {
  seq?: number;
  id: string;
}

export class LibraryDB extends Dexie {
  articles!: Table<SavedArticle, string>;
  images!: Table<StoredImage, [string, string]>;
  entries!: Table<LibraryEntry, string>;
  search!: Table<IndexSnapshot, string>;
  changes!: Table<ChangeRow, number>;

  /** options: tests hand in a fake indexedDB/IDBKeyRange. */
  constructor(name = 'nitido-library', options?: DexieOptions) {
    super(name, options);
    // Version 1: the articles and their images.
    this.version(1).stores({
      articles: 'id, &url, savedAt, *tags',
      images: '[articleId+url], articleId',
    });
    // Version 2: the list's rows and the search index, derived from the articles (see library-index.ts), so
    // that neither the list nor the search reads whole articles. For a version-1 library the rows are built
    // here, and every article is logged as changed so that the first library page indexes it.
    this.version(2)
      .stores({
        entries: 'id, savedAt, published, sortTitle',
        search: 'key',
        changes: '++seq',
      })
      .upgrade(async (tx) => {
        const entries = tx.table<LibraryEntry, string>('entries');
        const changes = tx.table<ChangeRow, number>('changes');
        await tx
          .table<SavedArticle, string>('articles')
          .toCollection()
          .each((article) => {
            entries.put(entryOf(article));
            changes.add({ id: article.id });
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
