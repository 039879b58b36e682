// The JSON backup of the whole library, and its import: validated whole before anything is written, then
// merged in one transaction (by id, the newer savedAt wins), so a bad file or a full disk changes nothing.
import { sanitizeHtml as sanitizeArticleHtml } from '../extract/sanitize-html';
import type { Article } from '../extract/types';
import { libraryDb } from './db';
import { entryOf } from './derive';
import { notifyChanged } from './notify';
import { cleanTags, normalizeUrl, writeError } from './save-article';
import { LibraryError, type SavedArticle } from './types';

export const BACKUP_FORMAT = 'nitido-library';
export const BACKUP_VERSION = 1;

/** A backup article: the Article JSON of DESIGN.md plus id, savedAt and tags (nothing the library adds). */
export type BackupArticle = Omit<SavedArticle, 'images' | 'file'>;

export interface LibraryBackup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  articles: BackupArticle[];
}

export function toBackupArticle(article: SavedArticle): BackupArticle {
  const { images: _images, file: _file, ...rest } = article;
  return rest;
}

/** The whole library as a backup object (newest first). */
export async function exportLibrary(now = new Date()): Promise<LibraryBackup> {
  const articles = await libraryDb().articles.orderBy('savedAt').reverse().toArray();
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    articles: articles.map(toBackupArticle),
  };
}

const isDate = (v: unknown) => typeof v === 'string' && v !== '' && !Number.isNaN(Date.parse(v));
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const MAX_ERRORS = 8;

/**
 * Checks a parsed backup and returns it with every article completed (optional Article fields get their
 * empty values). Throws LibraryError('invalid-backup') listing the first problems found: a file is taken
 * whole or not at all.
 */
export function validateBackup(data: unknown): LibraryBackup {
  const fail = (message: string, details: string[] = []): never => {
    throw new LibraryError('invalid-backup', message, details);
  };
  if (!isObject(data)) fail('This file is not a Nitido library backup: it holds no JSON object.');
  const root = data as Record<string, unknown>;
  if (root.format !== BACKUP_FORMAT) {
    fail(
      `This file is not a Nitido library backup (its "format" is ${JSON.stringify(root.format ?? null)}).`,
    );
  }
  if (typeof root.version !== 'number' || !Number.isInteger(root.version)) {
    fail('This backup has no valid "version".');
  }
  if ((root.version as number) > BACKUP_VERSION) {
    fail(
      `This backup was made by a newer Nitido (format version ${root.version}); update Nitido to import it.`,
    );
  }
  if ((root.version as number) < 1) fail('This backup has no valid "version".');
  if (!isDate(root.exportedAt)) fail('This backup has no valid "exportedAt" date.');
  if (!Array.isArray(root.articles)) fail('This backup has no "articles" list.');

  const errors: string[] = [];
  const seen = new Set<string>();
  const articles: BackupArticle[] = [];
  (root.articles as unknown[]).forEach((raw, i) => {
    if (errors.length >= MAX_ERRORS) return;
    const problems: string[] = [];
    if (!isObject(raw)) {
      errors.push(`article ${i + 1}: not an object`);
      return;
    }
    const a = raw as Record<string, unknown>;
    const str = (key: string) => {
      if (typeof a[key] !== 'string') problems.push(`"${key}" must be text`);
    };
    const strOrNull = (key: string) => {
      if (a[key] !== undefined && a[key] !== null && typeof a[key] !== 'string') {
        problems.push(`"${key}" must be text or null`);
      }
    };
    const num = (key: string) => {
      if (a[key] !== undefined && (typeof a[key] !== 'number' || !Number.isFinite(a[key]))) {
        problems.push(`"${key}" must be a number`);
      }
    };
    const list = (key: string) => {
      if (a[key] !== undefined && !Array.isArray(a[key])) problems.push(`"${key}" must be a list`);
    };
    if (typeof a.id !== 'string' || a.id.trim() === '') problems.push('"id" is missing');
    else if (seen.has(a.id)) problems.push(`"id" ${a.id} appears twice`);
    else seen.add(a.id);
    if (typeof a.url !== 'string' || !/^https?:\/\//i.test(a.url))
      problems.push('"url" is not a web address');
    else {
      try {
        new URL(a.url);
      } catch {
        problems.push('"url" is not a web address');
      }
    }
    str('title');
    str('text');
    str('html');
    if (!isDate(a.savedAt)) problems.push('"savedAt" is not a date');
    if (!Array.isArray(a.tags) || a.tags.some((t) => typeof t !== 'string')) {
      problems.push('"tags" must be a list of text');
    }
    for (const key of ['byline', 'siteName', 'lang', 'publishedTime', 'excerpt']) strOrNull(key);
    for (const key of ['wordCount', 'readingMinutes']) num(key);
    for (const key of ['quotes', 'speakers', 'removed']) list(key);
    if (a.detection !== undefined && !isObject(a.detection)) problems.push('"detection" must be an object');
    if (problems.length) {
      const name = typeof a.id === 'string' ? ` (id ${a.id})` : '';
      errors.push(`article ${i + 1}${name}: ${problems.join(', ')}`);
      return;
    }
    const text = a.text as string;
    const words = text.split(/\s+/).filter(Boolean).length;
    const article: Article = {
      url: a.url as string,
      isArticle: typeof a.isArticle === 'boolean' ? a.isArticle : true,
      detection: isObject(a.detection)
        ? (a.detection as Article['detection'])
        : { score: 0, signals: [] as string[] },
      title: a.title as string,
      byline: (a.byline as string | null) ?? null,
      siteName: (a.siteName as string | null) ?? null,
      lang: (a.lang as string | null) ?? null,
      publishedTime: (a.publishedTime as string | null) ?? null,
      excerpt: (a.excerpt as string | null) ?? null,
      text,
      html: a.html as string,
      wordCount: (a.wordCount as number | undefined) ?? words,
      readingMinutes: (a.readingMinutes as number | undefined) ?? Math.max(1, Math.round(words / 220)),
      quotes: (a.quotes as Article['quotes'] | undefined) ?? [],
      speakers: (a.speakers as Article['speakers'] | undefined) ?? [],
      removed: (a.removed as Article['removed'] | undefined) ?? [],
    };
    articles.push({
      ...article,
      id: a.id as string,
      savedAt: new Date(a.savedAt as string).toISOString(),
      tags: cleanTags(a.tags as string[]),
    });
  });
  if (errors.length) {
    fail(
      `This backup is damaged: ${errors.length >= MAX_ERRORS ? 'many' : errors.length} article(s) are not valid. Nothing was imported.`,
      errors,
    );
  }
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: root.exportedAt as string, articles };
}

/** Parses the text of a backup file (a clear error for a file that is not JSON at all). */
export function parseBackup(text: string): LibraryBackup {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new LibraryError(
      'invalid-backup',
      'This file is not a Nitido library backup: it is not valid JSON.',
    );
  }
  return validateBackup(data);
}

export interface ImportReport {
  added: number;
  updated: number;
  skipped: number;
  /** The articles as written (for the page's search index, which then need not read them back). */
  written?: SavedArticle[];
}

/**
 * Article HTML from a file is untrusted: it goes through the engine's own sanitizer (DOMPurify, same rules as an
 * extraction: no styles, frames, forms, templates…) before it is stored. Needs a window.
 */
export function sanitizeHtml(html: string): string {
  return sanitizeArticleHtml(html, globalThis as unknown as Window);
}

/**
 * Merges a validated backup: an article whose id (or, failing that, URL) is already in the library is
 * replaced only when the backup's savedAt is newer (it keeps the library's id, so links to it still work);
 * the others are added. One transaction: all of it lands or none of it.
 */
export async function importLibrary(
  backup: LibraryBackup,
  sanitize: (html: string) => string = sanitizeHtml,
): Promise<ImportReport> {
  const incoming = backup.articles.map((a) => ({ ...a, url: normalizeUrl(a.url), html: sanitize(a.html) }));
  const db = libraryDb();
  const report: ImportReport = { added: 0, updated: 0, skipped: 0 };
  const written: SavedArticle[] = [];
  try {
    await db.transaction('rw', [db.articles, db.entries, db.changes], async () => {
      const byId = new Map<string, SavedArticle>();
      for (const a of await db.articles.bulkGet(incoming.map((a) => a.id))) if (a) byId.set(a.id, a);
      const byUrl = new Map<string, SavedArticle>();
      for (const a of await db.articles
        .where('url')
        .anyOf(incoming.map((a) => a.url))
        .toArray()) {
        byUrl.set(a.url, a);
      }
      const writes = new Map<string, SavedArticle>();
      for (const a of incoming) {
        const existing = writes.get(a.id) ?? byId.get(a.id) ?? byUrl.get(a.url);
        if (existing && existing.savedAt >= a.savedAt) {
          report.skipped++;
          continue;
        }
        const record: SavedArticle = { ...a, id: existing?.id ?? a.id };
        if (existing) {
          if (existing.url !== record.url) {
            // Same id, new address: the old address must not keep pointing at another record.
            const clash = byUrl.get(record.url);
            if (clash && clash.id !== record.id) {
              report.skipped++;
              continue;
            }
          }
          report.updated++;
        } else {
          report.added++;
        }
        writes.set(record.id, record);
        byUrl.set(record.url, record);
      }
      const records = [...writes.values()];
      await db.articles.bulkPut(records);
      await db.entries.bulkPut(records.map(entryOf));
      await db.changes.bulkAdd(records.map((a) => ({ id: a.id })));
      written.push(...records);
    });
  } catch (error) {
    throw writeError(error);
  }
  if (written.length) notifyChanged(written.map((a) => a.id));
  Object.defineProperty(report, 'written', { value: written, enumerable: false });
  return report;
}
