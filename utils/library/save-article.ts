// Saving an article: one transaction writes the article, its list entry, its change-log row and its pictures,
// so a crash, a closed page or a full disk leaves the old version (or nothing) — never half of the new one.
import type { Article } from '../extract/types';
import { libraryDb, type StoredImage } from './db';
import { entryOf } from './derive';
import { fetchImages, findImageUrls } from './images';
import { notifyChanged } from './notify';
import { LibraryError, type SavedArticle, type SkippedImage } from './types';

export interface SaveOptions {
  /** Tags to add (the tags an article already has are kept). */
  tags?: string[];
  /** Store the article's pictures for offline reading (default true). */
  images?: boolean;
  /** The fetch used for pictures (tests give their own). */
  fetch?: typeof fetch;
  /** The clock (tests give their own). */
  now?: () => Date;
}

/** The identity of a saved page: its URL without the #fragment (the same article, scrolled elsewhere). */
export function normalizeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}

export function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().replace(/\s+/g, ' ')).filter(Boolean))];
}

function isQuotaError(error: unknown): boolean {
  const e = error as { name?: string; inner?: { name?: string } } | null;
  return e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError';
}

/** Turns a refused write into an error the reader can understand; nothing was written in either case. */
export function writeError(error: unknown): LibraryError {
  if (error instanceof LibraryError) return error;
  if (isQuotaError(error)) {
    return new LibraryError(
      'storage-full',
      'The disk is full or the browser refused more storage: nothing was changed in the library.',
    );
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new LibraryError(
    'write-refused',
    `The library could not be written (${reason}): nothing was changed.`,
  );
}

/**
 * Saves an article (from the background: content scripts message it, they never write storage). Saving a
 * URL already in the library updates that article in place: same id, tags kept and merged with the new
 * ones, savedAt moved to now. Pictures are fetched first (outside the transaction, which must not wait on
 * the network), within the caps of IMAGE_CAPS; the ones not stored are listed in `images.skipped`.
 * If the disk refuses the pictures, the article is saved without them (noted as 'storage-full'); if it
 * refuses the text too, a LibraryError('storage-full') is thrown and the library is unchanged.
 */
export async function saveArticle(article: Article, options: SaveOptions = {}): Promise<SavedArticle> {
  const url = normalizeUrl(article.url);
  const savedAt = (options.now?.() ?? new Date()).toISOString();
  const fetched =
    options.images === false
      ? { images: [], skipped: [] as SkippedImage[] }
      : await fetchImages(
          findImageUrls(article.html, url),
          options.fetch ?? globalThis.fetch.bind(globalThis),
        );

  try {
    return await write(article, url, savedAt, options.tags ?? [], fetched.images, fetched.skipped);
  } catch (error) {
    if (!isQuotaError(error) || fetched.images.length === 0) throw writeError(error);
  }
  // The pictures did not fit: keep the words, which is what the reader asked to save.
  const skipped = [
    ...fetched.skipped,
    ...fetched.images.map((image) => ({ url: image.url, reason: 'storage-full' as const })),
  ];
  try {
    return await write(article, url, savedAt, options.tags ?? [], [], skipped);
  } catch (error) {
    throw writeError(error);
  }
}

async function write(
  article: Article,
  url: string,
  savedAt: string,
  tags: string[],
  images: Omit<StoredImage, 'articleId'>[],
  skipped: SkippedImage[],
): Promise<SavedArticle> {
  const db = libraryDb();
  const saved = await db.transaction('rw', [db.articles, db.entries, db.changes, db.images], async () => {
    // Looked up inside the transaction: two saves of one URL at once are serialized here, so the second one
    // finds the first and updates it instead of tripping over the unique URL index.
    const existing = await db.articles.where('url').equals(url).first();
    const id = existing?.id ?? crypto.randomUUID();
    const { file: _file, ...fields } = article;
    const record: SavedArticle = {
      ...fields,
      url,
      id,
      savedAt,
      tags: cleanTags([...(existing?.tags ?? []), ...tags]),
      images: { stored: 0, skipped },
    };
    // A picture that could not be fetched this time but was stored by an earlier save is kept.
    const wanted = new Set(findImageUrls(record.html, url));
    const fresh = new Set(images.map((image) => image.url));
    const old = existing ? await db.images.where('articleId').equals(id).toArray() : [];
    const kept = old.filter((image) => wanted.has(image.url) && !fresh.has(image.url));
    await db.images.where('articleId').equals(id).delete();
    const all = [...images.map((image) => ({ ...image, articleId: id })), ...kept];
    await db.images.bulkPut(all);
    const keptUrls = new Set(kept.map((image) => image.url));
    record.images = { stored: all.length, skipped: skipped.filter((s) => !keptUrls.has(s.url)) };
    await db.articles.put(record);
    await db.entries.put(entryOf(record));
    await db.changes.add({ id });
    return record;
  });
  notifyChanged([saved.id]);
  return saved;
}
