// Step 7 apart from steps 1–6: the extension's tab reads the page without the quote finder (extractArticleText)
// and its background adds the quotes (addQuotes). Both must give what one extractArticle gives.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../bin/lib/parse-html';
import { addQuotes } from '../../../utils/extension/extract-in-tab';
import { runExtraction } from '../../../utils/extension/run-extraction';
import { extractArticle, extractArticleText, withQuotes } from '../../../utils/extract';
import { TimeBudgetError } from '../../../utils/extract/time-budget';
import { extractQuotes } from '../../../utils/quotes';
import { selectionArticle } from '../../../utils/rules/selection-article';

const fixtures = resolve(import.meta.dirname, '../../fixtures');
const read = (...parts: string[]) => readFileSync(join(fixtures, ...parts), 'utf8');

/** A fixture page as it is (source.html and the URL of its expected.json). */
function fixturePage(name: string): { html: string; url: string } {
  return { html: read(name, 'source.html'), url: JSON.parse(read(name, 'expected.json')).url };
}

/** A page made of a quote fixture's text (article.txt), one <p> per paragraph, in the fixture's language. */
function quotesPage(name: string): { html: string; url: string } {
  const { lang } = JSON.parse(read(name, 'expected.json'));
  const paragraphs = read(name, 'article.txt')
    .split(/\n\s*\n/)
    .filter((p) => p.trim());
  const body = paragraphs.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n');
  const html = `<!doctype html><html lang="${lang}"><head><title>${name}</title>
<meta property="og:type" content="article"></head><body><article><h1>${name}</h1>${body}</article></body></html>`;
  return { html, url: `https://news.example/2024/03/05/${name}.html` };
}

const PAGES = [
  ['sole24ore-kilometro-rosso (it)', fixturePage('sole24ore-kilometro-rosso')],
  ['advertisement-word-in-sentence (en)', fixturePage('advertisement-word-in-sentence')],
  ['quotes-de-klimapaket', quotesPage('quotes-de-klimapaket')],
  ['quotes-en-council', quotesPage('quotes-en-council')],
  ['quotes-it-manovra', quotesPage('quotes-it-manovra')],
] as const;

describe.each(PAGES)('%s', (_, { html, url }) => {
  const full = extractArticle(parseHtml(html, url), url);

  it('has quotes to compare (the page is a fair test)', () => {
    expect(full.quotes.length).toBeGreaterThan(0);
    expect(full.speakers.length).toBeGreaterThan(0);
  });

  it('extractArticleText gives the same article, without its quotes', () => {
    const text = extractArticleText(parseHtml(html, url), url);
    expect(text.quotes).toEqual([]);
    expect(text.speakers).toEqual([]);
    expect({ ...text, quotes: full.quotes, speakers: full.speakers }).toEqual(full);
  });

  it("the tab's article plus the background's quote step gives the full article", () => {
    const inTab = runExtraction(parseHtml(html, url), url);
    expect(inTab.ok && inTab.article.quotes).toEqual([]);
    if (!inTab.ok) return;
    const completed = addQuotes({ ok: true, article: inTab.article });
    expect(completed).toEqual({ ok: true, article: JSON.parse(JSON.stringify(full)) });
    // Same fields in the same order: the Article JSON of DESIGN.md is unchanged.
    expect(completed.ok && Object.keys(completed.article)).toEqual(Object.keys(full));
  });
});

describe('the selection (manual fallback)', () => {
  it('comes from the tab without quotes; the background finds those of the selected paragraphs', () => {
    const { html, url } = quotesPage('quotes-de-klimapaket');
    const doc = parseHtml(html, url);
    const win = doc.defaultView!;
    const range = doc.createRange();
    const paras = doc.querySelectorAll('article > p');
    range.setStartBefore(paras[1]);
    range.setEndAfter(paras[paras.length - 1]);
    win.getSelection()!.addRange(range);
    const article = selectionArticle(win as unknown as Window);
    expect(article?.quotes).toEqual([]);
    const completed = addQuotes({ ok: true, article: article! });
    const selected = [...paras].slice(1).map((p) => p.textContent!.replace(/\s+/g, ' ').trim());
    const expected = extractQuotes(selected, 'de');
    expect(expected.quotes.length).toBeGreaterThan(0);
    expect(completed.ok && completed.article.quotes).toEqual(expected.quotes);
    expect(completed.ok && completed.article.speakers).toEqual(expected.speakers);
  });

  it('a quote finder out of time leaves the article without quotes, never without text', () => {
    const { html, url } = quotesPage('quotes-en-council');
    const inTab = runExtraction(parseHtml(html, url), url);
    if (!inTab.ok) throw new Error(inTab.error);
    const spent = {
      check() {
        throw new TimeBudgetError(1);
      },
    };
    expect(withQuotes(inTab.article, spent)).toEqual(inTab.article);
    expect(withQuotes(inTab.article).quotes.length).toBeGreaterThan(0);
  });
});
