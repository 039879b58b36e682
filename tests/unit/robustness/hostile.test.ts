// Hostile pages through the engine: the Article's HTML must be inert, its title and byline plain text.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { closeDocument, parseHtml } from '../../../bin/lib/parse-html';
import { extractArticle } from '../../../utils/extract';
import { HOSTILE_PAGES, PWNED_FLAG } from '../../fixtures/hostile/vectors';

const FORBIDDEN = [
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'base',
  'meta',
  'link',
];
const URL_ATTRS = [
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'background',
  'data',
  'cite',
  'srcset',
];
/** Media may keep inline images; nothing else may point at a data: URL. */
const DATA_OK = new Set(['img', 'source', 'picture', 'video', 'audio']);

/** What a browser would make of the value as a URL: no whitespace or control characters, lower case. */
const scheme = (value: string) => value.replace(/[\u0000-\u0020\u007f-\u00a0]+/g, '').toLowerCase();

/** Every way the HTML could still run code, as readable strings (empty: inert). */
function problems(html: string): string[] {
  const found: string[] = [];
  const doc = new JSDOM('<!doctype html><body></body>').window.document;
  // Parse as the clean view does (innerHTML), then serialize and parse again: mutation XSS shows on the second pass.
  const host = doc.createElement('div');
  host.innerHTML = html;
  const again = doc.createElement('div');
  again.innerHTML = host.innerHTML;
  for (const root of [host, again]) {
    for (const el of root.querySelectorAll('*')) {
      const tag = el.localName;
      if (FORBIDDEN.includes(tag)) found.push(`<${tag}> element`);
      for (const attr of el.attributes) {
        const name = attr.name.toLowerCase();
        const value = scheme(attr.value);
        if (name.startsWith('on')) found.push(`${name} on <${tag}>`);
        if (
          /(^|[\s,(])(java|vb)script:/.test(value) ||
          value.startsWith('javascript:') ||
          value.includes('javascript:')
        ) {
          if (URL_ATTRS.includes(name) || name === 'style' || name.startsWith('xlink')) {
            found.push(`${name}="${attr.value.slice(0, 40)}" on <${tag}>`);
          }
        }
        if ((URL_ATTRS.includes(name) || name === 'xlink:href') && value.startsWith('data:')) {
          if (!DATA_OK.has(tag) || !/^data:image\/(png|gif|jpe?g|webp|avif)[;,]/.test(value)) {
            found.push(`${name}=data: on <${tag}>`);
          }
        }
        if (name === 'srcdoc') found.push(`srcdoc on <${tag}>`);
      }
    }
  }
  return [...new Set(found)];
}

/**
 * Engine gaps found by this corpus, owned by utils/extract (reported, not hidden): the vector's HTML is still
 * checked in full, only the named plain-text field is left to the todo below.
 */
const GAPS: Record<string, { field: 'title' | 'byline'; why: string }> = {};

describe('hostile pages', () => {
  for (const [name, gap] of Object.entries(GAPS))
    it.todo(`${name}: ${gap.field} should be plain text (${gap.why})`);

  it('has at least 30 vectors, each named once', () => {
    expect(HOSTILE_PAGES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(HOSTILE_PAGES.map((p) => p.name)).size).toBe(HOSTILE_PAGES.length);
  });

  it('the checker itself finds each kind of problem', () => {
    expect(problems('<p onclick="x()">a</p>')).toEqual(['onclick on <p>']);
    expect(problems('<a href=" java\tscript:x()">a</a>')).toHaveLength(1);
    expect(problems('<a href="data:text/html,x">a</a>')).toEqual(['href=data: on <a>']);
    expect(problems('<iframe></iframe><form></form>')).toEqual(['<iframe> element', '<form> element']);
    expect(
      problems('<img src="data:image/png;base64,AAAA" alt=""><a href="https://x.example/">ok</a>'),
    ).toEqual([]);
  });

  it.each(HOSTILE_PAGES.map((p) => [p.name, p] as const))('%s: inert article HTML', (_name, hostile) => {
    const url = 'https://news.example/2024/05/04/transport-plan';
    const doc = parseHtml(hostile.html, url);
    const article = extractArticle(doc, url);
    expect(problems(article.html)).toEqual([]);
    expect(article.html).not.toContain(`${PWNED_FLAG}=1"`);
    // The article around the vector survives: sanitizing removes the attack, not the story.
    expect(article.text).toContain('The regional council approved the new transport plan');
    // Title and byline are strings of text: never the markup they were made of.
    const gap = GAPS[hostile.name]?.field;
    for (const [name, value] of [
      ['title', article.title] as const,
      ['byline', article.byline ?? ''] as const,
    ]) {
      if (name !== gap) expect(value).not.toMatch(/<\s*(img|script|b|i|a)\b|onerror=|javascript:/i);
    }
    if (hostile.expectTitle) expect(article.title).toBe(hostile.expectTitle);
    if (hostile.expectByline) expect(article.byline).toBe(hostile.expectByline);
    closeDocument(doc);
  });
});
