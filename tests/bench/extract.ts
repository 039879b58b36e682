// Quality and speed of the extraction engine against plain Readability, in one run.
//
//   npx tsx tests/bench/extract.ts [CORPUS_DIR...] [--repeat N] [--no-sizes] [--verbose]
//
// Quality: every corpus folder with html/<id>.html.gz and ground-truth.json ({ id: { articleBody, url } });
// ../shared/corpora/aeb-dev always, plus the folders given. The metric is the one of ../shared/corpora/README.md:
// tokens \w+ (Unicode), 4-shingle multisets, per-page precision and recall, their means, F1 of the means.
// Speed: time per page of extractArticle and of `new Readability(clone).parse()`, both timed from the cloning of
// the same parsed document (parse time excluded), interleaved and the best of --repeat runs kept, so that the
// noise of a shared machine hits both alike. Time against page size over ../shared/corpora/readability-pages.
// Prints tables; writes everything to .bench/extract.json.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHtml } from '../../bin/lib/parse-html';
import { extractArticle } from '../../utils/extract';
import { f1Of, type PageScore, scorePage, summarize } from './metric';

const root = resolve(import.meta.dirname, '../..');
const corporaDir = resolve(root, '../shared/corpora');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const repeatAt = args.indexOf('--repeat');
const repeat = repeatAt >= 0 ? Math.max(1, Number(args[repeatAt + 1]) || 1) : 2;
const extraCorpora = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--repeat');
const verbose = flag('--verbose');

// ---- the metric (README of the corpora): tests/bench/metric.ts ----
export { type PageScore, scorePage, shingles } from './metric';

function quantile(xs: number[], q: number): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return s[i];
}

// ---- running both ----
function readabilityText(doc: Document): string {
  const clone = doc.cloneNode(true) as Document;
  return new Readability(clone).parse()?.textContent ?? '';
}

function nitidoText(doc: Document, url: string): string {
  return extractArticle(doc, url).text;
}

function timeBoth(doc: Document, url: string) {
  let nitido = Number.POSITIVE_INFINITY;
  let readability = Number.POSITIVE_INFINITY;
  let nText = '';
  let rText = '';
  for (let i = 0; i < repeat; i++) {
    let t = performance.now();
    rText = readabilityText(doc);
    readability = Math.min(readability, performance.now() - t);
    t = performance.now();
    nText = nitidoText(doc, url);
    nitido = Math.min(nitido, performance.now() - t);
  }
  return { nitido, readability, nText, rText };
}

const load = (file: string) => {
  const buf = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
};

interface PageResult {
  id: string;
  url: string;
  nitido: PageScore;
  readability: PageScore;
  ms: { nitido: number; readability: number };
  error?: string;
}

function runCorpus(dir: string) {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string; url: string }
  >;
  const pages: PageResult[] = [];
  const ids = Object.keys(truth).sort();
  // Warm up the JIT on a few pages so the first pages' times are not compile times.
  for (const id of ids.slice(0, 3)) {
    const file = join(dir, 'html', `${id}.html.gz`);
    if (!existsSync(file)) continue;
    const doc = parseHtml(load(file), truth[id].url);
    readabilityText(doc);
    nitidoText(doc, truth[id].url);
  }
  for (const id of ids) {
    const file = join(dir, 'html', `${id}.html.gz`);
    if (!existsSync(file)) continue;
    const { url, articleBody } = truth[id];
    const doc = parseHtml(load(file), url);
    try {
      const r = timeBoth(doc, url);
      pages.push({
        id,
        url,
        nitido: scorePage(articleBody, r.nText),
        readability: scorePage(articleBody, r.rText),
        ms: { nitido: r.nitido, readability: r.readability },
      });
    } catch (e) {
      const empty = scorePage(articleBody, '');
      pages.push({
        id,
        url,
        nitido: empty,
        readability: empty,
        ms: { nitido: 0, readability: 0 },
        error: String(e),
      });
    }
    doc.defaultView?.close();
  }
  return pages;
}

const fmt = (x: number, d = 3) => x.toFixed(d);
const pad = (s: string, n: number) => s.padEnd(n);

function reportCorpus(dir: string, pages: PageResult[]) {
  const n = summarize(pages.map((p) => p.nitido));
  const r = summarize(pages.map((p) => p.readability));
  const nMs = pages.map((p) => p.ms.nitido);
  const rMs = pages.map((p) => p.ms.readability);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const time = {
    nitido: { median: quantile(nMs, 0.5), p95: quantile(nMs, 0.95), total: sum(nMs) },
    readability: { median: quantile(rMs, 0.5), p95: quantile(rMs, 0.95), total: sum(rMs) },
    ratioTotal: sum(nMs) / Math.max(1e-9, sum(rMs)),
    ratioMedian: quantile(nMs, 0.5) / Math.max(1e-9, quantile(rMs, 0.5)),
    medianPageRatio: quantile(
      pages.map((p) => p.ms.nitido / Math.max(1e-9, p.ms.readability)),
      0.5,
    ),
  };
  const worse = pages
    .map((p) => ({ id: p.id, url: p.url, nitido: f1Of(p.nitido), readability: f1Of(p.readability) }))
    .filter((p) => p.readability - p.nitido > 0.05)
    .sort((a, b) => a.nitido - a.readability - (b.nitido - b.readability));
  const errors = pages.filter((p) => p.error).map((p) => ({ id: p.id, error: p.error }));

  console.log(
    `\n== Quality on ${basename(dir)} (${pages.length} pages; metric of ../shared/corpora/README.md)`,
  );
  console.log(`${pad('system', 14)}${pad('F1', 8)}${pad('precision', 11)}recall`);
  for (const [name, s] of [
    ['Nitido', n],
    ['Readability', r],
  ] as const)
    console.log(`${pad(name, 14)}${pad(fmt(s.f1), 8)}${pad(fmt(s.precision), 11)}${fmt(s.recall)}`);
  console.log(`\n== Time per page (ms, parse excluded, best of ${repeat})`);
  console.log(`${pad('system', 14)}${pad('median', 9)}${pad('p95', 9)}total`);
  console.log(
    `${pad('Nitido', 14)}${pad(fmt(time.nitido.median, 1), 9)}${pad(fmt(time.nitido.p95, 1), 9)}${fmt(time.nitido.total, 0)}`,
  );
  console.log(
    `${pad('Readability', 14)}${pad(fmt(time.readability.median, 1), 9)}${pad(fmt(time.readability.p95, 1), 9)}${fmt(time.readability.total, 0)}`,
  );
  console.log(
    `ratio Nitido/Readability: total ${fmt(time.ratioTotal, 2)}, median ${fmt(time.ratioMedian, 2)}, median of per-page ratios ${fmt(time.medianPageRatio, 2)}`,
  );
  console.log(`\n== Pages where Nitido's F1 is more than 0.05 below Readability's: ${worse.length}`);
  for (const w of worse)
    console.log(`  ${w.id.slice(0, 16)}  ${fmt(w.nitido)} vs ${fmt(w.readability)}  ${w.url}`);
  if (errors.length) {
    console.log(`\n== Errors: ${errors.length}`);
    for (const e of errors) console.log(`  ${e.id}: ${e.error}`);
  }
  if (verbose) {
    console.log('\n== Every page (F1 Nitido, Readability; P/R Nitido)');
    for (const p of pages)
      console.log(
        `  ${p.id.slice(0, 16)} ${fmt(f1Of(p.nitido))} ${fmt(f1Of(p.readability))}  P ${fmt(p.nitido.precision ?? 0)} R ${fmt(p.nitido.recall ?? 0)}  ${p.url}`,
      );
  }
  return {
    corpus: dir,
    pages: pages.length,
    nitido: n,
    readability: r,
    time,
    worse,
    errors,
    perPage: pages.map((p) => ({
      id: p.id,
      url: p.url,
      f1: { nitido: f1Of(p.nitido), readability: f1Of(p.readability) },
      nitido: { precision: p.nitido.precision, recall: p.nitido.recall },
      readability: { precision: p.readability.precision, recall: p.readability.recall },
      ms: p.ms,
    })),
  };
}

const BUCKETS = [
  [0, 50e3, '< 50 KB'],
  [50e3, 100e3, '50–100 KB'],
  [100e3, 250e3, '100–250 KB'],
  [250e3, 500e3, '250–500 KB'],
  [500e3, 1e6, '0.5–1 MB'],
  [1e6, Number.POSITIVE_INFINITY, '≥ 1 MB'],
] as const;

function runSizes(dir: string) {
  const files = readdirSync(dir).filter((f) => /\.html(\.gz)?$/.test(f));
  const rows: { file: string; bytes: number; nitido: number; readability: number; error?: string }[] = [];
  for (const f of files) {
    const html = load(join(dir, f));
    const url = `https://example.org/${f.replace(/\.html(\.gz)?$/, '')}/`;
    const doc = parseHtml(html, url);
    try {
      const t = timeBoth(doc, url);
      rows.push({ file: f, bytes: Buffer.byteLength(html), nitido: t.nitido, readability: t.readability });
    } catch (e) {
      rows.push({ file: f, bytes: Buffer.byteLength(html), nitido: 0, readability: 0, error: String(e) });
    }
    doc.defaultView?.close();
  }
  console.log(
    `\n== Time against page size over ${basename(dir)} (${rows.length} pages; ms, median per bucket)`,
  );
  console.log(
    `${pad('size', 13)}${pad('pages', 7)}${pad('Nitido', 9)}${pad('Readab.', 9)}${pad('ratio', 7)}Nitido p95`,
  );
  const buckets = BUCKETS.map(([lo, hi, label]) => {
    const inB = rows.filter((r) => r.bytes >= lo && r.bytes < hi && !r.error);
    const n = quantile(
      inB.map((r) => r.nitido),
      0.5,
    );
    const r = quantile(
      inB.map((r) => r.readability),
      0.5,
    );
    const b = {
      bucket: label,
      pages: inB.length,
      nitidoMedian: n,
      readabilityMedian: r,
      ratio: r ? n / r : 0,
      nitidoP95: quantile(
        inB.map((r) => r.nitido),
        0.95,
      ),
    };
    if (inB.length)
      console.log(
        `${pad(label, 13)}${pad(String(b.pages), 7)}${pad(fmt(n, 1), 9)}${pad(fmt(r, 1), 9)}${pad(fmt(b.ratio, 2), 7)}${fmt(b.nitidoP95, 1)}`,
      );
    return b;
  });
  const errs = rows.filter((r) => r.error);
  if (errs.length) for (const e of errs) console.log(`  error ${e.file}: ${e.error}`);
  return { corpus: dir, buckets, pages: rows };
}

const corpora = [join(corporaDir, 'aeb-dev'), ...extraCorpora.map((c) => resolve(c))];
const results = [];
for (const dir of corpora) {
  if (!existsSync(join(dir, 'ground-truth.json'))) {
    console.error(`skipping ${dir}: no ground-truth.json`);
    continue;
  }
  results.push(reportCorpus(dir, runCorpus(dir)));
}
const sizesDir = join(corporaDir, 'readability-pages');
const sizes = !flag('--no-sizes') && existsSync(sizesDir) ? runSizes(sizesDir) : null;
mkdirSync(join(root, '.bench'), { recursive: true });
writeFileSync(
  join(root, '.bench/extract.json'),
  `${JSON.stringify({ date: new Date().toISOString(), repeat, corpora: results, sizes }, null, 2)}\n`,
);
console.log('\nwrote .bench/extract.json');
