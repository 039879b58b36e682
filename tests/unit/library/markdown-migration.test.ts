import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  articleToHtml,
  articleToMarkdown,
  fileNameFor,
  LibraryDB,
  listIds,
  type SavedArticle,
  searchIds,
  useLibraryDb,
} from '../../../utils/library';
import { makeArticle } from './helpers';

const saved: SavedArticle = {
  ...makeArticle({
    title: 'Il "ponte": sì o no?',
    html: '<h2>Part</h2><p>Text with <a href="https://x.example">a link</a>.</p>',
  }),
  id: 'id-1',
  savedAt: '2024-05-01T10:00:00.000Z',
  tags: ['town', 'flood: risk'],
};

describe('articleToMarkdown', () => {
  it('writes YAML front matter with title, byline, site, url, dates and tags, then the body', () => {
    const md = articleToMarkdown(saved);
    expect(md).toBe(`---
title: "Il \\"ponte\\": sì o no?"
byline: "Maria Rossi"
site: "The Daily Harbour"
url: "https://news.example/harbour/barrier.html"
published: "2024-03-05T08:30:00Z"
saved: "2024-05-01T10:00:00.000Z"
lang: "en"
tags: ["town", "flood: risk"]
---

# Il "ponte": sì o no?

## Part

Text with [a link](https://x.example).
`);
  });

  it('writes null for missing metadata', () => {
    expect(articleToMarkdown({ ...saved, byline: null, publishedTime: null, tags: [] })).toMatch(
      /byline: null\n[\s\S]*published: null\n[\s\S]*tags: \[\]\n---/,
    );
  });

  it('makes a standalone HTML page with the fields escaped and a safe file name', () => {
    const html = articleToHtml({ ...saved, byline: '<b>Eve</b>' });
    expect(html).toContain('<title>Il &quot;ponte&quot;: sì o no?</title>');
    expect(html).toContain('&lt;b&gt;Eve&lt;/b&gt;');
    expect(html).toContain('<h2>Part</h2>');
    expect(html).not.toMatch(/<script|<link/);
    expect(fileNameFor(saved, 'md')).toBe('il-ponte-si-o-no.md');
  });
});

describe('schema migrations', () => {
  it('upgrades a version-1 library: articles kept, list and search indexes built', async () => {
    const name = `nitido-migrate-${process.pid}`;
    const v1 = new Dexie(name, { indexedDB, IDBKeyRange });
    v1.version(1).stores({ articles: 'id, &url, savedAt, *tags', images: '[articleId+url], articleId' });
    await v1.table('articles').bulkPut([
      { ...saved, id: 'old-1', url: 'https://x.example/1', savedAt: '2024-01-01T00:00:00.000Z' },
      {
        ...saved,
        id: 'old-2',
        url: 'https://x.example/2',
        title: 'Harvest',
        text: 'Apples',
        savedAt: '2024-02-01T00:00:00.000Z',
      },
    ]);
    v1.close();

    const db = new LibraryDB(name, { indexedDB, IDBKeyRange });
    useLibraryDb(db);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.articles.count()).toBe(2);
    expect(await listIds()).toEqual(['old-2', 'old-1']);
    expect(await searchIds('apples')).toEqual(new Set(['old-2']));
    expect((await db.entries.get('old-1'))?.sortTitle).toBe('il "ponte": si o no?');
    db.close();
  });
});
