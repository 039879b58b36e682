// Every cleaning rule, generic and per-site, is well-formed data: a unique id, a reason, selectors that parse,
// patterns that compile, lexicon lists that exist — and it is exercised by at least one fixture page: a rule that
// removes fired there (Article.removed), a rule that names parts (content, title, byline, date) or lazy pictures
// matched there.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../bin/lib/parse-html';
import { extractArticle, GENERIC_RULES, LEXICON, ruleAppliesTo, SITE_RULES } from '../../../utils/extract';
import type { CleanRule } from '../../../utils/extract/rule';

const ALL: CleanRule[] = [...GENERIC_RULES, ...SITE_RULES];
const PARTS = ['content', 'title', 'byline', 'date'] as const;
const LEXICON_KEYS = new Set(
  Object.keys(LEXICON.en).filter((k) => k !== 'stopwords' && k !== 'bylinePrefix'),
);

const selectorsOf = (r: CleanRule): string[] => [
  ...(r.remove ?? []),
  ...(r.lazyImages ?? []).map((l) => l.selector),
  ...PARTS.map((k) => r[k]).filter((s): s is string => !!s),
];
const patternsOf = (r: CleanRule): string[] => [...(r.text?.patterns ?? [])];
const lexiconKeysOf = (r: CleanRule): string[] => [
  ...(r.text?.lexicon ?? []),
  ...(r.linkLine?.lexicon ?? []),
  ...(r.heading?.lexicon ?? []),
];

describe('rule format', () => {
  const probe = parseHtml('<!DOCTYPE html><p>probe</p>', 'https://example.org/');

  it('ids are unique', () => {
    const ids = ALL.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it.each(ALL.map((r) => [r.id, r] as const))('%s', (_id, r) => {
    expect(r.id.trim(), 'an id').not.toBe('');
    expect(r.why.trim().length, 'a reason (why)').toBeGreaterThanOrEqual(20);
    const does = [
      r.remove?.length,
      r.text,
      r.linkLine,
      r.heading,
      r.lazyImages?.length,
      r.structure?.length,
      ...PARTS.map((k) => r[k]),
    ].some(Boolean);
    expect(does, 'the rule removes something or names a part').toBe(true);
    for (const sel of selectorsOf(r)) expect(() => probe.querySelector(sel), `selector ${sel}`).not.toThrow();
    for (const p of patternsOf(r)) expect(() => new RegExp(`^(?:${p})$`, 'u'), `pattern ${p}`).not.toThrow();
    // Patterns meet normalised (lower-case) text: an upper-case letter outside an escape (\\S, \\W) never matches.
    for (const p of patternsOf(r)) {
      const bare = p.replace(/\\./g, '');
      expect(bare, `pattern ${p} is lower case`).toBe(bare.toLowerCase());
    }
    for (const k of lexiconKeysOf(r)) expect(LEXICON_KEYS.has(k), `lexicon list ${k}`).toBe(true);
    if (r.sites)
      for (const s of r.sites) expect(s, 'a host or base domain').toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    if (r.stage) expect(['before', 'after', 'both']).toContain(r.stage);
  });
});

describe('every rule is exercised by a fixture', () => {
  const root = resolve(import.meta.dirname, '../../fixtures');
  const fired = new Map<string, string[]>();
  const fire = (id: string, fixture: string) => fired.set(id, [...(fired.get(id) ?? []), fixture]);
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    if (!existsSync(join(dir, 'expected.json')) || !existsSync(join(dir, 'source.html'))) continue;
    const url = (JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { url?: string }).url;
    if (!url) continue;
    const doc = parseHtml(readFileSync(join(dir, 'source.html'), 'utf8'), url);
    for (const { rule } of extractArticle(doc, url).removed) fire(rule, name);
    const host = new URL(url).hostname;
    for (const r of SITE_RULES) {
      if (!ruleAppliesTo(r, host)) continue;
      const partSelectors = [...PARTS.map((k) => r[k]), ...(r.lazyImages ?? []).map((l) => l.selector)];
      if (partSelectors.some((sel) => sel && doc.querySelector(sel))) fire(r.id, name);
    }
  }

  it.each([...SITE_RULES, ...GENERIC_RULES].map((r) => r.id))('%s fires on a fixture', (id) => {
    expect(fired.get(id)?.length ?? 0, `no fixture exercises ${id}`).toBeGreaterThan(0);
  });
});
