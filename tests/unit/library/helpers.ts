// A fresh fake-indexeddb library per test, and articles made to order.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { LibraryDB, useLibraryDb } from '../../../utils/library';

export { makeArticle } from '../../make-article';

let n = 0;
export function freshLibrary(): LibraryDB {
  const db = new LibraryDB(`nitido-test-${process.pid}-${++n}`, { indexedDB, IDBKeyRange });
  useLibraryDb(db);
  return db;
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
