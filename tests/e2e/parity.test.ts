// Node vs browser (issue 2: "Extraction in Node must give the same article as in the browser"): the engine bundled
// for the browser runs in real headless Chromium on each fixture page, served on 127.0.0.1, and must give the same
// title, byline, text and word count as the command line's jsdom path (decode → parseHtml → extractArticle).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeHtml } from '../../bin/lib/decode-html';
import { closeDocument, parseHtml } from '../../bin/lib/parse-html';
import { extractArticle } from '../../utils/extract';

const root = path.resolve(__dirname, '../..');
const fixturesDir = path.join(root, 'tests/fixtures');
const fixtures = readdirSync(fixturesDir)
  .filter((name) => existsSync(path.join(fixturesDir, name, 'source.html')))
  .sort();

interface Summary {
  title: string;
  byline: string | null;
  text: string;
  wordCount: number;
}

/**
 * Known differences, each explained (the test still runs the page and checks the other fields). Not a DOM
 * difference: in the browser the page's own scripts have run before the engine reads it, in Node nothing runs.
 */
const PAGE_SCRIPT =
  'its inline script document.write()s a paragraph in the browser; the command line runs no page scripts';
const EXPLAINED: Record<string, { field: keyof Summary; why: string }[]> = {
  'relative-urls-and-sanitize': [
    { field: 'text', why: PAGE_SCRIPT },
    { field: 'wordCount', why: PAGE_SCRIPT },
  ],
};

function urlOf(name: string): string {
  const expected = path.join(fixturesDir, name, 'expected.json');
  if (existsSync(expected)) {
    const url = JSON.parse(readFileSync(expected, 'utf8')).url;
    if (typeof url === 'string') return url;
  }
  return `https://news.example/${name}`;
}

function inNode(name: string, url: string): Summary {
  const { html } = decodeHtml(readFileSync(path.join(fixturesDir, name, 'source.html')));
  const doc = parseHtml(html, url);
  try {
    const a = extractArticle(doc, url);
    return { title: a.title, byline: a.byline, text: a.text, wordCount: a.wordCount };
  } finally {
    closeDocument(doc);
  }
}

let server: http.Server;
let origin: string;
let browser: Browser;
let page: Page;
let bundle: string;

beforeAll(async () => {
  const out = await build({
    entryPoints: [path.join(root, 'utils/extract/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'NitidoEngine',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  bundle = out.outputFiles[0].text;
  server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname.slice(1));
    if (!fixtures.includes(name)) {
      res.writeHead(404).end();
      return;
    }
    // The raw bytes, no charset header: the browser sniffs them as decodeHtml does.
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(readFileSync(path.join(fixturesDir, name, 'source.html')));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
  const context = await browser.newContext();
  // No request leaves the machine: everything but the test server is refused.
  await context.route(/.*/, (route) =>
    route.request().url().startsWith(origin) ? route.continue() : route.abort(),
  );
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
});

async function inBrowser(name: string, url: string): Promise<Summary> {
  await page.goto(`${origin}/${encodeURIComponent(name)}`, { waitUntil: 'load' });
  await page.addScriptTag({ content: bundle });
  return page.evaluate((pageUrl) => {
    const engine = (window as unknown as { NitidoEngine: typeof import('../../utils/extract') }).NitidoEngine;
    const a = engine.extractArticle(document, pageUrl);
    return { title: a.title, byline: a.byline, text: a.text, wordCount: a.wordCount };
  }, url);
}

describe('the same article in Node (jsdom) and in Chromium', () => {
  it('has fixtures to compare', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(25);
  });

  it.each(fixtures)('%s', async (name) => {
    const url = urlOf(name);
    const node = inNode(name, url);
    const chrome = await inBrowser(name, url);
    const explained = new Set((EXPLAINED[name] ?? []).map((e) => e.field));
    for (const field of ['title', 'byline', 'text', 'wordCount'] as const) {
      if (explained.has(field)) continue;
      expect({ field, value: chrome[field] }).toEqual({ field, value: node[field] });
    }
  });
});
