// @vitest-environment jsdom
// What leaves Nitido as files: a standalone HTML export opens in a browser (file://, scripts allowed), a Markdown
// export goes to notes apps and static-site generators that pass inline HTML through. Neither may carry the page's
// code, nor turn the page's *text* (say "<img src=x onerror=…>" written as text) into markup. The articles here
// come from the hostile corpus, imported as a raw backup.
import { JSDOM } from 'jsdom';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  articleToHtml,
  articleToMarkdown,
  getStoredArticle,
  importLibrary,
  validateBackup,
} from '../../../utils/library';
import { HOSTILE_PAGES, PWNED_FLAG } from '../../fixtures/hostile/vectors';
import { freshLibrary, makeArticle } from '../library/helpers';

const JS = `window.${PWNED_FLAG}=1`;
const MARKUP_TEXT = `<img src=x onerror="${JS}"><script>${JS}</script>`;
const bodyOf = (html: string) => html.slice(html.indexOf('<article>') + 9, html.indexOf('</article>'));

beforeEach(() => {
  freshLibrary();
});

async function importHostile() {
  const articles = HOSTILE_PAGES.map((v, i) => ({
    ...makeArticle({
      url: `https://news.example/2024/05/04/${v.name}`,
      title: `${MARKUP_TEXT} ${v.name}`,
      byline: `By ${MARKUP_TEXT}`,
      siteName: MARKUP_TEXT,
      // Raw page HTML, and text that spells out markup (escaped in HTML, as a page would write it).
      html: `${bodyOf(v.html)}<p>${MARKUP_TEXT.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`,
    }),
    id: `h${i}`,
    savedAt: '2024-05-04T10:00:00.000Z',
    tags: [MARKUP_TEXT.slice(0, 50)],
  }));
  await importLibrary(
    validateBackup({
      format: 'nitido-library',
      version: 1,
      exportedAt: '2024-05-04T10:00:00.000Z',
      articles,
    }),
  );
  return Promise.all(articles.map(async (a) => (await getStoredArticle(a.id))!));
}

/** Everything in an HTML document that could run code. */
function activeParts(html: string): string[] {
  const doc = new JSDOM(html).window.document;
  const found: string[] = [];
  for (const el of doc.querySelectorAll('*')) {
    if (/^(script|iframe|frame|object|embed|form|base|link|template|noscript)$/.test(el.localName))
      found.push(el.localName);
    if (
      el.localName === 'meta' &&
      !['charset', 'viewport', 'generator', 'nitido:saved'].some(
        (n) => el.hasAttribute(n) || el.getAttribute('name') === n,
      )
    )
      found.push('meta');
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) found.push(`${el.localName} ${a.name}`);
      if (/(java|vb)script:/i.test(a.value.replace(/[\u0000-\u0020]+/g, '')))
        found.push(`${el.localName} ${a.name}`);
    }
  }
  return found;
}

describe('standalone HTML export', () => {
  it('of every hostile article imported raw: no code, and the markup in its fields stays text', async () => {
    const stored = await importHostile();
    expect(stored).toHaveLength(HOSTILE_PAGES.length);
    for (const article of stored) {
      const html = articleToHtml(article);
      expect(activeParts(html), article.id).toEqual([]);
      const doc = new JSDOM(html).window.document;
      expect(doc.querySelector('h1')?.textContent).toBe(article.title);
      expect(doc.title).toBe(article.title);
      expect(doc.querySelector('.meta')?.textContent).toContain(MARKUP_TEXT);
    }
  });
});

describe('Markdown export', () => {
  /** Inline HTML a CommonMark renderer would pass through: a "<" starting a tag, not escaped. */
  const rawTag = /(^|[^\\])<\/?[a-z][^>]*>/im;

  it('the text of the page never becomes markup (title, body)', async () => {
    const stored = await importHostile();
    for (const article of stored) {
      const md = articleToMarkdown(article);
      const body = md.slice(md.indexOf('\n---\n') + 5);
      expect(body, article.id).not.toMatch(rawTag);
      expect(body).not.toMatch(/javascript:/i);
    }
  });

  it('a title and a paragraph that spell out markup come out escaped, readable as the same text', async () => {
    const [article] = await importHostile();
    const md = articleToMarkdown(article);
    expect(md).toContain('\\<img src=x onerror="');
    // The front matter holds it as a YAML (JSON) string, which no renderer treats as HTML.
    expect(md).toContain(`title: ${JSON.stringify(article.title)}`);
  });
});
