// The library's public face: saved articles in IndexedDB (extension origin), their pictures, the list and
// search of library.html, export and import. Other folders import only this file.
//
// For the background (engineer D): `saveArticle(article, { tags })` — call it from the `save` message handler;
// it fetches and stores the article's pictures itself, and returns the SavedArticle, whose `images.skipped`
// says which pictures were not stored and why (a note for the reader). It throws LibraryError with code
// 'storage-full' or 'write-refused' when the disk refuses the write; the library is then unchanged.
// For the reader: `getArticle(id)` — see below.
import { libraryDb } from './db';
import { resolveImages } from './images';
import type { SavedArticle } from './types';

export { articlesToHtml, articleToHtml } from './article-to-html';
export { articlesToMarkdown, articleToMarkdown, fileNameFor, frontMatter } from './article-to-markdown';
export {
  type BackupArticle,
  exportLibrary,
  type ImportReport,
  importLibrary,
  type LibraryBackup,
  parseBackup,
  sanitizeHtml,
  validateBackup,
} from './backup';
export { LibraryDB, type LibraryEntry, libraryDb, type StoredImage, useLibraryDb } from './db';
export { type DeletedArticles, deleteArticles, tagArticles, untagArticles } from './edit-articles';
export { findImageUrls, IMAGE_CAPS, resolveImages } from './images';
export { type IndexDoc, LibraryIndex, libraryIndex, persistIndex } from './library-index';
export { onLibraryChanged } from './notify';
export {
  countArticles,
  defaultDescending,
  firstEntries,
  getEntries,
  getRows,
  type ListQuery,
  listFacets,
  listIds,
  orderedIds,
  requestPersistence,
  type SortKey,
  searchIds,
  storageUsed,
} from './query';
export { normalizeUrl, type SaveOptions, saveArticle } from './save-article';
export {
  LibraryError,
  type LibraryErrorCode,
  type SavedArticle,
  type SkippedImage,
  type SkipReason,
} from './types';

/** The article exactly as stored (pictures still pointing at their web addresses). */
export function getStoredArticle(id: string): Promise<SavedArticle | undefined> {
  return libraryDb().articles.get(id);
}

/** The saved article of a web address, if any (e.g. to show "Saved" in the popup). */
export function findArticleByUrl(url: string): Promise<SavedArticle | undefined> {
  return libraryDb().articles.where('url').equals(url.split('#')[0]).first();
}

/**
 * The saved article `id`, ready to show in reader.html?id=ID with the network off: its `html` has every
 * stored picture inlined as a data:image URL (which a sanitizer keeping http(s) and data:image sources lets
 * through, so sanitize-then-render works unchanged). Works in pages and in the service worker.
 * `images.skipped` lists the pictures that were not stored, with the reason (show a note: "N pictures were
 * not saved"). Undefined when there is no such article.
 */
export async function getArticle(id: string): Promise<SavedArticle | undefined> {
  const article = await getStoredArticle(id);
  if (!article) return undefined;
  const resolved = await resolveImages(article.html, article.id, article.url);
  return { ...article, html: resolved.html };
}
