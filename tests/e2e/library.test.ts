// The library in real Chromium with the built extension: saves go through the background's `save` message
// (as the popup's Save button does), storage is the real IndexedDB of the extension origin, pictures come from a
// server on 127.0.0.1 that the test stops before reading offline.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../utils/extract/types';
import { makeArticle } from '../make-article';
import { launchChromium, readLibraryDb } from './helpers';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** A real PNG of w×h red pixels (so the test can check the picture decodes, not only that bytes arrived). */
function png(w: number, h: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(w * 3, Buffer.from([220, 30, 30]))]);
  const raw = Buffer.concat(Array.from({ length: h }, () => row));
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Pictures on 127.0.0.1 (and a 404 for one that is gone). */
async function servePictures() {
  const image = png(40, 30);
  let hits = 0;
  const server = http.createServer((req, res) => {
    hits++;
    if (req.url === '/pic.png') {
      res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' });
      res.end(image);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    hits: () => hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Browser {
  context: BrowserContext;
  extensionId: string;
  profile: string;
  url(p: string): string;
}

/** Chromium with the extension on a profile the test keeps (a relaunch on it sees the same IndexedDB). */
async function launch(profile = fs.mkdtempSync(path.join(os.tmpdir(), 'nitido-lib-'))): Promise<Browser> {
  const { context, extensionId } = await launchChromium(profile, { acceptDownloads: true });
  return { context, extensionId, profile, url: (p) => `chrome-extension://${extensionId}/${p}` };
}

type SaveResult = { ok: true; id: string } | { ok: false; error: string };
/** Saves through the background, as the popup's Save button does. */
const save = (page: Page, a: Article, tags: string[] = []) =>
  page.evaluate(([a, tags]) => chrome.runtime.sendMessage({ type: 'save', article: a, tags }), [
    a,
    tags,
  ] as const) as Promise<SaveResult>;

let browser: Browser;
let library: Page;
let pictures: Awaited<ReturnType<typeof servePictures>>;

beforeAll(async () => {
  pictures = await servePictures();
  browser = await launch();
  library = await browser.context.newPage();
  await library.goto(browser.url('library.html'));
  await library.getByRole('searchbox').waitFor();
});

afterAll(async () => {
  await browser?.context.close();
  await pictures?.close();
});

const count = () => library.getByTestId('library-count').textContent();

describe('library in Chromium', () => {
  it('save → listed → reader.html?id=ID shows the article and its picture with the network off', async () => {
    // The empty state shows once the first query of the database has answered, after the search box: wait for it
    // (an immediate count raced it on a loaded machine, and every later test then counted one article short).
    await expect.poll(() => library.getByText('Your library is empty').count()).toBe(1);
    const saved = await save(
      library,
      makeArticle({
        html: `<p>The harbour council approved the tide barrier.</p><figure><img src="${pictures.origin}/pic.png" alt="The barrier"></figure><p>Work begins.</p><img src="${pictures.origin}/gone.png" alt="Gone">`,
      }),
      ['town'],
    );
    expect(saved.ok).toBe(true);
    const id = (saved as { id: string }).id;
    // The open library page hears about the save made in the background and lists it.
    const link = library.getByRole('link', { name: 'Harbour council approves the tide barrier' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`reader.html?id=${id}`);
    expect(await count()).toBe('1 article');

    const stored = await readLibraryDb(library);
    expect(stored.images).toEqual([
      { articleId: id, url: `${pictures.origin}/pic.png`, bytes: png(40, 30).length },
    ]);
    // The picture that could not be fetched is noted, with the reason, for the reader to show.
    expect((stored.articles[0] as unknown as { images: unknown }).images).toEqual({
      stored: 1,
      skipped: [{ url: `${pictures.origin}/gone.png`, reason: 'http-error' }],
    });

    await pictures.close();
    await browser.context.setOffline(true);
    const hitsBefore = pictures.hits();
    const reader = await browser.context.newPage();
    await reader.goto(browser.url(`reader.html?id=${id}`));
    const img = reader.locator('img[alt="The barrier"]');
    await img.waitFor();
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), { timeout: 10_000 })
      .toBe(40);
    expect(await img.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await reader.getByText('Work begins.').count()).toBeGreaterThan(0);
    expect(pictures.hits()).toBe(hitsBefore);
    await reader.close();

    // Its standalone HTML file carries the picture inside, and no script.
    const [html] = await Promise.all([
      library.waitForEvent('download'),
      library
        .locator('.lib-row', { hasText: 'Harbour council' })
        .getByRole('button', { name: 'HTML' })
        .click(),
    ]);
    expect(html.suggestedFilename()).toBe('harbour-council-approves-the-tide-barrier.html');
    const page = fs.readFileSync((await html.path()) as string, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<title>Harbour council approves the tide barrier</title>');
    expect(page).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="The barrier">/);
    expect(page).not.toContain('<script');
    await browser.context.setOffline(false);
  });

  it('saving the same URL again updates the article instead of duplicating it, and keeps its tags', async () => {
    const first = (await readLibraryDb(library)).articles[0];
    const again = await save(
      library,
      makeArticle({ url: `${first.url}#comments`, title: 'Tide barrier: the vote' }),
      ['flood'],
    );
    expect(again).toEqual({ ok: true, id: first.id, skippedImages: 0 });
    await library.getByRole('link', { name: 'Tide barrier: the vote' }).waitFor();
    expect(await count()).toBe('1 article');
    const after = await readLibraryDb(library);
    expect(after.articles.map((a) => [a.id, a.title, a.tags])).toEqual([
      [first.id, 'Tide barrier: the vote', ['town', 'flood']],
    ]);
  });

  it('two saves at once both land', async () => {
    const [a, b] = await Promise.all([
      save(library, makeArticle({ url: 'https://news.example/a', title: 'Story A about fishermen' })),
      save(
        library,
        makeArticle({
          url: 'https://other.example/b',
          title: 'Storia B sul governo',
          lang: 'it',
          siteName: 'Altro',
        }),
      ),
    ]);
    expect(a.ok && b.ok).toBe(true);
    await expect.poll(count).toBe('3 articles');
    const titles = (await readLibraryDb(library)).articles.map((x) => x.title).sort();
    expect(titles).toEqual(['Storia B sul governo', 'Story A about fishermen', 'Tide barrier: the vote']);
  });

  it('searches as you type, filters, tags many, and deletes with undo', async () => {
    const rows = library.locator('.lib-row:not(.placeholder)');
    await library.getByRole('searchbox').pressSequentially('fisher');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Story A about fishermen');
    await library.getByRole('searchbox').fill('');
    await expect.poll(() => rows.count()).toBe(3);

    await library.getByRole('combobox', { name: 'All languages' }).selectOption('it');
    await expect.poll(() => rows.count()).toBe(1);
    await library.getByRole('combobox', { name: 'All languages' }).selectOption('');

    await library.getByRole('checkbox', { name: 'Select Story A about fishermen' }).check();
    await library.getByRole('checkbox', { name: 'Select Storia B sul governo' }).check();
    await expect.poll(() => library.getByText('2 selected').count()).toBe(1);
    await library.getByRole('combobox', { name: 'Tag', exact: true }).fill('read later');
    await library.getByRole('button', { name: 'Add tag' }).click();
    await library.locator('option[value="read later"]').first().waitFor({ state: 'attached' });
    await library.getByRole('combobox', { name: 'All tags' }).selectOption('read later');
    await expect.poll(() => rows.count()).toBe(2);
    await library.getByRole('combobox', { name: 'All tags' }).selectOption('');

    await library.getByRole('button', { name: 'Delete', exact: true }).click();
    await library.getByText('2 deleted.').waitFor();
    await expect.poll(count).toBe('1 article');
    await library.getByRole('button', { name: 'Undo' }).click();
    await library.getByText('2 restored.').waitFor();
    await expect.poll(count).toBe('3 articles');
    const tagged = (await readLibraryDb(library)).articles.filter((a) =>
      a.tags.includes('read later'),
    ).length;
    expect(tagged).toBe(2);
  });

  it('exports one article as Markdown with front matter', async () => {
    const row = library.locator('.lib-row', { hasText: 'Tide barrier: the vote' });
    const [md] = await Promise.all([
      library.waitForEvent('download'),
      row.getByRole('button', { name: 'Markdown' }).click(),
    ]);
    expect(md.suggestedFilename()).toBe('tide-barrier-the-vote.md');
    const markdown = fs.readFileSync((await md.path()) as string, 'utf8');
    expect(markdown).toMatch(
      /^---\ntitle: "Tide barrier: the vote"\nbyline: "Maria Rossi"\nsite: "The Daily Harbour"\n/,
    );
    expect(markdown).toContain('tags: ["town", "flood"]\n---\n\n# Tide barrier: the vote');
  });

  it('a broken or foreign backup shows a clear error and changes nothing', async () => {
    const before = await readLibraryDb(library);
    const input = library.locator('input[type="file"]');
    const cases = [
      { name: 'broken.json', text: '{"format": "nitido-library", "articles": [', message: /not valid JSON/ },
      { name: 'other.json', text: '{"format": "pocket", "version": 1}', message: /"format" is "pocket"/ },
      {
        name: 'damaged.json',
        text: JSON.stringify({
          format: 'nitido-library',
          version: 1,
          exportedAt: new Date().toISOString(),
          articles: [
            {
              ...makeArticle({ url: 'https://x.example/1' }),
              id: 'x1',
              savedAt: new Date().toISOString(),
              tags: [],
            },
            { id: 'x2' },
          ],
        }),
        message: /article 2 \(id x2\)/,
      },
    ];
    for (const c of cases) {
      await input.setInputFiles({ name: c.name, mimeType: 'application/json', buffer: Buffer.from(c.text) });
      const alert = library.getByRole('alert');
      await expect.poll(() => alert.textContent()).toMatch(c.message);
      expect(await alert.textContent()).toContain(
        'This file is not a valid Nitido backup. Nothing was changed.',
      );
    }
    expect(await readLibraryDb(library)).toEqual(before);
    expect(await count()).toBe('3 articles');
  });

  it('export then import into a fresh profile gives the same library', async () => {
    const [download] = await Promise.all([
      library.waitForEvent('download'),
      library.getByRole('button', { name: 'Export', exact: true }).click(),
    ]);
    const file = path.join(browser.profile, 'backup.json');
    await download.saveAs(file);
    const backup = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(backup).toMatchObject({ format: 'nitido-library', version: 1 });
    expect(backup.articles).toHaveLength(3);

    const fresh = await launch();
    try {
      const page = await fresh.context.newPage();
      await page.goto(fresh.url('library.html'));
      await page.getByText('Your library is empty').waitFor();
      await page.locator('input[type="file"]').setInputFiles(file);
      await page.getByText('Import done: 3 added, 0 updated, 0 skipped.').waitFor();
      expect(await page.getByTestId('library-count').textContent()).toBe('3 articles');
      const [again] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export', exact: true }).click(),
      ]);
      const second = JSON.parse(fs.readFileSync((await again.path()) as string, 'utf8'));
      expect(second.articles).toEqual(backup.articles);
      // Importing the same file again adds nothing.
      await page.locator('input[type="file"]').setInputFiles(file);
      await page.getByText('Import done: 0 added, 0 updated, 3 skipped.').waitFor();
    } finally {
      await fresh.context.close();
    }
  });
});
