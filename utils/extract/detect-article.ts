// Runs in the content script on every page: imports only small modules, and reads the page in a few queries.
import { isArticleType, JSON_LD_SELECTOR, type JsonLdObject, jsonLdOf, typesOf } from './json-ld';
import type { Detection } from './types';
import { urlSignals } from './url-signals';

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

/** JSON-LD types of a listing page. */
const LISTING_TYPES: ReadonlySet<string> = new Set([
  'CollectionPage',
  'ItemList',
  'SearchResultsPage',
  'ProfilePage',
]);

export { urlSignals };

/**
 * Readability's readerable test (Readability-readerable.js, isProbablyReaderable with its defaults), computed from the
 * one scan below instead of its own two walks of the page; keep in step with that file. A node counts when it is
 * visible, not named like a sidebar or footer, not a paragraph in a list item, and holds ≥ 140 characters; the page is
 * readerable when Σ√(length − 140) over those nodes passes 20 (a sum, so the order of the nodes does not matter).
 * Its two patterns (REGEXPS.unlikelyCandidates, okMaybeItsACandidate) are word lists matched with includes() here:
 * the same test without compiling two patterns in every fresh renderer (see url-signals.ts).
 */
const UNLIKELY =
  '-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote'.split(
    '|',
  );
const MAYBE_CANDIDATE = 'and|article|body|column|content|main|shadow'.split('|');
const includesAny = (text: string, words: readonly string[]) => words.some((w) => text.includes(w));
const READERABLE_MIN_LENGTH = 140;
const READERABLE_MIN_SCORE = 20;

/**
 * Readability's `style.display === 'none'`, with the style attribute's text read first: only a style that says
 * `none` is parsed (the first `style` read in a fresh renderer sets up CSSStyleDeclaration for the script's world,
 * about 0.1 ms, and most paragraphs with a style attribute are not hidden).
 */
function hiddenByStyle(el: Element): boolean {
  const style = el.getAttribute('style');
  return !!style && style.toLowerCase().includes('none') && (el as HTMLElement).style?.display === 'none';
}

/**
 * Ancestor tests as `matches()`, which answers true or false, where `closest()` hands script the ancestor it finds: a
 * wrapper per call, and in a fresh renderer the first <li> or <a> sets up its interface for the script's world. (The
 * first call of either costs about 0.1 ms there: a scratch probe, 2026-12-05.)
 */
const IN_LIST_ITEM = 'li *';
const IN_LINK = 'a *';
const IN_HREF_LINK = 'a[href] *';

function readerableWeight(el: Element, length: number): number {
  if (length < READERABLE_MIN_LENGTH) return 0;
  if (el.hasAttribute('hidden') || hiddenByStyle(el)) return 0;
  if (el.getAttribute('aria-hidden') === 'true' && !el.className.includes('fallback-image')) return 0;
  if (el.className || el.id) {
    const names = `${el.className} ${el.id}`.toLowerCase();
    if (includesAny(names, UNLIKELY) && !includesAny(names, MAYBE_CANDIDATE)) return 0;
  }
  if (el.localName === 'p' && el.matches(IN_LIST_ITEM)) return 0;
  return Math.sqrt(length - READERABLE_MIN_LENGTH);
}

/** Paragraphs shorter than this are usually captions, teasers or buttons, not article text. */
const MIN_READING_PARAGRAPH = 40;
/** A paragraph this long, outside a link, is running text (a teaser page has few of them). */
const LONG_PARAGRAPH = 250;
const isLongParagraph = (p: Element, length: number) => length > LONG_PARAGRAPH && !p.matches(IN_LINK);

/**
 * What detection reads of a page. Each query of the document walks the whole DOM, and the content script pays for
 * this on every page load, so: few walks of the document (a selector list costs about one walk per selector in it;
 * lists only in the small <head>), selectors that hand script only the few elements that matter, each paragraph's
 * text read once for the teaser check and the reading time, and the readerable test apart, as it stops reading as
 * soon as the page passes (the walks that only it needs are then skipped).
 */
export interface PageHead {
  ldScripts: Element[];
  ogType: string | null;
  publishedTime: boolean;
  articles: HTMLCollectionOf<Element>;
}

export interface PageParagraphs {
  /** Paragraphs of running text (≥ 250 characters) outside links, for the teaser check. */
  longParagraphs: number;
  /** Characters of the paragraphs of ≥ 40 characters inside the first <article> (else the whole page). */
  readingChars: number;
}

export type PageScan = PageHead & PageParagraphs & { readerable: boolean };

/** The meta tags detection reads (og:type only with a value). */
const SIGNAL_META =
  'meta[property="og:type"][content], meta[name="og:type"][content], ' +
  'meta[property="article:published_time"], meta[name="article:published_time"]';

/**
 * The signal meta tags, looked for in the head: a selector there costs next to nothing, where on a 10,000-element
 * page it costs a walk of every element. Only a head without them sends us to the body, for the pages whose stray
 * markup ended the head early (the parser then puts the following meta tags in the body).
 */
function signalMetas(doc: Document): Iterable<Element> {
  const inHead = doc.head?.querySelectorAll(SIGNAL_META);
  if (inHead?.length) return inHead;
  return [...(doc.body?.getElementsByTagName('meta') ?? [])].filter((m) => m.matches(SIGNAL_META));
}

/**
 * The sources of the cheap signals: meta tags, JSON-LD scripts, <article> elements. Selectors pick the few elements
 * that matter (a news page has dozens of meta tags and often a hundred scripts): every element handed to script
 * costs a wrapper and a call, several times the browser's own matching of it.
 */
export function readHead(doc: Document): PageHead {
  let ogType: string | null = null;
  let publishedTime = false;
  for (const m of signalMetas(doc)) {
    if (m.getAttribute('property') === 'og:type' || m.getAttribute('name') === 'og:type')
      ogType ??= m.getAttribute('content');
    else publishedTime = true;
  }
  const ldScripts = [...doc.querySelectorAll(JSON_LD_SELECTOR)];
  return { ldScripts, ogType, publishedTime, articles: doc.getElementsByTagName('article') };
}

/**
 * The page's paragraphs, each one's text read at most once however many tests ask for it: the readerable test and
 * the teaser check's long paragraphs both read them in document order, and each read costs a wrapper and a string
 * (on 11 of the 130 corpus pages the content script read 94 paragraphs twice before). For one synchronous task only:
 * the page may change between tasks.
 */
export interface ParagraphTexts {
  readonly elements: HTMLCollectionOf<Element>;
  text(index: number): string;
}

export function paragraphTexts(doc: Document): ParagraphTexts {
  const elements = doc.getElementsByTagName('p');
  const texts: string[] = [];
  return { elements, text: (i) => (texts[i] ??= elements[i].textContent ?? '') };
}

/** The paragraphs' text, read once: the teaser check's long paragraphs, the reading time. */
export function readParagraphs(
  doc: Document,
  articles: HTMLCollectionOf<Element>,
  paragraphs: ParagraphTexts = paragraphTexts(doc),
): PageParagraphs {
  const root = articles[0];
  let longParagraphs = 0;
  let readingChars = 0;
  for (let i = 0; i < paragraphs.elements.length; i++) {
    const p = paragraphs.elements[i];
    const text = paragraphs.text(i);
    if (text.length < MIN_READING_PARAGRAPH) continue;
    if (!root || root.contains(p)) readingChars += text.length;
    if (isLongParagraph(p, text.length)) longParagraphs++;
  }
  return { longParagraphs, readingChars };
}

/**
 * Readability's readerable test, which stops reading as soon as the page passes: the paragraphs first, then (only
 * when they fall short) the walks of <pre>, <article> and <br>.
 */
export function isReaderable(
  doc: Document,
  articles: HTMLCollectionOf<Element>,
  paragraphs: ParagraphTexts = paragraphTexts(doc),
): boolean {
  let weight = 0;
  for (let i = 0; i < paragraphs.elements.length; i++) {
    const text = paragraphs.text(i);
    if (text.length < READERABLE_MIN_LENGTH) continue;
    weight += readerableWeight(paragraphs.elements[i], text.trim().length);
    if (weight > READERABLE_MIN_SCORE) return true;
  }
  return weight + otherBlocksWeight(doc, articles) > READERABLE_MIN_SCORE;
}

export function scanPage(doc: Document): PageScan {
  const head = readHead(doc);
  const paragraphs = paragraphTexts(doc);
  return {
    ...head,
    ...readParagraphs(doc, head.articles, paragraphs),
    readerable: isReaderable(doc, head.articles, paragraphs),
  };
}

/** The readerable weight of the blocks other than paragraphs: <pre>, <article>, and <div>s of text and <br>s. */
function otherBlocksWeight(doc: Document, articles: HTMLCollectionOf<Element>): number {
  const blocks = new Set<Element>([...doc.getElementsByTagName('pre'), ...articles]);
  // Readability's own selector: the browser picks the <br>s of a <div>, and script meets only those.
  for (const br of doc.querySelectorAll('div > br')) if (br.parentElement) blocks.add(br.parentElement);
  let weight = 0;
  for (const el of blocks) {
    weight += readerableWeight(el, el.textContent?.trim().length ?? 0);
    if (weight > READERABLE_MIN_SCORE) break;
  }
  return weight;
}

/** Linked headings (or <article> teasers) from which a page can be a page of teasers. */
const MIN_TEASERS = 6;

/**
 * Teaser density: many linked headings (or <article> teasers) and few long paragraphs of running text, at least
 * twice as many teasers as long paragraphs. `hasLongParagraphs(n)` (are there n or more?) is asked only once a page
 * has the teasers to be a listing (most articles never have them), and only for as many as could outweigh the
 * teasers it has or may still have: the content script then reads an article's paragraphs no further than that,
 * and a page whose running text outweighs all its headings has them looked at no further.
 */
function isTeaserPage(
  doc: Document,
  articles: HTMLCollectionOf<Element>,
  hasLongParagraphs: (n: number) => boolean,
): boolean {
  // teasers ≥ 2 × long ⟺ fewer than ⌊teasers / 2⌋ + 1 long paragraphs.
  const outweighs = (teasers: number) => hasLongParagraphs(Math.floor(teasers / 2) + 1);
  const dense = (teasers: number) => teasers >= MIN_TEASERS && !outweighs(teasers);
  if (dense(articles.length)) return true;
  const headings = ['h2', 'h3', 'h4'].map((tag) => doc.getElementsByTagName(tag));
  // The browser counts them (a walk of the page per tag, no heading handed to script): few headings, no teasers.
  let unseen = headings.reduce((n, list) => n + list.length, 0);
  if (unseen < MIN_TEASERS) return false;
  let linked = 0;
  for (const list of headings) {
    for (const h of list) {
      unseen--;
      if (!(h.querySelector('a[href]') || h.matches(IN_HREF_LINK))) continue;
      linked++;
      if (linked < MIN_TEASERS) continue;
      if (dense(linked)) return true;
      // Even if every heading still unseen were linked, the running text would outweigh them.
      if (outweighs(linked + unseen)) return false;
    }
  }
  return false;
}

/**
 * hasLongParagraphs for the content script: are there n or more long paragraphs (running text outside links)? Reads
 * the paragraphs in order, only as far as the largest n asked so far takes it (and those the readerable test has
 * read are not read again).
 */
function longParagraphCounter(paragraphs: ParagraphTexts): (n: number) => boolean {
  let next = 0;
  let found = 0;
  return (n) => {
    while (found < n && next < paragraphs.elements.length) {
      const i = next++;
      if (isLongParagraph(paragraphs.elements[i], paragraphs.text(i).length)) found++;
    }
    return found >= n;
  };
}

/** og:type values of an article (`article`, `blog`, `blogposting`, `post`…). */
const OG_ARTICLE_WORDS = ['article', 'blog', 'post'];

/** The signals read from the page's head, its <article> elements and its URL. */
function headSignals(head: PageHead, url: string, ldObjects?: JsonLdObject[]): Signal[] {
  const out: Signal[] = [];
  const types = (ldObjects ?? jsonLdOf(head.ldScripts, { typedOnly: true })).flatMap(typesOf);
  if (types.some(isArticleType)) out.push('json-ld-article');
  else if (types.some((t) => LISTING_TYPES.has(t)) && !types.some((t) => t === 'WebPage' || t === 'Article'))
    out.push('json-ld-listing');
  if (head.ogType && includesAny(head.ogType.toLowerCase(), OG_ARTICLE_WORDS)) out.push('og-article');
  if (head.publishedTime) out.push('published-time');
  if (head.articles.length >= 1 && head.articles.length <= 2) out.push('article-element');
  out.push(...urlSignals(url));
  return out;
}

const scoreOf = (signals: Signal[]) => signals.reduce((sum, s) => sum + SIGNAL_WEIGHTS[s], 0);

function verdict(signals: Signal[]): Detection {
  const score = scoreOf(signals);
  return { isArticle: score >= ARTICLE_THRESHOLD, score, signals };
}

/** Is this page an article? Every signal, for the Article's `detection` (why the page was or was not one). */
export function detectArticle(
  doc: Document,
  url: string,
  ldObjects?: JsonLdObject[],
  scan: PageScan = scanPage(doc),
): Detection {
  const signals = headSignals(scan, url, ldObjects);
  if (scan.readerable) signals.push('readerable');
  if (isTeaserPage(doc, scan.articles, (n) => scan.longParagraphs >= n)) signals.push('teasers');
  return verdict(signals);
}

/** Characters of the reading paragraphs (≥ 40 characters) in `root`: all the reading time needs of a page. */
function readingCharsIn(root: Document | Element): number {
  let chars = 0;
  for (const p of root.getElementsByTagName('p')) {
    const length = p.textContent?.length ?? 0;
    if (length >= MIN_READING_PARAGRAPH) chars += length;
  }
  return chars;
}

const overThreshold = (score: number) => score >= ARTICLE_THRESHOLD;

export interface QuickDetection {
  detection: Detection;
  /** Characters of the article's reading paragraphs (0 on a page that is none), read only when asked for. */
  readingChars: () => number;
}

/**
 * detectArticle's answer (isArticle) for the content script, which runs on every page: each part of the page is
 * read only when it can still change the answer. After the head, the score can only move by the readerable signal
 * (+2) and the teaser signal (−4): a page the head leaves below the threshold needs the readerable test to be an
 * article (and one it leaves 2 short is none whatever its text says), a page above it only the teaser check to be
 * none, and that check reads the long paragraphs only for a page with the teasers to be one. The readerable test
 * stops at the first paragraphs that pass it. `signals` and `score` cover what was read. The reading time is for
 * articles only, and read only when asked for (the content script asks in an idle moment after detection): just the
 * paragraphs' length, in the first <article> if any.
 */
export function detectQuickly(doc: Document, url: string): QuickDetection {
  const head = readHead(doc);
  const signals = headSignals(head, url);
  const headScore = scoreOf(signals);
  const paragraphs = paragraphTexts(doc);
  const readerable = () => isReaderable(doc, head.articles, paragraphs);
  if (!overThreshold(headScore)) {
    if (!overThreshold(headScore + SIGNAL_WEIGHTS.readerable) || !readerable())
      return { detection: verdict(signals), readingChars: () => 0 };
    signals.push('readerable');
  }
  const score = scoreOf(signals);
  const afterTeasers = score + SIGNAL_WEIGHTS.teasers;
  if (!overThreshold(afterTeasers) && isTeaserPage(doc, head.articles, longParagraphCounter(paragraphs))) {
    signals.push('teasers');
    // A page over the threshold by its head alone was not tested for readerable: its +2 may make up for the teasers.
    const lifts = overThreshold(afterTeasers + SIGNAL_WEIGHTS.readerable);
    if (overThreshold(headScore) && lifts && readerable()) signals.push('readerable');
  }
  const detection = verdict(signals);
  if (!detection.isArticle) return { detection, readingChars: () => 0 };
  return {
    detection,
    readingChars: () => readingCharsIn(head.articles[0] ?? doc),
  };
}
