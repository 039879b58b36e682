import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../bin/lib/parse-html';
import {
  ARTICLE_THRESHOLD,
  detectArticle,
  detectQuickly,
  isReaderable,
  scanPage,
  urlSignals,
} from '../../../utils/extract/detect-article';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');

const LONG =
  'The council met on Tuesday to discuss the new budget for the coming year, and the debate went on late. '.repeat(
    4,
  );
const paragraphs = (n: number) => Array.from({ length: n }, () => `<p>${LONG}</p>`).join('');
const teasers = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `<div><h3><a href="/news/${i}">Story ${i}</a></h3><p>Short summary ${i}.</p></div>`,
  ).join('');
const page = (head: string, body: string) =>
  `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
const ld = (o: unknown) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

describe('detectArticle signals', () => {
  it.each([
    [
      'JSON-LD NewsArticle',
      page(ld({ '@type': 'NewsArticle', headline: 'x' }), '<p>x</p>'),
      'json-ld-article',
    ],
    [
      'JSON-LD in an array',
      page(ld([{ '@type': 'WebSite' }, { '@type': 'BlogPosting' }]), '<p>x</p>'),
      'json-ld-article',
    ],
    [
      'JSON-LD in @graph',
      page(ld({ '@graph': [{ '@type': 'WebPage' }, { '@type': ['Article'] }] }), ''),
      'json-ld-article',
    ],
    ['og:type=article', page('<meta property="og:type" content="article">', ''), 'og-article'],
    [
      'article:published_time',
      page('<meta property="article:published_time" content="2024-01-01">', ''),
      'published-time',
    ],
    ['one <article>', page('', `<article>${paragraphs(1)}</article>`), 'article-element'],
    ['readerable text', page('', paragraphs(5)), 'readerable'],
    ['JSON-LD CollectionPage', page(ld({ '@type': 'CollectionPage' }), ''), 'json-ld-listing'],
    [
      'JSON-LD in a CDATA section',
      page(`<script type="application/ld+json"><![CDATA[ {"@type": "NewsArticle"} ]]></script>`, ''),
      'json-ld-article',
    ],
    ['teaser page', page('', teasers(12)), 'teasers'],
    [
      'teaser page of headings inside links',
      page('', Array.from({ length: 8 }, (_, i) => `<a href="/n/${i}"><h2>Story ${i}</h2></a>`).join('')),
      'teasers',
    ],
  ])('%s gives %s', (_name, html, signal) => {
    const d = detectArticle(parseHtml(html, 'https://example.com/x'), 'https://example.com/x');
    expect(d.signals).toContain(signal);
  });

  it.each([
    // A <div> in the head ends it: the parser puts the meta tags after it in the body.
    [
      'meta tags pushed into the body by stray markup',
      page('<title>x</title><div>oops</div><meta property="og:type" content="article">', ''),
      ['og-article'],
    ],
    ['og:type given as name=', page('<meta name="og:type" content="article">', ''), ['og-article']],
    [
      'both meta signals, one of them in the body',
      page('<meta property="og:type" content="article"><div></div><meta name="article:published_time">', ''),
      ['og-article'],
    ],
  ])('%s', (_name, html, signals) => {
    const d = detectArticle(parseHtml(html, 'https://example.com/x'), 'https://example.com/x');
    expect(d.signals.filter((s) => s === 'og-article' || s === 'published-time')).toEqual(signals);
  });

  it('reads og:type from the first such tag that has a value, and not from other meta tags', () => {
    const doc = parseHtml(
      page(
        '<meta property="og:type"><meta property="og:title" content="article"><meta property="og:type" content="blog">',
        '',
      ),
      'https://example.com/x',
    );
    expect(scanPage(doc).ogType).toBe('blog');
    const website = parseHtml(
      page('<meta property="og:type" content="website">', ''),
      'https://example.com/x',
    );
    expect(detectArticle(website, 'https://example.com/x').signals).not.toContain('og-article');
  });

  it.each([
    ['https://example.com', ['home-url']],
    ['https://example.com?p=12', []],
    ['https://example.com/#/2024/03/12/port-cranes', ['home-url']],
    ['https://example.com/search?q=ponte#top', ['listing-url']],
    ['https://example.com/world/?tag=ports', ['listing-url']],
    ['https://user:pw@news.example.com:8080/2024/03/12/x?utm=1', ['dated-url']],
    ['not a url', []],
    ['/2024/03/12/relative-path', []],
  ])('reads the path and query of %s (fragment, port and credentials apart)', (url, signals) => {
    expect(urlSignals(url)).toEqual(signals);
  });

  it.each([
    ['https://news.example.com/2024/03/12/port-cranes', 'dated-url'],
    ['https://example.com/world/story-20240312-abc', 'dated-url'],
    ['https://example.com/world/the-council-approves-the-budget', 'slug-url'],
    ['https://example.com/', 'home-url'],
    ['https://example.com/tag/politics/', 'listing-url'],
    ['https://example.it/cerca?q=ponte', 'listing-url'],
    ['https://example.de/thema/verkehr/', 'listing-url'],
  ])('%s gives %s', (url, signal) => {
    expect(urlSignals(url)).toContain(signal);
  });

  it.each([
    [
      'a news article',
      page(
        `<meta property="og:type" content="article">${ld({ '@type': 'NewsArticle' })}`,
        `<article>${paragraphs(6)}</article>`,
      ),
      'https://example.com/2024/01/02/a-story-about-things',
      true,
    ],
    [
      'a home page of teasers',
      page('<meta property="og:type" content="website">', teasers(20)),
      'https://example.com/',
      false,
    ],
    ['a section front', page('', `<h1>World</h1>${teasers(15)}`), 'https://example.com/world/', false],
    [
      'a plain long blog post',
      page('', `<article><h1>My trip</h1>${paragraphs(6)}</article>`),
      'https://blog.example.com/2023/05/my-trip',
      true,
    ],
    ['an empty page', page('', ''), 'https://example.com/about', false],
  ])('%s: isArticle %s', (_name, html, url, want) => {
    const d = detectArticle(parseHtml(html, url), url);
    expect(d.isArticle, d.signals.join(' ')).toBe(want);
    expect(d.score >= ARTICLE_THRESHOLD).toBe(want);
  });
});

it.each([
  ['headings with anchors that link nowhere', '<h3><a name="x">Story</a></h3>'],
  ['plain headings', '<h2>Part</h2>'],
  ['links beside headings', '<h3>Story</h3><a href="/x">more</a>'],
])('%s are no teasers', (_name, block) => {
  const d = detectArticle(
    parseHtml(page('', block.repeat(12)), 'https://example.com/x'),
    'https://example.com/x',
  );
  expect(d.signals).not.toContain('teasers');
});

describe('scanPage: one read of the page for every signal', () => {
  const fixtures = readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(FIXTURES, d.name, 'source.html')))
    .map((d) => d.name);
  const long = (n: number) =>
    'Words of running text, long enough to count as a paragraph of the article. '.repeat(n);
  const edgeCases: [string, string][] = [
    ['text in a div of <br>s', `<div>${`${long(3)}<br><br>`.repeat(4)}</div>`],
    ['paragraphs in list items', `<ul>${`<li><p>${long(4)}</p></li>`.repeat(6)}</ul>`],
    ['hidden paragraphs', `${`<p hidden>${long(4)}</p><p style="display: none">${long(4)}</p>`.repeat(4)}`],
    [
      'paragraphs deep in list items',
      `<ol>${`<li><div><blockquote><p>${long(4)}</p></blockquote></div></li>`.repeat(6)}</ol>`,
    ],
    [
      'an upper-case display: none (jsdom keeps its case, Chromium hides it)',
      `${`<p style="DISPLAY:NONE">${long(4)}</p>`.repeat(6)}`,
    ],
    [
      'hidden by the last of two displays',
      `${`<p style="display: block; display: none !important">${long(4)}</p>`.repeat(6)}`,
    ],
    [
      'shown by the last of two displays',
      `${`<p style="display: none; display: block">${long(4)}</p>`.repeat(6)}`,
    ],
    [
      'a style that says none but shows',
      `${`<p style="border: none; text-decoration: none">${long(4)}</p>`.repeat(6)}`,
    ],
    ['aria-hidden paragraphs', `${`<p aria-hidden="true">${long(4)}</p>`.repeat(6)}`],
    ['a sidebar', `${`<p class="sidebar-item">${long(4)}</p>`.repeat(6)}`],
    ['a sidebar in the main column', `${`<p class="sidebar main-column">${long(4)}</p>`.repeat(6)}`],
    ['one long <pre>', `<pre>${long(12)}</pre>`],
    ['an <article> without paragraphs', `<article>${long(12)}</article>`],
    ['short paragraphs only', `${'<p>Short line.</p>'.repeat(50)}`],
  ];

  it.each([
    ...fixtures.map((f): [string, string] => [f, readFileSync(join(FIXTURES, f, 'source.html'), 'utf8')]),
    ...edgeCases,
  ])('%s: readerable exactly as Readability decides it', (_name, html) => {
    const doc = parseHtml(html.includes('<body') ? html : page('', html), 'https://example.com/x');
    const readability = isProbablyReaderable(doc);
    expect(scanPage(doc).readerable).toBe(readability);
    // The content script's own test, which stops at the first paragraphs that pass.
    expect(isReaderable(doc, doc.getElementsByTagName('article'))).toBe(readability);
  });

  it('counts reading characters inside the first <article> only, and long paragraphs outside links', () => {
    const doc = parseHtml(
      page(
        '',
        `<p>${long(10)}</p><article><p>${long(4)}</p><p>Caption.</p><a href="/x"><p>${long(4)}</p></a></article>`,
      ),
      'https://example.com/x',
    );
    const scan = scanPage(doc);
    expect(scan.readingChars).toBe(long(4).length * 2);
    expect(scan.longParagraphs).toBe(2);
  });
});

describe('detectQuickly: the content script reads less and answers the same', () => {
  const URLS = [
    'https://example.com/2024/01/02/the-council-approves-the-budget',
    'https://example.com/',
    'https://example.com/tag/politics/',
    'https://example.com/x',
  ];
  const synthetic: [string, string][] = [
    [
      'an article',
      page(`<meta property="og:type" content="article">`, `<article>${paragraphs(6)}</article>`),
    ],
    [
      'teasers that decide (og:type article, readerable, then a page of linked headings)',
      page(`<meta property="og:type" content="article">`, `${paragraphs(1)}${teasers(12)}`),
    ],
    ['teasers that cannot decide', page(ld({ '@type': 'NewsArticle' }), `${paragraphs(3)}${teasers(12)}`)],
    ['a listing by JSON-LD with long text', page(ld({ '@type': 'CollectionPage' }), paragraphs(8))],
    [
      'readerable that decides against teasers (head 5: 5 + 2 − 4 is an article, 5 − 4 is not)',
      page(
        `${ld({ '@type': 'NewsArticle' })}<meta property="og:type" content="article">`,
        `${paragraphs(3)}${teasers(12)}`,
      ),
    ],
  ];
  const pages = [
    ...readdirSync(FIXTURES, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(FIXTURES, d.name, 'source.html')))
      .map((d): [string, string] => [d.name, readFileSync(join(FIXTURES, d.name, 'source.html'), 'utf8')]),
    ...synthetic,
  ];

  it.each(pages)('%s: the same isArticle as detectArticle, from a subset of its signals', (_name, html) => {
    const doc = parseHtml(html, URLS[0]);
    for (const url of URLS) {
      const full = detectArticle(doc, url);
      const { detection } = detectQuickly(doc, url);
      expect(detection.isArticle, `${url}: ${full.signals.join(' ')}`).toBe(full.isArticle);
      expect(full.signals).toEqual(expect.arrayContaining(detection.signals));
    }
  });

  it('runs the readerable test only where its +2 can change the answer', () => {
    const url = 'https://example.com/x';
    const sure = parseHtml(
      page(
        '<meta property="og:type" content="article"><meta property="article:published_time">',
        paragraphs(6),
      ),
      url,
    );
    expect(detectArticle(sure, url).signals).toContain('readerable');
    expect(detectQuickly(sure, url).detection).toMatchObject({
      isArticle: true,
      signals: ['og-article', 'published-time'],
    });
    // Head 5: over the threshold without the text, so the teasers are looked at first; they take it to 1, and only
    // then can the readerable +2 (to 3) decide.
    const close = parseHtml(
      page(
        `${ld({ '@type': 'NewsArticle' })}<meta property="og:type" content="article">`,
        `${paragraphs(3)}${teasers(12)}`,
      ),
      url,
    );
    expect(detectQuickly(close, url).detection).toMatchObject({
      isArticle: true,
      signals: ['json-ld-article', 'og-article', 'teasers', 'readerable'],
    });
    // The same head without teasers: neither is read.
    const plain = parseHtml(
      page(`${ld({ '@type': 'NewsArticle' })}<meta property="og:type" content="article">`, paragraphs(3)),
      url,
    );
    expect(detectQuickly(plain, url).detection.signals).toEqual(['json-ld-article', 'og-article']);
    // Head 1 (a slug URL): only the readerable test can make it an article, and a page of short lines fails it.
    const slug = 'https://example.com/the-council-approves-the-budget';
    const short = parseHtml(page('', '<p>Short line.</p>'.repeat(40)), slug);
    expect(detectQuickly(short, slug).detection).toMatchObject({ isArticle: false, signals: ['slug-url'] });
  });

  it('weighs the long paragraphs against the teasers only on a page with enough teasers to be a listing', () => {
    const url = 'https://example.com/x';
    const head = `${ld({ '@type': 'NewsArticle' })}<meta property="og:type" content="article">`;
    // Eight linked headings beside three long paragraphs: 8 ≥ max(6, 2 × 3), a listing.
    const listing = parseHtml(page(head, `${paragraphs(3)}${teasers(8)}`), url);
    expect(detectQuickly(listing, url).detection.signals).toContain('teasers');
    // Eight linked headings beside five: 8 < 2 × 5, an article with links to more stories.
    const article = parseHtml(page(head, `${paragraphs(5)}${teasers(8)}`), url);
    expect(detectQuickly(article, url).detection.signals).not.toContain('teasers');
    // Five linked headings are not enough for a listing, whatever the paragraphs.
    const few = parseHtml(page(head, teasers(5)), url);
    expect(detectQuickly(few, url).detection.signals).not.toContain('teasers');
    // At the boundary (teasers = 2 × long is a listing) and one past it, long paragraphs before and after the teasers.
    const edges: [string, boolean][] = [
      [`${paragraphs(4)}${teasers(8)}`, true],
      [`${teasers(8)}${paragraphs(4)}`, true],
      [`${paragraphs(5)}${teasers(9)}`, false],
      [`${teasers(9)}${paragraphs(5)}`, false],
      [`${paragraphs(2)}${teasers(9)}${paragraphs(2)}`, true],
    ];
    for (const [body, isListing] of edges) {
      const doc = parseHtml(page(head, body), url);
      expect(detectQuickly(doc, url).detection.signals.includes('teasers'), body.length.toString()).toBe(
        isListing,
      );
      expect(detectArticle(doc, url).signals.includes('teasers')).toBe(isListing);
    }
    for (const doc of [listing, article, few])
      expect(detectQuickly(doc, url).detection.isArticle).toBe(detectArticle(doc, url).isArticle);
  });

  it("reads each paragraph's text once when the readerable test and the teaser check both need it", () => {
    const url = 'https://example.com/x';
    // og:type alone (2) needs the readerable +2, which two long paragraphs give; then the twelve linked headings
    // send the teaser check to the long paragraphs, from the first one again: two are too few, a page of teasers.
    const doc = parseHtml(
      page('<meta property="og:type" content="article">', `${paragraphs(2)}${teasers(12)}`),
      url,
    );
    const proto = (doc.defaultView as Window & typeof globalThis).Node.prototype;
    const own = Object.getOwnPropertyDescriptor(proto, 'textContent') as PropertyDescriptor;
    const reads = new Map<Node, number>();
    Object.defineProperty(proto, 'textContent', {
      ...own,
      get(this: Node) {
        reads.set(this, (reads.get(this) ?? 0) + 1);
        return own.get?.call(this);
      },
    });
    try {
      expect(detectQuickly(doc, url).detection).toMatchObject({
        isArticle: false,
        signals: ['og-article', 'readerable', 'teasers'],
      });
    } finally {
      Object.defineProperty(proto, 'textContent', own);
    }
    const paragraphReads = [...doc.getElementsByTagName('p')].map((p) => reads.get(p) ?? 0);
    expect(paragraphReads.slice(0, 2)).toEqual([1, 1]);
    expect(Math.max(...paragraphReads)).toBe(1);
  });

  it('reads the paragraphs of an article, and not those of a page its head and URL already rule out', () => {
    const doc = parseHtml(page('', paragraphs(8)), 'https://example.com/');
    expect(scanPage(doc).readingChars).toBeGreaterThan(0);
    const none = detectQuickly(doc, 'https://example.com/');
    expect(none.detection.isArticle).toBe(false);
    expect(none.readingChars()).toBe(0);
    const article = detectQuickly(doc, 'https://example.com/2024/01/02/the-council-approves-the-budget');
    expect(article.detection.isArticle).toBe(true);
    expect(article.readingChars()).toBe(scanPage(doc).readingChars);
  });

  it('reads the reading time in the first <article> alone, as the full scan does, whichever path read it', () => {
    const url = 'https://example.com/x';
    const head = `${ld({ '@type': 'NewsArticle' })}<meta property="og:type" content="article">`;
    const body = `<p>${LONG} Outside.</p><article>${paragraphs(4)}<p>Caption.</p></article>`;
    // Head 5 with teasers to weigh (the long paragraphs are read with the reading time), and head 5 without.
    for (const html of [page(head, `${body}${teasers(8)}`), page(head, body)]) {
      const doc = parseHtml(html, url);
      const quick = detectQuickly(doc, url);
      expect(quick.detection.isArticle).toBe(true);
      expect(quick.readingChars()).toBe(LONG.length * 4);
      expect(quick.readingChars()).toBe(scanPage(doc).readingChars);
    }
  });
});
