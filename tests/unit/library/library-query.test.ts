import { beforeEach, describe, expect, it } from 'vitest';
import {
  countArticles,
  deleteArticles,
  getEntries,
  listFacets,
  listIds,
  type SavedArticle,
  saveArticle,
  searchIds,
  tagArticles,
  untagArticles,
} from '../../../utils/library';
import { freshLibrary, makeArticle } from './helpers';

let a: SavedArticle;
let b: SavedArticle;
let c: SavedArticle;
beforeEach(async () => {
  freshLibrary();
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
