// @vitest-environment jsdom
// jsdom: the import sanitizes article HTML with DOMPurify, which needs a window.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  countArticles,
  exportLibrary,
  getStoredArticle,
  importLibrary,
  type LibraryDB,
  LibraryError,
  parseBackup,
  saveArticle,
  validateBackup,
} from '../../../utils/library';
import { freshLibrary, makeArticle } from './helpers';

let db: LibraryDB;
beforeEach(() => {
  db = freshLibrary();
});

const good = (articles: object[]) => ({
  format: 'nitido-library',
  version: 1,
  exportedAt: '2024-05-01T10:00:00.000Z',
  articles,
});
const entry = (over: object = {}) => ({
  ...makeArticle(),
  id: 'a1',
  savedAt: '2024-04-01T10:00:00.000Z',
  tags: ['town'],
  ...over,
});

describe('validateBackup', () => {
  it.each([
    ['not JSON', '{"format": "nitido-library",', /not valid JSON/],
    ['a list', '[]', /no JSON object/],
    [
      'another format',
      JSON.stringify({ format: 'pocket-export', version: 1 }),
      /"format" is "pocket-export"/,
    ],
    ['no format', JSON.stringify({ articles: [] }), /"format" is null/],
    ['a newer version', JSON.stringify({ ...good([]), version: 2 }), /newer Nitido/],
    ['no date', JSON.stringify({ ...good([]), exportedAt: 'yesterday' }), /exportedAt/],
    ['no articles', JSON.stringify({ ...good([]), articles: {} }), /no "articles" list/],
    ['a bad article', JSON.stringify(good([entry({ savedAt: 'soon' })])), /damaged: 1 article/],
    ['a twice-used id', JSON.stringify(good([entry(), entry({ url: 'https://x.example/2' })])), /damaged/],
    ['a non-web URL', JSON.stringify(good([entry({ url: 'javascript:alert(1)' })])), /damaged/],
  ])('refuses %s with a clear message', (_name, text, message) => {
    expect(() => parseBackup(text)).toThrow(message);
    try {
      parseBackup(text);
    } catch (e) {
      expect(e).toBeInstanceOf(LibraryError);
      expect((e as LibraryError).code).toBe('invalid-backup');
    }
  });

  it('names the article and the field that are wrong', () => {
    try {
      validateBackup(
        good([entry(), entry({ id: 'b2', url: 'https://x.example/b', tags: 'news', title: 3 })]),
      );
      expect.unreachable();
    } catch (e) {
      expect((e as LibraryError).details).toEqual([
        'article 2 (id b2): "title" must be text, "tags" must be a list of text',
      ]);
    }
  });

  it('completes missing optional fields of a minimal article', () => {
    const backup = validateBackup(
      good([
        {
          id: 'm',
          url: 'https://x.example/m',
          title: 'T',
          text: 'one two three',
          html: '<p>one two three</p>',
          savedAt: '2024-01-01',
          tags: [],
        },
      ]),
    );
    expect(backup.articles[0]).toMatchObject({ byline: null, quotes: [], wordCount: 3, readingMinutes: 1 });
    expect(backup.articles[0].savedAt).toBe('2024-01-01T00:00:00.000Z');
  });
});

describe('importLibrary', () => {
  it('a broken backup changes nothing', async () => {
    await saveArticle(makeArticle(), { images: false });
    const before = await exportLibrary();
    expect(() => parseBackup(JSON.stringify(good([entry({ id: 'new' }), { id: 'x' }])))).toThrow(
      LibraryError,
    );
    expect((await exportLibrary()).articles).toEqual(before.articles);
  });

  it('merges by id: the newer savedAt wins, and reports added, updated and skipped', async () => {
    await importLibrary(
      validateBackup(good([entry(), entry({ id: 'a2', url: 'https://news.example/2', title: 'Two' })])),
    );
    const report = await importLibrary(
      validateBackup(
        good([
          entry({ title: 'Newer', savedAt: '2024-04-02T00:00:00.000Z' }),
          entry({
            id: 'a2',
            url: 'https://news.example/2',
            title: 'Older',
            savedAt: '2024-03-01T00:00:00.000Z',
          }),
          entry({ id: 'a3', url: 'https://news.example/3', title: 'Three' }),
        ]),
      ),
    );
    expect(report).toEqual({ added: 1, updated: 1, skipped: 1 });
    expect((await getStoredArticle('a1'))?.title).toBe('Newer');
    expect((await getStoredArticle('a2'))?.title).toBe('Two');
    expect(await countArticles()).toBe(3);
  });

  it('an article of a URL already saved under another id updates that one instead of duplicating it', async () => {
    const saved = await saveArticle(makeArticle(), { images: false, now: () => new Date('2024-01-01') });
    const report = await importLibrary(validateBackup(good([entry({ id: 'other', title: 'From backup' })])));
    expect(report).toEqual({ added: 0, updated: 1, skipped: 0 });
    expect(await countArticles()).toBe(1);
    expect((await getStoredArticle(saved.id))?.title).toBe('From backup');
  });

  it('sanitizes the HTML of imported articles', async () => {
    const html = '<p onclick="steal()">Hi<script>alert(1)</script><img src="x" onerror="alert(2)"></p>';
    await importLibrary(validateBackup(good([entry({ html })])));
    const stored = await getStoredArticle('a1');
    expect(stored?.html).toBe('<p>Hi<img src="x"></p>');
  });

  it('export then import into an empty library gives the same library', async () => {
    await saveArticle(makeArticle({ url: 'https://news.example/1' }), { tags: ['a'], images: false });
    await saveArticle(makeArticle({ url: 'https://news.example/2', title: 'Second', lang: 'it' }), {
      images: false,
    });
    const backup = JSON.parse(JSON.stringify(await exportLibrary()));
    expect(backup).toMatchObject({ format: 'nitido-library', version: 1 });
    expect(Object.keys(backup.articles[0]).sort()).toEqual(
      [...Object.keys(makeArticle()), 'id', 'savedAt', 'tags'].sort(),
    );
    freshLibrary();
    expect(await importLibrary(parseBackup(JSON.stringify(backup)))).toEqual({
      added: 2,
      updated: 0,
      skipped: 0,
    });
    expect((await exportLibrary()).articles).toEqual(backup.articles);
    expect(db).toBeDefined();
  });
});
