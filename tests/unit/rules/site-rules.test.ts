// The per-site rules: the registry finds them by host and base domain, and every site's fixture
// (tests/fixtures/site-<domain>/) comes out wrong without them — the noise they remove is back, or the headline or
// byline is not the right one — as its expected.json's `withoutSiteRules` says. The fixtures' right output with
// site rules on is checked by tests/unit/extract/fixtures.test.ts like every other fixture.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../bin/lib/parse-html';
import { extractArticle, rulesForHost, SITE_RULES } from '../../../utils/extract';

interface WithoutSiteRules {
  /** Noise the site rules remove: in the text when they are off. */
  mustContain?: string[];
  title?: string;
  byline?: string | null;
  /** What the site rules add to the HTML (a lazy picture they reveal): missing when they are off. */
  htmlMustNotContain?: string[];
}

const root = resolve(import.meta.dirname, '../../fixtures');
const siteFixtures = readdirSync(root)
  .filter((d) => d.startsWith('site-') && existsSync(join(root, d, 'expected.json')))
  .sort();
const load = (name: string) => {
  const want = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as {
    url: string;
    lang?: string;
    withoutSiteRules?: WithoutSiteRules;
  };
  const doc = parseHtml(readFileSync(join(root, name, 'source.html'), 'utf8'), want.url);
  return { want, doc };
};

describe('rulesForHost', () => {
  it.each([
    ['www.lemonde.fr', 'site:lemonde.fr/'],
    ['lemonde.fr', 'site:lemonde.fr/'],
    ['milano.corriere.it', 'site:corriere.it/'],
    ['edition.cnn.com', 'site:cnn.com/'],
    ['www.bbc.com', 'site:bbc.co.uk/'],
    ['WWW.SPIEGEL.DE', 'site:spiegel.de/'],
  ])('%s gets its site’s rules', (host, prefix) => {
    const ids = rulesForHost(host).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id.startsWith(prefix))).toBe(true);
  });

  it.each(['notlemonde.fr', 'lemonde.fr.example.com', 'example.com', '', null, undefined])(
    '%s gets none',
    (host) => {
      expect(rulesForHost(host)).toEqual([]);
    },
  );
});

describe('site rules registry', () => {
  const sites = new Set(SITE_RULES.flatMap((r) => r.sites ?? []));
  const fixtureHosts = siteFixtures.map((name) => new URL(load(name).want.url).hostname);

  it('covers at least 15 news templates in five languages, each with a fixture', () => {
    const covered = new Set(SITE_RULES.map((r) => r.id.replace(/^site:([^/]+)\/.*$/, '$1')));
    expect(covered.size).toBeGreaterThanOrEqual(15);
    expect(siteFixtures.length).toBeGreaterThanOrEqual(15);
    const langs = new Set(siteFixtures.map((name) => load(name).want.lang));
    expect([...langs].sort()).toEqual(expect.arrayContaining(['de', 'en', 'es', 'fr', 'it']));
    for (const site of covered)
      expect(
        fixtureHosts.some((h) => rulesForHost(h).some((r) => r.id.startsWith(`site:${site}/`))),
        `a fixture for ${site}`,
      ).toBe(true);
  });

  it('every site rule says which sites it is for, and its id names the site', () => {
    for (const r of SITE_RULES) {
      expect(r.sites?.length, r.id).toBeGreaterThan(0);
      expect(r.id, r.id).toMatch(/^site:[a-z0-9.-]+\/[a-z0-9-]+$/);
      expect(sites.has(r.id.slice(5, r.id.indexOf('/'))), `${r.id} is for the site it names`).toBe(true);
    }
  });
});

describe('site fixtures without site rules', () => {
  it.each(siteFixtures)('%s comes out wrong without its site rules', (name) => {
    const { want, doc } = load(name);
    const without = want.withoutSiteRules;
    expect(without, 'expected.json says what goes wrong without site rules').toBeDefined();
    expect(
      rulesForHost(new URL(want.url).hostname).length,
      'the fixture is on a site with rules',
    ).toBeGreaterThan(0);
    const a = extractArticle(doc, want.url, { siteRules: false });
    const checks = [
      without?.mustContain?.length,
      without?.htmlMustNotContain?.length,
      without?.title !== undefined,
      without?.byline !== undefined,
    ];
    expect(checks.some(Boolean), 'at least one difference is named').toBe(true);
    const flat = a.text.replace(/\s+/g, ' ');
    for (const s of without?.mustContain ?? []) expect(flat, 'noise is back without site rules').toContain(s);
    if (without?.title !== undefined) expect(a.title, 'headline without site rules').toBe(without.title);
    if (without?.byline !== undefined) expect(a.byline, 'byline without site rules').toBe(without.byline);
    for (const s of without?.htmlMustNotContain ?? [])
      expect(a.html, 'html without site rules').not.toContain(s);
  });
});
