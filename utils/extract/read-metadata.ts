import { cleanByline } from './clean-byline';
import { compileSelectors } from './compile-selectors';
import { type JsonLdObject, jsonLdArticle, jsonLdObjects } from './json-ld';
import { LEXICON } from './lexicon';

export interface Metadata {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  publishedTime: string | null;
  excerpt: string | null;
  /** The short line right above the headline ("Ricadute sulla filiera"), when there is one. */
  kicker: string | null;
}

const squeeze = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** Every <meta> of the page by its lower-cased property / name / itemprop: one query instead of dozens. */
function metaMap(doc: Document): Map<string, string> {
  const map = new Map<string, string>();
  for (const el of doc.querySelectorAll('meta[content]')) {
    const v = squeeze(el.getAttribute('content'));
    if (!v) continue;
    for (const a of ['property', 'name', 'itemprop']) {
      const k = el.getAttribute(a)?.toLowerCase();
      if (k && !map.has(k)) map.set(k, v);
    }
  }
  return map;
}

function names(v: unknown): string[] {
  if (!v) return [];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(names);
  if (typeof v === 'object') {
    const n = (v as JsonLdObject).name;
    return typeof n === 'string' ? [n] : [];
  }
  return [];
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? squeeze(v) : null);

const SEPARATOR = /\s+[|\-–—:·•»/\\]+\s+|\s+::\s+/;

/** The headline without " - Site Name" / " | Site" / "Site: " decorations. */
export function cleanTitle(title: string, siteName: string | null, h1: string | null): string {
  let t = squeeze(title);
  if (!t) return squeeze(h1);
  const site = squeeze(siteName).toLowerCase();
  const parts = t.split(SEPARATOR);
  if (parts.length > 1) {
    const isSite = (p: string) => {
      const x = p.trim().toLowerCase();
      return (
        (site && (x === site || site.includes(x) || x.includes(site))) ||
        /\.(com|it|fr|de|es|org|net|co\.uk)$/.test(x)
      );
    };
    while (parts.length > 1 && isSite(parts[parts.length - 1])) parts.pop();
    while (parts.length > 1 && isSite(parts[0])) parts.shift();
    const rest = parts.join(' - ');
    // Unknown site name: drop a short last part when what is left is still a real headline.
    if (parts.length > 1 && !site) {
      const last = parts[parts.length - 1];
      const body = parts.slice(0, -1).join(' - ');
      t = last.split(/\s+/).length <= 4 && body.split(/\s+/).length >= 3 ? body : rest;
    } else t = rest;
  }
  // The visible headline wins when the title is a longer or decorated version of it.
  const head = squeeze(h1);
  if (head && head.length >= 15 && t.toLowerCase().includes(head.toLowerCase())) return head;
  return t;
}

/** The language of a text from its most common words, when the page does not say it. */
export function guessLang(text: string): string | null {
  const words =
    text
      .toLowerCase()
      .match(/[\p{L}']+/gu)
      ?.slice(0, 400) ?? [];
  if (words.length < 10) return null;
  let best: string | null = null;
  let bestCount = 0;
  for (const [lang, lex] of Object.entries(LEXICON)) {
    const set = new Set(lex.stopwords);
    let c = 0;
    for (const w of words) if (set.has(w)) c++;
    if (c > bestCount) {
      best = lang;
      bestCount = c;
    }
  }
  return bestCount >= 3 ? best : null;
}

function normalizeLang(l: string | null | undefined): string | null {
  const v = squeeze(l).replace('_', '-');
  return /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(v) ? v : null;
}

function kickerOf(h1: Element | null): string | null {
  if (!h1) return null;
  let prev: Element | null = h1.previousElementSibling;
  if (!prev && h1.parentElement) prev = h1.parentElement.previousElementSibling;
  const t = squeeze(prev?.textContent);
  if (!t || t.length > 80 || t.split(' ').length > 10 || /[.!?]$/.test(t)) return null;
  return t;
}

const BYLINE = compileSelectors([
  '[rel="author"]',
  '[itemprop="author"]',
  '[class*="byline"]',
  '[class*="author"]',
  '[id*="byline"]',
  '[id*="author"]',
  '[class*="firma"]',
  '[class*="autore"]',
  '[class*="auteur"]',
  '[class*="autor"]',
]);

/** The first short element named like a byline ("By Jane Doe", "di Mario Rossi"): one walk, stopping there. */
function bylineInPage(doc: Document): string {
  let found = '';
  const walk = (parent: Element): boolean => {
    for (let el = parent.firstElementChild; el; el = el.nextElementSibling) {
      if (el.localName === 'script' || el.localName === 'style') continue;
      if (BYLINE.test(el)) {
        const t = squeeze(el.textContent);
        if (t.length >= 3 && t.length <= 100 && /\p{Lu}/u.test(t)) {
          found = t;
          return true;
        }
      }
      if (walk(el)) return true;
    }
    return false;
  };
  if (doc.body) walk(doc.body);
  return found;
}

/** Title, byline, site, language, date and excerpt from JSON-LD, Open Graph, <meta>, <time> and <html lang>. */
export function readMetadata(doc: Document, ldObjects: JsonLdObject[] = jsonLdObjects(doc)): Metadata {
  const ld = jsonLdArticle(ldObjects);
  const metas = metaMap(doc);
  const meta = (_: Document, ...keys: string[]) => {
    for (const k of keys) {
      const v = metas.get(k);
      if (v) return v;
    }
    return null;
  };
  const h1s = doc.querySelectorAll('h1');
  const h1El = h1s.length === 1 ? h1s[0] : (doc.querySelector('article h1, main h1') ?? h1s[0] ?? null);
  const h1 = squeeze(h1El?.textContent) || null;

  const publisher = ld?.publisher as JsonLdObject | undefined;
  const siteName =
    meta(doc, 'og:site_name', 'application-name', 'twitter:site:name') ??
    (publisher && typeof publisher === 'object' ? str(publisher.name) : null);
  const rawTitle =
    str(ld?.headline) ?? meta(doc, 'og:title', 'twitter:title', 'title') ?? (squeeze(doc.title) || h1 || '');
  const title = cleanTitle(rawTitle, siteName, h1) || null;

  const author =
    names(ld?.author).join(', ') ||
    meta(doc, 'author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'byl') ||
    bylineInPage(doc);
  const byline = cleanByline(author && !/^https?:/i.test(author) ? author : null);

  const publishedTime =
    str(ld?.datePublished) ??
    meta(
      doc,
      'article:published_time',
      'datePublished',
      'pubdate',
      'publishdate',
      'date',
      'dc.date',
      'parsely-pub-date',
      'sailthru.date',
    ) ??
    (doc.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime') || null);

  const lang =
    normalizeLang(doc.documentElement.getAttribute('lang')) ??
    normalizeLang(doc.documentElement.getAttribute('xml:lang')) ??
    normalizeLang(doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content')) ??
    normalizeLang(str(ld?.inLanguage)) ??
    normalizeLang(meta(doc, 'og:locale'));

  const excerpt = str(ld?.description) ?? meta(doc, 'og:description', 'description', 'twitter:description');
  return { title, byline, siteName, lang, publishedTime, excerpt, kicker: kickerOf(h1El) };
}
