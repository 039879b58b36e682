// The in-memory index of the library page: sort keys, filter values and a full-text inverted index of every
// article, so that searching, filtering and sorting 10,000 articles never waits on IndexedDB (whose reads of
// thousands of keys cost hundreds of milliseconds in Chromium). It is persisted as one compact snapshot
// (columns of strings, typed arrays) and kept exact by a change log: every write transaction adds the ids it
// touched to `changes`, and a page that loads the snapshot re-reads the articles changed after it.
import { type LibraryEntry, libraryDb } from './db';
import { entryOf, fold, termsOf } from './derive';
import { libraryGeneration } from './notify';
import type { SavedArticle } from './types';

/** What the list needs of an article to sort, filter and show it (so rows need no IndexedDB read). */
export interface IndexDoc {
  id: string;
  url: string;
  title: string;
  byline: string | null;
  publishedTime: string | null;
  savedAt: string;
  published: string;
  sortTitle: string;
  site: string;
  lang: string;
  tags: string[];
}

/** The stored form: one record, columns and typed arrays (cheap for IndexedDB to clone). */
export interface IndexSnapshot {
  key: 'index';
  /** The last change-log sequence number whose effect the snapshot holds. */
  stamp: number;
  docs: {
    id: string[];
    url: string[];
    title: string[];
    byline: (string | null)[];
    publishedTime: (string | null)[];
    savedAt: string[];
    published: string[];
    sortTitle: string[];
    site: string[];
    lang: string[];
    tags: string[][];
  };
  /** The sorted distinct terms, joined by '\n'; term i is dict.slice(starts[i], starts[i + 1] - 1). */
  dict: string;
  starts: Uint32Array;
  /** Postings of term i: postings.subarray(pstarts[i], pstarts[i + 1]), document numbers. */
  pstarts: Uint32Array;
  postings: Uint32Array;
}

export function docOf(entry: LibraryEntry): IndexDoc {
  return {
    id: entry.id,
    url: entry.url,
    title: entry.title,
    byline: entry.byline,
    publishedTime: entry.publishedTime,
    savedAt: entry.savedAt,
    published: entry.published,
    sortTitle: entry.sortTitle,
    site: entry.site,
    lang: entry.lang,
    tags: entry.tags,
  };
}

/** Builds a snapshot from documents and their terms (the terms of each document need not be sorted). */
export function buildSnapshot(items: Iterable<[IndexDoc, string[]]>, stamp: number): IndexSnapshot {
  const docs: IndexSnapshot['docs'] = {
    id: [],
    url: [],
    title: [],
    byline: [],
    publishedTime: [],
    savedAt: [],
    published: [],
    sortTitle: [],
    site: [],
    lang: [],
    tags: [],
  };
  const byTerm = new Map<string, number[]>();
  let n = 0;
  for (const [doc, terms] of items) {
    docs.id.push(doc.id);
    docs.url.push(doc.url);
    docs.title.push(doc.title);
    docs.byline.push(doc.byline);
    docs.publishedTime.push(doc.publishedTime);
    docs.savedAt.push(doc.savedAt);
    docs.published.push(doc.published);
    docs.sortTitle.push(doc.sortTitle);
    docs.site.push(doc.site);
    docs.lang.push(doc.lang);
    docs.tags.push(doc.tags);
    for (const term of terms) {
      let list = byTerm.get(term);
      if (!list) {
        list = [];
        byTerm.set(term, list);
      }
      list.push(n);
    }
    n++;
  }
  const terms = [...byTerm.keys()].sort();
  const starts = new Uint32Array(terms.length + 1);
  const pstarts = new Uint32Array(terms.length + 1);
  let total = 0;
  let offset = 0;
  terms.forEach((term, i) => {
    starts[i] = offset;
    offset += term.length + 1;
    pstarts[i] = total;
    total += (byTerm.get(term) as number[]).length;
  });
  starts[terms.length] = offset;
  pstarts[terms.length] = total;
  const postings = new Uint32Array(total);
  terms.forEach((term, i) => {
    postings.set(byTerm.get(term) as number[], pstarts[i]);
  });
  return {
    key: 'index',
    stamp,
    docs,
    dict: terms.length ? `${terms.join('\n')}\n` : '',
    starts,
    pstarts,
    postings,
  };
}

/** The range [lo, hi) of sorted terms that start with prefix, by binary search. */
function prefixRange(count: number, termAt: (i: number) => string, prefix: string): [number, number] {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (termAt(mid) < prefix) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  let top = count;
  while (end < top) {
    const mid = (end + top) >>> 1;
    if (termAt(mid).startsWith(prefix)) end = mid + 1;
    else top = mid;
  }
  return [lo, end];
}

export class LibraryIndex {
  private base: IndexSnapshot;
  /** Base documents that were deleted or changed since the snapshot. */
  private removed: Uint8Array;
  /** Documents added or changed since the snapshot, with their sorted terms. */
  private extra = new Map<string, { doc: IndexDoc; terms: string[] }>();
  /** Every current document, by id. */
  readonly docs = new Map<string, IndexDoc>();
  private baseNumber = new Map<string, number>();
  private orders = new Map<string, string[]>();
  /** The change-log sequence number this index reflects (at least). */
  seen: number;

  constructor(snapshot: IndexSnapshot) {
    this.base = snapshot;
    this.seen = snapshot.stamp;
    const d = snapshot.docs;
    this.removed = new Uint8Array(d.id.length);
    for (let i = 0; i < d.id.length; i++) {
      this.baseNumber.set(d.id[i], i);
      this.docs.set(d.id[i], {
        id: d.id[i],
        url: d.url[i],
        title: d.title[i],
        byline: d.byline[i],
        publishedTime: d.publishedTime[i],
        savedAt: d.savedAt[i],
        published: d.published[i],
        sortTitle: d.sortTitle[i],
        site: d.site[i],
        lang: d.lang[i],
        tags: d.tags[i],
      });
    }
  }

  get size(): number {
    return this.docs.size;
  }

  /** Puts an article's current state in (or takes it out, when doc is null). */
  apply(id: string, doc: IndexDoc | null, terms: string[] = []): void {
    const b = this.baseNumber.get(id);
    if (b !== undefined) this.removed[b] = 1;
    this.extra.delete(id);
    this.docs.delete(id);
    if (doc) {
      this.extra.set(id, { doc, terms: [...new Set(terms)].sort() });
      this.docs.set(id, doc);
    }
    this.orders.clear();
  }

  /** How many documents live outside the snapshot (when many do, a new snapshot pays off). */
  get pending(): number {
    return this.extra.size + this.removed.reduce((a, b) => a + b, 0);
  }

  /** The ids whose title, byline, site or text has a word starting with each word of the query. */
  search(words: string[]): Set<string> {
    const { dict, starts, pstarts, postings, docs } = this.base;
    const termAt = (i: number) => dict.slice(starts[i], starts[i + 1] - 1);
    const count = starts.length - 1;
    let result: Set<string> | undefined;
    // The longest words first: they match the fewest articles.
    for (const word of [...words].sort((a, b) => b.length - a.length)) {
      const found = new Set<string>();
      const [lo, hi] = prefixRange(count, termAt, word);
      for (let p = pstarts[lo]; p < pstarts[hi]; p++) {
        const doc = postings[p];
        if (!this.removed[doc]) found.add(docs.id[doc]);
      }
      for (const { doc, terms } of this.extra.values()) {
        const [a, z] = prefixRange(terms.length, (i) => terms[i], word);
        if (z > a) found.add(doc.id);
      }
      const prev = result;
      result = prev ? new Set([...found].filter((id) => prev.has(id))) : found;
      if (result.size === 0) break;
    }
    return result ?? new Set();
  }

  /** Every id in the order of sort (cached until the next change). */
  order(sort: 'savedAt' | 'published' | 'site' | 'title', descending: boolean): string[] {
    const key = `${sort}:${descending}`;
    const hit = this.orders.get(key);
    if (hit) return hit;
    // Sort keys computed once per document, not once per comparison.
    const docs = [...this.docs.values()].map((doc) => ({
      doc,
      key:
        sort === 'savedAt'
          ? doc.savedAt
          : sort === 'published'
            ? doc.published
            : sort === 'site'
              ? fold(doc.site)
              : doc.sortTitle,
    }));
    const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    const sign = descending ? -1 : 1;
    // Ties (same site, same title, same day) newest first.
    docs.sort(
      (a, b) => sign * cmp(a.key, b.key) || cmp(b.doc.savedAt, a.doc.savedAt) || cmp(a.doc.id, b.doc.id),
    );
    const ids = docs.map((d) => d.doc.id);
    this.orders.set(key, ids);
    return ids;
  }

  /** The index as one snapshot again (base minus removed, plus extra). */
  snapshot(): IndexSnapshot {
    const { docs, starts, pstarts, postings, dict } = this.base;
    const termsOfBase: string[][] = docs.id.map(() => []);
    for (let t = 0; t < starts.length - 1; t++) {
      const term = dict.slice(starts[t], starts[t + 1] - 1);
      for (let p = pstarts[t]; p < pstarts[t + 1]; p++) termsOfBase[postings[p]].push(term);
    }
    const self = this;
    function* items(): Generator<[IndexDoc, string[]]> {
      for (let i = 0; i < docs.id.length; i++) {
        if (!self.removed[i]) yield [self.docs.get(docs.id[i]) as IndexDoc, termsOfBase[i]];
      }
      for (const { doc, terms } of self.extra.values()) yield [doc, terms];
    }
    return buildSnapshot(items(), this.seen);
  }
}

const EMPTY = (): IndexSnapshot => buildSnapshot([], 0);
/** Articles re-read per IndexedDB request while catching up with the change log. */
const BATCH = 500;

let loading: Promise<LibraryIndex> | null = null;
let loadedFrom: unknown = null;
/** The library generation (notify.ts) at the last catch-up: no write since means nothing to read. */
let caughtUpAt = -1;

/**
 * The index of the current library database, loaded once per page (snapshot + the changes after it) and
 * brought up to date with the change log on every call — cheap when nothing changed.
 */
export async function libraryIndex(known?: Map<string, SavedArticle>): Promise<LibraryIndex> {
  const db = libraryDb();
  if (!loading || loadedFrom !== db) {
    loadedFrom = db;
    caughtUpAt = -1;
    loading = (async () => {
      const stored = (await db.search.get('index')) as IndexSnapshot | undefined;
      return new LibraryIndex(stored ?? EMPTY());
    })();
  }
  let index = await loading;
  const generation = libraryGeneration();
  if (known || generation !== caughtUpAt) {
    // Another page stored a newer snapshot and dropped the change-log rows it holds: this index can no
    // longer catch up row by row, so it starts again from that snapshot.
    const meta = (await db.search.get('meta')) as { stamp: number } | undefined;
    if (meta && meta.stamp > index.seen) {
      loading = (async () => new LibraryIndex((await db.search.get('index')) as IndexSnapshot))();
      index = await loading;
    }
    await catchUp(index, known);
    caughtUpAt = generation;
  }
  return index;
}

let catching: Promise<void> | null = null;
async function catchUp(index: LibraryIndex, known?: Map<string, SavedArticle>): Promise<void> {
  // One catch-up at a time: two at once would read the same changes twice.
  while (catching) await catching;
  catching = (async () => {
    const db = libraryDb();
    const changes = await db.changes.where(':id').above(index.seen).toArray();
    if (changes.length === 0) return;
    const all = [...new Set(changes.map((c) => c.id))];
    // Articles the caller holds (a whole import) are not read back.
    const ids = known ? all.filter((id) => !known.has(id)) : all;
    if (known)
      indexArticles(
        index,
        all.filter((id) => known.has(id)).map((id) => known.get(id) as SavedArticle),
      );
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      const articles = await db.articles.bulkGet(batch);
      batch.forEach((id, k) => {
        const article = articles[k];
        if (article) index.apply(id, docOf(entryOf(article)), termsOf(article));
        else index.apply(id, null);
      });
    }
    index.seen = Math.max(index.seen, ...changes.map((c) => c.seq as number));
  })();
  try {
    await catching;
  } finally {
    catching = null;
  }
}

function indexArticles(index: LibraryIndex, articles: SavedArticle[]): void {
  for (const article of articles) index.apply(article.id, docOf(entryOf(article)), termsOf(article));
}

/**
 * Stores the index as the new snapshot and drops the change-log rows it holds, in one transaction; a newer
 * snapshot written meanwhile by another page is kept instead.
 */
export async function persistIndex(index: LibraryIndex): Promise<void> {
  const snapshot = index.snapshot();
  const db = libraryDb();
  await db.transaction('rw', [db.search, db.changes], async () => {
    const current = (await db.search.get('index')) as IndexSnapshot | undefined;
    if (current && current.stamp >= snapshot.stamp) return;
    await db.search.put(snapshot);
    await db.search.put({ key: 'meta', stamp: snapshot.stamp } as unknown as IndexSnapshot);
    await db.changes.where(':id').belowOrEqual(snapshot.stamp).delete();
  });
}
