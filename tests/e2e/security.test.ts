// The extension's walls, in real Chromium with the built extension and pages we serve on 127.0.0.1:
// - the CSP of extension pages blocks inline code even when something inserts it (the second wall);
// - a web page cannot reach the background (no externally_connectable; postMessage goes nowhere);
// - the content script stays out of the page's way (no mutation, no global, no message, no event, nothing
//   loaded), and a page cannot stop it;
// - opening the popup and the clean view makes no request but to the article's own origin;
// - extraction never hangs a tab: 20,000-deep, 6 MB, 100,000 nodes, endless "Loading..." placeholders.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  articlePage,
  type ExtensionBrowser,
  forgeScriptStarted,
  launchExtension,
  type PageServer,
  sectionFrontPage,
  servePages,
  spyScript,
  wxtEventNames,
} from './helpers';

let b: ExtensionBrowser;
let server: PageServer;

const ARTICLE = '/news/2024/03/05/harbour-council-approves-tide-barrier.html';
/** A single-page site: it starts on a section front and shows an article by script. */
const SPA = '/app/';

interface SpyReport {
  mutations: string[];
  messages: string[];
  events: string[];
  newGlobals: string[];
  htmlChanged: boolean;
  extensionResources: string[];
}

function spyReport(page: Page): Promise<SpyReport> {
  return page.evaluate(() => {
    const log = (
      window as unknown as {
        __spy: { mutations: string[]; messages: string[]; events: string[]; globals: string[]; html: string };
      }
    ).__spy;
    const before = new Set(log.globals);
    return {
      mutations: log.mutations,
      messages: log.messages,
      events: log.events,
      newGlobals: Object.getOwnPropertyNames(window).filter((n) => !before.has(n) && n !== '__spy'),
      htmlChanged: document.documentElement.outerHTML !== log.html,
      extensionResources: performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((n) => /^(chrome|moz)-extension:/.test(n)),
    };
  });
}

const quiet: SpyReport = {
  mutations: [],
  messages: [],
  events: [],
  newGlobals: [],
  htmlChanged: false,
  extensionResources: [],
};

declare const chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
const tabUrls = () => b.sw.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.url ?? ''));

/** Articles in the library, read from an extension page's IndexedDB. */
async function libraryCount(): Promise<number> {
  const page = await b.context.newPage();
  await page.goto(b.extensionUrl('options.html'));
  const n = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const req = indexedDB.open('nitido-library');
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('articles')) return resolve(0);
          const count = db.transaction('articles').objectStore('articles').count();
          count.onsuccess = () => resolve(count.result);
        };
        req.onerror = () => resolve(-1);
      }),
  );
  await page.close();
  return n;
}

beforeAll(async () => {
  b = await launchExtension();
  const spy = spyScript(b.extensionId);
  server = await servePages({
    [ARTICLE]: articlePage({ extraHead: spy }),
    '/politics/': sectionFrontPage().replace('</head>', `${spy}</head>`),
    [SPA]: sectionFrontPage(),
  });
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

describe('the CSP, second wall', () => {
  it('inline handlers, javascript: links and inline scripts inserted into the clean view do not run', async () => {
    const { page: source, tabId } = await b.openTab(server.url(ARTICLE));
    const reader = b.watch(await b.context.newPage());
    await reader.goto(b.extensionUrl(`reader.html?tabId=${tabId}`));
    await reader.locator('.article-body p').first().waitFor();
    // As if the sanitizer had failed: insert active content straight into the rendered article.
    const result = await reader.evaluate(async () => {
      const w = window as unknown as { __ran?: string[] };
      w.__ran = [];
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
      const body = document.querySelector('.article-body')!;
      body.insertAdjacentHTML(
        'beforeend',
        `<img src="data:," onerror="window.__ran.push('onerror')"><a id="js" href="javascript:window.__ran.push('href')">x</a>`,
      );
      const script = document.createElement('script');
      script.textContent = "window.__ran.push('inline script')";
      body.append(script);
      const remote = document.createElement('script');
      remote.src = 'https://cdn.example/evil.js';
      body.append(remote);
      (document.getElementById('js') as HTMLAnchorElement).click();
      await new Promise((r) => setTimeout(r, 500));
      return { ran: w.__ran, violations: [...new Set(violations)].sort() };
    });
    expect(result.ran).toEqual([]);
    expect(result.violations).toEqual(expect.arrayContaining(['script-src-attr', 'script-src-elem']));
    // The browser logs each block as a console error: expected here, and only here.
    const url = reader.url();
    const blocked = b.errors.filter((e) => e.startsWith(url));
    expect(blocked.some((e) => e.includes('cdn.example/evil.js'))).toBe(true);
    b.errors.splice(0, b.errors.length, ...b.errors.filter((e) => !e.startsWith(url)));
    await reader.close();
    await source.close();
  });
});

describe('web pages cannot reach the extension', () => {
  it('has no chrome.runtime to message us; postMessage of our message shapes does nothing', async () => {
    const { page, tabId } = await b.openTab(server.url(ARTICLE));
    await b.waitForBadge(tabId, (t) => t !== '');
    const tabsBefore = await tabUrls();
    const savedBefore = await libraryCount();
    const forged = [
      { type: 'open-reader', tabId },
      { type: 'extract', tabId },
      { type: 'run-extractor' },
      { type: 'detected', url: 'https://evil.example/', isArticle: true, score: 99, readingMinutes: 99 },
      {
        type: 'save',
        tags: [],
        article: { url: 'https://evil.example/', title: 'Forged', html: '<p>x</p>', text: 'x' },
      },
    ];
    const outcome = await page.evaluate(
      async ({ forged, extensionId }) => {
        const w = window as unknown as {
          chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => unknown; connect?: unknown } };
        };
        const tries: string[] = [];
        for (const m of forged) {
          window.postMessage(m, '*');
          try {
            await (w.chrome?.runtime?.sendMessage?.(extensionId, m) as Promise<unknown> | undefined);
            tries.push(w.chrome?.runtime?.sendMessage ? 'sent' : 'no runtime');
          } catch (e) {
            tries.push(`refused: ${(e as Error).message}`);
          }
        }
        await new Promise((r) => setTimeout(r, 1000));
        return { runtime: typeof w.chrome?.runtime, tries };
      },
      { forged, extensionId: b.extensionId },
    );
    expect(outcome.runtime).toBe('undefined');
    expect(outcome.tries.every((t) => t === 'no runtime')).toBe(true);
    // Nothing happened: no clean view opened, nothing saved, the badge is still the page's own.
    expect(await tabUrls()).toEqual(tabsBefore);
    expect(await libraryCount()).toBe(savedBefore);
    expect(await b.badgeText(tabId)).toMatch(/^\d+m$/);
    expect(await b.badgeText(tabId)).not.toBe('99+');
    await page.close();
  });

  it('the same open-reader message from our own page does open the clean view (the check above can fail)', async () => {
    const { page, tabId } = await b.openTab(server.url(ARTICLE));
    const before = (await tabUrls()).filter((u) => u.includes('/reader.html')).length;
    const options = await b.context.newPage();
    await options.goto(b.extensionUrl('options.html'));
    await options.evaluate(
      (id) =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime.sendMessage({ type: 'open-reader', tabId: id }),
      tabId,
    );
    await expect
      .poll(async () => (await tabUrls()).filter((u) => u.includes('/reader.html')).length)
      .toBe(before + 1);
    for (const p of b.context.pages()) if (p.url().includes('/reader.html')) await p.close();
    await options.close();
    await page.close();
  });
});

describe('web pages cannot load or frame our pages', () => {
  it('fetching, framing or scripting popup/reader/library from a web page fails', async () => {
    const { page, tabId } = await b.openTab(server.url(ARTICLE));
    const ours = async () => (await tabUrls()).filter((u) => u.startsWith('chrome-extension://'));
    const before = await ours();
    const result = await page.evaluate(
      async ({ urls }) => {
        const out: Record<string, string> = {};
        for (const url of urls) {
          out[`fetch ${url}`] = await fetch(url).then(
            () => 'loaded',
            () => 'refused',
          );
          out[`script ${url}`] = await new Promise<string>((resolve) => {
            const s = document.createElement('script');
            s.src = url;
            s.onload = () => resolve('loaded');
            s.onerror = () => resolve('refused');
            document.head.append(s);
          });
          out[`frame ${url}`] = await new Promise<string>((resolve) => {
            const f = document.createElement('iframe');
            f.src = url;
            f.onload = () => {
              // A blocked frame shows Chromium's error page, which this origin cannot read either.
              let readable = false;
              try {
                readable = !!f.contentDocument?.querySelector('#app');
              } catch {
                readable = false;
              }
              resolve(readable ? 'loaded' : 'refused');
            };
            document.body.append(f);
            setTimeout(() => resolve('refused'), 3000);
          });
        }
        return out;
      },
      {
        urls: [
          `chrome-extension://${b.extensionId}/popup.html?tabId=${tabId}`,
          `chrome-extension://${b.extensionId}/reader.html?tabId=${tabId}`,
          `chrome-extension://${b.extensionId}/library.html`,
        ],
      },
    );
    expect(Object.entries(result).filter(([, v]) => v !== 'refused')).toEqual([]);
    // Nothing was extracted or opened for the page either.
    expect(await ours()).toEqual(before);
    await page.close();
  });
});

describe('the content script stays out of the page', () => {
  it('on an article: detection reports, and the page sees no mutation, global, message or load', async () => {
    const { page, tabId } = await b.openTab(server.url(ARTICLE));
    expect(await b.waitForBadge(tabId, (t) => t !== '')).toMatch(/^\d+m$/);
    // In-page navigation: the content script looks again (its settle timers run up to 1.5 s).
    await page.evaluate(() =>
      history.pushState({}, '', '/news/2024/03/05/another-story-of-the-harbour.html'),
    );
    await page.waitForTimeout(2000);
    expect(await spyReport(page)).toEqual(quiet);
    await page.close();
  });

  it('a page that forges WXT\'s "content script started" event does not stop detection', async () => {
    const { page, tabId } = await b.openTab(server.url(SPA));
    await page.waitForTimeout(1500);
    expect(await b.badgeText(tabId)).toBe('');
    // What a WXT content script context answers by shutting itself down: the same event from "a newer copy".
    await page.evaluate(forgeScriptStarted, wxtEventNames(b.extensionId));
    // The site then shows an article at a new address, without loading a page.
    const article = articlePage();
    await page.evaluate(
      ({ body }) => {
        document.body.innerHTML = body;
        history.pushState({}, '', '/news/2024/03/05/harbour-council-approves-tide-barrier.html');
      },
      { body: article.slice(article.indexOf('<body>') + 6, article.indexOf('</body>')) },
    );
    expect(await b.waitForBadge(tabId, (t) => t !== '')).toMatch(/^\d+m$/);
    await page.close();
  });

  it('on a section front: nothing beyond detection (no badge, nothing loaded, nothing changed)', async () => {
    const { page, tabId } = await b.openTab(server.url('/politics/'));
    await page.waitForTimeout(1500);
    expect(await b.badgeText(tabId)).toBe('');
    expect(await spyReport(page)).toEqual(quiet);
    await page.close();
  });

  it('even a full extraction changes nothing the page can see in its DOM or globals', async () => {
    const { page, tabId } = await b.openTab(server.url(ARTICLE));
    await b.waitForBadge(tabId, (t) => t !== '');
    const popup = b.watch(await b.context.newPage());
    await popup.goto(b.extensionUrl(`popup.html?tabId=${tabId}`));
    await popup.locator('.clean-text').waitFor();
    const report = await spyReport(page);
    expect({ ...report, extensionResources: [] }).toEqual(quiet);
    await popup.close();
    await page.close();
  });
});

describe('network', () => {
  it('popup, clean view and save request nothing but the article’s own origin', async () => {
    const path = '/news/2024/03/08/pictures-of-the-harbour.html';
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>';
    server.set('/img/harbour.svg', svg);
    server.set(
      path,
      articlePage({ title: 'Pictures of the harbour' }).replace(
        '<p>Engineers estimate',
        '<figure><img src="/img/harbour.svg" alt="The harbour"><figcaption>The old port.</figcaption></figure><p>Engineers estimate',
      ),
    );
    const { page: source, tabId } = await b.openTab(server.url(path));
    const requests: string[] = [];
    const record = (r: { url(): string }) => requests.push(r.url());
    b.context.on('request', record);
    const popup = b.watch(await b.context.newPage());
    await popup.goto(b.extensionUrl(`popup.html?tabId=${tabId}`));
    await popup.locator('.clean-text').waitFor();
    await popup.getByRole('button', { name: 'Save' }).click();
    await popup.getByText(/Saved/).first().waitFor();
    const reader = b.watch(await b.context.newPage());
    await reader.goto(b.extensionUrl(`reader.html?tabId=${tabId}`));
    await reader.locator('.article-body img').waitFor();
    await reader.waitForTimeout(500);
    b.context.off('request', record);
    const foreign = requests.filter(
      // Our own files: the pages' chunks, and the extractor loaded into the tab by its per-session URL.
      (u) => !u.startsWith('chrome-extension://') && !u.startsWith(`${server.origin}/`),
    );
    expect(foreign).toEqual([]);
    // What did go to the site: its picture (shown, and fetched once to keep it), nothing else.
    const toSite = [...new Set(requests.filter((u) => u.startsWith(server.origin)))];
    expect(toSite).toEqual([server.url('/img/harbour.svg')]);
    await reader.close();
    await popup.close();
    await source.close();
  });
});

describe('extraction never hangs a tab', () => {
  const para = (i: number) =>
    `<p>Update ${i}: the council met again today and the harbour works continued through the afternoon, with divers inspecting the foundations of the new barrier and engineers checking the gates one by one before the tide.</p>`;
  // 'either': the article, or the one-line "too large" or "took too long" message, whichever the machine allows
  // (how long a page takes is not asserted: the time budget makes the end bounded, not its kind).
  const PAGES: Record<string, { html: string; expect: 'article' | 'too large' | 'either' }> = {
    // The HTML parser stops nesting at 512 levels: a parsed page is never deeper.
    'deep-parsed': {
      html: articlePage({ title: 'A deep page' }).replace(
        '<footer>',
        `${'<div>'.repeat(20_000)}deep text${'</div>'.repeat(20_000)}<footer>`,
      ),
      expect: 'either',
    },
    // A script can nest as deep as it likes. Hidden: Chromium's own layout crashes the tab on a visible tree this
    // deep, with or without any extension.
    'deep-scripted': {
      html: articlePage({
        title: 'A deeper page',
        extraBody: `<div hidden id="deep"></div><script>let el = document.getElementById('deep');
for (let i = 0; i < 20000; i++) { const d = document.createElement('div'); el.append(d); el = d; }
el.textContent = 'the bottom';</script>`,
      }),
      expect: 'too large',
    },
    'live-blog-6mb': {
      html: articlePage({ title: 'Live: the harbour works, minute by minute' }).replace(
        '</article>',
        `${Array.from({ length: 28_500 }, (_, i) => para(i)).join('\n')}</article>`,
      ),
      expect: 'either',
    },
    'nodes-100k': {
      html: articlePage({
        title: 'A page of many nodes',
        extraBody: `<div>${'<span>x</span>'.repeat(110_000)}</div>`,
      }),
      expect: 'too large',
    },
    'loading-forever': {
      html: articlePage({
        title: 'A page that never stops loading',
        extraBody: `<script>setInterval(() => {
  const d = document.createElement('div'); d.className = 'loading'; d.textContent = 'Loading...';
  document.querySelector('article').append(d);
}, 5);</script>`,
      }),
      // A small page: read in far less than the time budget, whatever the placeholders do meanwhile.
      expect: 'article',
    },
  };

  it('the 6 MB page is 6 MB and the node page has over 100,000 nodes', () => {
    expect(PAGES['live-blog-6mb'].html.length).toBeGreaterThan(6 * 1024 * 1024);
    expect(PAGES['nodes-100k'].html.match(/<span>/g)?.length).toBeGreaterThan(100_000);
  });

  it.each(Object.keys(PAGES))(
    '%s: the popup shows the article or says it is too large or took too long',
    async (name) => {
      const page = PAGES[name];
      const path = `/news/2024/03/09/${name}.html`;
      server.set(path, page.html);
      const { page: source, tabId } = await b.openTab(server.url(path));
      const popup = b.watch(await b.context.newPage());
      await popup.goto(b.extensionUrl(`popup.html?tabId=${tabId}`));
      await popup.locator('.clean-text, .state-title').first().waitFor({ timeout: 45_000 });
      const shown = (await popup.locator('.clean-text').count()) ? 'article' : 'message';
      const text = (await popup.locator('.popup-body').textContent()) ?? '';
      if (page.expect === 'article') {
        expect(shown, text.slice(0, 200)).toBe('article');
        expect(text).not.toContain('Loading...');
      } else if (page.expect === 'too large') {
        expect(shown).toBe('message');
        expect(text).toMatch(
          /page too large: (elements nested more than 512 levels|more than 100,000 nodes)/,
        );
      } else if (shown === 'article') {
        expect(text).toContain(page.html.match(/<h1>([^<]+)<\/h1>/)?.[1]);
        expect(text).not.toContain('Loading...');
      } else {
        expect(text).toMatch(
          /page (too large: .+ \(the limit\)|took too long to read: over 5 s \(the time budget\))/,
        );
      }
      // The tab is still alive and answers.
      expect(await source.evaluate(() => document.readyState)).toBe('complete');
      await popup.close();
      await source.close();
    },
    120_000,
  );
});

it('no uncaught error or console error in any extension page', () => {
  expect(b.errors).toEqual([]);
});
