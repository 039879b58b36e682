import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  countArticles,
  deleteArticles,
  getEntries,
  LibraryDB,
  LibraryIndex,
  libraryIndex,
  listFacets,
  listIds,
  persistIndex,
  type SavedArticle,
  saveArticle,
  searchIds,
  tagArticles,
  untagArticles,
  useLibraryDb,
} from '../../../utils/library';
import { entryOf, termsOf } from '../../../utils/library/derive';
import { buildSnapshot, docOf } from '../../../utils/library/library-index';
import { freshLibrary, makeArticle } from './helpers';

let a: SavedArticle;
let b: SavedArticle;
let c: SavedArticle;
let db: LibraryDB;
beforeEach(async () => {
  db = freshLibrary();
  a = await saveArticle(
    makeArticle({
      url: 'https://one.example/a',
      title: 'Government financing plan',
      siteName: 'One',
      publishedTime: '2024-01-02',
    }),
    { images: false, now: () => new Date('2024-05-01'), tags: ['politics'] },
  );
  b = await saveArticle(
    makeArticle({
      url: 'https://two.example/b',
      title: 'Perché il governo cade',
      byline: 'Giulia Neri',
      siteName: null,
      lang: 'it-IT',
      text: 'La crisi del governo è iniziata ieri.',
      publishedTime: null,
    }),
    { images: false, now: () => new Date('2024-05-02') },
  );
  c = await saveArticle(
    makeArticle({
      url: 'https://one.example/c',
      title: 'apple harvest',
      siteName: 'One',
      text: 'Orchards everywhere.',
    }),
    { images: false, now: () => new Date('2024-05-03'), tags: ['food'] },
  );
});

describe('list', () => {
  it('lists newest first, and sorts by title, site and published date', async () => {
    expect(await listIds()).toEqual([c.id, b.id, a.id]);
    expect(await listIds({ sort: 'title' })).toEqual([c.id, a.id, b.id]);
    expect(await listIds({ sort: 'site' })).toEqual([c.id, a.id, b.id]);
    expect(await listIds({ sort: 'published' })).toEqual([c.id, a.id, b.id]);
    expect(await listIds({ sort: 'savedAt', descending: false })).toEqual([a.id, b.id, c.id]);
  });

  it('filters by site (the host when the page named none), tag and language', async () => {
    expect(await listIds({ site: 'One' })).toEqual([c.id, a.id]);
    expect(await listIds({ site: 'two.example' })).toEqual([b.id]);
    expect(await listIds({ tag: 'food' })).toEqual([c.id]);
    expect(await listIds({ lang: 'it' })).toEqual([b.id]);
    expect(await listFacets()).toEqual({
      sites: ['One', 'two.example'],
      tags: ['food', 'politics'],
      langs: ['en', 'it'],
    });
  });
});

describe('search', () => {
  it.each([
    ['gov', ['a', 'b']],
    ['govern', ['a', 'b']],
    ['government', ['a']],
    ['GOV fin', ['a']],
    ['perche', ['b']],
    ['Perché', ['b']],
    ['neri', ['b']],
    ['one', ['a', 'c']],
    ['orchards', ['c']],
    ['zebra', []],
  ])('"%s" finds %j', async (query, expected) => {
    const names = new Map([
      [a.id, 'a'],
      [b.id, 'b'],
      [c.id, 'c'],
    ]);
    const found = await searchIds(query);
    expect([...(found ?? [])].map((id) => names.get(id)).sort()).toEqual(expected);
  });

  it('a query without a word of two letters searches nothing, and search combines with filters and order', async () => {
    expect(await searchIds('a')).toBeNull();
    expect(await listIds({ search: 'gov', sort: 'title' })).toEqual([a.id, b.id]);
    expect(await listIds({ search: 'gov', lang: 'it' })).toEqual([b.id]);
  });
});

describe('tags and delete', () => {
  it('tags and untags many at once', async () => {
    expect(await tagArticles([a.id, b.id], ['read later'])).toBe(2);
    expect(await listIds({ tag: 'read later' })).toEqual([b.id, a.id]);
    expect(await untagArticles([a.id], ['read later', 'politics'])).toBe(1);
    expect((await getEntries([a.id]))[0].tags).toEqual([]);
  });

  it('deletes with undo', async () => {
    const deleted = await deleteArticles([a.id, c.id]);
    expect(deleted.count).toBe(2);
    expect(await listIds()).toEqual([b.id]);
    expect(await searchIds('orchards')).toEqual(new Set());
    expect(await deleted.undo()).toBe(2);
    expect(await listIds()).toEqual([c.id, b.id, a.id]);
    expect(await searchIds('orchards')).toEqual(new Set([c.id]));
    expect(await countArticles()).toBe(3);
  });
});

describe('the search index snapshot', () => {
  it('is stored, loads back the same, and catches up with the changes made after it', async () => {
    await persistIndex(await libraryIndex());
    expect(await db.changes.count()).toBe(0);
    const stored = await db.search.get('index');
    const loaded = new LibraryIndex(stored!);
    expect([...loaded.search(['gov'])].sort()).toEqual([a.id, b.id].sort());
    expect(loaded.order('title', false)).toEqual([c.id, a.id, b.id]);

    // Another page (or the background) writes: this page's index learns it from the change log only.
    await deleteArticles([a.id]);
    const d = await saveArticle(makeArticle({ url: 'https://three.example/d', title: 'Governor elected' }), {
      images: false,
    });
    // A fresh page (a new connection): the index loads from the snapshot, then reads the two changes.
    useLibraryDb(new LibraryDB(db.name, { indexedDB, IDBKeyRange }));
    expect(await searchIds('gov')).toEqual(new Set([b.id, d.id]));
    const index = await libraryIndex();
    expect(index.pending).toBe(2);
    await persistIndex(index);
    expect(await db.changes.count()).toBe(0);
    expect(new LibraryIndex((await db.search.get('index'))!).search(['gov'])).toEqual(new Set([b.id, d.id]));
  });

  it('a page whose index is older than a snapshot stored by another page starts again from that snapshot', async () => {
    const pageA = await libraryIndex(); // this page's index, up to date
    const d = await saveArticle(makeArticle({ url: 'https://three.example/d', title: 'Governor elected' }), {
      images: false,
    });
    // Another page indexes everything and stores its snapshot, which drops the change-log rows.
    const all = await db.articles.toArray();
    const other = new LibraryIndex(
      buildSnapshot(
        all.map((a) => [docOf(entryOf(a)), termsOf(a)]),
        (await db.changes.orderBy(':id').last())?.seq ?? 0,
      ),
    );
    await persistIndex(other);
    expect(await db.changes.count()).toBe(0);
    expect(pageA.docs.has(d.id)).toBe(false);
    // This page hears of the save: the change row is gone, so only the snapshot can tell it about d.
    expect(await searchIds('governor')).toEqual(new Set([d.id]));
  });
});
