// Firefox ESR with the Firefox build (MV2 event page), driven by puppeteer-core over WebDriver BiDi. BiDi cannot
// open moz-extension:// pages here (see ../shared/TESTING.md), so this proves what only Firefox can: the add-on
// installs (a bad manifest throws) and its content script runs and detects on real pages. The pages themselves
// are covered in Chromium.
import fs from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { articlePage, type PageServer, sectionFrontPage, servePages } from './helpers';

const ARTICLE = '/news/2024/03/05/harbour-council-approves-tide-barrier.html';
const SECTION = '/politics/';

function firefoxBuild(): string {
  const out = path.resolve(process.env.NITIDO_OUT_DIR ?? '.output');
  const dir = ['firefox-mv2', 'firefox-mv3'].map((d) => path.join(out, d)).find((d) => fs.existsSync(d));
  if (!dir) throw new Error(`No Firefox build in ${out}: run \`npx wxt build -b firefox\``);
  return dir;
}

let browser: Browser;
let server: PageServer;
let addonId: string;

beforeAll(async () => {
  server = await servePages({ [ARTICLE]: articlePage(), [SECTION]: sectionFrontPage() });
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
    headless: true,
  });
  addonId = await browser.installExtension(firefoxBuild());
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Console lines of a page, including those of content scripts (BiDi reports them; the page cannot read them). */
async function consoleOf(url: string, waitMs: number): Promise<string[]> {
  const page = await browser.newPage();
  const lines: string[] = [];
  page.on('console', (m) => lines.push(m.text()));
  await page.goto(url);
  await new Promise((r) => setTimeout(r, waitMs));
  await page.close();
  return lines;
}

it('installs the add-on under its fixed id', () => {
  expect(addonId).toBe('nitido@nitido.app');
});

it('runs the content script on an article page and detects it', async () => {
  const lines = await consoleOf(server.url(ARTICLE), 1500);
  expect(lines.some((l) => /^Nitido: article detected \(\d+ min\)$/.test(l))).toBe(true);
});

it('does not call a section front an article', async () => {
  const lines = await consoleOf(server.url(SECTION), 1500);
  expect(lines.filter((l) => l.startsWith('Nitido:'))).toEqual([]);
});
