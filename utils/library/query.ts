// Reading the library for the list: ids in the chosen order, filtered and searched with IndexedDB indexes
// (no whole article is read, and nothing has to be loaded or built when the page opens), then only the rows
// on screen are fetched.
import { type LibraryEntry, libraryDb } from './db';
import { queryTerms } from './derive';

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

const INDEX: Record<SortKey, string> = {
  savedAt: 'savedAt',
  published: 'published',
  site: '[site+savedAt]',
  title: 'sortTitle',
};

export function defaultDescending(sort: SortKey): boolean {
  return sort === 'savedAt' || sort === 'published';
}

/** The ids of every article in the order of `sort` (keys only: cheap even at 10,000 articles). */
export async function orderedIds(sort: SortKey = 'savedAt', descending = defaultDescending(sort)) {
  const collection = libraryDb().entries.orderBy(INDEX[sort]);
  const ids = (await collection.primaryKeys()) as string[];
  if (sort !== 'site') return descending ? ids.reverse() : ids;
  // Sites in alphabetical order (or reversed), and within a site the newest first, as everywhere else.
  const keys = (await collection.keys()) as unknown as [string, string][];
  const groups: string[][] = [];
  let site: string | undefined;
  for (let i = ids.length - 1; i >= 0; i--) {
    if (keys[i][0] !== site) {
      site = keys[i][0];
      groups.push([]);
    }
    groups[groups.length - 1].push(ids[i]);
  }
  if (!descending) groups.reverse();
  return groups.flat();
}

/**
 * The ids of the articles whose title, byline, site or text has, for every word of the query, a word that
 * starts with it ("gov fin" finds "government financing"). Null when the query has no word to look for.
 * Words of up to three letters are exact lookups of the stored prefixes; longer ones are index ranges.
 */
export async function searchIds(search: string): Promise<Set<string> | null> {
  const terms = queryTerms(search);
  if (terms.length === 0) return null;
  const table = libraryDb().terms;
  // The longest words first: they match the fewest articles, so the intersection shrinks fastest.
  terms.sort((a, b) => b.length - a.length);
  let result: Set<string> | undefined;
  for (const term of terms) {
    const clause = table.where('terms');
    const keys = (await (term.length <= 3
      ? clause.equals(term)
      : clause.startsWith(term)
    ).primaryKeys()) as string[];
    const prev = result;
    result = new Set(prev ? keys.filter((k) => prev.has(k)) : keys);
    if (result.size === 0) break;
  }
  return result ?? null;
}

async function filterIds(query: ListQuery): Promise<Set<string>[]> {
  const db = libraryDb();
  const sets: Set<string>[] = [];
  const by = async (index: string, value: string) =>
    new Set((await db.entries.where(index).equals(value).primaryKeys()) as string[]);
  if (query.site !== undefined) sets.push(await by('site', query.site));
  if (query.tag !== undefined) sets.push(await by('tags', query.tag));
  if (query.lang !== undefined) sets.push(await by('lang', query.lang));
  if (query.search?.trim()) {
    const found = await searchIds(query.search);
    if (found) sets.push(found);
  }
  return sets;
}

/** The ids the list shows for a query, in order. */
export async function listIds(query: ListQuery = {}): Promise<string[]> {
  const sort = query.sort ?? 'savedAt';
  const [ids, sets] = await Promise.all([
    orderedIds(sort, query.descending ?? defaultDescending(sort)),
    filterIds(query),
  ]);
  if (sets.length === 0) return ids;
  sets.sort((a, b) => a.size - b.size);
  return ids.filter((id) => sets.every((s) => s.has(id)));
}

/** The list rows of these ids, in the same order (missing ones — deleted meanwhile — left out). */
export async function getEntries(ids: string[]): Promise<LibraryEntry[]> {
  const rows = await libraryDb().entries.bulkGet(ids);
  return rows.filter((row): row is LibraryEntry => row !== undefined);
}

/** How many articles the library holds. */
export function countArticles(): Promise<number> {
  return libraryDb().entries.count();
}

/** The values the filters offer: every site, tag and language in the library, sorted. */
export async function listFacets(): Promise<{ sites: string[]; tags: string[]; langs: string[] }> {
  const e = libraryDb().entries;
  const [sites, tags, langs] = await Promise.all([
    e.orderBy('site').uniqueKeys(),
    e.orderBy('tags').uniqueKeys(),
    e.orderBy('lang').uniqueKeys(),
  ]);
  const strings = (keys: unknown[]) => keys.filter((k): k is string => typeof k === 'string' && k !== '');
  return { sites: strings(sites), tags: strings(tags), langs: strings(langs) };
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
