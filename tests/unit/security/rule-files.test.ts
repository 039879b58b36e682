// Shared rule files are untrusted input: a file from someone else must not carry code, and must not be able to
// hang the reader's tab. Rule patterns are regular expressions run on every block of text of the sites the rule
// names; one that backtracks without end on a 200-character line (e.g. "(\w+\s?)+") would freeze the tab.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../bin/lib/parse-html';
import { extractArticle } from '../../../utils/extract';
import { parseRuleFile, validateRule } from '../../../utils/rules';

const file = (rules: unknown[]) => JSON.stringify({ format: 'nitido-rules', version: 1, rules });
const rule = (patterns: string[]) => ({ sites: ['news.example'], text: { patterns } });

describe('patterns that could backtrack without end are refused', () => {
  it.each([
    ['(a+)+', 'a repeated group that repeats'],
    ['(\\w+\\s?)+$', 'words with optional spaces, repeated'],
    ['^(a|aa)+$', 'repeated alternatives that overlap'],
    ['(?:x*y*)*z', 'a non-capturing group'],
    ['((ab)*c)+', 'nested groups'],
    ['(.*,){12}', 'a counted repeat of a repeat'],
    ['.*a.*b.*c.*d', 'four open-ended repeats in a row'],
  ])('%s (%s)', (pattern) => {
    const res = validateRule(rule([pattern]));
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors.join(' ')).toMatch(/could take too long/);
    expect(parseRuleFile(file([rule([pattern])])).rules).toEqual([]);
  });

  it.each([
    '^Read more:.*',
    '^(Photo|Foto): .+$',
    '\\d+ min read',
    '^Sign up for .+ newsletter$',
    '^(?:Advertisement|Anzeige)$',
    '[a-z]+ \\(AP\\)',
    '^(ab)?c+$',
    '^\\(\\w+\\)+$',
  ])('an ordinary pattern is kept: %s', (pattern) => {
    expect(validateRule(rule([pattern])).ok).toBe(true);
  });
});

describe('a rule file carries selectors and patterns, nothing else', () => {
  it('drops unknown fields and keeps the rule only when it is one', () => {
    const res = parseRuleFile(
      file([
        {
          sites: ['news.example'],
          remove: ['.promo'],
          onload: 'alert(1)',
          script: 'fetch("https://evil.example")',
          __proto__: { polluted: true },
        },
      ]),
    );
    expect(res.rules).toHaveLength(0);
    expect(res.errors.join(' ')).toMatch(/Unknown field/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses oversized files and rules that would remove the whole page', () => {
    expect(parseRuleFile(' '.repeat(1_000_001)).errors).toEqual(['The file is too large to be a rule file.']);
    const res = parseRuleFile(file([{ sites: ['news.example'], remove: ['body'] }]));
    expect(res.rules).toEqual([]);
    expect(res.errors.join(' ')).toMatch(/whole page/);
  });

  it('a kept pattern runs on a page in bounded steps (a long line of the text it almost matches)', () => {
    const res = validateRule(rule(['^(?:read|lies) (?:more|mehr): .+$']));
    expect(res.ok).toBe(true);
    const line = `Read more: ${'word '.repeat(30)}`;
    const html = `<!doctype html><html lang="en"><head><title>A story</title><meta property="og:type" content="article"></head>
<body><article><h1>A story</h1><p>${'The council met and voted on the plan for the harbour. '.repeat(6)}</p>
<p>${line}</p><p>${'Residents welcomed the decision after a long debate in the town hall. '.repeat(6)}</p></article></body></html>`;
    const doc = parseHtml(html, 'https://news.example/2024/05/04/story');
    const article = extractArticle(doc, 'https://news.example/2024/05/04/story', {
      rules: res.ok ? [res.rule] : [],
    });
    expect(article.text).toContain('Residents welcomed the decision');
    expect(article.text).not.toContain('Read more:');
  });
});
