// The command line as its users call it: the real process (node + tsx), files written to a temp dir.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const SLOW = 120_000; // a loaded 2-core machine; the limit is a hang guard, not a speed assertion

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], input?: Buffer | string): Promise<Run> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', join(root, 'bin/nitido.ts'), ...args],
      { cwd: root, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) =>
        done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    if (input !== undefined) child.stdin?.end(input);
    else child.stdin?.end();
  });
}

/** One failure = one line on stderr, prefixed, never a stack trace. */
function expectOneLineErrors(stderr: string, count: number) {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(count);
  for (const line of lines) expect(line).toMatch(/^nitido: /);
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/Error:/);
}

const ARTICLE = (extraHead = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8">${extraHead}
<title>Harbour bridge reopens after two years - The Daily Tide</title>
<meta property="og:type" content="article">
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article>
<h1>Harbour bridge reopens after two years</h1>
<p class="byline">By Ellen Marsh</p>
<p>The harbour bridge reopened to traffic on Saturday morning after two years of repairs, and hundreds of residents
walked across it before the first cars were allowed through at noon.</p>
<p>"This bridge is the heart of the town, and today it beats again," said Maria Rossi, the mayor, as she cut the
ribbon in front of a crowd that had gathered since dawn.</p>
<p>The repairs cost more than planned because engineers found corrosion in the steel cables, but the council said
the work would keep the bridge safe for another fifty years.</p>
<p>Shop owners on both sides of the water said business had suffered during the closure and that they hoped
visitors would return now that the crossing was open again.</p>
</article></main>
<footer>Contact us</footer>
</body></html>`;

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nitido-cli-'));
  writeFileSync(
    file('article.html'),
    ARTICLE('<link rel="canonical" href="https://tide.example/2024/05/04/bridge">'),
  );
  writeFileSync(file('plain.html'), ARTICLE());
  writeFileSync(file('article.html.gz'), gzipSync(ARTICLE()));
  writeFileSync(file('empty.html'), '');
  writeFileSync(file('blank.html'), '  \n\n ');
  writeFileSync(file('junk.html'), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)));
  writeFileSync(file('fake.html.gz'), ARTICLE());
  mkdirSync(file('folder.html'));
  const city = (charset: string) =>
    Buffer.from(
      `<html><head><meta charset="${charset}"><title>Citt\xe0 aperta</title></head><body><article>` +
        `<h1>Citt\xe0 aperta</h1><p>La citt\xe0 \xe8 pi\xf9 bella perch\xe9 il caff\xe8 costa poco, ` +
        'dicono i residenti, e le strade del centro sono di nuovo piene di gente ogni sera.</p>' +
        '<p>Il sindaco ha promesso nuove piazze e pi\xf9 alberi lungo il fiume entro la fine dell&rsquo;anno.</p>' +
        '</article></body></html>',
      'latin1',
    );
  writeFileSync(file('cp1252.html'), city('windows-1252'));
  writeFileSync(file('latin1.html'), city('ISO-8859-1'));
  writeFileSync(
    file('http-equiv.html'),
    Buffer.concat([
      Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'),
      city('x').subarray(city('x').indexOf('<title>')),
    ]),
  );
  writeFileSync(
    file('utf8-no-meta.html'),
    ARTICLE().replace('<meta charset="utf-8">', '').replace('Saturday', 'Sábado'),
  );
  writeFileSync(
    file('utf16.html'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE(), 'utf16le')]),
  );
  const depth = 20_000;
  writeFileSync(
    file('deep.html'),
    `<html><head><title>Deep</title></head><body>${'<div>'.repeat(depth)}<p>Deep inside, the one paragraph of this page survives the flattening.</p>${'</div>'.repeat(depth)}</body></html>`,
  );
  const many = (n: number) =>
    `<html><head><title>Many</title></head><body><article>${'<p>Word after word in a paragraph.</p>'.repeat(n)}</article></body></html>`;
  writeFileSync(file('many-nodes.html'), many(60_000)); // 120,000 nodes
  writeFileSync(file('slow.html'), many(48_000)); // 96,000 nodes: under the limit, over a tiny time budget
  // 13 MB of HTML in a 13 KB gzip file: refused at the limit, not after filling memory.
  writeFileSync(file('bomb.html.gz'), gzipSync(Buffer.alloc(13 * 1024 * 1024, ' ')));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('usage', () => {
  it('--help prints the usage and exits 0', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('usage: nitido extract FILE...');
    expect(r.stdout).toContain('--format');
    expect(r.stdout).toMatch(/Exit status: 0/);
  });

  it.each([
    [[], /missing command/],
    [['frob', 'x.html'], /unknown command 'frob'/],
    [['extract'], /missing FILE/],
    [['extract', 'x.html', '--format', 'nonsense'], /unknown --format 'nonsense'/],
    [['extract', 'x.html', '--bogus'], /Unknown option '--bogus'/],
    [['extract', 'x.html', '--url', 'not a url'], /bad --url/],
    [['extract', 'x.html', '--url', 'javascript:alert(1)'], /bad --url/],
    [['extract', 'x.html', '--format'], /--format/],
    [['extract', 'x.html', '--timeout', 'soon'], /bad --timeout/],
  ])('%j is a usage error: exit 2, one line', async (args, message) => {
    const r = await cli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expectOneLineErrors(r.stderr, 1);
    expect(r.stderr).toMatch(message);
  });
});

describe('formats', () => {
  it(
    'json: one Article, its URL from the canonical link',
    async () => {
      const r = await cli(['extract', file('article.html'), '--format', 'json']);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      const a = JSON.parse(r.stdout);
      expect(a.file).toBe(file('article.html'));
      expect(a.url).toBe('https://tide.example/2024/05/04/bridge');
      expect(a.title).toBe('Harbour bridge reopens after two years');
      expect(a.text).toContain('The harbour bridge reopened to traffic');
      expect(a.text).not.toContain('Contact us');
      for (const k of [
        'isArticle',
        'detection',
        'html',
        'wordCount',
        'readingMinutes',
        'quotes',
        'speakers',
      ]) {
        expect(a).toHaveProperty(k);
      }
      expect(a.wordCount).toBeGreaterThan(80);
    },
    SLOW,
  );

  it(
    'json with several files: an array; --url beats the canonical link; no canonical gives a file:// URL',
    async () => {
      const r = await cli([
        'extract',
        file('article.html'),
        file('plain.html'),
        '--url',
        'https://x.example/a',
      ]);
      expect(r.code).toBe(0);
      const list = JSON.parse(r.stdout);
      expect(list).toHaveLength(2);
      expect(list.map((a: { url: string }) => a.url)).toEqual(['https://x.example/a', 'https://x.example/a']);
      const plain = JSON.parse((await cli(['extract', file('plain.html')])).stdout);
      expect(plain.url).toBe(`file://${file('plain.html')}`);
    },
    SLOW,
  );

  it(
    'jsonl: a line per file, failures as {file, error}, exit 1, the others still printed',
    async () => {
      const names = [
        'article.html',
        'article.html.gz',
        'missing.html',
        'empty.html',
        'blank.html',
        'junk.html',
      ];
      const more = ['fake.html.gz', 'folder.html', 'bomb.html.gz'];
      const r = await cli(['extract', ...[...names, ...more].map(file), '--format', 'jsonl']);
      expect(r.code).toBe(1);
      const lines = r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines.map((l) => l.file)).toEqual([...names, ...more].map(file));
      expect(lines[0].text).toContain('harbour bridge');
      expect(lines[1].text).toBe(lines[0].text);
      const errors = Object.fromEntries(lines.slice(2).map((l) => [l.file.split('/').pop(), l.error]));
      expect(errors).toEqual({
        'missing.html': 'no such file',
        'empty.html': 'empty file',
        'blank.html': 'empty file (only white space)',
        'junk.html': 'not an HTML page (binary data)',
        'fake.html.gz': 'not gzip data, though the name ends in .gz',
        'folder.html': 'is a directory, not a file',
        'bomb.html.gz': expect.stringMatching(/^page too large: more than 12\.0 MB of HTML/),
      });
      for (const l of lines.slice(2)) expect(Object.keys(l)).toEqual(['file', 'error']);
      expectOneLineErrors(r.stderr, 7);
      expect(r.stderr).toContain(`nitido: ${file('missing.html')}: no such file`);
    },
    SLOW,
  );

  it(
    'text: title, facts line, the article, then who said what',
    async () => {
      const r = await cli(['extract', file('article.html'), '--format', 'text']);
      expect(r.code).toBe(0);
      const [title, underline, facts] = r.stdout.split('\n');
      expect(title).toBe('Harbour bridge reopens after two years');
      expect(underline).toBe('='.repeat(title.length));
      expect(facts).toMatch(/Ellen Marsh/);
      expect(r.stdout).toContain('The harbour bridge reopened to traffic');
      expect(r.stdout).toMatch(/Who said what\n-+\n/);
      expect(r.stdout).toMatch(/Maria Rossi.*\n {2}“This bridge is the heart of the town/);
    },
    SLOW,
  );

  it(
    'markdown: front matter, a title heading, the body',
    async () => {
      const r = await cli(['extract', file('article.html'), '--format', 'markdown']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^---\ntitle: "Harbour bridge reopens after two years"\n/);
      expect(r.stdout).toContain('url: "https://tide.example/2024/05/04/bridge"');
      expect(r.stdout).toMatch(/\n---\n\n# Harbour bridge reopens after two years\n/);
      expect(r.stdout).toContain('The harbour bridge reopened to traffic');
    },
    SLOW,
  );
});

describe('input', () => {
  it(
    'reads standard input with -, gzipped or not',
    async () => {
      const plain = await cli(['extract', '-', '--format', 'jsonl'], ARTICLE());
      expect(plain.code).toBe(0);
      expect(JSON.parse(plain.stdout)).toMatchObject({ file: '-', url: 'file:///dev/stdin' });
      const gz = await cli(['extract', '-', '--format', 'jsonl'], gzipSync(ARTICLE()));
      expect(gz.code).toBe(0);
      expect(JSON.parse(gz.stdout).text).toBe(JSON.parse(plain.stdout).text);
    },
    SLOW,
  );

  it(
    'decodes by the page charset: windows-1252, ISO-8859-1, http-equiv, UTF-8 without meta, UTF-16 with a BOM',
    async () => {
      const names = ['cp1252.html', 'latin1.html', 'http-equiv.html', 'utf8-no-meta.html', 'utf16.html'];
      const r = await cli(['extract', ...names.map(file), '--format', 'jsonl']);
      expect(r.code).toBe(0);
      const [cp1252, latin1, equiv, utf8, utf16] = r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      for (const a of [cp1252, latin1, equiv]) {
        expect(a.title).toBe('Città aperta');
        expect(a.text).toContain('La città è più bella perché il caffè costa poco');
        expect(a.text).not.toMatch(/[\uFFFD]|Ã/);
      }
      expect(utf8.text).toContain('Sábado');
      expect(utf16.title).toBe('Harbour bridge reopens after two years');
    },
    SLOW,
  );

  it(
    '20,000-deep nesting ends with the article, not a stack overflow',
    async () => {
      const r = await cli(['extract', file('deep.html'), '--format', 'jsonl']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).text).toContain('Deep inside, the one paragraph of this page survives');
    },
    SLOW,
  );

  it(
    'over the node limit: a clear "too large" error; over the time budget: a clear error, the next file still done',
    async () => {
      const names = ['many-nodes.html', 'slow.html', 'article.html'];
      const r = await cli(['extract', ...names.map(file), '--format', 'jsonl', '--timeout', '2']);
      expect(r.code).toBe(1);
      const [many, slow, ok] = r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(many.error).toMatch(
        /^page (too large: more than 100,000 nodes|took too long to read: over 2 s)/,
      );
      expect(slow.error).toBe('page took too long to read: over 2 s (the time budget)');
      expect(ok.title).toBe('Harbour bridge reopens after two years');
      expectOneLineErrors(r.stderr, 2);
      const limit = await cli(['extract', file('many-nodes.html'), '--format', 'jsonl']);
      expect(limit.code).toBe(1);
      expect(JSON.parse(limit.stdout).error).toBe('page too large: more than 100,000 nodes (the limit)');
    },
    SLOW,
  );
});
