// Runs in the content script on every page: imports only small modules (Readability's readerable check is imported
// from its own file, not from the package index that pulls the whole parser in).
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { isArticleType, type JsonLdObject, jsonLdObjects, typesOf } from './json-ld';
import type { Detection } from './types';

/** Weights of the signals: positive ones say "an article", negative ones "a page of teasers". */
export const SIGNAL_WEIGHTS = {
  'json-ld-article': 3,
  'og-article': 2,
  'published-time': 1,
  'article-element': 1,
  'dated-url': 1.5,
  'slug-url': 1,
  readerable: 2,
  'json-ld-listing': -3,
  'listing-url': -2,
  'home-url': -3,
  teasers: -4,
} as const;
export type Signal = keyof typeof SIGNAL_WEIGHTS;
/** The score from which a page is an article. */
export const ARTICLE_THRESHOLD = 2.5;

const LISTING_TYPES = /^(CollectionPage|ItemList|SearchResultsPage|ProfilePage)$/;
const DATED_PATH =
  /(^|\/)(19|20)\d\d[/-](0?[1-9]|1[0-2])([/-]|$)|[/_-](19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])([/_.-]|$)/;
const LISTING_PATH =
  /(^|\/)(tags?|topics?|category|categories|categorie|categoria|rubrique|rubriken?|themen?|thema|temas?|argomenti|section|sections|author|authors|autore|autor|auteur|search|suche|recherche|cerca|buscar|busqueda|archive|archivio|archiv|archives|page)(\/|$)/i;

/** The URL-borne signals: a dated path, an article-like slug, a home or listing page. */
export function urlSignals(url: string): Signal[] {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return [];
  }
  const path = u.pathname;
  const out: Signal[] = [];
  if (DATED_PATH.test(path)) out.push('dated-url');
  const segments = path.split('/').filter(Boolean);
  const last = segments[segments.length - 1] ?? '';
  if (last.split(/[-_]/).filter((w) => /[\p{L}]{2,}/u.test(w)).length >= 4 || /\d{5,}/.test(last))
    out.push('slug-url');
  if (segments.length === 0 || /^(index|default|home)\.\w+$/i.test(segments.join('/'))) {
    if (!u.search || !/[?&](p|id|story|article)=/i.test(u.search)) out.push('home-url');
  } else if (LISTING_PATH.test(path) || /[?&](q|s|query|search|tag)=/i.test(u.search))
    out.push('listing-url');
  return out;
}

/** Teaser density: many linked headings and few long paragraphs of running text. */
function isTeaserPage(doc: Document, articles: number): boolean {
  let teasers = articles;
  const headings = doc.querySelectorAll('h2, h3, h4');
  if (headings.length >= 6) {
    let linked = 0;
    for (const h of headings) if (h.querySelector('a[href]') || h.parentElement?.closest('a[href]')) linked++;
    teasers = Math.max(teasers, linked);
  }
  if (teasers < 6) return false;
  let long = 0;
  for (const p of doc.querySelectorAll('p')) {
    if ((p.textContent ?? '').length > 250 && !p.closest('a') && ++long * 2 > teasers) return false;
  }
  return true;
}

/** Is this page an article? Cheap: a few selector queries, the page's JSON-LD, the URL. */
export function detectArticle(doc: Document, url: string, ldObjects?: JsonLdObject[]): Detection {
  const signals: string[] = [];
  let score = 0;
  const add = (s: Signal) => {
    signals.push(s);
    score += SIGNAL_WEIGHTS[s];
  };

  const types = (ldObjects ?? jsonLdObjects(doc)).flatMap(typesOf);
  if (types.some(isArticleType)) add('json-ld-article');
  else if (types.some((t) => LISTING_TYPES.test(t)) && !types.some((t) => t === 'WebPage' || t === 'Article'))
    add('json-ld-listing');
  const og = doc.querySelector('meta[property="og:type"], meta[name="og:type"]')?.getAttribute('content');
  if (og && /article|blog|post/i.test(og)) add('og-article');
  if (doc.querySelector('meta[property="article:published_time"], meta[name="article:published_time"]'))
    add('published-time');
  const articles = doc.querySelectorAll('article').length;
  if (articles >= 1 && articles <= 2) add('article-element');
  for (const s of urlSignals(url)) add(s);
  if (isProbablyReaderable(doc)) add('readerable');
  if (isTeaserPage(doc, articles)) add('teasers');

  return { isArticle: score >= ARTICLE_THRESHOLD, score, signals };
}
