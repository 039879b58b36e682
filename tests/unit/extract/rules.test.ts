// The rules themselves: every generic rule has an id, a reason, valid selectors, and a fixture where it fires.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../bin/lib/parse-html';
import { applyRules, extractArticle, GENERIC_RULES } from '../../../utils/extract';
import { compileSelectors } from '../../../utils/extract/compile-selectors';

const root = resolve(import.meta.dirname, '../../fixtures');
const doc = new JSDOM('<!DOCTYPE html><body></body>').window.document;

describe('generic rules', () => {
  it('have unique ids and a reason each', () => {
    const ids = GENERIC_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of GENERIC_RULES) {
      expect(r.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(r.why.length, r.id).toBeGreaterThan(20);
      expect(r.remove || r.text || r.linkLine || r.heading || r.structure, r.id).toBeTruthy();
    }
  });

  it.each(GENERIC_RULES.filter((r) => r.remove).map((r) => [r.id, r.remove ?? []] as const))(
    '%s: every selector is valid CSS',
    (_id, selectors) => {
      for (const s of selectors) expect(() => doc.querySelector(s), s).not.toThrow();
    },
  );

  it('fire in the fixtures (each rule is shown by a page)', () => {
    const fired = new Set<string>();
    for (const name of readdirSync(root)) {
      let want: { url: string };
      let html: string;
      try {
        want = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8'));
        html = readFileSync(join(root, name, 'source.html'), 'utf8');
      } catch {
        continue; // not a page fixture (the quotes suite keeps text fixtures here)
      }
      const a = extractArticle(parseHtml(html, want.url), want.url);
      for (const r of a.removed) fired.add(r.rule);
    }
    const silent = GENERIC_RULES.map((r) => r.id).filter((id) => !fired.has(id));
    expect(silent).toEqual([]);
  });
});

describe('compileSelectors agrees with querySelectorAll', () => {
  const html = `<div class="ad x"></div><div class="head"></div><div class="ad-slot-1"></div><div id="div-gpt-ad-7"></div>
    <ins class="adsbygoogle"></ins><div data-ad="1"></div><section role="dialog"></section><div class="xOUTBRAINx"></div>
    <div class="shadow"></div><nav></nav><div class="related-stories"></div><div aria-busy="true"></div>`;
  const page = new JSDOM(`<!DOCTYPE html><body>${html}</body>`).window.document;
  const selectors = GENERIC_RULES.flatMap((r) => r.remove ?? []);
  it.each(selectors)('%s', (s) => {
    const c = compileSelectors([s]);
    const fast = [...page.body.querySelectorAll('*')].filter((el) => c.test(el));
    const slow = c.complex.length ? [] : [...page.body.querySelectorAll(s)];
    if (!c.complex.length) expect(fast).toEqual(slow);
  });
});

describe('applyRules', () => {
  const clean = (html: string, stage: 'before' | 'after' = 'before') => {
    const d = new JSDOM(`<!DOCTYPE html><body>${html}</body>`).window.document;
    const report = applyRules(d, GENERIC_RULES, { stage, keepRemoved: true });
    return { text: d.body.textContent?.replace(/\s+/g, ' ').trim(), report };
  };

  it.each([
    ['<p>Story.</p><div><span>Loading...</span></div>', 'Story.'],
    [
      '<p>Story.</p> <p>a container ship was still loading cargo</p>',
      'Story. a container ship was still loading cargo',
    ],
    ['<p>It happened in 2019 <span>AD</span> they say.</p>', 'It happened in 2019 AD they say.'],
    ['<p>Story.</p><div class="box"><p>Pubblicità</p><iframe></iframe></div>', 'Story.'],
    ['<p>Story.</p><p><strong>Leggi anche:</strong> <a href="/x">Altro articolo</a></p>', 'Story.'],
    [
      '<p>Read more about it in our <a href="/x">investigation</a> of the port.</p>',
      'Read more about it in our investigation of the port.',
    ],
    [
      '<p>Story.</p><section><h3>Most read</h3><ul><li><a href="/a">A story</a></li><li><a href="/b">B story</a></li></ul></section>',
      'Story.',
    ],
    ['<table><tr><td>Kyle</td> <td>57</td></tr></table>', 'Kyle 57'],
  ])('%s → %j', (html, want) => {
    expect(clean(html).text).toBe(want);
  });

  it('reports what it removed, and keeps the blocks on request', () => {
    const { report } = clean('<p>Story.</p><div><span>Loading...</span></div><p>Advertisement</p>');
    expect(report.counts.get('loading-placeholder')).toBe(1);
    expect(report.counts.get('ad-label')).toBe(1);
    expect(report.blocks?.get('ad-label')?.[0].html).toContain('Advertisement');
  });

  it('never removes the running text a selector happens to name', () => {
    const paras = `<p>${'Long running text of the article, sentence after sentence. '.repeat(5)}</p>`;
    const { text } = clean(`<div class="entry-content-read-more">${paras.repeat(4)}</div>`);
    expect(text).toContain('Long running text');
  });

  it('runs site rules only on their sites, and skips invalid user selectors', () => {
    const d = new JSDOM('<!DOCTYPE html><body><p class="promo">Promo</p><p>Story.</p></body>').window
      .document;
    const rule = {
      id: 'site:example.com/promo',
      why: 'The promo line of example.com.',
      sites: ['example.com'],
      remove: ['.promo', '[[bad'],
    };
    applyRules(d, [rule], { stage: 'before', host: 'www.other.org' });
    expect(d.body.textContent).toContain('Promo');
    applyRules(d, [rule], { stage: 'before', host: 'news.example.com' });
    expect(d.body.textContent).not.toContain('Promo');
  });
});
