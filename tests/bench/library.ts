// The library at scale, in real Chromium with the built extension: 10,000 articles of ~300 words imported
// from a backup file through library.html, then the times a reader feels.
//
//   npm run bench:library            (needs a build: `npx wxt build`, or NITIDO_OUT_DIR=.output-x npx wxt build)
//   npx tsx tests/bench/library.ts [--articles N] [--screenshot FILE]
//
// Times are taken inside the page with performance.measure (see components/library/LibraryApp.tsx):
// - first render: from the page's navigation start to the frame that shows the first rows (a reload of library.html),
//   and the same from when the page's script starts running (our code, without the browser loading the page);
// - search index ready: from navigation start until search, filters and sorts answer from memory;
// - search: from the input event of each keystroke to the frame that shows the matching rows (one key at a time);
// - save: one article sent to the background's `save` message, until the answer (IndexedDB committed);
// - import: from choosing the file to "Import done" on screen (node's clock).
// Budgets (DESIGN.md): list and search ≤ 50 ms, save ≤ 100 ms. Prints a table; writes .bench/library.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Article } from '../../utils/extract/types';
import { launchExtension } from '../e2e/helpers';

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; error?: string }> };
};

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const N = Number(option('--articles') ?? 10_000);
const screenshot = option('--screenshot');
const root = path.resolve(import.meta.dirname, '../..');

// ---- a library made to measure: deterministic, Zipf-like word frequencies as in real prose ----
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const common = (
  'the of and to in a is that for on was with he it as his at by be from are this have or an they which ' +
  'one you were her all she there would their we him been has when who will more no if out so said what up ' +
  'its about into than them can only other new some could time these two may then do first any my now such ' +
  'like our over man me even most made after also did many before must through back years where much your ' +
  'way well down should because each just those people how too little state good very make world still own'
).split(' ');
const syllables =
  'ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga ge gi go la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi vo za'.split(
    ' ',
  );
const vocabulary = Array.from({ length: 30_000 }, (_, i) => {
  let w = '';
  let n = i + 1;
  do {
    w += syllables[n % syllables.length];
    n = Math.floor(n / syllables.length);
  } while (n > 0);
  return `${w}${['', 'n', 'r', 's', 'l'][i % 5]}`;
});
const word = () =>
  random() < 0.45
    ? common[Math.floor(random() * common.length)]
    : vocabulary[Math.floor(vocabulary.length * random() ** 3)];
const sentence = (n: number) => {
  const words = Array.from({ length: n }, word);
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  return `${words.join(' ')}.`;
};
const sites = Array.from({ length: 40 }, (_, i) => `Site ${vocabulary[i * 7]} News`);
const authors = Array.from({ length: 200 }, (_, i) => `${vocabulary[i * 3 + 11]} ${vocabulary[i * 5 + 13]}`);

function makeArticle(i: number): Article & { id: string; savedAt: string; tags: string[] } {
  const paragraphs = Array.from({ length: 6 }, () =>
    Array.from({ length: 4 }, () => sentence(10 + Math.floor(random() * 6))).join(' '),
  );
  const text = paragraphs.join('\n\n');
  const site = i % sites.length;
  const words = text.split(/\s+/).length;
  return {
    id: `bench-${i}`,
    url: `https://site${site}.example/news/${i}.html`,
    isArticle: true,
    detection: { score: 0.9, signals: ['og:type=article'] },
    title: sentence(6 + (i % 5)).slice(0, -1),
    byline: authors[i % authors.length],
    siteName: sites[site],
    lang: i % 7 === 0 ? 'it' : 'en',
    publishedTime: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000 * 5).toISOString(),
    excerpt: paragraphs[0].slice(0, 160),
    text,
    html: paragraphs.map((p) => `<p>${p}</p>`).join('\n'),
    wordCount: words,
    readingMinutes: Math.max(1, Math.round(words / 220)),
    quotes: [],
    speakers: [],
    removed: [],
    savedAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
    tags: i % 10 === 0 ? ['later'] : i % 13 === 0 ? ['politics', 'later'] : [],
  };
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return {
    n: sorted.length,
    p50: +at(0.5).toFixed(1),
    p95: +at(0.95).toFixed(1),
    max: +sorted[sorted.length - 1].toFixed(1),
  };
};

const measures = (page: Page, name: string) =>
  page.evaluate(
    (name) =>
      performance.getEntriesByName(name).map((e) => ({
        ms: e.duration,
        detail: (e as PerformanceMeasure).detail as unknown,
      })),
    name,
  );

async function main() {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nitido-bench-')), 'library.json');
  const articles = Array.from({ length: N }, (_, i) => makeArticle(i));
  const backup = { format: 'nitido-library', version: 1, exportedAt: new Date().toISOString(), articles };
  fs.writeFileSync(file, JSON.stringify(backup));
  const words = articles.reduce((sum, a) => sum + a.wordCount, 0) / N;
  console.log(
    `${N} articles, ${Math.round(words)} words each on average, backup ${(fs.statSync(file).size / 1e6).toFixed(1)} MB`,
  );

  const browser = await launchExtension();
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(browser.extensionUrl('library.html'));
    await page.getByRole('searchbox').waitFor();

    const t0 = Date.now();
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByText(/^Import done:/).waitFor({ timeout: 600_000 });
    const importMs = Date.now() - t0;
    const report = await page.getByText(/^Import done:/).textContent();
    console.log(`import: ${(importMs / 1000).toFixed(1)} s — ${report}`);

    // First render: a fresh load of the page, several times (the first load also warms the disk cache).
    const firstRender: number[] = [];
    const firstRenderApp: number[] = [];
    const indexReady: number[] = [];
    const firstRowsRead: number[] = [];
    for (let i = 0; i < 13; i++) {
      await page.reload();
      await page.locator('.lib-row:not(.placeholder)').first().waitFor();
      await page.waitForFunction(
        () => performance.getEntriesByName('nitido-library-first-render').length > 0,
      );
      const [m] = await measures(page, 'nitido-library-first-render');
      const [app] = await measures(page, 'nitido-library-first-render-app');
      await page.waitForFunction(() => performance.getEntriesByName('nitido-library-index-ready').length > 0);
      const [ready] = await measures(page, 'nitido-library-index-ready');
      const read = await page.evaluate(() => {
        const start = performance.getEntriesByName('nitido-library-start')[0].startTime;
        return performance.getEntriesByName('nitido-library-first-rows-read')[0].startTime - start;
      });
      if (i > 0) {
        firstRender.push(m.ms);
        firstRenderApp.push(app.ms);
        indexReady.push(ready.ms);
        firstRowsRead.push(read);
      }
    }
    const count = await page.getByTestId('library-count').textContent();

    // Search as you type: every keystroke is a search; the next key comes after the rows of the last one.
    const queries = [
      vocabulary[40],
      `${common[5]} ${vocabulary[60]}`,
      sites[3].split(' ')[1],
      authors[17].split(' ')[0],
      vocabulary[900],
      'zzqx',
    ];
    const box = page.getByRole('searchbox');
    const perKey: { query: string; ms: number; results: number }[] = [];
    for (const query of queries) {
      await box.fill('');
      await page.waitForTimeout(100);
      for (let i = 1; i <= query.length; i++) {
        const before = (await measures(page, 'nitido-library-search')).length;
        await box.press(query[i - 1] === ' ' ? 'Space' : query[i - 1]);
        await page.waitForFunction(
          (before) => performance.getEntriesByName('nitido-library-search').length > before,
          before,
        );
        const all = await measures(page, 'nitido-library-search');
        const found = await page.locator('.lib-count').textContent();
        perKey.push({
          query: query.slice(0, i),
          ms: all[all.length - 1].ms,
          results: Number((found?.match(/([\d,]+) found/)?.[1] ?? '').replace(/,/g, '')) || 0,
        });
      }
    }
    await box.fill('');

    // Sorting 10,000 articles by title (the list again, in another order).
    const sortTimes: number[] = [];
    for (const sort of ['title', 'site', 'published', 'savedAt']) {
      const before = (await measures(page, 'nitido-library-query')).length;
      await page.getByRole('combobox', { name: 'Sort by' }).selectOption(sort);
      await page.waitForFunction(
        (before) => performance.getEntriesByName('nitido-library-query').length > before,
        before,
      );
      const all = await measures(page, 'nitido-library-query');
      sortTimes.push(all[all.length - 1].ms);
    }

    if (screenshot) await page.screenshot({ path: screenshot });

    // Save of one article into the full library, through the background as the Save button does.
    const saveTimes = (await page.evaluate(
      async (fresh) => {
        const times: number[] = [];
        for (const article of fresh) {
          const t = performance.now();
          const res = await chrome.runtime.sendMessage({ type: 'save', article, tags: [] });
          times.push(performance.now() - t);
          if (!res.ok) throw new Error(res.error);
        }
        return times;
      },
      Array.from({ length: 21 }, (_, i) => ({ ...makeArticle(N + i), id: undefined })),
    )) as number[];
    saveTimes.shift(); // the first one also wakes the service worker up

    const result = {
      date: new Date().toISOString(),
      // The machine's load during the run: on a shared machine the times follow it.
      loadAverage: os.loadavg().map((l) => +l.toFixed(1)),
      cpus: os.cpus().length,
      articles: N,
      wordsPerArticle: Math.round(words),
      backupMB: +(fs.statSync(file).size / 1e6).toFixed(1),
      countShown: count,
      importSeconds: +(importMs / 1000).toFixed(2),
      importReport: report,
      firstRenderMs: stats(firstRender),
      firstRenderFromScriptMs: stats(firstRenderApp),
      firstRowsReadFromScriptMs: stats(firstRowsRead),
      searchIndexReadyMs: stats(indexReady),
      searchPerKeystrokeMs: stats(perKey.map((k) => k.ms)),
      searchKeystrokes: perKey.map((k) => ({ ...k, ms: +k.ms.toFixed(1) })),
      sortMs: stats(sortTimes),
      saveMs: stats(saveTimes),
      budgets: { firstRenderMs: 50, searchMs: 50, saveMs: 100 },
    };
    const ok = (v: number, budget: number) => (v <= budget ? 'ok' : 'OVER');
    console.log(
      `library shows: ${count}; load average ${result.loadAverage.join(' ')} on ${result.cpus} cores`,
    );
    console.log('measure                      p50      p95      max   budget');
    const line = (name: string, s: { p50: number; p95: number; max: number }, budget?: number) =>
      console.log(
        `${name.padEnd(26)} ${String(s.p50).padStart(6)} ${String(s.p95).padStart(8)} ${String(s.max).padStart(8)}   ${
          budget ? `${budget} ms ${ok(s.p95, budget)}` : ''
        }`,
      );
    line('list first render (ms)', result.firstRenderMs, 50);
    line('  of which our code (ms)', result.firstRenderFromScriptMs);
    line('  of which IndexedDB (ms)', result.firstRowsReadFromScriptMs);
    line('search index ready (ms)', result.searchIndexReadyMs);
    line('search per keystroke (ms)', result.searchPerKeystrokeMs, 50);
    line('sort change (ms)', result.sortMs);
    line('save one article (ms)', result.saveMs, 100);
    for (const k of perKey) console.log(`  "${k.query}" → ${k.results} in ${k.ms.toFixed(1)} ms`);
    fs.mkdirSync(path.join(root, '.bench'), { recursive: true });
    fs.writeFileSync(path.join(root, '.bench/library.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log('written .bench/library.json');
  } finally {
    await browser.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

await main();
