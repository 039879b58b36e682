// The content script stays out of the page in Firefox too (the Firefox build, MV2, over WebDriver BiDi): once it
// has run and detected the article, the page has seen no DOM mutation, no new global, no message event, and has
// no extension API to call. Extension pages themselves cannot be driven in Firefox here (see ../shared/TESTING.md);
// Chromium covers them (security.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { articlePage, type PageServer, sectionFrontPage, servePages } from './helpers';

const ARTICLE = '/news/2024/03/05/harbour-council-approves-tide-barrier.html';
const SECTION = '/politics/';
const SPY = `<script>
document.addEventListener('DOMContentLoaded', () => {
  const log = { mutations: [], messages: [], globals: Object.getOwnPropertyNames(window), html: document.documentElement.outerHTML };
  window.__spy = log;
  new MutationObserver((records) => {
    for (const r of records) log.mutations.push(r.type + ' ' + r.target.nodeName + ' ' + (r.attributeName || ''));
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  window.addEventListener('message', (e) => log.messages.push(JSON.stringify(e.data)));
});
</script>`;

function firefoxBuild(): string {
  const dir = path.resolve(process.env.NITIDO_OUT_DIR ?? '.output', 'firefox-mv2');
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${dir}: run \`npx wxt build -b firefox\``);
  }
  return dir;
}

let browser: Browser;
let server: PageServer;

beforeAll(async () => {
  server = await servePages({
    [ARTICLE]: articlePage({ extraHead: SPY }),
    [SECTION]: sectionFrontPage().replace('</head>', `${SPY}</head>`),
  });
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
    headless: true,
  });
  await browser.installExtension(firefoxBuild());
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function visit(pathname: string, detected: boolean) {
  const page = await browser.newPage();
  const lines: string[] = [];
  page.on('console', (m) => lines.push(m.text()));
  await page.goto(server.url(pathname));
  if (detected) {
    // The content script's one console line (pages cannot read the console): proof it ran here.
    const end = Date.now() + 15_000;
    while (!lines.some((l) => l.startsWith('Nitido: article detected')) && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(lines.some((l) => l.startsWith('Nitido: article detected'))).toBe(true);
    await page.evaluate(() =>
      history.pushState({}, '', '/news/2024/03/05/another-story-of-the-harbour.html'),
    );
  }
  await new Promise((r) => setTimeout(r, 2000));
  const report = await page.evaluate(() => {
    const w = window as unknown as {
      __spy: { mutations: string[]; messages: string[]; globals: string[]; html: string };
      browser?: unknown;
      chrome?: { runtime?: unknown };
    };
    const before = new Set(w.__spy.globals);
    return {
      mutations: w.__spy.mutations,
      messages: w.__spy.messages,
      newGlobals: Object.getOwnPropertyNames(window).filter((n) => !before.has(n) && n !== '__spy'),
      htmlChanged: document.documentElement.outerHTML !== w.__spy.html,
      extensionApi: typeof w.browser !== 'undefined' || typeof w.chrome?.runtime !== 'undefined',
    };
  });
  await page.close();
  return report;
}

const quiet = { mutations: [], messages: [], newGlobals: [], htmlChanged: false, extensionApi: false };

it('on an article, after detection and an in-page navigation, the page saw nothing', async () => {
  expect(await visit(ARTICLE, true)).toEqual(quiet);
});

it('on a section front, the page saw nothing', async () => {
  expect(await visit(SECTION, false)).toEqual(quiet);
});
