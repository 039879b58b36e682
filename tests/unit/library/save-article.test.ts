import { beforeEach, describe, expect, it } from 'vitest';
import {
  countArticles,
  getArticle,
  getStoredArticle,
  IMAGE_CAPS,
  type LibraryDB,
  LibraryError,
  listIds,
  saveArticle,
  searchIds,
} from '../../../utils/library';
import { fakeFetch, freshLibrary, makeArticle } from './helpers';

let db: LibraryDB;
beforeEach(() => {
  db = freshLibrary();
});

describe('saveArticle', () => {
  it('saves the article with savedAt, tags and its URL, and lists it', async () => {
    const saved = await saveArticle(makeArticle(), { tags: ['town', ' town ', ''], images: false });
    expect(saved.tags).toEqual(['town']);
    expect(Date.parse(saved.savedAt)).not.toBeNaN();
    expect(await listIds()).toEqual([saved.id]);
    const stored = await getStoredArticle(saved.id);
    expect(stored?.title).toBe('Harbour council approves the tide barrier');
    expect(stored?.url).toBe('https://news.example/harbour/barrier.html');
  });

  it('updates the article of a URL already saved instead of duplicating it, keeping its tags', async () => {
    const first = await saveArticle(makeArticle(), { tags: ['town'], images: false });
    const second = await saveArticle(
      makeArticle({ url: `${first.url}#comments`, title: 'Barrier approved (updated)' }),
      {
        tags: ['flood'],
        images: false,
      },
    );
    expect(second.id).toBe(first.id);
    expect(second.tags).toEqual(['town', 'flood']);
    expect(await countArticles()).toBe(1);
    expect((await db.entries.get(first.id))?.title).toBe('Barrier approved (updated)');
  });

  it('lands both of two saves made at once, and one URL saved twice at once stays one article', async () => {
    const [a, b] = await Promise.all([
      saveArticle(makeArticle({ url: 'https://news.example/a' }), { images: false }),
      saveArticle(makeArticle({ url: 'https://news.example/b' }), { images: false }),
    ]);
    expect(a.id).not.toBe(b.id);
    const [c, d] = await Promise.all([
      saveArticle(makeArticle({ url: 'https://news.example/c' }), { tags: ['x'], images: false }),
      saveArticle(makeArticle({ url: 'https://news.example/c' }), { tags: ['y'], images: false }),
    ]);
    expect(c.id).toBe(d.id);
    expect(await countArticles()).toBe(3);
    expect((await getStoredArticle(c.id))?.tags.sort()).toEqual(['x', 'y']);
  });

  it('stores the pictures as blobs and lists the ones it skipped, with the reason', async () => {
    const big = new Uint8Array(IMAGE_CAPS.perImage + 1);
    const { fetch } = fakeFetch({
      'https://cdn.example/one.png': { body: new Uint8Array([137, 80, 78, 71]), type: 'image/png' },
      'https://news.example/harbour/rel.jpg': { body: new Uint8Array([255, 216, 255]), type: 'image/jpeg' },
      'https://cdn.example/huge.png': { body: big, type: 'image/png' },
      'https://cdn.example/page.html': { body: '<html>', type: 'text/html' },
      'https://cdn.example/gone.png': { body: '', type: 'text/html', status: 404 },
    });
    const html = [
      '<p>Text</p><img src="https://cdn.example/one.png" alt="">',
      '<img src="rel.jpg"><img src="https://cdn.example/huge.png">',
      '<img src="https://cdn.example/page.html"><img src="https://cdn.example/gone.png">',
      '<img src="https://cdn.example/offline.png"><img src="https://cdn.example/one.png">',
    ].join('');
    const saved = await saveArticle(makeArticle({ html }), { fetch });
    expect(saved.images?.stored).toBe(2);
    expect(saved.images?.skipped).toEqual([
      { url: 'https://cdn.example/huge.png', reason: 'too-large' },
      { url: 'https://cdn.example/page.html', reason: 'not-image' },
      { url: 'https://cdn.example/gone.png', reason: 'http-error' },
      { url: 'https://cdn.example/offline.png', reason: 'unreachable' },
    ]);
    const images = await db.images.where('articleId').equals(saved.id).toArray();
    expect(images.map((i) => [i.url, i.type, i.bytes]).sort()).toEqual([
      ['https://cdn.example/one.png', 'image/png', 4],
      ['https://news.example/harbour/rel.jpg', 'image/jpeg', 3],
    ]);
  });

  it('keeps a picture stored earlier when a new save cannot fetch it', async () => {
    const html = '<img src="https://cdn.example/one.png">';
    const online = fakeFetch({
      'https://cdn.example/one.png': { body: new Uint8Array([1, 2]), type: 'image/png' },
    });
    const first = await saveArticle(makeArticle({ html }), { fetch: online.fetch });
    const second = await saveArticle(makeArticle({ html }), { fetch: fakeFetch({}).fetch });
    expect(second.images).toEqual({ stored: 1, skipped: [] });
    expect(await db.images.where('articleId').equals(first.id).count()).toBe(1);
  });

  it('on a full disk throws a clear error and leaves the saved version untouched', async () => {
    const first = await saveArticle(makeArticle({ text: 'Old words here.' }), { images: false });
    const quota = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const original = db.articles.put.bind(db.articles);
    db.articles.put = quota as never;
    try {
      const error = await saveArticle(makeArticle({ text: 'New words.' }), { images: false }).catch((e) => e);
      expect(error).toBeInstanceOf(LibraryError);
      expect(error.code).toBe('storage-full');
      expect(error.message).toMatch(/nothing was changed/);
    } finally {
      db.articles.put = original;
    }
    expect((await getStoredArticle(first.id))?.text).toBe('Old words here.');
    expect(await searchIds('old')).toEqual(new Set([first.id]));
    expect(await searchIds('new')).toEqual(new Set());
  });

  it('saves the words without the pictures when only the pictures do not fit', async () => {
    const html = '<img src="https://cdn.example/one.png">';
    const { fetch } = fakeFetch({
      'https://cdn.example/one.png': { body: new Uint8Array([1]), type: 'image/png' },
    });
    const original = db.images.bulkPut.bind(db.images);
    db.images.bulkPut = ((items: unknown[]) => {
      if (items.length) throw new DOMException('full', 'QuotaExceededError');
      return original(items as never);
    }) as never;
    try {
      const saved = await saveArticle(makeArticle({ html }), { fetch });
      expect(saved.images).toEqual({
        stored: 0,
        skipped: [{ url: 'https://cdn.example/one.png', reason: 'storage-full' }],
      });
      expect(await countArticles()).toBe(1);
    } finally {
      db.images.bulkPut = original;
    }
  });

  it('getArticle gives the HTML with the stored pictures inlined, srcset and <source> gone', async () => {
    const html =
      '<picture><source srcset="https://cdn.example/one.webp 1x"><img src="/one.png" srcset="https://cdn.example/big.png 2x" alt="A"></picture><img src="https://cdn.example/missing.png">';
    const { fetch } = fakeFetch({
      'https://news.example/one.png': { body: new Uint8Array([1, 2, 3]), type: 'image/png' },
    });
    const saved = await saveArticle(makeArticle({ url: 'https://news.example/story', html }), { fetch });
    const shown = await getArticle(saved.id);
    expect(shown?.html).toBe(
      '<picture><img src="data:image/png;base64,AQID" alt="A"></picture><img src="https://cdn.example/missing.png">',
    );
    expect(shown?.images?.skipped).toEqual([
      { url: 'https://cdn.example/missing.png', reason: 'unreachable' },
    ]);
  });
});
