// The extension a reader uses, in real Chromium with the built extension: badge, popup, clean view, options.
// Pages are ours, served on 127.0.0.1 by this file.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  articlePage,
  type ExtensionBrowser,
  launchExtension,
  type PageServer,
  sectionFrontPage,
  servePages,
} from './helpers';

const ARTICLE = '/news/2024/03/05/harbour-council-approves-tide-barrier.html';
const SECTION = '/politics/';
const SPA = '/app/';
const OTHER_ARTICLE = '/news/2024/03/06/fishermen-ask-for-a-second-channel.html';

/** A single-page site: starts as a section front, a click swaps in an article and pushes its URL. */
function spaPage(): string {
  const article = articlePage({ title: 'Fishermen ask for a second channel' });
  const body = article.slice(article.indexOf('<body>') + 6, article.indexOf('</body>'));
  const front = sectionFrontPage();
  return front.replace(
    '</body>',
    `<template id="next">${body}</template>
<script>
document.addEventListener('click', (e) => {
  if (!e.target.closest('#go')) return;
  e.preventDefault();
  document.querySelector('meta[property="og:type"]').setAttribute('content', 'article');
  document.body.innerHTML = document.getElementById('next').innerHTML;
  document.title = 'Fishermen ask for a second channel | The Daily Harbour';
  history.pushState({}, '', '${OTHER_ARTICLE}');
});
</script>
<p><a id="go" href="#">Next</a></p>
</body>`,
  );
}

/** Wait long enough for the content script to have run on a page where the badge must stay empty. */
const settle = (page: Page) => page.waitForTimeout(1500);

let b: ExtensionBrowser;
let server: PageServer;

beforeAll(async () => {
  server = await servePages({ [ARTICLE]: articlePage(), [SECTION]: sectionFrontPage(), [SPA]: spaPage() });
  b = await launchExtension();
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

describe('badge', () => {
  it('shows the reading time on an article and nothing on a section front', async () => {
    const article = await b.openTab(server.url(ARTICLE));
    expect(await b.waitForBadge(article.tabId, (t) => t !== '')).toMatch(/^\d+m$/);

    const front = await b.openTab(server.url(SECTION));
    await settle(front.page);
    expect(await b.badgeText(front.tabId)).toBe('');
    await front.page.close();
    await article.page.close();
  });

  it('detects again after a single-page navigation', async () => {
    const { page, tabId } = await b.openTab(server.url(SPA));
    await settle(page);
    expect(await b.badgeText(tabId)).toBe('');
    // The popup before the navigation sees a section front (and the background keeps that extraction)…
    const popup = b.watch(await b.context.newPage());
    await popup.goto(b.extensionUrl(`popup.html?tabId=${tabId}`));
    await popup.getByText("This page doesn't look like an article").waitFor();

    await page.click('#go');
    expect(page.url()).toContain(OTHER_ARTICLE);
    expect(await b.waitForBadge(tabId, (t) => t !== '')).toMatch(/^\d+m$/);

    // …and after it, the new article, not the kept extraction.
    await popup.reload();
    await popup.getByRole('region', { name: 'Clean text' }).waitFor();
    expect(await popup.locator('h1.headline').textContent()).toBe('Fishermen ask for a second channel');
    await popup.close();
    await page.close();
  });
});

describe('popup', () => {
  it('popup.html?tabId=N shows the clean text and the speakers, without the noise', async () => {
    const { page: source, tabId } = await b.openTab(server.url(ARTICLE));
    const popup = b.watch(await b.context.newPage());
    await popup.goto(b.extensionUrl(`popup.html?tabId=${tabId}`));
    const text = popup.getByRole('region', { name: 'Clean text' });
    await text.waitFor();
    const clean = await text.textContent();
    expect(await popup.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Harbour council approves the new tide barrier',
    );
    expect(clean).toContain('The harbour council voted on Tuesday evening');
    expect(clean).toContain('welcomed the decision');
    for (const noise of [
      'Loading...',
      'Advertisement',
      'newsletter',
      'Subscribe',
      'All rights reserved',
      'Sport',
    ]) {
      expect(clean).not.toContain(noise);
    }
    expect(await popup.locator('.reading-time').textContent()).toMatch(/^\d+ min read$/);
    for (const name of ['Open clean view', 'Save', 'Copy', 'Library']) {
      await expect(popup.getByRole('button', { name, exact: true }).count()).resolves.toBe(1);
    }

    // Open clean view opens reader.html for the same tab.
    const [reader] = await Promise.all([
      b.context.waitForEvent('page'),
      popup.getByRole('button', { name: 'Open clean view', exact: true }).click(),
    ]);
    await reader.waitForLoadState();
    expect(reader.url()).toBe(b.extensionUrl(`reader.html?tabId=${tabId}`));
    await reader.locator('.article-body p').first().waitFor();
    expect(await reader.locator('h1.headline').textContent()).toBe(
      'Harbour council approves the new tide barrier',
    );
    expect(await reader.locator('a.original').getAttribute('href')).toBe(server.url(ARTICLE));
    // The popup asked for the text alone; the clean view, from the same extraction, still has its quotes.
    const side = reader.getByRole('complementary', { name: 'Quotes' });
    await side.waitFor();
    expect(await side.textContent()).toContain('Luca Bianchi');
    await reader.close();
    if (!popup.isClosed()) await popup.close();
    await source.close();
  });

  it('popup.html?tabId=N groups the quotes by speaker, with their roles', async () => {
    const { page: source, tabId } = await b.openTab(server.url(ARTICLE));
    const popup = b.watch(await b.context.newPage());
    await popup.goto(b.extensionUrl(`popup.html?tabId=${tabId}`));
    await popup.getByRole('region', { name: 'Clean text' }).waitFor();
    // The text comes first, the quotes right after: wait for them, then the summary is no longer busy.
    await popup.locator('.speaker-name').first().waitFor();
    expect(await popup.locator('section.quotes').getAttribute('aria-busy')).toBeNull();
    expect(await popup.getByText('Finding quotes…').count()).toBe(0);
    const speakers = await popup.locator('.speaker-name').allTextContents();
    expect(speakers.some((s) => s.includes('Anna Verdi') && /mayor/i.test(s))).toBe(true);
    expect(speakers.some((s) => s.includes('Luca Bianchi') && /spokesman/i.test(s))).toBe(true);
    const quotes = await popup.locator('.speaker-quotes').allTextContents();
    expect(quotes.join('\n')).toContain('This barrier will protect three thousand homes');
    await popup.close();
    await source.close();
  });

  it('Copy puts the headline, the clean text and the link on the clipboard', async () => {
    const { page: source, tabId } = await b.openTab(server.url(ARTICLE));
    const popup = b.watch(await b.context.newPage());
    await popup.goto(b.extensionUrl(`popup.html?tabId=${tabId}`));
    await popup.getByRole('region', { name: 'Clean text' }).waitFor();
    await popup.getByRole('button', { name: 'Copy', exact: true }).click();
    await popup.getByText('Copied to the clipboard').waitFor();
    const copied = await popup.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith('Harbour council approves the new tide barrier\n\n')).toBe(true);
    expect(copied).toContain('The harbour council voted on Tuesday evening');
    expect(copied).not.toContain('Advertisement');
    expect(copied.trim().endsWith(server.url(ARTICLE))).toBe(true);
    await popup.close();
    await source.close();
  });

  it('says so on a section front and offers to try anyway', async () => {
    const { page: source, tabId } = await b.openTab(server.url(SECTION));
    const popup = b.watch(await b.context.newPage());
    await popup.goto(b.extensionUrl(`popup.html?tabId=${tabId}`));
    await popup.getByText("This page doesn't look like an article").waitFor();
    await popup.getByRole('button', { name: 'Try anyway' }).click();
    await popup.getByRole('region', { name: 'Clean text' }).waitFor();
    await popup.close();
    await source.close();
  });

  it('says the page cannot be read on a browser page', async () => {
    const { page: source, tabId } = await b.openTab('chrome://version/');
    const popup = b.watch(await b.context.newPage());
    await popup.goto(b.extensionUrl(`popup.html?tabId=${tabId}`));
    await popup.getByText("Nitido can't read this page").waitFor();
    expect(await popup.getByRole('button', { name: 'Save' }).count()).toBe(0);
    await popup.close();
    await source.close();
  });

  it('saves the article to the library and says so', async () => {
    const { page: source, tabId } = await b.openTab(server.url(ARTICLE));
    const popup = b.watch(await b.context.newPage());
    await popup.goto(b.extensionUrl(`popup.html?tabId=${tabId}`));
    await popup.getByRole('region', { name: 'Clean text' }).waitFor();
    await popup.getByRole('button', { name: 'Save', exact: true }).click();
    const notice = popup.locator('.notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Saved to your library');

    // The saved copy opens in the clean view from the library, with no live tab behind it.
    const [saved] = await Promise.all([
      b.context.waitForEvent('page'),
      notice.getByRole('link', { name: 'Read the saved copy' }).click(),
    ]);
    await saved.waitForLoadState();
    expect(saved.url()).toMatch(/\/reader\.html\?id=[^&]+$/);
    await saved.locator('.article-body p').first().waitFor();
    await source.close();
    expect(await saved.locator('h1.headline').textContent()).toBe(
      'Harbour council approves the new tide barrier',
    );
    expect(await saved.locator('.article-body').textContent()).toContain('The harbour council voted');
    expect(await saved.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
    await saved.close();
    await popup.close();
  });

  it('reader.html?id= of an unknown article says it is not in the library', async () => {
    const reader = b.watch(await b.context.newPage());
    await reader.goto(b.extensionUrl('reader.html?id=no-such-article'));
    await reader.getByText('This article is not in your library').waitFor();
    await reader.close();
  });
});

describe('clean view', () => {
  const HOSTILE = '/news/2024/03/07/hostile-page-tries-everything.html';

  it('renders a hostile page with nothing executed and nothing dangerous in the DOM', async () => {
    server.set(
      HOSTILE,
      articlePage({
        title: 'A hostile page <img src=x onerror="window.__pwned=1">',
        extraBody: '',
      }).replace(
        '<p>Engineers estimate',
        `<p>Hostile content follows. <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onerror="window.__pwned=1" onload="window.__pwned=1">
<a href="javascript:window.__pwned=1">a javascript link</a> and <a href="https://example.org/ok" onclick="window.__pwned=1">a fine link</a>.</p>
<script>window.__pwned = 1</script>
<iframe src="javascript:parent.__pwned=1" srcdoc="<script>parent.__pwned=1</script>"></iframe>
<svg><script>window.__pwned=1</script><animate onbegin="window.__pwned=1" attributeName="x" dur="1s"/></svg>
<object data="javascript:window.__pwned=1"></object><embed src="javascript:window.__pwned=1">
<form action="javascript:window.__pwned=1"><button formaction="javascript:window.__pwned=1">Go</button></form>
<p style="background:url(javascript:window.__pwned=1)">Styled paragraph.</p>
<p>Engineers estimate`,
      ),
    );
    const { page: source, tabId } = await b.openTab(server.url(HOSTILE));
    const reader = b.watch(await b.context.newPage());
    await reader.goto(b.extensionUrl(`reader.html?tabId=${tabId}`));
    await reader.locator('.article-body p').first().waitFor();
    // Give any handler that slipped through the time to fire.
    await reader.waitForTimeout(500);
    expect(await reader.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const dom = await reader.evaluate(() => {
      const all = [...document.querySelectorAll('*')];
      return {
        active: document.querySelectorAll('iframe, frame, object, embed, script:not([src]), form, svg script')
          .length,
        handlers: all.flatMap((el) =>
          [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name),
        ),
        jsUrls: all.flatMap((el) =>
          [...el.attributes]
            .filter((a) => /javascript:/i.test(a.value))
            .map((a) => `${el.tagName} ${a.name}`),
        ),
        inlineStyles: document.querySelectorAll('.article-body [style]').length,
        links: [...document.querySelectorAll('.article-body a[href]')].map((a) => ({
          href: a.getAttribute('href'),
          target: a.getAttribute('target'),
          rel: a.getAttribute('rel'),
        })),
        text: document.querySelector('.article-body')?.textContent ?? '',
      };
    });
    expect(dom.active).toBe(0);
    expect(dom.handlers).toEqual([]);
    expect(dom.jsUrls).toEqual([]);
    expect(dom.inlineStyles).toBe(0);
    expect(dom.text).toContain('Hostile content follows.');
    expect(dom.links).toContainEqual({
      href: 'https://example.org/ok',
      target: '_blank',
      rel: 'noopener noreferrer',
    });
    for (const link of dom.links) {
      expect(link.target).toBe('_blank');
      expect(link.rel).toBe('noopener noreferrer');
    }
    // The title is text, not markup.
    expect(await reader.locator('h1.headline').textContent()).toContain('<img src=x');
    await reader.close();
    await source.close();
  });

  it('lists the quotes by speaker beside the article; a click scrolls to the quote', async () => {
    const { page: source, tabId } = await b.openTab(server.url(ARTICLE));
    const reader = b.watch(await b.context.newPage());
    await reader.setViewportSize({ width: 1280, height: 500 });
    await reader.goto(b.extensionUrl(`reader.html?tabId=${tabId}`));
    const side = reader.getByRole('complementary', { name: 'Quotes' });
    await side.waitFor();
    expect(await side.textContent()).toContain('Luca Bianchi');
    await side.getByRole('button', { name: /We are worried about the fishing boats/ }).click();
    const target = reader.locator('.article-body .flash');
    await target.waitFor();
    expect(await target.textContent()).toContain('said Luca Bianchi');
    await reader.waitForFunction(() => {
      const r = document.querySelector('.article-body .flash')?.getBoundingClientRect();
      return !!r && r.top >= 0 && r.bottom <= innerHeight;
    });
    await reader.close();
    await source.close();
  });

  it('remembers the theme and the text size', async () => {
    const { page: source, tabId } = await b.openTab(server.url(ARTICLE));
    const reader = b.watch(await b.context.newPage());
    await reader.goto(b.extensionUrl(`reader.html?tabId=${tabId}`));
    await reader.locator('.article-body p').first().waitFor();
    await reader.getByRole('button', { name: 'Dark', exact: true }).click();
    await reader.getByRole('button', { name: 'Larger text' }).click();
    expect(await reader.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const size = await reader.locator('.reader').evaluate((el) => getComputedStyle(el).fontSize);
    await reader.reload();
    await reader.locator('.article-body p').first().waitFor();
    await reader.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    expect(await reader.locator('.reader').evaluate((el) => getComputedStyle(el).fontSize)).toBe(size);
    expect(await reader.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(
      'rgb(255, 255, 255)',
    );
    // Back to the defaults for the other tests.
    await reader.getByRole('button', { name: 'Follow system', exact: true }).click();
    await reader.getByRole('button', { name: 'Smaller text' }).click();
    await reader.close();
    await source.close();
  });
});

describe('options', () => {
  it('turning detection off leaves the badge empty on an article', async () => {
    const options = b.watch(await b.context.newPage());
    await options.goto(b.extensionUrl('options.html'));
    const toggle = options.getByRole('checkbox', { name: /Detect articles/ });
    await toggle.uncheck();
    await options.getByText('Options saved').waitFor();

    const { page, tabId } = await b.openTab(server.url(ARTICLE));
    await settle(page);
    expect(await b.badgeText(tabId)).toBe('');

    await toggle.check();
    await page.reload();
    expect(await b.waitForBadge(tabId, (t) => t !== '')).toMatch(/^\d+m$/);
    await page.close();
    await options.close();
  });

  it('an excluded site gets no badge', async () => {
    const options = b.watch(await b.context.newPage());
    await options.goto(b.extensionUrl('options.html'));
    const sites = options.getByRole('textbox', { name: /Sites where Nitido never runs/ });
    await sites.fill('127.0.0.1');
    await sites.blur();
    await options.getByText('Options saved').waitFor();
    const { page, tabId } = await b.openTab(server.url(ARTICLE));
    await settle(page);
    expect(await b.badgeText(tabId)).toBe('');
    await sites.fill('');
    await sites.blur();
    await page.close();
    await options.close();
  });
});

describe('user rules', () => {
  const SPONSORED = '/news/2024/03/08/boatyard-reopens-after-the-storm.html';

  it("the reader's own rules (settings.userRules) clean the article", async () => {
    server.set(
      SPONSORED,
      articlePage({ title: 'Boatyard reopens after the storm' }).replace(
        '<p>Engineers estimate',
        '<p class="acme-note">Acme Boats, makers of fine wooden hulls since 1950, proudly supports local reporting in the harbour.</p>\n<p>Engineers estimate',
      ),
    );
    const { page: source, tabId } = await b.openTab(server.url(SPONSORED));
    const cleanText = async () => {
      const popup = b.watch(await b.context.newPage());
      await popup.goto(b.extensionUrl(`popup.html?tabId=${tabId}`));
      const region = popup.getByRole('region', { name: 'Clean text' });
      await region.waitFor();
      const text = (await region.textContent()) ?? '';
      await popup.close();
      return text;
    };
    expect(await cleanText()).toContain('Acme Boats');

    const setRules = (rules: object[]) =>
      b.sw.evaluate(async (userRules) => {
        const local = (
          globalThis as unknown as {
            chrome: {
              storage: {
                local: { get(k: string): Promise<Record<string, object>>; set(o: object): Promise<void> };
              };
            };
          }
        ).chrome.storage.local;
        const { settings } = await local.get('settings');
        await local.set({ settings: { ...(settings ?? {}), userRules } });
      }, rules);
    await setRules([{ site: '127.0.0.1', remove: ['p.acme-note'] }]);
    const text = await cleanText();
    expect(text).not.toContain('Acme Boats');
    expect(text).toContain('Engineers estimate');
    await setRules([]);
    await source.close();
  });
});

describe('exposure to web pages', () => {
  it('a web page cannot load the extractor by its static URL (dynamic URL only)', async () => {
    const { page } = await b.openTab(server.url(ARTICLE));
    const loaded = await page.evaluate(
      (url) =>
        new Promise<boolean>((resolve) => {
          const s = document.createElement('script');
          s.src = url;
          s.onload = () => resolve(true);
          s.onerror = () => resolve(false);
          document.head.append(s);
        }),
      b.extensionUrl('extractor.js'),
    );
    expect(loaded).toBe(false);
    await page.close();
  });
});

/** The worker's handler of a toolbar click (utils/extension/start-background.ts): a test cannot click the toolbar. */
const clickToolbar = (tabId: number) =>
  b.sw.evaluate(async (id) => {
    const g = globalThis as unknown as {
      chrome: { tabs: { get(id: number): Promise<object> } };
      nitidoToolbarClicked(tab: object): Promise<void>;
    };
    await g.nitidoToolbarClicked(await g.chrome.tabs.get(id));
  }, tabId);

/** What the open toolbar popup shows, read from another extension page (Playwright does not list popups). */
async function readToolbarPopup(helper: Page) {
  const shown = await helper.waitForFunction(
    () => {
      const views = (
        globalThis as unknown as { chrome: { extension: { getViews(o: object): Window[] } } }
      ).chrome.extension.getViews({ type: 'popup' });
      const doc = views[0]?.document;
      const text = doc?.querySelector('section.clean-text')?.textContent;
      if (!doc || !text) return false;
      const headline = doc.querySelector('h1')?.textContent;
      const out = { search: views[0].location.search, text, headline };
      views[0].close();
      return out;
    },
    undefined,
    { timeout: 15_000, polling: 50 },
  );
  return (await shown.jsonValue()) as { search: string; text: string; headline: string };
}

/** Until the options page has stored the toolbar option (a click reads it from storage). */
const optionStored = (page: Page, value: boolean) =>
  page.waitForFunction(
    async (want) =>
      (
        (await (
          globalThis as unknown as {
            chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
          }
        ).chrome.storage.local.get('settings')) as { settings?: { toolbarOpensCleanView?: boolean } }
      ).settings?.toolbarOpensCleanView === want,
    value,
  );

describe('toolbar button', () => {
  const popupOf = (tabId?: number) =>
    b.sw.evaluate(
      (id) =>
        (
          globalThis as unknown as { chrome: { action: { getPopup(d: object): Promise<string> } } }
        ).chrome.action.getPopup(id === null ? {} : { tabId: id }),
      tabId ?? null,
    );

  it("opens the real popup for the clicked tab, with the tab's clean text", async () => {
    const { page: source, tabId } = await b.openTab(server.url(ARTICLE));
    await b.waitForBadge(tabId, (t) => t !== '');
    // A click reaches the background first: the button has no popup of its own, on any tab.
    expect(await popupOf()).toBe('');
    const helper = b.watch(await b.context.newPage());
    await helper.goto(b.extensionUrl('options.html'));
    await source.bringToFront();
    await clickToolbar(tabId);
    const popup = await readToolbarPopup(helper);
    expect(popup.search).toBe(`?tabId=${tabId}`);
    expect(popup.headline).toBe('Harbour council approves the new tide barrier');
    expect(popup.text).toContain('The harbour council voted on Tuesday evening');
    for (const noise of ['Loading...', 'Advertisement', 'newsletter', 'All rights reserved']) {
      expect(popup.text).not.toContain(noise);
    }
    // Only while it opened was the popup set for this tab: the next click comes to the background again.
    expect(await popupOf(tabId)).toBe('');
    await helper.close();
    await source.close();
  });

  it('opens the clean view instead when the reader chose it, and the popup again after', async () => {
    const options = b.watch(await b.context.newPage());
    await options.goto(b.extensionUrl('options.html'));
    const toggle = options.getByRole('checkbox', { name: /Open the clean view directly/ });
    await toggle.check();
    await optionStored(options, true);
    const { page: source, tabId } = await b.openTab(server.url(ARTICLE));
    const [reader] = await Promise.all([b.context.waitForEvent('page'), clickToolbar(tabId)]);
    await reader.waitForURL(/reader\.html\?tabId=\d+$/);
    expect(reader.url()).toContain(`reader.html?tabId=${tabId}`);
    await reader.close();

    await toggle.uncheck();
    await optionStored(options, false);
    await source.bringToFront();
    await clickToolbar(tabId);
    expect((await readToolbarPopup(options)).search).toBe(`?tabId=${tabId}`);
    expect(await popupOf()).toBe('');
    await options.close();
    await source.close();
  });
});

it('no uncaught error or console error in any extension page', () => {
  expect(b.errors).toEqual([]);
});
