// A fresh fake-indexeddb library per test, and articles made to order.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { Article } from '../../../utils/extract/types';
import { LibraryDB, useLibraryDb } from '../../../utils/library';

let n = 0;
export function freshLibrary(): LibraryDB {
  const db = new LibraryDB(`nitido-test-${process.pid}-${++n}`, { indexedDB, IDBKeyRange });
  useLibraryDb(db);
  return db;
}

export function makeArticle(over: Partial<Article> = {}): Article {
  const text = over.text ?? 'The harbour council approved the tide barrier.\n\nWork begins in spring.';
  return {
    url: 'https://news.example/harbour/barrier.html',
    isArticle: true,
    detection: { score: 0.9, signals: ['og:type=article'] },
    title: 'Harbour council approves the tide barrier',
    byline: 'Maria Rossi',
    siteName: 'The Daily Harbour',
    lang: 'en',
    publishedTime: '2024-03-05T08:30:00Z',
    excerpt: 'The harbour council voted on Tuesday.',
    text,
    html: `<p>${text.split('\n\n').join('</p><p>')}</p>`,
    wordCount: text.split(/\s+/).length,
    readingMinutes: 1,
    quotes: [],
    speakers: [],
    removed: [],
    ...over,
  };
}

/** A fetch that serves the given URLs (body, content type), and fails for any other. */
export function fakeFetch(
  files: Record<string, { body: Uint8Array | string; type: string; status?: number }>,
) {
  const calls: string[] = [];
  const fn = (async (input: RequestInfo | URL) => {
    const url = String(input);
    calls.push(url);
    const file = files[url];
    if (!file) throw new TypeError('Failed to fetch');
    return new Response(file.body as BodyInit, {
      status: file.status ?? 200,
      headers: { 'content-type': file.type },
    });
  }) as typeof fetch;
  return { fetch: fn, calls };
}
