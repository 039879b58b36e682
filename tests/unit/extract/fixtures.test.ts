// Every fixture page (tests/fixtures/<behaviour>/{source.html, expected.json}) through the command line's parse
// and the engine, checked against what a reader must and must not see. Folders quotes-* and hostile-* belong to
// the quotes and command-line suites and are checked there.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../bin/lib/parse-html';
import { extractArticle } from '../../../utils/extract';

interface Expected {
  url: string;
  title?: string;
  byline?: string | null;
  lang?: string | null;
  siteName?: string;
  publishedTime?: string;
  isArticle?: boolean;
  /** Detection signals that must be among Article.detection.signals. */
  signals?: string[];
  /** Text that must be in Article.text (each string whole, within one paragraph or across). */
  mustContain: string[];
  mustNotContain: string[];
  /** Paragraphs that must each be one paragraph of Article.text, in this order. */
  paragraphs?: string[];
  /** Rule ids that must be in Article.removed. */
  removed?: string[];
  htmlMustContain?: string[];
  htmlMustNotContain?: string[];
}

const root = resolve(import.meta.dirname, '../../fixtures');
const fixtures = readdirSync(root)
  .filter((d) => !/^(quotes|hostile)-/.test(d) && existsSync(join(root, d, 'expected.json')))
  .sort();

describe('fixtures', () => {
  it('has at least 25 fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(25);
  });

  it.each(fixtures)('%s', (name) => {
    const dir = join(root, name);
    const want = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
    const doc = parseHtml(readFileSync(join(dir, 'source.html'), 'utf8'), want.url);
    const before = doc.documentElement.outerHTML;
    const a = extractArticle(doc, want.url);

    expect(doc.documentElement.outerHTML, 'the input document is never changed').toBe(before);
    if (want.isArticle !== undefined)
      expect(a.isArticle, `isArticle (signals ${a.detection.signals})`).toBe(want.isArticle);
    for (const s of want.signals ?? []) expect(a.detection.signals).toContain(s);
    if (want.title !== undefined) expect(a.title).toBe(want.title);
    if (want.byline !== undefined) expect(a.byline).toBe(want.byline);
    if (want.lang !== undefined) expect(a.lang?.slice(0, 2) ?? null).toBe(want.lang);
    if (want.siteName !== undefined) expect(a.siteName).toBe(want.siteName);
    if (want.publishedTime !== undefined) expect(a.publishedTime).toBe(want.publishedTime);

    const flat = a.text.replace(/\s+/g, ' ');
    for (const s of want.mustContain) expect(flat, 'text must contain').toContain(s.replace(/\s+/g, ' '));
    for (const s of want.mustNotContain) expect(a.text, 'text must not contain').not.toContain(s);
    if (want.paragraphs) {
      const paras = a.text.split(/\n\s*\n/).map((p) => p.trim());
      const at = want.paragraphs.map((p) => paras.indexOf(p));
      expect(at, `paragraphs in order, got:\n${a.text}`).not.toContain(-1);
      expect([...at].sort((x, y) => x - y)).toEqual(at);
    }
    const fired = a.removed.map((r) => r.rule);
    for (const r of want.removed ?? []) expect(fired, 'rules that fired').toContain(r);
    for (const s of want.htmlMustContain ?? []) expect(a.html).toContain(s);
    for (const s of want.htmlMustNotContain ?? []) expect(a.html).not.toContain(s);
    expect(a.wordCount).toBe(a.text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0);
  });
});
