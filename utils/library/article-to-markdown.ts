// One saved article as a Markdown file with YAML front matter (for notes apps, static sites, plain archives).
import TurndownService from 'turndown';
import type { SavedArticle } from './types';

let service: TurndownService | null = null;
function turndown(): TurndownService {
  if (!service) {
    service = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-' });
    // Turndown escapes Markdown syntax but not "<": a page's text that spells out a tag ("<img onerror=…>",
    // written as text) would become live inline HTML in the many renderers that pass HTML through.
    const escapeMarkdown = service.escape.bind(service);
    service.escape = (text: string) => escapeMarkdown(text).replace(/</g, '\\<');
  }
  return service;
}

/** A YAML scalar: JSON strings are valid YAML double-quoted strings, whatever the title holds. */
const yaml = (value: string | null | undefined) => (value ? JSON.stringify(value) : 'null');

export function frontMatter(article: SavedArticle): string {
  return [
    '---',
    `title: ${yaml(article.title)}`,
    `byline: ${yaml(article.byline)}`,
    `site: ${yaml(article.siteName)}`,
    `url: ${yaml(article.url)}`,
    `published: ${yaml(article.publishedTime)}`,
    `saved: ${yaml(article.savedAt)}`,
    `lang: ${yaml(article.lang)}`,
    `tags: [${article.tags.map((t) => JSON.stringify(t)).join(', ')}]`,
    '---',
  ].join('\n');
}

export function articleToMarkdown(article: SavedArticle): string {
  const body = turndown()
    .turndown(article.html || '')
    .trim();
  return `${frontMatter(article)}\n\n# ${turndown().escape(article.title)}\n\n${body}\n`;
}

/** Several articles in one Markdown file, separated by rules (a selection exported at once). */
export function articlesToMarkdown(articles: SavedArticle[]): string {
  return articles.map(articleToMarkdown).join('\n\n---\n\n');
}

/** A file name from a title: readable, no characters that file systems refuse. */
export function fileNameFor(article: Pick<SavedArticle, 'title' | 'id'>, extension: string): string {
  const base = article.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .toLowerCase();
  return `${base || article.id}.${extension}`;
}
