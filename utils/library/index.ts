// The library's public face (saved articles in IndexedDB). Placeholder until the library issue lands.
import type { Article } from '../extract/types';

export interface SavedArticle extends Article {
  id: string;
  savedAt: string;
  tags: string[];
}

export async function saveArticle(
  _article: Article,
  _options: { tags?: string[] } = {},
): Promise<SavedArticle> {
  throw new Error('The library is not built yet');
}

export async function getArticle(_id: string): Promise<SavedArticle | undefined> {
  return undefined;
}
