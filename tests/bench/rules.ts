// What every cleaning rule does on real pages, and what the site rules add.
//
//   npm run bench:rules            (npx tsx tests/bench/rules.ts)
//
// Per rule (generic and site): on how many pages it fired and how many blocks it removed, over
// ../shared/corpora/aeb-dev and ../shared/corpora/readability-pages; a site rule that only names parts (title,
// byline, content, date) counts as fired where its selector matched. Then the aeb-dev F1 (metric of the corpora's
// README, tests/bench/metric.ts) with site rules on and off, and every page where site rules make F1 worse (the
// target is none). Also how many pages detectTruncation flags (these corpora are full articles: a sanity check).
// Prints tables; writes .bench/rules.json.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseHtml } from '../../bin/lib/parse-html';
import { type Article, extractArticle, GENERIC_RULES, rulesForHost, SITE_RULES } from '../../utils/extract';
import type { CleanRule } from '../../utils/extract/rule';
import { f1Of, type PageScore, scorePage, summarize } from './metric';

const root = resolve(import.meta.dirname, '../..');
const corporaDir = resolve(root, '../shared/corpora');
const aebDir = join(corporaDir, 'aeb-dev');
const pagesDir = join(corporaDir, 'readability-pages');

const load = (file: string) => {
  const buf = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
};

interface Tally {
  pages: { aeb: number; readability: number };
  blocks: { aeb: number; readability: number };
}
const tally = new Map<string, Tally>();
const tallyOf = (id: string) => {
  let t = tally.get(id);
  if (!t) {
    t = { pages: { aeb: 0, readability: 0 }, blocks: { aeb: 0, readability: 0 } };
    tally.set(id, t);
  }
  return t;
};
for (const r of [...GENERIC_RULES, ...SITE_RULES]) tallyOf(r.id);

const PARTS = ['content', 'title', 'byline', 'date'] as const;

/** Site rules that name parts or lazy pictures fire where one of their selectors matches the page. */
function partsFired(doc: Document, rules: CleanRule[]): string[] {
  const out: string[] = [];
  for (const r of rules) {
    const selectors = [...PARTS.map((k) => r[k]), ...(r.lazyImages ?? []).map((l) => l.selector)];
    if (
      selectors.some((sel) => {
        if (!sel) return false;
        try {
          return doc.querySelector(sel) !== null;
        } catch {
          return false;
        }
      })
    )
      out.push(r.id);
  }
  return out;
}

function count(corpus: 'aeb' | 'readability', a: Article, doc: Document, host: string) {
  const ids = new Set<string>();
  for (const { rule, count } of a.removed) {
    const t = tallyOf(rule);
    t.blocks[corpus] += count;
    ids.add(rule);
  }
  for (const id of partsFired(doc, rulesForHost(host))) ids.add(id);
  for (const id of ids) tallyOf(id).pages[corpus]++;
}

const truncated: { corpus: string; page: string; reasons: string[] }[] = [];

// ---- aeb-dev: counts, and F1 with site rules on and off ----
const truth = JSON.parse(readFileSync(join(aebDir, 'ground-truth.json'), 'utf8')) as Record<
  string,
  { articleBody: string; url: string }
>;
interface PageRow {
  id: string;
  url: string;
  siteRules: string[];
  on: PageScore;
  off: PageScore;
}
const rows: PageRow[] = [];
for (const id of Object.keys(truth).sort()) {
  const file = join(aebDir, 'html', `${id}.html.gz`);
  if (!existsSync(file)) continue;
  const { url, articleBody } = truth[id];
  const host = new URL(url).hostname;
  const doc = parseHtml(load(file), url);
  const site = rulesForHost(host).map((r) => r.id);
  try {
    const on = extractArticle(doc, url);
    count('aeb', on, doc, host);
    if (on.truncation?.truncated)
      truncated.push({ corpus: 'aeb-dev', page: id, reasons: on.truncation.reasons });
    const onScore = scorePage(articleBody, on.text);
    // Without site rules for this host the two runs are the same run.
    const offScore = site.length
      ? scorePage(articleBody, extractArticle(doc, url, { siteRules: false }).text)
      : onScore;
    rows.push({ id, url, siteRules: site, on: onScore, off: offScore });
  } catch (e) {
    console.error(`aeb-dev ${id}: ${e}`);
  }
  doc.defaultView?.close();
}

// ---- readability-pages: counts only (no ground truth); the page's own URL when it names one ----
function pageUrl(html: string, file: string): string {
  const doc = parseHtml(html.slice(0, 200_000), 'https://example.org/');
  const own =
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content');
  doc.defaultView?.close();
  try {
    if (own && /^https?:\/\//.test(own)) return new URL(own).href;
  } catch {
    /* a broken canonical URL: the placeholder below */
  }
  return `https://example.org/${file.replace(/\.html(\.gz)?$/, '')}/`;
}

let readabilityPages = 0;
for (const f of existsSync(pagesDir) ? readdirSync(pagesDir).sort() : []) {
  if (!/\.html(\.gz)?$/.test(f)) continue;
  const html = load(join(pagesDir, f));
  const url = pageUrl(html, f);
  const doc = parseHtml(html, url);
  try {
    const a = extractArticle(doc, url);
    count('readability', a, doc, new URL(url).hostname);
    if (a.truncation?.truncated)
      truncated.push({ corpus: 'readability-pages', page: f, reasons: a.truncation.reasons });
    readabilityPages++;
  } catch (e) {
    console.error(`readability-pages ${f}: ${e}`);
  }
  doc.defaultView?.close();
}

// ---- report ----
const fmt = (x: number, d = 3) => x.toFixed(d);
const pad = (s: string | number, n: number) => String(s).padEnd(n);
const padL = (s: string | number, n: number) => String(s).padStart(n);

const known = new Set([...GENERIC_RULES, ...SITE_RULES].map((r) => r.id));
const ruleRows = [...tally].map(([id, t]) => ({
  id,
  kind: SITE_RULES.some((r) => r.id === id) ? 'site' : known.has(id) ? 'generic' : 'post-clean',
  ...t,
}));
console.log(
  `\n== Rules fired (pages / blocks) on aeb-dev (${rows.length} pages) and readability-pages (${readabilityPages} pages)`,
);
console.log(
  `${pad('rule', 52)}${pad('kind', 11)}${padL('aeb pages', 10)}${padL('blocks', 8)}${padL('r-p pages', 11)}${padL('blocks', 8)}`,
);
for (const r of ruleRows)
  console.log(
    `${pad(r.id, 52)}${pad(r.kind, 11)}${padL(r.pages.aeb, 10)}${padL(r.blocks.aeb, 8)}${padL(r.pages.readability, 11)}${padL(r.blocks.readability, 8)}`,
  );

const on = summarize(rows.map((r) => r.on));
const off = summarize(rows.map((r) => r.off));
const withSite = rows.filter((r) => r.siteRules.length);
const worse = withSite
  .map((r) => ({ id: r.id, url: r.url, on: f1Of(r.on), off: f1Of(r.off), rules: r.siteRules }))
  .filter((r) => r.on < r.off - 1e-9)
  .sort((a, b) => a.on - a.off - (b.on - b.off));
const better = withSite.filter((r) => f1Of(r.on) > f1Of(r.off) + 1e-9).length;

console.log(
  `\n== aeb-dev F1 with site rules on and off (${rows.length} pages, ${withSite.length} with site rules)`,
);
console.log(`${pad('site rules', 14)}${pad('F1', 8)}${pad('precision', 11)}recall`);
for (const [name, s] of [
  ['on', on],
  ['off', off],
] as const)
  console.log(`${pad(name, 14)}${pad(fmt(s.f1), 8)}${pad(fmt(s.precision), 11)}${fmt(s.recall)}`);
console.log('\n  pages with site rules (F1 on / off):');
for (const r of withSite)
  console.log(`  ${r.id.slice(0, 16)}  ${fmt(f1Of(r.on))} / ${fmt(f1Of(r.off))}  ${r.url}`);
console.log(`\n== Pages where site rules make F1 worse: ${worse.length} (better: ${better})`);
for (const w of worse) console.log(`  ${w.id.slice(0, 16)}  ${fmt(w.on)} vs ${fmt(w.off)}  ${w.url}`);

console.log(`\n== Pages flagged as truncated by detectTruncation: ${truncated.length}`);
for (const t of truncated) console.log(`  ${t.corpus} ${t.page.slice(0, 40)}: ${t.reasons.join(', ')}`);

const unfired = ruleRows
  .filter((r) => r.kind !== 'post-clean' && !r.pages.aeb && !r.pages.readability)
  .map((r) => r.id);
console.log(`\n== Rules that fired on neither corpus: ${unfired.length}`);
if (unfired.length) console.log(`  ${unfired.join(', ')}`);

mkdirSync(join(root, '.bench'), { recursive: true });
writeFileSync(
  join(root, '.bench/rules.json'),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      rules: ruleRows,
      aeb: {
        pages: rows.length,
        pagesWithSiteRules: withSite.length,
        siteRulesOn: on,
        siteRulesOff: off,
        worse,
        better,
        perPage: withSite.map((r) => ({
          id: r.id,
          url: r.url,
          rules: r.siteRules,
          on: f1Of(r.on),
          off: f1Of(r.off),
        })),
      },
      readabilityPages,
      truncated,
      unfired,
    },
    null,
    2,
  )}\n`,
);
console.log('\nwrote .bench/rules.json');
