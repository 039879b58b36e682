// The reader's rules carry the whole rule format a reader may write (content/title/byline/date selectors, selectors
// to remove, text patterns), through the settings and the rule file: export → import → stored → the engine runs
// them. Entries stored before (site and selectors only) keep working, and nothing unchecked ever runs.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseHtml } from '../../../bin/lib/parse-html';
import { toCleanRules } from '../../../utils/extension/user-rules';
import { extractArticle } from '../../../utils/extract';
import {
  domSelectorCheck,
  exportRules,
  extractOptionsFor,
  fromSettingsRules,
  parseRuleFile,
  toSettingsRules,
} from '../../../utils/rules';
import { getSettings, normalizeSettings, updateSettings } from '../../../utils/settings';
import { PARA, URL_ } from './harbour-page';

const NOTE =
  '<p class="note">A note from the editors: this newspaper has covered the harbour for a hundred years, and our ' +
  'archive of every story about the port, the ferries and the fishing fleet is open to subscribers online.</p>';
const PAGE = `<!doctype html><html lang="en"><head><title>Harbour council approves the barrier</title>
<meta property="og:type" content="article"></head><body><main><article>
<h1>Harbour council approves the barrier</h1><p class="kicker">By the harbour desk</p>
<div class="story-body">${PARA(1)}${PARA(2)}<p>Tide tables for this week are printed on page 14.</p>
${PARA(3)}${PARA(4)}${PARA(5)}</div>${NOTE}
</article></main></body></html>`;
const doc = () => parseHtml(PAGE, URL_);
const check = domSelectorCheck(doc());

const SHARED = JSON.stringify({
  format: 'nitido-rules',
  version: 1,
  rules: [
    {
      id: 'user:example.org/harbour-body',
      why: 'The story body, without the tide tables line',
      sites: ['example.org', 'example.net'],
      content: '.story-body',
      text: { patterns: ['tide tables for this week are printed on page \\d+'] },
    },
    { sites: ['example.org'], remove: ['.kicker'] },
  ],
});

const extractWith = (rules: ReturnType<typeof toCleanRules>) =>
  extractArticle(doc(), URL_, extractOptionsFor(rules, []));

describe("the reader's rules keep every field a rule file may carry", () => {
  beforeEach(() => fakeBrowser.reset());

  it('without the rules, the note and the tide tables line are in the article', () => {
    const text = extractWith([]).text;
    expect(text).toContain('Tide tables for this week');
    expect(text).toContain('A note from the editors');
  });

  it('import → settings → engine: the content selector and the text pattern apply', async () => {
    const imported = parseRuleFile(SHARED, check);
    expect(imported.errors).toEqual([]);
    await updateSettings({ userRules: toSettingsRules(imported.rules, (await getSettings()).userRules) });
    const { userRules } = await getSettings();
    expect(userRules).toEqual([
      {
        site: 'example.org',
        remove: [],
        id: 'user:example.org/harbour-body',
        why: 'The story body, without the tide tables line',
        content: '.story-body',
        patterns: ['tide tables for this week are printed on page \\d+'],
      },
      {
        site: 'example.net',
        remove: [],
        id: 'user:example.org/harbour-body',
        why: expect.any(String),
        content: '.story-body',
        patterns: expect.any(Array),
      },
      { site: 'example.org', remove: ['.kicker'] },
    ]);
    const article = extractWith(toCleanRules(userRules));
    expect(article.text).not.toContain('Tide tables for this week');
    expect(article.text).not.toContain('A note from the editors');
    expect(article.text).not.toContain('By the harbour desk');
    expect(article.text).toContain('Paragraph 5 of the story');
    expect(article.removed).toContainEqual({ rule: 'user:example.org/harbour-body', count: 1 });
  });

  it('export → import gives the same rules back, one rule for its two sites', async () => {
    const first = parseRuleFile(SHARED, check).rules;
    const stored = normalizeSettings({ userRules: toSettingsRules(first) }).userRules;
    const exported = exportRules(fromSettingsRules(stored));
    const again = parseRuleFile(exported, check);
    expect(again.errors).toEqual([]);
    expect(again.rules[0]).toEqual(first[0]);
    expect(again.rules[0].sites).toEqual(['example.org', 'example.net']);
    expect(again.rules[1]).toMatchObject({ sites: ['example.org'], remove: ['.kicker'] });
    // Imported again, a rule with the same id replaces the stored one instead of doubling it.
    expect(toSettingsRules(again.rules, stored)).toEqual(stored);
  });

  it('the stored entries of before (site and selectors) read and run as they did', () => {
    const old = normalizeSettings({ userRules: [{ site: 'example.org', remove: ['.note'] }] }).userRules;
    expect(old).toEqual([{ site: 'example.org', remove: ['.note'] }]);
    expect(toCleanRules(old)).toEqual([
      {
        id: 'user:example.org',
        why: 'Your own rule, from the options page',
        sites: ['example.org'],
        remove: ['.note'],
      },
    ]);
    expect(extractWith(toCleanRules(old)).text).not.toContain('A note from the editors');
  });

  it.each([
    ['a pattern that backtracks', { patterns: ['(\\w+\\s?)+$'] }],
    ['a pattern that does not compile', { patterns: ['(unclosed'] }],
    ['a pattern longer than 200 characters', { patterns: ['a'.repeat(201)] }],
    ['a content selector for the whole page', { content: 'body' }],
    ['an id that is not a user rule', { id: 'ad-label', content: '.story-body' }],
  ])('an entry with %s stays stored but never runs', (_, fields) => {
    const entry = { site: 'example.org', remove: [], ...fields };
    const stored = normalizeSettings({ userRules: [entry] }).userRules;
    expect(stored).toEqual([entry]);
    expect(toCleanRules(stored)).toEqual([]);
  });

  it('the settings drop malformed fields, and entries that do nothing', () => {
    const s = normalizeSettings({
      userRules: [
        { site: 'example.org', remove: [], patterns: ['ok', 42], content: 7 },
        { site: 'example.org', remove: [], why: 'x'.repeat(301), title: 'h1.headline' },
        { site: 'example.org', remove: [], patterns: [] },
      ],
    });
    expect(s.userRules).toEqual([{ site: 'example.org', remove: [], title: 'h1.headline' }]);
  });
});
