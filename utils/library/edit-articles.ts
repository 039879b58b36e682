// Changing saved articles from the library page: tags and deletion (with undo). Each call is one transaction.
import { libraryDb, type StoredImage } from './db';
import { entryOf } from './derive';
import { notifyChanged } from './notify';
import { cleanTags, writeError } from './save-article';
import type { SavedArticle } from './types';

async function retag(ids: string[], change: (tags: string[]) => string[]): Promise<number> {
  const db = libraryDb();
  let changed = 0;
  try {
    await db.transaction('rw', [db.articles, db.entries, db.changes], async () => {
      const articles = await db.articles.bulkGet(ids);
      const updated: SavedArticle[] = [];
      for (const article of articles) {
        if (!article) continue;
        const tags = cleanTags(change(article.tags));
        if (tags.join('\n') === article.tags.join('\n')) continue;
        updated.push({ ...article, tags });
      }
      await db.articles.bulkPut(updated);
      await db.entries.bulkPut(updated.map(entryOf));
      await db.changes.bulkAdd(updated.map((a) => ({ id: a.id })));
      changed = updated.length;
    });
  } catch (error) {
    throw writeError(error);
  }
  if (changed) notifyChanged(ids);
  return changed;
}

/** Adds tags to the articles; returns how many changed. */
export function tagArticles(ids: string[], tags: string[]): Promise<number> {
  return retag(ids, (old) => [...old, ...tags]);
}

/** Removes tags from the articles; returns how many changed. */
export function untagArticles(ids: string[], tags: string[]): Promise<number> {
  const gone = new Set(cleanTags(tags));
  return retag(ids, (old) => old.filter((t) => !gone.has(t)));
}

export interface DeletedArticles {
  count: number;
  /** Puts the deleted articles back exactly as they were (pictures included), unless saved again meanwhile. */
  undo: () => Promise<number>;
}

/**
 * Deletes articles with their pictures and index rows. What was deleted is kept in memory by the returned
 * object, so the page can offer "Undo" for as long as it keeps it.
 */
export async function deleteArticles(ids: string[]): Promise<DeletedArticles> {
  const db = libraryDb();
  let articles: SavedArticle[] = [];
  let images: StoredImage[] = [];
  try {
    await db.transaction('rw', [db.articles, db.entries, db.changes, db.images], async () => {
      articles = (await db.articles.bulkGet(ids)).filter((a): a is SavedArticle => a !== undefined);
      const found = articles.map((a) => a.id);
      images = await db.images.where('articleId').anyOf(found).toArray();
      await db.images.where('articleId').anyOf(found).delete();
      await db.articles.bulkDelete(found);
      await db.entries.bulkDelete(found);
      await db.changes.bulkAdd(found.map((id) => ({ id })));
    });
  } catch (error) {
    throw writeError(error);
  }
  notifyChanged(ids);
  return {
    count: articles.length,
    undo: async () => {
      let restored: SavedArticle[] = [];
      try {
        await db.transaction('rw', [db.articles, db.entries, db.changes, db.images], async () => {
          // An article saved again since (same URL, new id) wins over the deleted copy.
          const taken = new Set(
            (
              await db.articles
                .where('url')
                .anyOf(articles.map((a) => a.url))
                .toArray()
            ).map((a) => a.url),
          );
          restored = articles.filter((a) => !taken.has(a.url));
          const back = new Set(restored.map((a) => a.id));
          await db.articles.bulkPut(restored);
          await db.entries.bulkPut(restored.map(entryOf));
          await db.changes.bulkAdd(restored.map((a) => ({ id: a.id })));
          await db.images.bulkPut(images.filter((image) => back.has(image.articleId)));
        });
      } catch (error) {
        throw writeError(error);
      }
      notifyChanged(restored.map((a) => a.id));
      return restored.length;
    },
  };
}
