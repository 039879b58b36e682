import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractArticle } from '../../utils/extract';
import { checkLimits } from '../../utils/extract/limits';
import { decodeHtml } from './decode-html';
import type { Printed } from './format-article';
import { closeDocument, parseHtml } from './parse-html';
import { unpackBytes } from './read-input';

const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]).replace(/&amp;/g, '&').trim() : null;
};

/**
 * The page's own address: <link rel=canonical>, else og:url; only an absolute http(s) one counts. Read from the
 * source before parsing, because the Document must be parsed with its address (relative links resolve against it).
 */
export function pageUrlOf(html: string, base: string): string | null {
  const candidates: string[] = [];
  const og: string[] = [];
  for (const m of html.matchAll(/<(link|meta)\b[^>]*>/gi)) {
    const tag = m[0];
    if (m[1].toLowerCase() === 'link') {
      const rel = attr(tag, 'rel');
      const href = attr(tag, 'href');
      if (href && rel?.toLowerCase().split(/\s+/).includes('canonical')) candidates.push(href);
    } else if ((attr(tag, 'property') ?? attr(tag, 'name'))?.toLowerCase() === 'og:url') {
      const content = attr(tag, 'content');
      if (content) og.push(content);
    }
  }
  for (const href of [...candidates, ...og]) {
    try {
      const url = new URL(href, base);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {
      /* not a URL: try the next */
    }
  }
  return null;
}

export function fileUrlOf(file: string): string {
  return file === '-' ? 'file:///dev/stdin' : pathToFileURL(resolve(file)).href;
}

/** Bytes of one page in, the Article out (with `file`), or a one-line error thrown. */
export function extractFromBytes(file: string, bytes: Buffer, url: string | null): Printed {
  const { html } = decodeHtml(unpackBytes(file, bytes));
  const fallback = fileUrlOf(file);
  const pageUrl = url ?? pageUrlOf(html, fallback) ?? fallback;
  const doc = parseHtml(html, pageUrl);
  try {
    checkLimits(doc);
    return { file, ...extractArticle(doc, pageUrl) };
  } finally {
    // Frees the window's memory now: a run over hundreds of files stays small.
    closeDocument(doc);
  }
}
