// The reader's own rules: validation with messages a reader can act on, the shareable rule file, the stored
// restorations, and that the rules change what extraction returns.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseHtml } from '../../../bin/lib/parse-html';
import { extractArticle } from '../../../utils/extract';
import {
  addRemoveRule,
  domSelectorCheck,
  exportRules,
  extractOptionsFor,
  fromSettingsRules,
  getRestored,
  mergeRules,
  parseRuleFile,
  restoredFor,
  ruleReasons,
  selectorFor,
  setRestored,
  toSettingsRules,
  validateRule,
} from '../../../utils/rules';
import { locateBlock } from '../../../utils/rules/locate-block';
import { selectionArticle } from '../../../utils/rules/selection-article';
import { getSettings } from '../../../utils/settings';
import { PARA, URL_ } from './harbour-page';

const PAGE = `<!doctype html><html lang="en"><head><title>Harbour council approves the barrier</title>
<meta property="og:type" content="article"></head><body><main><article>
<h1>Harbour council approves the barrier</h1>
${PARA(1)}${PARA(2)}
<div class="reader-poll"><p>Vote in our reader poll: should the barrier have been built at all?</p></div>
${PARA(3)}${PARA(4)}${PARA(5)}
</article></main></body></html>`;

const doc = () => parseHtml(PAGE, URL_);
const check = domSelectorCheck(doc());

describe('validateRule', () => {
  it('accepts a site and selectors, and names the rule after the site', () => {
    const res = validateRule({ sites: ['https://www.Example.org/x'], remove: ['.promo', '#related'] }, check);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.rule.sites).toEqual(['example.org']);
    expect(res.rule.remove).toEqual(['.promo', '#related']);
    expect(res.rule.id).toMatch(/^user:example\.org\//);
    expect(res.rule.why).toContain('example.org');
  });

  it.each([
    [{ sites: ['example.org'], remove: ['div[class='] }, '"div[class=" is not a valid CSS selector.'],
    [{ sites: ['example.org'], remove: ['body'] }, '"body" would remove the whole page.'],
    [{ sites: ['example.org'], text: { patterns: ['(unclosed'] } }, 'is not a valid regular expression'],
    [{ sites: ['example.org'], text: { patterns: ['x*'] } }, 'matches empty text'],
    [{ sites: ['not a host!'], remove: ['.x'] }, '"not a host!" is not a site name.'],
    [{ remove: ['.x'] }, 'A rule needs a list of sites'],
    [{ sites: ['example.org'] }, 'The rule does nothing'],
  ])('rejects %j with a clear message', (input, message) => {
    const res = validateRule(input, check);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.errors.join(' ')).toContain(message);
  });

  it.each([
    [{ sites: ['example.org'], remove: ['.x'], onload: 'alert(1)' }, 'Unknown field "onload"'],
    [{ sites: ['example.org'], remove: 'function(){alert(1)}' }, '"remove" must be a list'],
    [{ sites: ['example.org'], remove: ['function(){alert(1)}'] }, 'is not a valid CSS selector'],
    [{ sites: ['example.org'], remove: ['.x'], force: true }, 'Unknown field "force"'],
    [{ sites: ['example.org'], remove: ['.x'], text: { patterns: ['a'], run: 'x' } }, '"text" may hold only'],
    [
      JSON.parse('{"sites":["example.org"],"remove":[".x"],"__proto__":{"polluted":1}}'),
      'Unknown field "__proto__"',
    ],
  ])('refuses code-like or unknown content %#', (input, message) => {
    const res = validateRule(input, check);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors.join(' ')).toContain(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('without a DOM (the background) still checks the shape', () => {
    expect(validateRule({ sites: ['example.org'], remove: ['div[class='] }).ok).toBe(true);
    expect(validateRule({ sites: ['example.org'], remove: [42] }).ok).toBe(false);
  });
});

describe('rule file', () => {
  const rule = (remove: string[]) => {
    const res = validateRule({ sites: ['example.org'], remove, why: 'Reader poll' }, check);
    if (!res.ok) throw new Error(res.errors.join());
    return res.rule;
  };

  it('round-trips through export and import unchanged', () => {
    const rules = [rule(['.reader-poll']), rule(['#related', 'aside.more'])];
    const text = exportRules(rules);
    expect(JSON.parse(text)).toMatchObject({ format: 'nitido-rules', version: 1 });
    const back = parseRuleFile(text, check);
    expect(back.errors).toEqual([]);
    expect(back.rules).toEqual(rules);
  });

  it.each([
    ['not json at all', 'The file is not JSON.'],
    ['{"format":"something-else","version":1,"rules":[]}', 'This is not a Nitido rule file'],
    ['{"version":1,"rules":[]}', 'This is not a Nitido rule file'],
    ['{"format":"nitido-rules","version":2,"rules":[]}', 'version 2 is not supported'],
    ['{"format":"nitido-rules","version":1,"rules":{}}', 'no list of rules'],
  ])('refuses a foreign file %#', (text, message) => {
    const res = parseRuleFile(text, check);
    expect(res.rules).toEqual([]);
    expect(res.errors.join(' ')).toContain(message);
  });

  it('keeps the good rules of a file and names the bad ones', () => {
    const text = JSON.stringify({
      format: 'nitido-rules',
      version: 1,
      rules: [
        { sites: ['example.org'], remove: ['.ok'] },
        { sites: ['example.org'], remove: ['<script>alert(1)</script>'] },
        { sites: ['example.org'], remove: ['.x'], handler: 'fetch("//evil")' },
      ],
    });
    const res = parseRuleFile(text, check);
    expect(res.rules.map((r) => r.remove)).toEqual([['.ok']]);
    expect(res.errors).toHaveLength(2);
    expect(res.errors[0]).toMatch(/^Rule 2: /);
    expect(res.errors[1]).toMatch(/^Rule 3: Unknown field "handler"/);
  });

  it('merges imported rules over stored ones by id', () => {
    const a = rule(['.a']);
    const b = { ...rule(['.b']), id: a.id };
    expect(mergeRules([a], [b])).toEqual([b]);
  });
});

describe('applying the reader rules', () => {
  it('a rule for the site removes the block; for another site it does nothing', () => {
    const before = extractArticle(doc(), URL_);
    expect(before.text).toContain('reader poll');
    const res = validateRule({ sites: ['example.org'], remove: ['.reader-poll'] }, check);
    if (!res.ok) throw new Error(res.errors.join());
    const after = extractArticle(doc(), URL_, extractOptionsFor([res.rule], []));
    expect(after.text).not.toContain('reader poll');
    expect(after.text).toContain('Paragraph 5 of the story');
    expect(after.removed).toContainEqual({ rule: res.rule.id, count: 1 });
    const blocks = after.removedBlocks?.find((b) => b.rule === res.rule.id)?.html ?? [];
    expect(blocks[0]).toContain('reader poll');
    const other = { ...res.rule, sites: ['elsewhere.net'] };
    expect(extractArticle(doc(), URL_, extractOptionsFor([other], [])).text).toContain('reader poll');
  });

  it('restoring a rule (excluding it) brings its blocks back, the others stay removed', () => {
    const poll = validateRule({ id: 'user:example.org/1', sites: ['example.org'], remove: ['.reader-poll'] });
    if (!poll.ok) throw new Error();
    const page = PAGE.replace('<h1>', '<div class="ad"><span>Advertisement</span></div><h1>');
    const d = () => parseHtml(page, URL_);
    const all = extractArticle(d(), URL_, extractOptionsFor([poll.rule], []));
    expect(all.text).not.toMatch(/reader poll|Advertisement/);
    const generic = all.removed.map((r) => r.rule).filter((id) => !id.startsWith('user:'));
    expect(generic.length).toBeGreaterThan(0);
    const restored = extractArticle(d(), URL_, extractOptionsFor([poll.rule], [poll.rule.id]));
    expect(restored.text).toContain('reader poll');
    expect(restored.text).not.toContain('Advertisement');
    expect(ruleReasons([poll.rule]).get(generic[0])).toBeTruthy();
  });

  it('restoredFor covers subdomains of the site remembered', () => {
    const state = { restored: { 'example.org': ['ad-label'], 'other.net': ['x'] } };
    expect(restoredFor(state, 'www.news.example.org')).toEqual(['ad-label']);
    expect(restoredFor(state, 'example.com')).toEqual([]);
  });
});

describe('stored rules and restorations', () => {
  beforeEach(() => fakeBrowser.reset());

  it('the picker adds a selector to the site entry of the settings, once', async () => {
    expect(await addRemoveRule('www.example.org', '.reader-poll')).toBe('example.org');
    expect(await addRemoveRule('example.org', '.reader-poll')).toBe('example.org');
    expect(await addRemoveRule('example.org', 'aside.more')).toBe('example.org');
    expect(await addRemoveRule('example.org', 'body')).toBeNull();
    const { userRules } = await getSettings();
    expect(userRules).toEqual([{ site: 'example.org', remove: ['.reader-poll', 'aside.more'] }]);
    const rules = fromSettingsRules(userRules);
    expect(rules[0]).toMatchObject({ sites: ['example.org'], remove: ['.reader-poll', 'aside.more'] });
    expect(toSettingsRules(rules)).toEqual(userRules);
  });

  it('remembers and forgets a restored rule per site', async () => {
    await setRestored('www.example.org', 'ad-label', true);
    await setRestored('example.org', 'site:x/promo', true);
    expect(await getRestored()).toEqual({ 'example.org': ['ad-label', 'site:x/promo'] });
    await setRestored('example.org', 'ad-label', false);
    await setRestored('example.org', 'site:x/promo', false);
    expect(await getRestored()).toEqual({});
  });
});

describe('selectorFor (element picker)', () => {
  const d = parseHtml(
    `<body><div id="main"><p>a</p><div class="promo-box wide"><p>Buy</p></div><div class="css-1x9k2z">
    <span>x</span></div><ul><li>1</li><li id="li-2">2</li></ul></div></body>`,
    URL_,
  );
  it.each([
    ['.promo-box', 'div.promo-box.wide'],
    ['#li-2', '#li-2'],
    ['.css-1x9k2z span', '#main > div:nth-of-type(2) > span'],
    ['li:first-child', '#main > ul > li:nth-of-type(1)'],
  ])('%s → %s, which selects that element alone', (pick, want) => {
    const el = d.querySelector(pick)!;
    const sel = selectorFor(el);
    expect(sel).toBe(want);
    expect(d.querySelector(sel)).toBe(el);
  });
});

describe('selectionArticle (manual fallback)', () => {
  it('gives the clean view of the selected paragraphs only, sanitized', () => {
    const page = PAGE.replace(
      '</article>',
      '<p id="extra" onclick="alert(1)">A selected <b>line</b> with <a href="/more">a link</a>.</p></article>',
    );
    const d = parseHtml(page, URL_);
    const win = d.defaultView!;
    const range = d.createRange();
    const paras = d.querySelectorAll('article > p');
    range.setStartBefore(paras[3]);
    range.setEndAfter(d.getElementById('extra')!);
    win.getSelection()!.addRange(range);
    const article = selectionArticle(win as Window);
    expect(article).not.toBeNull();
    expect(article!.title).toBe('Harbour council approves the barrier');
    expect(article!.text.split('\n\n')).toEqual([
      expect.stringContaining('Paragraph 4'),
      expect.stringContaining('Paragraph 5'),
      'A selected line with a link.',
    ]);
    expect(article!.html).not.toContain('onclick');
    expect(article!.html).toContain('href="https://news.example.org/more"');
  });

  it('returns null when nothing is selected', () => {
    const d = parseHtml(PAGE, URL_);
    expect(selectionArticle(d.defaultView as unknown as Window)).toBeNull();
  });
});

describe('locateBlock (remove this, from the clean view)', () => {
  const d = parseHtml(
    `<body><main><div class="poll-box"><p>Vote in our   reader poll</p></div><p>Story text.</p>
    <p class="note">Story text.</p></main></body>`,
    URL_,
  );
  it('finds the block by its text on the page, outermost wrapper first, and names it', () => {
    expect(locateBlock(d, 'Vote in our reader poll')).toEqual({
      ok: true,
      selector: 'div.poll-box',
      count: 1,
    });
    expect(locateBlock(d, ' Story\ntext. ')).toEqual({
      ok: true,
      selector: 'body > main > p:nth-of-type(1)',
      count: 1,
    });
  });
  it('says so when the text is not on the page', () => {
    expect(locateBlock(d, 'Not here')).toMatchObject({ ok: false });
    expect(locateBlock(d, '  ')).toMatchObject({ ok: false });
  });
});
