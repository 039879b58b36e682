// Makes a new fixture folder from a saved page:
//
//   npx tsx bin/add-fixture.ts NAME PAGE.html[.gz] --url URL [--keep-scripts]
//
// writes tests/fixtures/NAME/source.html (the page, scripts and styles emptied unless --keep-scripts: a fixture
// shows markup, not code) and tests/fixtures/NAME/expected.json, pre-filled from what the engine extracts today:
// url, title, byline, lang, isArticle, the first paragraphs as mustContain, an empty mustNotContain. Then edit
// expected.json so it says what a reader must and must not see (the noise that shows the behaviour goes in
// mustNotContain), and run `npx vitest run tests/unit/extract/fixtures.test.ts`.
// Fixtures are pages we write or rewrite ourselves: never a third-party page as it was saved.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extractArticle } from '../utils/extract';
import { parseHtml } from './lib/parse-html';

function usage(message?: string): never {
  if (message) console.error(`add-fixture: ${message}`);
  console.error('usage: npx tsx bin/add-fixture.ts NAME PAGE.html[.gz] --url URL [--keep-scripts]');
  process.exit(2);
}

const args = process.argv.slice(2);
const urlAt = args.indexOf('--url');
const url = urlAt >= 0 ? args[urlAt + 1] : undefined;
const keepScripts = args.includes('--keep-scripts');
const [name, file] = args.filter((a, i) => !a.startsWith('--') && (urlAt < 0 || i !== urlAt + 1));
if (!name || !file || !url) usage();
if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name))
  usage(`NAME must be kebab-case, named after the behaviour: ${name}`);
try {
  new URL(url);
} catch {
  usage(`not a URL: ${url}`);
}
const dir = resolve(import.meta.dirname, '../tests/fixtures', name);
if (existsSync(dir)) usage(`${dir} exists already`);
if (!existsSync(file)) usage(`no such file: ${file}`);

const raw = readFileSync(file);
let html = (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
if (!keepScripts) {
  html = html
    .replace(/<script\b([^>]*)>[\s\S]*?<\/script>/gi, (m, attrs: string) =>
      /application\/ld\+json/i.test(attrs) ? m : `<script${attrs}></script>`,
    )
    .replace(/<style\b([^>]*)>[\s\S]*?<\/style>/gi, '<style$1></style>');
}

const article = extractArticle(parseHtml(html, url), url);
const paragraphs = article.text.split(/\n\s*\n/).filter((p) => p.length > 40);
const expected = {
  url,
  title: article.title,
  byline: article.byline,
  lang: article.lang?.slice(0, 2) ?? null,
  isArticle: article.isArticle,
  mustContain: paragraphs.slice(0, 3).map((p) => p.slice(0, 120)),
  mustNotContain: [] as string[],
};
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'source.html'), html);
writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
console.log(`wrote ${dir}/{source.html,expected.json}`);
console.log('now: put the noise this page shows in mustNotContain, check the rest, and run');
console.log('  npx vitest run tests/unit/extract/fixtures.test.ts');
