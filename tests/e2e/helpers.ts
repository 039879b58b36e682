// Shared helpers for the end-to-end suites: a real Chromium with the built extension, tab ids, and a page
// server on 127.0.0.1 (tests never reach the internet). See ../shared/TESTING.md for why each flag is here.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

// The service worker's own `chrome` global, as used inside sw.evaluate (the code runs there, not in Node).
declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string; active?: boolean }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
};

/** Where the built extension lives: bin/test builds to .output, engineers build to their own folder. */
export function extensionDir(target: 'chrome-mv3' | 'firefox-mv2' | 'firefox-mv3' = 'chrome-mv3'): string {
  const dir = path.resolve(process.env.NITIDO_OUT_DIR ?? '.output', target);
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(
      `No built extension in ${dir}: run \`npx wxt build\` (with NITIDO_OUT_DIR if you use one)`,
    );
  }
  return dir;
}

export interface PageServer {
  origin: string;
  url(pathname: string): string;
  /** Adds or replaces a page while the server runs. */
  set(pathname: string, body: string, type?: string): void;
  close(): Promise<void>;
}

/**
 * Serves the given pages (path → HTML) on 127.0.0.1 at a free port. Unknown paths get a 404 page.
 * Bodies are HTML unless a path ends in a known extension. `headers` go with every page (e.g. a benchmark's
 * cross-origin isolation, for a finer performance.now()).
 */
export async function servePages(
  pages: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<PageServer> {
  const routes = new Map<string, { body: string; type: string }>();
  const typeOf = (p: string) =>
    p.endsWith('.js')
      ? 'text/javascript'
      : p.endsWith('.css')
        ? 'text/css'
        : p.endsWith('.svg')
          ? 'image/svg+xml'
          : p.endsWith('.json')
            ? 'application/json'
            : 'text/html; charset=utf-8';
  const set = (pathname: string, body: string, type = typeOf(pathname)) => {
    routes.set(pathname.startsWith('/') ? pathname : `/${pathname}`, { body, type });
  };
  for (const [p, body] of Object.entries(pages)) set(p, body);
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const route = routes.get(pathname);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Not found</title><p>Not found</p>');
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': route.type, 'cache-control': 'no-store' });
    res.end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (pathname) => `${origin}${pathname.startsWith('/') ? pathname : `/${pathname}`}`,
    set,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  /** The extension's service worker (background). */
  sw: Worker;
  extensionId: string;
  /** chrome-extension://<id>/<pathname> */
  extensionUrl(pathname: string): string;
  /** Opens url in a new tab and returns the page with its tab id (found by diffing chrome.tabs.query). */
  openTab(url: string): Promise<{ page: Page; tabId: number }>;
  /** The toolbar badge text of a tab. */
  badgeText(tabId: number): Promise<string>;
  /** Waits until the badge of tabId satisfies check (polling; returns the last text seen). */
  waitForBadge(tabId: number, check: (text: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Uncaught errors and console errors seen in extension pages and the service worker. */
  errors: string[];
  /** Starts collecting pageerror / console errors of a page into errors. */
  watch(page: Page): Page;
  close(): Promise<void>;
}

/**
 * Debian's Chromium (or CHROMIUM_PATH) with the built extension loaded, on the given profile: a relaunch on the same
 * profile sees the same storage. Returns once the extension's service worker is up. `args`: more Chromium switches.
 */
export async function launchChromium(
  userDataDir: string,
  options: {
    dir?: string;
    headless?: boolean;
    locale?: string;
    acceptDownloads?: boolean;
    args?: string[];
  } = {},
): Promise<{ context: BrowserContext; sw: Worker; extensionId: string }> {
  const ext = options.dir ?? extensionDir('chrome-mv3');
  const locale = options.locale ?? 'en-US';
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: options.headless ?? true,
    locale,
    acceptDownloads: options.acceptDownloads,
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--lang=${locale}`,
      ...(options.args ?? []),
    ],
  });
  let [sw] = context.serviceWorkers();
  if (!sw) sw = await context.waitForEvent('serviceworker');
  return { context, sw, extensionId: sw.url().split('/')[2] };
}

/** Launches Debian's Chromium (or CHROMIUM_PATH) headless with the built extension loaded, on a fresh profile. */
export async function launchExtension(
  options: { dir?: string; headless?: boolean; locale?: string; args?: string[] } = {},
): Promise<ExtensionBrowser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nitido-e2e-'));
  const { context, sw, extensionId } = await launchChromium(userDataDir, options);
  // The popup's Copy button writes to the clipboard; tests read it back.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const errors: string[] = [];

  const watch = (page: Page) => {
    page.on('pageerror', (err) => errors.push(`${page.url()}: uncaught ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`${page.url()}: console.error ${msg.text()}`);
    });
    return page;
  };
  // Extension pages are watched as soon as they open, whoever opens them (e.g. the reader opened by a button).
  context.on('page', (page) => {
    page.once('framenavigated', () => {
      if (page.url().startsWith('chrome-extension://')) watch(page);
    });
  });
  sw.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`service worker: console.error ${msg.text()}`);
  });

  const tabIds = (): Promise<number[]> =>
    sw.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id as number));

  const openTab = async (url: string) => {
    const before = new Set(await tabIds());
    const page = await context.newPage();
    const after = await tabIds();
    const fresh = after.filter((id) => !before.has(id));
    if (fresh.length !== 1) throw new Error(`Expected one new tab, found ${fresh.length}`);
    await page.goto(url);
    return { page, tabId: fresh[0] };
  };

  const badgeText = (tabId: number): Promise<string> =>
    sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

  const waitForBadge = async (tabId: number, check: (text: string) => boolean, timeoutMs = 10_000) => {
    const end = Date.now() + timeoutMs;
    let text = await badgeText(tabId);
    while (!check(text) && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 100));
      text = await badgeText(tabId);
    }
    return text;
  };

  return {
    context,
    sw,
    extensionId,
    extensionUrl: (pathname) => `chrome-extension://${extensionId}/${pathname.replace(/^\//, '')}`,
    openTab,
    badgeText,
    waitForBadge,
    errors,
    watch,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The events a WXT content-script context dispatches on the page's document and window, named after the extension
 * id and the entrypoint (`${id}:${entrypoint}:wxt:…`): a page that knows the id could listen for them, or forge
 * the first to stop the content script. Events dispatched in the isolated world reach the page's listeners on these
 * shared nodes (patching the page's dispatchEvent would not see them), so the spy listens for the exact names.
 */
export const wxtEventNames = (extensionId: string): string[] =>
  ['content', 'detector'].flatMap((entry) =>
    ['content-script-started', 'locationchange'].map((e) => `${extensionId}:${entry}:wxt:${e}`),
  );

/**
 * A page script that watches the page from DOMContentLoaded (before any document_idle content script) into
 * `window.__spy`: every DOM mutation, every message event, every WXT event of that extension id (capture phase),
 * the window's own properties and the page's HTML.
 */
export const spyScript = (extensionId: string): string => `<script>
document.addEventListener('DOMContentLoaded', () => {
  const log = { mutations: [], messages: [], events: [], globals: Object.getOwnPropertyNames(window), html: document.documentElement.outerHTML };
  window.__spy = log;
  new MutationObserver((records) => {
    for (const r of records) log.mutations.push(r.type + ' ' + r.target.nodeName + ' ' + (r.attributeName || ''));
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  window.addEventListener('message', (e) => log.messages.push(JSON.stringify(e.data)));
  // The page's own forgeries (forgeScriptStarted) are not counted. Firefox refuses the page a content script's
  // detail object: reading it throws, and that event is not one of the page's.
  const forged = (e) => { try { return e.detail?.messageId === 'forged'; } catch { return false; } };
  const record = (where) => (e) => forged(e) || log.events.push(where + ' ' + e.type);
  for (const name of ${JSON.stringify(wxtEventNames(extensionId))}) {
    document.addEventListener(name, record('document'), true);
    window.addEventListener(name, record('window'), true);
  }
});
</script>`;

/**
 * In a page: dispatches what a newer copy of a WXT content script sends on the document, and what makes the older
 * copy stop: the same event name and script name, another message id.
 */
export function forgeScriptStarted(names: string[]): void {
  for (const name of names) {
    const detail = { contentScriptName: name.split(':')[1], messageId: 'forged' };
    document.dispatchEvent(new CustomEvent(name, { detail }));
  }
}

/** A plain news article page with the noise real sites have; reused by several suites. */
export function articlePage(
  options: { title?: string; lang?: string; extraHead?: string; extraBody?: string } = {},
): string {
  const title = options.title ?? 'Harbour council approves the new tide barrier';
  return `<!doctype html>
<html lang="${options.lang ?? 'en'}">
<head>
<meta charset="utf-8">
<title>${title} | The Daily Harbour</title>
<meta property="og:type" content="article">
<meta property="og:site_name" content="The Daily Harbour">
<meta name="author" content="Maria Rossi">
<meta property="article:published_time" content="2024-03-05T08:30:00Z">
${options.extraHead ?? ''}
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/sport">Sport</a></nav></header>
<main>
<article>
<h1>${title}</h1>
<p class="byline">By Maria Rossi</p>
<div class="loading">Loading...</div>
<p>The harbour council voted on Tuesday evening to approve the construction of a tide barrier across the
old port, ending a debate that has divided the town for more than a decade. The vote passed by eleven to four.</p>
<div class="ad"><span class="ad-label">Advertisement</span></div>
<p>"This barrier will protect three thousand homes from the winter floods," said Anna Verdi, the mayor of
the town, after the vote. She added that work would begin in the spring and last two years.</p>
<p>Engineers estimate the barrier will cost forty million euros, most of it paid by the regional government.
The remaining share will come from a bond the council plans to issue later this year.</p>
<aside class="newsletter"><h3>Sign up for our newsletter</h3><p>Get the best stories in your inbox every morning.</p>
<form><input type="email" placeholder="Your email"><button>Subscribe</button></form></aside>
<p>"We are worried about the fishing boats, which will have to wait for the gates to open," said Luca Bianchi,
a spokesman for the fishermen's cooperative. The cooperative had asked for a second channel for small boats.</p>
<p>The council said a study of the channel would be published before the summer, and that fishermen would be
consulted on the timetable of the gates. The first stones are expected to be laid in April.</p>
<p>Residents of the lower town, where the water reached the first floor of many houses two winters ago, welcomed
the decision. Many of them had attended the meeting, which lasted more than four hours.</p>
</article>
</main>
<footer><p>© The Daily Harbour. All rights reserved.</p></footer>
${options.extraBody ?? ''}
</body>
</html>`;
}

/** A section front: many teasers, no article. */
export function sectionFrontPage(): string {
  const teasers = Array.from(
    { length: 12 },
    (_, i) =>
      `<li class="teaser"><a href="/news/story-${i}.html"><h3>Story number ${i} of the day</h3></a><p>A short teaser.</p></li>`,
  ).join('\n');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Politics | The Daily Harbour</title><meta property="og:type" content="website"></head>
<body>
<header><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav></header>
<main><h1>Politics</h1><ul class="teasers">${teasers}</ul></main>
<footer><p>© The Daily Harbour.</p></footer>
</body>
</html>`;
}

/**
 * Every store of the library database of an extension page, read with the plain IndexedDB API (no code of ours in
 * between). A store the database does not have yet reads as empty.
 */
export async function readLibraryDb(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('nitido-library');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        if (!db.objectStoreNames.contains(store)) return resolve([]);
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const images = (await all('images')) as { articleId: string; url: string; bytes: number }[];
    const out = {
      articles: (await all('articles')) as {
        id: string;
        url: string;
        title: string;
        text: string;
        html: string;
        tags: string[];
      }[],
      entries: (await all('entries')) as { id: string; title: string }[],
      terms: (await all('terms')) as { id: string; terms: string[] }[],
      images: images.map(({ articleId, url, bytes }) => ({ articleId, url, bytes })),
    };
    db.close();
    return out;
  });
}
