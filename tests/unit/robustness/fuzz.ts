// The fuzzer behind fuzz.test.ts and fuzz-more.test.ts: seeded generated malformed pages through the engine
// (decode → parse → extract). Two test files, so vitest runs them on both cores.
import { writeFileSync } from 'node:fs';
import { decodeHtml, NotHtmlError } from '../../../bin/lib/decode-html';
import { closeDocument, parseHtml } from '../../../bin/lib/parse-html';
import { extractArticle } from '../../../utils/extract';
import { isTooLargeError } from '../../../utils/extract/limits';

/** Cases per test file (two files): FUZZ_CASES overrides, FUZZ_SEED changes the pages. */
export const CASES = Number(process.env.FUZZ_CASES ?? 1000);
export const SEED = Number(process.env.FUZZ_SEED ?? 20240504);

/** mulberry32: small, fast, and the same sequence everywhere. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    chance: (p: number) => next() < p,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
  };
}
type Rng = ReturnType<typeof rng>;

const TAGS = [
  'div',
  'p',
  'span',
  'article',
  'section',
  'main',
  'aside',
  'header',
  'footer',
  'nav',
  'table',
  'tbody',
  'tr',
  'td',
  'th',
  'ul',
  'ol',
  'li',
  'a',
  'b',
  'i',
  'em',
  'strong',
  'h1',
  'h2',
  'h3',
  'figure',
  'figcaption',
  'picture',
  'blockquote',
  'pre',
  'code',
  'svg',
  'math',
  'mtext',
  'mglyph',
  'foreignObject',
  'template',
  'noscript',
  'style',
  'script',
  'textarea',
  'select',
  'option',
  'form',
  'button',
  'iframe',
  'object',
  'time',
  'title',
  'font',
  'center',
  'marquee',
  'frameset',
  'head',
  'body',
  'html',
  'x-custom',
  'my:tag',
  'dialog',
] as const;
const VOIDS = ['br', 'hr', 'img', 'source', 'input', 'meta', 'link', 'base', 'wbr', 'col', 'embed'] as const;
const CLASSES = [
  'article',
  'content',
  'story-body',
  'byline',
  'author',
  'ad',
  'ad-slot',
  'advertisement',
  'loading',
  'skeleton',
  'spinner',
  'share',
  'newsletter',
  'related',
  'comments',
  'cookie',
  'paywall',
  'hidden',
  'lazy',
  'caption',
] as const;
const ATTRS = [
  'class',
  'id',
  'style',
  'href',
  'src',
  'srcset',
  'data-src',
  'data-srcset',
  'data-lazy-src',
  'alt',
  'title',
  'lang',
  'dir',
  'hidden',
  'aria-hidden',
  'aria-busy',
  'role',
  'itemprop',
  'rel',
  'content',
  'property',
  'name',
  'datetime',
  'onerror',
  'onclick',
  'xlink:href',
  'xmlns',
  'width',
  'height',
  'colspan',
  'charset',
] as const;
const WORDS = [
  'the',
  'council',
  'said',
  'on',
  'Tuesday',
  'that',
  'città',
  'perché',
  'été',
  'Straße',
  'niño',
  'Москва',
  '東京',
  'مرحبا',
  'שלום',
  '😀',
  '👩‍👩‍👧',
  'Loading...',
  'Caricamento…',
  'Advertisement',
  'Pubblicità',
  'Riproduzione riservata ©',
  '3 min read',
  'di',
  'By',
  '“quoted”',
  '«citation»',
  '„Zitat“',
  '"said"',
  '\u200b',
  '\u200e',
  '\u202e',
  '\ufeff',
  '\ufffd',
  '\u0000',
  '\u0007',
  '\ud800',
  '\udfff',
  '&amp;',
  '&nbsp;',
  '&#0;',
  '&#xD800;',
  '&#99999999;',
  '&bogus;',
  '&lt;',
  '&',
  '<',
  '>',
  '</',
  '<!--',
  '-->',
  ']]>',
  '<![CDATA[',
] as const;
const URLS = [
  'https://example.org/a.jpg',
  '/relative/path',
  '../up',
  '//proto.example/x',
  'javascript:alert(1)',
  'data:image/gif;base64,R0lGODlhAQABAAAAACw=',
  'data:text/html,<script>1</script>',
  'http://[::1',
  '%zz',
  ' ',
  'https://example.org/a.jpg 1x, https://example.org/b.jpg 2x',
  'x'.repeat(3000),
] as const;

function text(r: Rng): string {
  const n = 1 + r.int(r.chance(0.1) ? 200 : 25);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(r.pick(WORDS));
  return out.join(r.chance(0.9) ? ' ' : '');
}

function attrValue(r: Rng): string {
  const roll = r.next();
  if (roll < 0.3) return r.pick(CLASSES) + (r.chance(0.3) ? ` ${r.pick(CLASSES)}` : '');
  if (roll < 0.55) return r.pick(URLS);
  if (roll < 0.57) return 'x'.repeat(1 + r.int(r.chance(0.1) ? 100_000 : 3_000)); // huge attribute
  if (roll < 0.7) return text(r);
  return String(r.int(1e6));
}

function attrs(r: Rng): string {
  let s = '';
  const n = r.int(4);
  for (let i = 0; i < n; i++) {
    const name = r.pick(ATTRS);
    const quote = r.pick(['"', "'", '', '"']);
    s += r.chance(0.1) ? ` ${name}` : ` ${name}=${quote}${attrValue(r).replace(quote || ' ', '')}${quote}`;
    if (r.chance(0.03)) s += ` ${name}=dup`; // duplicate attribute
  }
  if (r.chance(0.02)) s += ' ="broken" / x=\'unterminated';
  return s;
}

/** Tag soup: elements that may stay open, close in the wrong order, or close what never opened. */
function soup(r: Rng, budget: { n: number }, depth: number): string {
  let s = '';
  while (budget.n > 0 && r.chance(depth > 12 ? 0.45 : 0.8)) {
    budget.n--;
    const roll = r.next();
    if (roll < 0.3) s += text(r);
    else if (roll < 0.38) s += `<${r.pick(VOIDS)}${attrs(r)}${r.chance(0.3) ? '/' : ''}>`;
    else if (roll < 0.42)
      s += `</${r.pick(TAGS)}>`; // stray close
    else if (roll < 0.44)
      s += r.pick([
        '<!-- unclosed comment',
        '<!DOCTYPE junk>',
        '<?xml version="1.0"?>',
        '<![CDATA[x]]>',
        '<',
        '</>',
        '<a<b>',
        '<p <div>',
      ]);
    else {
      const tag = r.pick(TAGS);
      s += `<${tag}${attrs(r)}>${soup(r, budget, depth + 1)}`;
      if (r.chance(0.75)) s += `</${r.chance(0.9) ? tag : r.pick(TAGS)}>`; // unclosed or misnested
    }
  }
  return s;
}

export function page(r: Rng): string {
  const roll = r.next();
  if (roll < 0.008) {
    const tag = r.pick(['div', 'span', 'b', 'table', 'li', 'svg', 'blockquote', 'template', 'a']);
    const depth = 100 + r.int(3000);
    return `<html><body>${`<${tag}>`.repeat(depth)}${text(r)}${r.chance(0.5) ? `</${tag}>`.repeat(depth) : ''}`;
  }
  if (roll < 0.03) return text(r); // no markup at all
  let head = '';
  if (r.chance(0.5)) head += `<title>${text(r)}</title>`;
  if (r.chance(0.3))
    head += `<meta property="${r.pick(['og:type', 'og:title', 'og:url', 'article:published_time', 'author'])}" content="${text(r).replace(/"/g, '')}">`;
  if (r.chance(0.2)) {
    head += `<script type="application/ld+json">${r.pick([
      '{"@type":"NewsArticle","headline":',
      '[{"@graph":[{"@type":"Article","author":{"name":null}}]}]',
      `{"@type":["NewsArticle"],"headline":${JSON.stringify(text(r))},"author":[1,{"name":[]}],"datePublished":"not a date"}`,
      '{"@type":"NewsArticle","headline":"</script><script>1</script>"}',
    ])}</script>`;
  }
  const lang = r.chance(0.3) ? ` lang="${r.pick(['it', 'xx-garbage', '', 'de-DE', '日本'])}"` : '';
  const budget = { n: 20 + r.int(r.chance(0.05) ? 600 : 80) };
  const body = r.chance(0.5)
    ? `<article><h1>${text(r)}</h1>${soup(r, budget, 1)}</article>`
    : soup(r, budget, 0);
  return `${r.chance(0.7) ? '<!doctype html>' : ''}<html${lang}><head>${head}</head><body>${body}`;
}

/** Odd bytes: the page in a legacy encoding, mislabelled, with a BOM, or cut mid-character. */
export function bytesOf(r: Rng, html: string): Uint8Array {
  const roll = r.next();
  if (roll < 0.25) return Buffer.from(`<meta charset="windows-1252">${html}`, 'latin1');
  if (roll < 0.4)
    return Buffer.from(
      `<meta charset="${r.pick(['utf-8', 'shift_jis', 'koi8-r', 'bogus', 'utf-16'])}">${html}`,
    );
  if (roll < 0.5) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(html)]);
  if (roll < 0.6) return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(html, 'utf16le')]);
  const b = Buffer.from(html);
  return roll < 0.7 ? b.subarray(0, Math.max(1, b.length - 1 - r.int(3))) : b;
}

/** The first element or attribute in the HTML that could run code, or null. */
function unsafeIn(doc: Document, html: string): string | null {
  const t = doc.createElement('template');
  t.innerHTML = html;
  for (const el of t.content.querySelectorAll('*')) {
    if (/^(script|iframe|frame|object|embed|form|base|meta|link)$/.test(el.localName))
      return `<${el.localName}>`;
    for (const at of el.attributes) {
      if (/^on/i.test(at.name)) return `${at.name} on <${el.localName}>`;
      const url = /^(href|src|srcset|action|formaction|xlink:href|poster|background|data|cite)$/i.test(
        at.name,
      );
      if (url && /^\s*(java|vb)script:/i.test(at.value.replace(/[\u0000-\u001f]/g, '')))
        return `${at.name}=${at.value}`;
    }
  }
  return null;
}

/**
 * Runs `cases` generated pages from `seed`: every one must give a well-formed, inert Article or a documented
 * refusal (TooLargeError, NotHtmlError). Distinct unexpected errors are collected with the first case that
 * showed each; `FUZZ_SEED=<seed> FUZZ_CASES=<n>` replays up to it, FUZZ_DUMP=<prefix> writes the pages.
 */
/**
 * Engine bugs this fuzzer found, owned by utils/extract and reported there: counted and returned (the test shows
 * them as todos) rather than failing the run, so a fix makes them vanish and anything new still fails.
 */
export const KNOWN_ENGINE_BUGS: { pattern: RegExp; why: string }[] = [];

export function runFuzz(seed: number, cases: number): Map<string, number> {
  const known = new Map<string, number>();
  const r = rng(seed);
  const url = 'https://news.example/2024/05/04/story';
  let articles = 0;
  let refused = 0;
  /** Distinct unexpected errors → the first case that showed each. */
  const failures = new Map<string, string>();
  for (let i = 0; i < cases; i++) {
    const html = page(r);
    const viaBytes = r.chance(0.3);
    let doc: Document | null = null;
    try {
      const source = viaBytes ? decodeHtml(bytesOf(r, html)).html : html;
      doc = parseHtml(source, url);
      const a = extractArticle(doc, url);
      const wellFormed =
        typeof a.title === 'string' &&
        typeof a.text === 'string' &&
        typeof a.html === 'string' &&
        Number.isFinite(a.wordCount) &&
        Array.isArray(a.quotes) &&
        Array.isArray(a.speakers) &&
        Array.isArray(a.removed);
      if (!wellFormed) throw new Error('malformed Article');
      const unsafe = unsafeIn(doc, a.html);
      if (unsafe) throw new Error(`unsafe HTML: ${unsafe}`);
      articles++;
    } catch (e) {
      if (isTooLargeError(e) || e instanceof NotHtmlError) {
        refused++;
        continue;
      }
      const message = e instanceof Error ? e.message : String(e);
      const bug = KNOWN_ENGINE_BUGS.find((b) => b.pattern.test(message));
      if (bug) {
        known.set(bug.why, (known.get(bug.why) ?? 0) + 1);
        continue;
      }
      if (!failures.has(message)) {
        failures.set(message, `case ${i} (FUZZ_SEED=${seed} FUZZ_CASES=${i + 1}): ${message}`);
        if (process.env.FUZZ_DUMP) writeFileSync(`${process.env.FUZZ_DUMP}-${i}.html`, html);
      }
    } finally {
      closeDocument(doc);
    }
  }
  if (failures.size) throw new Error(`unexpected errors:\n${[...failures.values()].join('\n')}`);
  const knownCount = [...known.values()].reduce((x, y) => x + y, 0);
  if (articles + refused + knownCount !== cases || articles < cases * 0.6) {
    throw new Error(
      `${articles} articles and ${refused} refusals of ${cases} cases: the generator makes too much junk`,
    );
  }
  return known;
}
