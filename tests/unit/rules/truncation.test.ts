// detectTruncation: signs that the page holds only part of the article, in five languages, and the look-alikes
// that are not (a sentence that mentions subscribing, teaser badges, links to other articles, empty containers).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../bin/lib/parse-html';
import { detectTruncation, extractArticle } from '../../../utils/extract';

const URL_ = 'https://news.example.org/2024/03/10/story';
const LONG =
  '<p>The harbour authority confirmed on Monday that the new quay will open in the summer, after two years of works that closed the old ferry terminal and moved the fish market to a temporary site.</p>';
const page = (body: string, head = '') =>
  parseHtml(
    `<!DOCTYPE html><html><head>${head}</head><body><main><article>${LONG}${body}</article></main></body></html>`,
    URL_,
  );
const ld = (o: object) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

describe('detectTruncation: signs', () => {
  it.each([
    [
      'en paywall line',
      '<div class="box"><p>Subscribe to continue reading this story.</p></div>',
      'text:en:paywall',
    ],
    ['it paywall line', '<p>Per continuare a leggere abbonati a Quotidiano Più</p>', 'text:it:paywall'],
    ['it reserved', '<p>Questo articolo è riservato agli abbonati</p>', 'text:it:paywall'],
    [
      'fr percent left',
      '<p>Il vous reste 72 % de cet article à lire. La suite est réservée aux abonnés.</p>',
      'text:fr:paywall',
    ],
    [
      'fr rest reserved',
      '<p><span>La suite est réservée aux abonnés.</span> <a href="/abo">Déjà abonné ?</a></p>',
      'text:fr:paywall',
    ],
    ['de weiterlesen mit', '<div><p>Jetzt weiterlesen mit SPIEGEL+</p></div>', 'text:de:paywall'],
    ['de nur für abonnenten', '<p>Dieser Artikel ist nur für Abonnenten verfügbar.</p>', 'text:de:paywall'],
    ['es suscríbete', '<p>Suscríbete para seguir leyendo</p>', 'text:es:paywall'],
    ['es exclusive', '<p>Este contenido es exclusivo para suscriptores.</p>', 'text:es:paywall'],
    [
      'en continue-reading button',
      '<button type="button">Continue reading</button>',
      'text:en:continue-reading',
    ],
    ['en same-page anchor', '<a href="#rest">Read the full article</a>', 'text:en:continue-reading'],
    ['it continua a leggere', '<button>Continua a leggere</button>', 'text:it:continue-reading'],
    ['de weiterlesen', '<span role="button">Weiterlesen</span>', 'text:de:continue-reading'],
    ['es seguir leyendo', '<button>Seguir leyendo</button>', 'text:es:continue-reading'],
    ['paywall class', '<div class="article-paywall"><p>Abonnez-vous</p></div>', 'class:article-paywall'],
    ['truncated class', '<div class="body article-truncated"><p>…</p></div>', 'class:article-truncated'],
    ['premium-content class', '<div class="premium-content"><p>Locked</p></div>', 'class:premium-content'],
  ])('%s', (_name, body, reason) => {
    const t = detectTruncation(page(body));
    expect(t.reasons).toContain(reason);
    expect(t.truncated).toBe(true);
  });

  it.each([
    [{ '@type': 'NewsArticle', isAccessibleForFree: false }, 'json-ld:isAccessibleForFree=false'],
    [{ '@type': 'NewsArticle', isAccessibleForFree: 'False' }, 'json-ld:isAccessibleForFree=false'],
    [
      { '@graph': [{ '@type': 'NewsArticle', isAccessibleForFree: 'false' }] },
      'json-ld:isAccessibleForFree=false',
    ],
  ])('JSON-LD %j', (o, reason) => {
    expect(detectTruncation(page('', ld(o))).reasons).toContain(reason);
  });

  it('JSON-LD hasPart with a cssSelector that is on the page', () => {
    const o = {
      '@type': 'NewsArticle',
      hasPart: [{ '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '.locked' }],
    };
    expect(detectTruncation(page('<div class="locked"></div>', ld(o))).reasons).toContain(
      'json-ld:hasPart .locked',
    );
    expect(detectTruncation(page('', ld(o))).reasons).not.toContain('json-ld:hasPart .locked');
  });
});

describe('detectTruncation: look-alikes are not flagged', () => {
  it.each([
    ['a sentence about subscribing', '<p>Readers who subscribe to read the print edition get a voucher.</p>'],
    ['subscribe mid-sentence', '<p>Many people now subscribe to continue reading their local paper.</p>'],
    ['a Subscribe button', '<a href="/subscribe">Subscribe</a>'],
    [
      'a link to another article',
      '<p><a href="https://news.example.org/2024/03/09/other">Continue reading</a></p>',
    ],
    ['continue reading in a sentence', '<p>Visitors can continue reading the older issues on microfilm.</p>'],
    ['an empty paywall container', '<div id="paywall" class="paywall"></div>'],
    ['free JSON-LD', ld({ '@type': 'NewsArticle', isAccessibleForFree: true })],
    [
      'a long paragraph starting like a paywall line',
      `<p>Per continuare a leggere ${'il giornale ogni giorno '.repeat(12)}</p>`,
    ],
  ])('%s', (_name, body) => {
    expect(detectTruncation(page(body))).toEqual({ truncated: false, reasons: [] });
  });

  it('teaser cards of other articles (badges, continue-reading links)', () => {
    const doc = parseHtml(
      `<!DOCTYPE html><body><main><article>${LONG}${LONG}</article>
       <article class="teaser"><p>Article réservé aux abonnés</p><p>This article is for subscribers only</p><button>Continue reading</button></article></main></body>`,
      URL_,
    );
    expect(detectTruncation(doc)).toEqual({ truncated: false, reasons: [] });
  });
});

describe('truncation fixtures', () => {
  const root = resolve(import.meta.dirname, '../../fixtures');
  const names = readdirSync(root)
    .filter((d) => existsSync(join(root, d, 'expected.json')))
    .filter((d) => 'truncation' in JSON.parse(readFileSync(join(root, d, 'expected.json'), 'utf8')));

  it('there are a paywalled page (it), a continue-reading page (en) and a normal page', () => {
    expect(names.length).toBeGreaterThanOrEqual(3);
  });

  it.each(names)('%s', (name) => {
    const want = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as {
      url: string;
      truncation: { truncated: boolean; reasons: string[] };
    };
    const doc = parseHtml(readFileSync(join(root, name, 'source.html'), 'utf8'), want.url);
    const a = extractArticle(doc, want.url);
    expect(a.truncation?.truncated).toBe(want.truncation.truncated);
    expect([...(a.truncation?.reasons ?? [])].sort()).toEqual([...want.truncation.reasons].sort());
  });
});
