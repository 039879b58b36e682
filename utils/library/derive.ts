// What the list and the search need from an article, computed once at write time.
import type { LibraryEntry } from './db';
import type { SavedArticle } from './types';

/** Lower case without accents: "Perché" and "perche" are the same word to a reader typing in a hurry. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

const WORD = /[\p{L}\p{N}]+/gu;
/** Very long "words" are URLs or noise; a cap keeps one odd article from bloating the index. */
const MAX_WORD = 40;
const MAX_TERMS = 6000;

/** The words of a text, folded, at least two letters long (single letters find everything). */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of fold(text).matchAll(WORD)) {
    const w = m[0];
    if (w.length >= 2 && w.length <= MAX_WORD) out.push(w);
  }
  return out;
}

/** The index terms of an article: each distinct word of its title, byline, site and text. */
export function termsOf(
  article: Pick<SavedArticle, 'title' | 'byline' | 'siteName' | 'text' | 'url'>,
): string[] {
  const terms = new Set<string>();
  const source = [article.title, article.byline ?? '', article.siteName ?? hostOf(article.url), article.text];
  for (const part of source) {
    for (const w of wordsOf(part)) {
      if (terms.size >= MAX_TERMS) break;
      terms.add(w);
    }
  }
  return [...terms];
}

/** The terms of a query: every word must match as a prefix of some word of the article. */
export function queryTerms(query: string): string[] {
  return [...new Set(wordsOf(query))];
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

export function entryOf(article: SavedArticle): LibraryEntry {
  return {
    id: article.id,
    url: article.url,
    title: article.title,
    byline: article.byline ?? null,
    site: article.siteName?.trim() || hostOf(article.url),
    lang: (article.lang ?? '').toLowerCase().split(/[-_]/)[0],
    publishedTime: article.publishedTime ?? null,
    published: article.publishedTime ?? '',
    savedAt: article.savedAt,
    tags: [...article.tags],
    wordCount: article.wordCount ?? 0,
    excerpt: article.excerpt ?? null,
    sortTitle: fold(article.title).trim(),
  };
}
