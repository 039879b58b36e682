// The library never holds half an article: writes interrupted by closing the browser (saves run in the service
// worker) or the page (an import runs in library.html) leave the old or the new version. The close lands
// wherever it lands — before, during or after the transactions — and the assertions hold for every case.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../utils/extract/types';
import { launchChromium, readLibraryDb } from './helpers';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const N = 8;
// Large pictures (about 1 MB) make each save's transaction long enough for the close to land inside one.
const SVG = (color: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><!--${'x'.repeat(1_000_000)}--><rect width="20" height="10" fill="${color}"/></svg>`;

let server: http.Server;
let origin: string;
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'nitido-safety-'));

async function launch(): Promise<{ context: BrowserContext; url: (p: string) => string }> {
  const { context, extensionId: id } = await launchChromium(profile);
  return { context, url: (p) => `chrome-extension://${id}/${p}` };
}

/** Version v of article i: the version is written in its title, its text, its HTML and its picture's URL. */
function version(i: number, v: number): Article {
  const text = Array.from({ length: 40 }, (_, k) => `Paragraph ${k} of story ${i} in version v${v}.`).join(
    '\n\n',
  );
  return {
    url: `https://news.example/story-${i}.html`,
    isArticle: true,
    detection: { score: 1, signals: [] },
    title: `Story ${i} v${v}`,
    byline: null,
    siteName: 'News',
    lang: 'en',
    publishedTime: null,
    excerpt: null,
    text,
    html: `<p>${text.split('\n\n').join('</p><p>')}</p><img src="${origin}/v${v}/pic-${i}.svg">`,
    wordCount: 400,
    readingMinutes: 2,
    quotes: [],
    speakers: [],
    removed: [],
  };
}

/** Every article is one whole version: title, text, HTML, list row and stored picture agree. */
function expectWhole(state: Awaited<ReturnType<typeof readLibraryDb>>) {
  const versions: number[] = [];
  for (const a of state.articles) {
    const v = Number(a.title.match(/ v(\d+)$/)?.[1]);
    versions.push(v);
    expect(a.text).toContain(`version v${v}.`);
    expect(a.text).not.toMatch(new RegExp(`version v(?!${v}\\.)`));
    expect(a.html).toContain(`/v${v}/`);
    expect(state.entries.find((e) => e.id === a.id)?.title).toBe(a.title);
    expect(state.images.filter((img) => img.articleId === a.id).map((img) => img.url)).toEqual([
      `${origin}/v${v}/${a.url.match(/story-(\d+)/)?.[1] && `pic-${a.url.match(/story-(\d+)/)?.[1]}`}.svg`,
    ]);
  }
  expect(state.entries).toHaveLength(state.articles.length);
  return versions;
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const color = req.url?.startsWith('/v1/') ? 'blue' : 'green';
    res.writeHead(200, { 'content-type': 'image/svg+xml', 'access-control-allow-origin': '*' });
    res.end(SVG(color));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(profile, { recursive: true, force: true });
});

describe('interrupted writes', () => {
  it('saves cut off by closing the browser leave each article old or new, never half', async () => {
    let browser = await launch();
    let page = await browser.context.newPage();
    await page.goto(browser.url('library.html'));
    for (let i = 0; i < N; i++) {
      const res = await page.evaluate(
        (a) => chrome.runtime.sendMessage({ type: 'save', article: a, tags: [] }),
        version(i, 1),
      );
      expect(res).toMatchObject({ ok: true });
    }
    expect(expectWhole(await readLibraryDb(page))).toEqual(Array(N).fill(1));

    // All the updates at once, and the browser closed while they run.
    await page.evaluate(
      (articles) => {
        for (const a of articles) void chrome.runtime.sendMessage({ type: 'save', article: a, tags: [] });
      },
      Array.from({ length: N }, (_, i) => version(i, 2)),
    );
    await new Promise((r) => setTimeout(r, 60));
    await browser.context.close();

    browser = await launch();
    page = await browser.context.newPage();
    await page.goto(browser.url('library.html'));
    const state = await readLibraryDb(page);
    expect(state.articles).toHaveLength(N);
    const versions = expectWhole(state);
    expect(versions.every((v) => v === 1 || v === 2)).toBe(true);
    // Which versions survived says where the close landed (all 1: before the commits; mixed: during them).
    console.info(`versions after the cut: ${versions.join(' ')}`);
    await browser.context.close();
  });

  it('an import cut off by closing its page adds all of the backup or none of it', async () => {
    const browser = await launch();
    let page = await browser.context.newPage();
    await page.goto(browser.url('library.html'));
    await page.getByRole('searchbox').waitFor();
    const before = (await readLibraryDb(page)).articles.length;
    const count = 3000;
    const backup = {
      format: 'nitido-library',
      version: 1,
      exportedAt: new Date().toISOString(),
      articles: Array.from({ length: count }, (_, i) => ({
        ...version(1000 + i, 1),
        html: '<p>imported</p>',
        id: `imp-${i}`,
        savedAt: new Date(Date.UTC(2023, 0, 1) + i * 1000).toISOString(),
        tags: [],
      })),
    };
    const file = path.join(profile, 'big-backup.json');
    fs.writeFileSync(file, JSON.stringify(backup));
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByText('Importing…').waitFor();
    await new Promise((r) => setTimeout(r, 300));
    await page.close();

    page = await browser.context.newPage();
    await page.goto(browser.url('library.html'));
    const after = await readLibraryDb(page);
    expect([before, before + count]).toContain(after.articles.length);
    console.info(`import cut off: ${after.articles.length - before} of ${count} articles landed`);
    expect(after.entries).toHaveLength(after.articles.length);
    await browser.context.close();
  });
});
