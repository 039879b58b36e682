// The content script stays out of the page in Firefox too (the Firefox build, MV2, over WebDriver BiDi): once it
// has run and detected the article, the page has seen no DOM mutation, no new global, no message event, no event
// named after the add-on's (public) id, and has no extension API to call; forging WXT's "content script started"
// event does not stop it from detecting again after an in-page navigation. Extension pages themselves cannot be driven in Firefox here (see ../shared/TESTING.md);
// Chromium covers them (security.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  articlePage,
  forgeScriptStarted,
  type PageServer,
  sectionFrontPage,
  servePages,
  spyScript,
  wxtEventNames,
} from './helpers';

const ARTICLE = '/news/2024/03/05/harbour-council-approves-tide-barrier.html';
const SECTION = '/politics/';
/** The Firefox build's fixed add-on id (wxt.config.ts): any page can know it, so nothing may be named after it. */
const ADDON_ID = 'nitido@nitido.app';
const SPY = spyScript(ADDON_ID);

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
  // The content script's one console line (pages cannot read the console): proof it ran here.
  const detections = async (n: number) => {
    const end = Date.now() + 15_000;
    const count = () => lines.filter((l) => l.startsWith('Nitido: article detected')).length;
    while (count() < n && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    return count();
  };
  if (detected) {
    expect(await detections(1)).toBe(1);
    await page.evaluate(forgeScriptStarted, wxtEventNames(ADDON_ID));
    await page.evaluate(() =>
      history.pushState({}, '', '/news/2024/03/05/another-story-of-the-harbour.html'),
    );
    // Looked again at the new address (once it settled), the forged event notwithstanding.
    expect(await detections(2)).toBeGreaterThanOrEqual(2);
  }
  await new Promise((r) => setTimeout(r, 2000));
  const report = await page.evaluate(() => {
    const w = window as unknown as {
      __spy: { mutations: string[]; messages: string[]; events: string[]; globals: string[]; html: string };
      browser?: unknown;
      chrome?: { runtime?: unknown };
    };
    const before = new Set(w.__spy.globals);
    return {
      mutations: w.__spy.mutations,
      messages: w.__spy.messages,
      events: w.__spy.events,
      newGlobals: Object.getOwnPropertyNames(window).filter((n) => !before.has(n) && n !== '__spy'),
      htmlChanged: document.documentElement.outerHTML !== w.__spy.html,
      extensionApi: typeof w.browser !== 'undefined' || typeof w.chrome?.runtime !== 'undefined',
    };
  });
  await page.close();
  return report;
}

const quiet = {
  mutations: [],
  messages: [],
  events: [],
  newGlobals: [],
  htmlChanged: false,
  extensionApi: false,
};

it('on an article, after detection, a forged stop and an in-page navigation, the page saw nothing', async () => {
  expect(await visit(ARTICLE, true)).toEqual(quiet);
});

it('on a section front, the page saw nothing', async () => {
  expect(await visit(SECTION, false)).toEqual(quiet);
});
