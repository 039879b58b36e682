// Reading the library for the list. The first screen comes straight from IndexedDB (a count and the first
// rows by an index); everything else — order, filters, search — from the in-memory index of library-index.ts,
// then only the rows on screen are fetched.
import { type LibraryEntry, libraryDb } from './db';
import { queryTerms } from './derive';
import { type IndexDoc, libraryIndex } from './library-index';

export type SortKey = 'savedAt' | 'published' | 'site' | 'title';

export interface ListQuery {
  sort?: SortKey;
  /** Default: newest first for dates, A→Z for site and title. */
  descending?: boolean;
  search?: string;
  site?: string;
  tag?: string;
  lang?: string;
}

const INDEX: Record<Exclude<SortKey, 'site'>, string> = {
  savedAt: 'savedAt',
  published: 'published',
  title: 'sortTitle',
};

export function defaultDescending(sort: SortKey): boolean {
  return sort === 'savedAt' || sort === 'published';
}

/** The ids of every article in the order of `sort`. */
export async function orderedIds(
  sort: SortKey = 'savedAt',
  descending = defaultDescending(sort),
): Promise<string[]> {
  return (await libraryIndex()).order(sort, descending);
}

/**
 * The first rows of the list straight from IndexedDB, without the index: what the page draws first while
 * the index loads. Null for the site order, which has no IndexedDB index to walk.
 */
export async function firstEntries(
  sort: SortKey,
  descending: boolean,
  limit: number,
): Promise<LibraryEntry[] | null> {
  if (sort === 'site') return null;
  const collection = libraryDb().entries.orderBy(INDEX[sort]);
  return (descending ? collection.reverse() : collection).limit(limit).toArray();
}

/**
 * The ids of the articles whose title, byline, site or text has, for every word of the query, a word that
 * starts with it ("gov fin" finds "government financing"; accents and case do not matter). Null when the
 * query has no word of two letters or more.
 */
export async function searchIds(search: string): Promise<Set<string> | null> {
  const words = queryTerms(search);
  if (words.length === 0) return null;
  return (await libraryIndex()).search(words);
}

/** The ids the list shows for a query, in order. */
export async function listIds(query: ListQuery = {}): Promise<string[]> {
  const index = await libraryIndex();
  const sort = query.sort ?? 'savedAt';
  const ids = index.order(sort, query.descending ?? defaultDescending(sort));
  const words = query.search ? queryTerms(query.search) : [];
  const found = words.length ? index.search(words) : null;
  const { site, tag, lang } = query;
  if (!found && site === undefined && tag === undefined && lang === undefined) return ids;
  return ids.filter((id) => {
    if (found && !found.has(id)) return false;
    const doc = index.docs.get(id);
    if (!doc) return false;
    return (
      (site === undefined || doc.site === site) &&
      (lang === undefined || doc.lang === lang) &&
      (tag === undefined || doc.tags.includes(tag))
    );
  });
}

/** The list rows of these ids, in the same order (missing ones — deleted meanwhile — left out). */
export async function getEntries(ids: string[]): Promise<LibraryEntry[]> {
  const rows = await libraryDb().entries.bulkGet(ids);
  return rows.filter((row): row is LibraryEntry => row !== undefined);
}

/** The list rows of these ids from the in-memory index (no IndexedDB read once it is loaded). */
export async function getRows(ids: string[]): Promise<IndexDoc[]> {
  const index = await libraryIndex();
  return ids.map((id) => index.docs.get(id)).filter((row): row is IndexDoc => row !== undefined);
}

/** How many articles the library holds. */
export function countArticles(): Promise<number> {
  return libraryDb().entries.count();
}

/** The values the filters offer: every site, tag and language in the library, sorted. */
export async function listFacets(): Promise<{ sites: string[]; tags: string[]; langs: string[] }> {
  const index = await libraryIndex();
  const sites = new Set<string>();
  const tags = new Set<string>();
  const langs = new Set<string>();
  for (const doc of index.docs.values()) {
    sites.add(doc.site);
    if (doc.lang) langs.add(doc.lang);
    for (const tag of doc.tags) tags.add(tag);
  }
  const sorted = (set: Set<string>) => [...set].filter(Boolean).sort((a, b) => a.localeCompare(b));
  return { sites: sorted(sites), tags: sorted(tags), langs: sorted(langs) };
}

/** Bytes this extension's origin stores (IndexedDB and the rest), when the browser says. */
export async function storageUsed(): Promise<{ usage: number; persisted: boolean } | null> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.estimate) return null;
  const [estimate, persisted] = await Promise.all([
    storage.estimate(),
    storage.persisted ? storage.persisted() : Promise.resolve(false),
  ]);
  return { usage: estimate.usage ?? 0, persisted };
}

/**
 * Asks the browser to keep the library when space runs short (unlimitedStorage already exempts the
 * extension in Chrome; Firefox may ask the user). Pages only: the API is not in service workers.
 */
export async function requestPersistence(): Promise<boolean> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persist) return false;
  try {
    return (await storage.persisted?.()) || (await storage.persist());
  } catch {
    return false;
  }
}
