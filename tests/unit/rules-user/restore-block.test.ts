// "What was removed" → restore one block: on the fixture restore-one-block, one rule removes two "Read also" lines
// (one a link-heavy div that Readability alone would drop); restoring one by its key brings back that line alone,
// at its place, and the keys survive re-extraction. The keys
// are remembered per site in the restorations' item, whose version-1 data (rule ids) still reads.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseHtml } from '../../../bin/lib/parse-html';
import { type Article, applyRules, extractArticle } from '../../../utils/extract';
import {
  extractOptionsFor,
  getRestored,
  normalizeRestored,
  restoredFor,
  setRestored,
} from '../../../utils/rules';
import { removedGroups } from '../../../utils/rules/removed-groups';

const dir = resolve(import.meta.dirname, '../../fixtures/restore-one-block');
const { url } = JSON.parse(readFileSync(resolve(dir, 'expected.json'), 'utf8')) as { url: string };
const source = readFileSync(resolve(dir, 'source.html'), 'utf8');
const host = new URL(url).hostname;
const PIER = "Read also: The island council's budget for the new pier";
const STORMS = 'Read also: Winter storms cancelled forty crossings';

const extract = (restored: string[] = []) =>
  extractArticle(parseHtml(source, url), url, extractOptionsFor([], restored));
const keysOf = (a: Article, rule: string) => a.removedBlocks?.find((b) => b.rule === rule)?.keys ?? [];
const paragraphs = (a: Article) => a.text.split('\n\n');

describe('restoring one removed block', () => {
  const all = extract();
  const [pierKey, stormsKey] = keysOf(all, 'read-also-line');

  it('one rule removed both lines, each with its own key', () => {
    expect(all.removed).toContainEqual({ rule: 'read-also-line', count: 2 });
    expect(all.text).not.toContain('Read also');
    expect(pierKey).toMatch(/^read-also-line~[a-z0-9]+$/);
    expect(stormsKey).toMatch(/^read-also-line~[a-z0-9]+$/);
    expect(pierKey).not.toBe(stormsKey);
    const html = all.removedBlocks?.find((b) => b.rule === 'read-also-line')?.html ?? [];
    expect(html[0]).toContain('new pier');
    expect(html[1]).toContain('Winter storms');
  });

  it('the same page extracted again gives the same keys', () => {
    expect(keysOf(extract(), 'read-also-line')).toEqual([pierKey, stormsKey]);
  });

  it('restoring one brings back only that one, at its place in the article', () => {
    const one = extract([pierKey]);
    const paras = paragraphs(one);
    const at = paras.indexOf(PIER);
    expect(at).toBeGreaterThan(0);
    expect(paras[at - 1]).toContain('The first ferry to the island');
    expect(paras[at + 1]).toContain('Commuters had asked');
    expect(one.text).not.toContain(STORMS);
    // The other block is still listed as removed, under the same key; the restored one is listed as kept.
    expect(one.removed).toContainEqual({ rule: 'read-also-line', count: 1 });
    expect(keysOf(one, 'read-also-line')).toEqual([stormsKey]);
    expect(one.keptBlocks).toEqual([{ rule: 'read-also-line', key: pierKey, text: PIER }]);
    // The engine's marks and placeholders are gone from what the reader gets.
    expect(one.html).not.toMatch(/data-nitido|\u2063/);
    const groups = removedGroups(one, new Map(), (h) => h);
    expect(groups.find((g) => g.rule === 'read-also-line')?.blocks).toEqual([
      { key: stormsKey, html: expect.stringContaining('Winter storms') },
    ]);
  });

  it('a restored box that Readability would drop (an aside with a form) comes back at its place too', () => {
    const [newsletter] = keysOf(all, 'newsletter-box');
    const paras = paragraphs(extract([newsletter]));
    const at = paras.findIndex((p) => p.includes("The week's harbour news in your inbox"));
    expect(paras[at - 1]).toBe('Sign up for our newsletter');
    expect(paras[at - 2]).toContain('The last ferry back');
    expect(paras[at + 1]).toBe('Subscribe'); // the form's button, as text: the sanitizer drops forms
    expect(paras[at + 2]).toContain('The company will publish');
    expect(paras.join(' ')).not.toContain('Read also');
  });

  it('the other one alone, or the whole rule, likewise', () => {
    const other = paragraphs(extract([stormsKey]));
    expect(other).not.toContain(PIER);
    const at = other.indexOf(STORMS);
    expect(other[at - 1]).toContain('Commuters had asked');
    expect(other[at + 1]).toContain('The last ferry back');
    const whole = extract(['read-also-line']);
    expect(whole.text).toContain(PIER);
    expect(whole.text).toContain(STORMS);
    expect(whole.removed.find((r) => r.rule === 'read-also-line')).toBeUndefined();
  });

  it('a key of another rule, or of text not on the page, changes nothing', () => {
    const text = extract([`ad-label~${pierKey.split('~')[1]}`, 'read-also-line~zzzz']).text;
    expect(text).toBe(all.text);
  });
});

describe('a restored block among other rules', () => {
  const keep = { id: 'user:x/keep', why: 'x', remove: ['.keep'] };
  const box = { id: 'user:x/box', why: 'x', text: { patterns: ['promo text keep me'] } };
  const page = () =>
    parseHtml(
      '<body><p>Story.</p><div class="box"><p>Promo text</p>\n<p class="keep">Keep <b>me</b></p></div><p>End.</p></body>',
      url,
    );

  it('a box another rule removes around it goes, the restored block stays at its place', () => {
    const d = page();
    const report = { counts: new Map<string, number>(), keep: new Set([keep.id]) };
    applyRules(d, [keep, box], { stage: 'before', report });
    expect(d.body.textContent?.replace(/\s+/g, ' ')).toBe('Story.Keep meEnd.');
    expect(report.counts).toEqual(new Map([[box.id, 1]]));
  });

  it('nothing inside it is removed by another rule', () => {
    const d = page();
    const boxSelector = { id: 'user:x/box-selector', why: 'x', remove: ['.box'] };
    const line = { id: 'user:x/line', why: 'x', text: { patterns: ['keep me'] } };
    const report = { counts: new Map<string, number>(), keep: new Set([boxSelector.id]) };
    applyRules(d, [boxSelector, line], { stage: 'before', report });
    expect(d.body.textContent?.replace(/\s+/g, ' ')).toBe('Story.Promo text Keep meEnd.');
    expect(report.counts).toEqual(new Map());
    // Without the restoration, both rules take their part.
    const plain = page();
    applyRules(plain, [line], { stage: 'before' });
    expect(plain.body.textContent?.replace(/\s+/g, ' ')).toBe('Story.Promo text End.');
  });
});

describe('block restorations remembered per site', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores a block key next to rule ids, and forgets it', async () => {
    await setRestored(`www.${host}`, 'read-also-line~abc123', true);
    await setRestored(host, 'ad-label', true);
    const site = host.replace(/^www\./, '');
    expect(await getRestored()).toEqual({ [site]: ['read-also-line~abc123', 'ad-label'] });
    expect(restoredFor({ restored: await getRestored() }, host)).toEqual([
      'read-also-line~abc123',
      'ad-label',
    ]);
    await setRestored(site, 'read-also-line~abc123', false);
    expect(await getRestored()).toEqual({ [site]: ['ad-label'] });
  });

  it('reads version-1 data (rule ids) as it was, and drops what is malformed', async () => {
    await fakeBrowser.storage.local.set({
      restoredRules: { 'example.org': ['ad-label', 'user:example.org'] },
    });
    expect(await getRestored()).toEqual({ 'example.org': ['ad-label', 'user:example.org'] });
    expect(
      normalizeRestored({
        'example.org': ['ad-label~k1', 'ad-label~', 'ad-label~UPPER', '<script>', 42, 'x~y~z'],
        'not a site!': ['ad-label'],
        'other.net': 'ad-label',
      }),
    ).toEqual({ 'example.org': ['ad-label~k1'] });
  });

  it('is bounded: the newest restorations of a site are kept', async () => {
    const many = Array.from({ length: 250 }, (_, i) => `ad-label~k${i}`);
    const kept = normalizeRestored({ 'example.org': many })['example.org'];
    expect(kept).toHaveLength(200);
    expect(kept.at(-1)).toBe('ad-label~k249');
    for (const key of many.slice(0, 3)) await setRestored('example.org', key, true);
    expect((await getRestored())['example.org']).toEqual(many.slice(0, 3));
  });
});
