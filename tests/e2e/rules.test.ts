// The reader's own rules in real Chromium with the built extension: the element picker, the options editor's live
// preview and validation, "what was removed" with restore of one block or a whole rule, import of a shared rule
// file (selectors and a text pattern), truncation warnings and the clean view of a selection. Pages are ours,
// served on 127.0.0.1 by this file.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articlePage, type ExtensionBrowser, launchExtension, type PageServer, servePages } from './helpers';

const ARTICLE = '/news/2024/03/05/harbour-council-approves-tide-barrier.html';
const PAYWALLED = '/news/2024/03/07/the-barrier-budget.html';
const CONTEST = 'Send us your best photograph of the old port before the works begin';
const POLL = 'Tell us what you think about the barrier in the comments below the map';
const SHARE = 'Forward this story to a neighbour who lives by the water';
// Two lines one generic rule (read-also-line) removes: the clean view restores one of them alone.
const READ_GATES = 'Read also: How the gates of the barrier will open for the fishing boats';
const READ_FLOODS = 'Read also: The winter floods of two years ago, street by street';
// A line a shared rule's text pattern removes.
const TIDES = 'The tide tables for this week are printed on page 14';

const page = articlePage({
  extraBody: '',
})
  .replace(
    '<p>Engineers estimate',
    `<div class="harbour-contest">${CONTEST}.</div>
<div class="reader-poll">${POLL}.</div>
<div class="share-tools">${SHARE}.</div>
<p>Engineers estimate`,
  )
  .replace('<p>"We are worried', `<div>${readAlso(READ_GATES, '/gates')}</div>\n<p>"We are worried`)
  .replace(
    '<p>Residents of the lower town',
    `<div>${readAlso(READ_FLOODS, '/floods')}</div>\n<div class="tides">${TIDES}.</div>\n<p>Residents of the lower town`,
  );

/** A shared rule with a text pattern (matched against a whole block's text, lower-cased, end punctuation dropped). */
const TIDES_RULE = {
  id: 'user:127.0.0.1/tide-tables',
  why: 'The weekly tide tables line',
  sites: ['127.0.0.1'],
  text: { patterns: ['the tide tables for this week are printed on page \\d+'] },
};

function readAlso(line: string, href: string): string {
  const [label, title] = line.split(': ');
  return `${label}: <a href="${href}">${title}</a>`;
}
const paywalled = articlePage({ title: 'What the barrier will cost' }).replace(
  '</article>',
  '<p class="cut">Subscribe to continue reading this article and every story of the Daily Harbour.</p></article>',
);

declare const chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };

let b: ExtensionBrowser;
let server: PageServer;
let tab: { page: Page; tabId: number };

const stored = (key: string) => b.sw.evaluate(async (k) => (await chrome.storage.local.get(k))[k], key);

async function cleanViewText(tabId: number, query = ''): Promise<{ reader: Page; text: string }> {
  const reader = b.watch(await b.context.newPage());
  await reader.goto(b.extensionUrl(`reader.html?tabId=${tabId}${query}`));
  await reader.waitForSelector('.article-body');
  return { reader, text: (await reader.textContent('.article-body')) ?? '' };
}

beforeAll(async () => {
  server = await servePages({ [ARTICLE]: page, [PAYWALLED]: paywalled });
  b = await launchExtension();
  tab = await b.openTab(server.url(ARTICLE));
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

describe("the reader's own rules", () => {
  it('element picker: a click on the page saves a rule for the site, and the clean view no longer shows it', async () => {
    const before = await cleanViewText(tab.tabId);
    expect(before.text).toContain(CONTEST);
    await before.reader.close();

    const popup = b.watch(await b.context.newPage());
    await popup.goto(b.extensionUrl(`popup.html?tabId=${tab.tabId}`));
    await popup.click('button.pick-element');
    await tab.page.waitForSelector('#nitido-picker .bar');
    await tab.page.click('.harbour-contest');
    const selector = tab.page.locator('#nitido-picker input');
    expect(await selector.inputValue()).toBe('div.harbour-contest');
    expect(await tab.page.textContent('#nitido-picker .msg')).toContain('Hide 1 element');
    await tab.page.click('#nitido-picker button[data-action="hide"]');
    await tab.page.waitForSelector('#nitido-picker[data-saved="true"]', { state: 'attached' });
    expect(await stored('settings')).toMatchObject({
      userRules: [{ site: '127.0.0.1', remove: ['div.harbour-contest'] }],
    });
    // The page itself is left as it was.
    expect(await tab.page.isVisible('.harbour-contest')).toBe(true);

    const after = await cleanViewText(tab.tabId);
    expect(after.text).not.toContain(CONTEST);
    expect(after.text).toContain('Engineers estimate the barrier');
    await after.reader.close();
    await tab.page.click('#nitido-picker button[data-action="cancel"]');
    expect(await tab.page.$('#nitido-picker')).toBeNull();
  });

  it('what was removed: blocks by rule with their reason; restore brings back one block, or a whole rule, remembered per site', async () => {
    const { reader, text } = await cleanViewText(tab.tabId);
    expect(text).not.toContain(CONTEST);
    expect(text).not.toContain('Advertisement');
    expect(text).not.toContain(READ_GATES);
    expect(text).not.toContain(READ_FLOODS);
    const mine = reader.locator('.removed-group[data-rule="user:127.0.0.1"]');
    await mine.locator('summary').click();
    expect(await mine.locator('.removed-block').textContent()).toContain(CONTEST);
    // The generic rules' removals are listed too, with the reason a reader can read.
    const groups = await reader.$$eval('.removed-group', (els) =>
      els.map((el) => ({
        rule: el.getAttribute('data-rule'),
        why: el.querySelector('.removed-why')?.textContent,
      })),
    );
    expect(groups.length).toBeGreaterThan(1);
    for (const g of groups) expect(g.why && g.why !== g.rule, JSON.stringify(g)).toBe(true);

    // One rule removed both "Read also" lines; restore the first alone.
    const readAlso = reader.locator('.removed-group[data-rule="read-also-line"]');
    await readAlso.locator('summary').click();
    expect(await readAlso.locator('.removed-item').count()).toBe(2);
    const gates = readAlso.locator('.removed-item', { hasText: 'How the gates of the barrier' });
    const key = (await gates.getAttribute('data-key')) ?? '';
    expect(key).toMatch(/^read-also-line~[a-z0-9]+$/);
    await reader.check('.removed-remember input');
    await gates.locator('button.removed-restore-block').click();
    await reader.waitForFunction(
      (t) => document.querySelector('.article-body')?.textContent?.includes(t),
      READ_GATES,
    );
    const restored = ((await reader.textContent('.article-body')) ?? '').replace(/\s+/g, ' ');
    expect(restored).not.toContain(READ_FLOODS);
    expect(restored).not.toContain(CONTEST);
    // Back at its place: after the paragraph it followed on the page, before the one it preceded.
    const at = restored.indexOf(READ_GATES);
    expect(restored.indexOf('a bond the council plans to issue')).toBeLessThan(at);
    expect(restored.indexOf('"We are worried about the fishing boats')).toBeGreaterThan(at);
    expect(await readAlso.locator('.removed-item').count()).toBe(1);
    expect(await readAlso.locator('.removed-item').textContent()).toContain('The winter floods');
    expect(await stored('restoredRules')).toEqual({ '127.0.0.1': [key] });
    const listed = reader.locator(`.removed-restored li[data-key="${key}"]`);
    expect(await listed.textContent()).toContain(READ_GATES);
    expect(await listed.textContent()).toContain('always on this site');

    // Remembered: a new clean view of the page shows that block, and not its sibling.
    const again = await cleanViewText(tab.tabId);
    expect(again.text).toContain(READ_GATES);
    expect(again.text).not.toContain(READ_FLOODS);
    await again.reader.close();

    // A whole rule comes back with "Restore all".
    await mine.locator('button.removed-restore-all').click();
    await reader.waitForFunction(
      (t) => document.querySelector('.article-body')?.textContent?.includes(t),
      CONTEST,
    );
    expect(await reader.textContent('.article-body')).not.toContain('Advertisement');
    expect(await stored('restoredRules')).toEqual({ '127.0.0.1': [key, 'user:127.0.0.1'] });

    // "Remove again" forgets each.
    await reader.click('.removed-restored li[data-rule="user:127.0.0.1"] button');
    await reader.waitForFunction(
      (t) => !document.querySelector('.article-body')?.textContent?.includes(t),
      CONTEST,
    );
    await reader.click(`.removed-restored li[data-key="${key}"] button`);
    await reader.waitForFunction(
      (t) => !document.querySelector('.article-body')?.textContent?.includes(t),
      READ_GATES,
    );
    expect(await stored('restoredRules')).toEqual({});
    await reader.close();
  });

  it('options editor: a bad selector is refused with a message; a good one shows the article before and after', async () => {
    const options = b.watch(await b.context.newPage());
    await options.goto(b.extensionUrl(`options.html?tabId=${tab.tabId}&site=127.0.0.1`));
    await options.waitForSelector('.preview-cols');
    expect(await options.inputValue('input[name="rule-site"]')).toBe('127.0.0.1');
    expect(await options.textContent('.preview-before')).toContain(POLL);

    await options.fill('textarea[name="rule-selectors"]', '.reader-poll[');
    expect(await options.textContent('.rule-error')).toContain('is not a valid CSS selector');
    expect(await options.isDisabled('.rule-draft button.primary')).toBe(true);

    await options.fill('textarea[name="rule-selectors"]', '.reader-poll');
    expect(await options.$('.rule-error')).toBeNull();
    await options.waitForSelector('.preview-before p.gone');
    expect(await options.textContent('.preview-before p.gone')).toContain(POLL);
    expect(await options.textContent('.preview-after')).not.toContain(POLL);
    expect(await options.textContent('.preview-after')).toContain('Engineers estimate the barrier');

    await options.click('.rule-draft button.primary');
    await options.waitForFunction(() =>
      document.querySelector('.rule-list')?.textContent?.includes('.reader-poll'),
    );
    expect(await stored('settings')).toMatchObject({
      userRules: [{ site: '127.0.0.1', remove: ['div.harbour-contest', '.reader-poll'] }],
    });
    const { reader, text } = await cleanViewText(tab.tabId);
    expect(text).not.toContain(POLL);
    await reader.close();
    await options.close();
  });

  it('import of a shared rule file: good rules saved and applied, bad ones named; export gives the same format', async () => {
    const options = b.watch(await b.context.newPage());
    await options.goto(b.extensionUrl('options.html'));
    await options.waitForSelector('.rule-editor');
    expect(await options.textContent('.rule-preview')).toContain('open this editor from a clean view');
    const file = {
      format: 'nitido-rules',
      version: 1,
      rules: [
        { sites: ['127.0.0.1'], remove: ['.share-tools'], why: 'Share box' },
        { sites: ['127.0.0.1'], remove: ['div['] },
        { sites: ['127.0.0.1'], remove: ['.x'], onload: 'alert(1)' },
        TIDES_RULE,
      ],
    };
    const before = await cleanViewText(tab.tabId);
    expect(before.text).toContain(TIDES);
    await before.reader.close();
    await options.setInputFiles('input[name="rule-file"]', {
      name: 'shared-rules.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await options.waitForSelector('.rule-editor .notice');
    const notice = (await options.textContent('.rule-editor .notice')) ?? '';
    expect(notice).toContain('2 rules imported.');
    expect(notice).toContain('Rule 2: "div[" is not a valid CSS selector.');
    expect(notice).toContain('Rule 3: Unknown field "onload"');
    expect(await stored('settings')).toMatchObject({
      userRules: [
        { site: '127.0.0.1', remove: ['div.harbour-contest', '.reader-poll', '.share-tools'] },
        { site: '127.0.0.1', id: TIDES_RULE.id, why: TIDES_RULE.why, patterns: TIDES_RULE.text.patterns },
      ],
    });
    const { reader, text } = await cleanViewText(tab.tabId);
    expect(text).not.toContain(SHARE);
    expect(text).not.toContain(TIDES);
    expect(text).toContain('Engineers estimate the barrier');
    expect(text).toContain('Residents of the lower town');
    // The pattern rule's block is listed under its reason in "what was removed".
    const tides = reader.locator(`.removed-group[data-rule="${TIDES_RULE.id}"]`);
    expect(await tides.locator('.removed-why').textContent()).toBe(TIDES_RULE.why);
    await reader.close();

    const download = options.waitForEvent('download');
    await options.click('.rule-file button');
    const exported = await download;
    const stream = await exported.createReadStream();
    let body = '';
    for await (const chunk of stream) body += chunk;
    expect(exported.suggestedFilename()).toBe('nitido-rules.json');
    expect(JSON.parse(body)).toMatchObject({
      format: 'nitido-rules',
      version: 1,
      rules: [
        { sites: ['127.0.0.1'], remove: ['div.harbour-contest', '.reader-poll', '.share-tools'] },
        TIDES_RULE,
      ],
    });
    await options.close();
  });
});

describe('remove this, from the clean view', () => {
  it('a click on a block of the clean view proposes a rule for the page; accepted, the block is gone', async () => {
    const LAST = 'Residents of the lower town';
    const { reader, text } = await cleanViewText(tab.tabId);
    expect(text).toContain(LAST);
    await reader.click('.removed-pick-here');
    await reader.click(`.article-body p:has-text("${LAST}")`);
    await reader.waitForSelector('.removed-proposal');
    expect(await reader.textContent('.removed-proposal')).toContain(
      'Hide 1 matching element(s) on 127.0.0.1',
    );
    const selector = (await reader.textContent('.removed-proposal code')) ?? '';
    expect(
      await tab.page.$$eval(selector, (els) => els.map((e) => e.textContent?.trim().slice(0, 27))),
    ).toEqual([LAST]);
    await reader.click('.removed-proposal button.primary');
    await reader.waitForFunction(
      (t) => !document.querySelector('.article-body')?.textContent?.includes(t),
      LAST,
    );
    expect(await stored('settings')).toMatchObject({
      userRules: [
        { site: '127.0.0.1', remove: ['div.harbour-contest', '.reader-poll', '.share-tools', selector] },
        { site: '127.0.0.1', id: TIDES_RULE.id },
      ],
    });
    await reader.close();
  });
});

describe('truncation warnings and the selection fallback', () => {
  it('the popup and the clean view say that a paywalled article may be incomplete', async () => {
    const paid = await b.openTab(server.url(PAYWALLED));
    const popup = b.watch(await b.context.newPage());
    await popup.goto(b.extensionUrl(`popup.html?tabId=${paid.tabId}`));
    await popup.waitForSelector('.truncation-notice');
    expect(await popup.textContent('.truncation-notice')).toContain('This article may be incomplete');
    const { reader } = await cleanViewText(paid.tabId);
    expect(await reader.textContent('.truncation-notice')).toContain('subscribe');
    // A complete article has no such warning.
    const { reader: whole } = await cleanViewText(tab.tabId);
    expect(await whole.$('.truncation-notice')).toBeNull();
    for (const p of [popup, reader, whole, paid.page]) await p.close();
  });

  it('the clean view of a text selection shows what was selected', async () => {
    await tab.page.evaluate(() => {
      const paras = document.querySelectorAll('article > p');
      const range = document.createRange();
      range.setStartBefore(paras[2]);
      range.setEndAfter(paras[3]);
      const sel = getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
    });
    const { reader, text } = await cleanViewText(tab.tabId, '&selection=1');
    expect(text).toContain('Anna Verdi');
    expect(text).toContain('forty million euros');
    expect(text).not.toContain('harbour council voted on Tuesday');
    expect(text).not.toContain('fishermen');
    expect(await reader.textContent('h1.headline')).toContain(
      'Harbour council approves the new tide barrier',
    );
    expect(await reader.$('.removed-panel')).toBeNull();
    await reader.close();
  });

  it("the picker's region: 'Clean view of this part' opens the clean view of that region alone", async () => {
    const popup = b.watch(await b.context.newPage());
    await popup.goto(b.extensionUrl(`popup.html?tabId=${tab.tabId}`));
    await popup.click('button.pick-element');
    await tab.page.waitForSelector('#nitido-picker .bar');
    await tab.page.click('article > p:nth-of-type(3)');
    const opened = b.context.waitForEvent('page', (p) => p.url().includes('selection=1'));
    await tab.page.click('#nitido-picker button[data-action="read"]');
    const reader = await opened;
    await reader.waitForSelector('.article-body p');
    const text = (await reader.textContent('.article-body')) ?? '';
    expect(text).toContain('said Anna Verdi');
    expect(text).not.toContain('Engineers estimate');
    expect(text).not.toContain('harbour council voted on Tuesday');
    expect(await tab.page.$('#nitido-picker')).toBeNull();
    await reader.close();
    await popup.close().catch(() => {});
  });

  it('no errors in the extension pages', () => {
    expect(b.errors).toEqual([]);
  });
});
