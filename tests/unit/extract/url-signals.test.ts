// The URL signals are read by hand (no pattern compiles in the content script's fresh renderer); here each check
// is held to the pattern it replaces, on chosen edge cases and on thousands of generated URLs.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../bin/lib/parse-html';
import { jsonLdOf, jsonLdText, typesOf } from '../../../utils/extract/json-ld';
import {
  isDatedPath,
  isSlug,
  pathAndQuery,
  type UrlSignal,
  urlSignals,
} from '../../../utils/extract/url-signals';

// The patterns, as they were written before (the specification).
const URL_PARTS = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*([^?#]*)(\?[^#]*)?/i;
const DATED_PATH =
  /(^|\/)(19|20)\d\d[/-](0?[1-9]|1[0-2])([/-]|$)|[/_-](19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])([/_.-]|$)/;
const LISTING_PATH =
  /(^|\/)(tags?|topics?|category|categories|categorie|categoria|rubrique|rubriken?|themen?|thema|temas?|argomenti|section|sections|author|authors|autore|autor|auteur|search|suche|recherche|cerca|buscar|busqueda|archive|archivio|archiv|archives|page)(\/|$)/i;

function patternSignals(url: string): UrlSignal[] {
  const parts = URL_PARTS.exec(url);
  if (!parts) return [];
  const path = parts[1] || '/';
  const search = parts[2] && parts[2].length > 1 ? parts[2] : '';
  const out: UrlSignal[] = [];
  if (DATED_PATH.test(path)) out.push('dated-url');
  const segments = path.split('/').filter(Boolean);
  const last = segments[segments.length - 1] ?? '';
  if (last.split(/[-_]/).filter((w) => /[\p{L}]{2,}/u.test(w)).length >= 4 || /\d{5,}/.test(last))
    out.push('slug-url');
  if (segments.length === 0 || /^(index|default|home)\.\w+$/i.test(segments.join('/'))) {
    if (!search || !/[?&](p|id|story|article)=/i.test(search)) out.push('home-url');
  } else if (LISTING_PATH.test(path) || /[?&](q|s|query|search|tag)=/i.test(search)) out.push('listing-url');
  return out;
}

/** A small deterministic generator (the same URLs on every run). */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

const PIECES = [
  '/',
  '/',
  '-',
  '_',
  '.',
  '?',
  '&',
  '=',
  '#',
  '0',
  '1',
  '2',
  '3',
  '9',
  '19',
  '20',
  '2024',
  '1999',
  '2024-03',
  '20240312',
  '12',
  '13',
  '31',
  '32',
  '00',
  '01',
  'a',
  'ab',
  'Story',
  'tag',
  'TAGS',
  'page',
  'themen',
  'theme',
  'index',
  'Home',
  'default',
  '.html',
  'p',
  'id',
  'q',
  's',
  'search',
  'article',
  'été',
  'новости',
  '新闻',
  '𝐀𝐁',
  '%C3%A9',
  '12345',
  '99999',
  'x',
  ':',
  '@',
  '+',
];

function generatedUrls(count: number): string[] {
  const next = random(7);
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
  const prefixes = [
    'https://news.example.com',
    'http://a.b:8080',
    'https://u:p@x.org',
    'x-y+z.w://h',
    '',
    'a:/',
    '1a://b',
  ];
  return Array.from({ length: count }, () => {
    let url = pick(prefixes);
    const n = Math.floor(next() * 14);
    for (let i = 0; i < n; i++) url += pick(PIECES);
    return url;
  });
}

describe('urlSignals, without patterns, answers as the patterns do', () => {
  it.each([
    'https://news.example.com/2024/03/12/port-cranes',
    'https://news.example.com/2024-3-x',
    'https://news.example.com/2024/13/x',
    'https://news.example.com/2024/1',
    'https://news.example.com/2024/012/x',
    'https://example.com/world/story-20240312-abc',
    'https://example.com/world/story-20241312-abc',
    'https://example.com/world/story-20240332',
    'https://example.com/world/story_20240331.html',
    'https://example.com/world/story-202403121',
    'https://example.com/x2024/03/12',
    'https://example.com/world/the-council-approves-the-budget',
    'https://example.com/world/a-b-c-d-e',
    'https://example.com/world/ab1cd-x-y-z',
    'https://example.com/world/été-à-paris-sous-la-pluie',
    'https://example.com/world/𝐀𝐁-𝐂𝐃-𝐄𝐅-𝐆𝐇',
    'https://example.com/story/123456',
    'https://example.com/',
    'https://example.com',
    'https://example.com/index.html',
    'https://example.com/Index.HTML?p=3',
    'https://example.com/home.php?x=1&story=4',
    'https://example.com/home.',
    'https://example.com/index.x.html',
    'https://example.com/a/index.html',
    'https://example.com/tag/politics/',
    'https://example.com/Tags/x',
    'https://example.com/themen',
    'https://example.com/theme/x',
    'https://example.com/world/?tag=ports',
    'https://example.com/world/?x=1&Q=ports',
    'https://example.com/world/?x=?q=ports',
    'https://example.com/#/2024/03/12/port-cranes',
    'https://a?b/2024/03/12',
    'https://a#b/2024/03/12',
    'javascript:x://y/2024/03/12',
    'not a url',
    '/2024/03/12/relative-path',
  ])('%s', (url) => {
    expect(urlSignals(url)).toEqual(patternSignals(url));
  });

  it('on 20,000 generated URLs', () => {
    const differ = generatedUrls(20_000).filter(
      (url) => JSON.stringify(urlSignals(url)) !== JSON.stringify(patternSignals(url)),
    );
    expect(differ.slice(0, 5)).toEqual([]);
  });

  it('each check alone, on generated paths', () => {
    for (const url of generatedUrls(5_000)) {
      const path = url.replace(/^[^/]*\/\/[^/]*/, '');
      expect(isDatedPath(path), path).toBe(DATED_PATH.test(path));
      const last = path.split('/').pop() ?? '';
      expect(isSlug(last), last).toBe(
        last.split(/[-_]/).filter((w) => /[\p{L}]{2,}/u.test(w)).length >= 4 || /\d{5,}/.test(last),
      );
      const parts = URL_PARTS.exec(url);
      expect(pathAndQuery(url), url).toEqual(parts ? { path: parts[1] ?? '', search: parts[2] ?? '' } : null);
    }
  });
});

describe('typesOf', () => {
  it.each([
    ['NewsArticle', ['NewsArticle']],
    ['https://schema.org/NewsArticle', ['NewsArticle']],
    ['http://schema.org#BlogPosting', ['BlogPosting']],
    ['schema:Article', ['Article']],
    [
      ['WebPage', 'https://schema.org/ItemList', 3],
      ['WebPage', 'ItemList'],
    ],
  ])('%j gives %j', (type, want) => {
    expect(typesOf({ '@type': type })).toEqual(want);
  });
});

describe('jsonLdText: the JSON of a JSON-LD script', () => {
  const json = '{"@type":"NewsArticle","headline":"x"}';
  it.each([
    [json, json],
    [`  ${json}\n`, json],
    [`<![CDATA[\n  ${json}\n]]>`, json],
    [`//<![CDATA[\n${json}\n//]]>`, json],
    [`// <![CDATA[ ${json} // ]]>`, json],
    ['[{"@type":"WebSite"}]', '[{"@type":"WebSite"}]'],
    ['', null],
    ['window.dataLayer = [];', null],
    ['{ & #34;@context&# 34;', null],
    ['"just a string"', null],
  ])('%j gives %j', (raw, want) => {
    expect(jsonLdText(raw)).toBe(want);
  });
});

describe('jsonLdOf', () => {
  const scripts = (...texts: string[]) =>
    parseHtml(
      `<!DOCTYPE html><html><head>${texts.map((t) => `<script type="application/ld+json">${t}</script>`).join('')}</head></html>`,
      'https://example.com/x',
    ).querySelectorAll('script');

  it('reads every object, typed or not, and skips what does not parse', () => {
    const found = jsonLdOf(
      scripts('{"isAccessibleForFree": false}', '{"@type": "NewsArticle"}', '{"@type": }'),
    );
    expect(found).toEqual([{ isAccessibleForFree: false }, { '@type': 'NewsArticle' }]);
  });

  it('typedOnly: parses only the scripts with a "@type" key (the detector reads nothing else)', () => {
    const found = jsonLdOf(
      scripts(
        '{"isAccessibleForFree": false}',
        '{"@graph": [{"@type": "WebPage"}]}',
        '{ & #34;@type&# 34; }',
      ),
      { typedOnly: true },
    );
    expect(found).toEqual([{ '@graph': [{ '@type': 'WebPage' }] }, { '@type': 'WebPage' }]);
  });
});
