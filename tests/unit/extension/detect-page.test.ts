import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeTextFor, detectPage, readingMinutesFor } from '@/utils/extension/detect-page';
import { classifyInjectionError } from '@/utils/extension/extract-in-tab';
import { translate } from '@/utils/extension/i18n';
import { readParagraphs } from '@/utils/extract/detect-article';
import en from '../../../public/_locales/en/messages.json';
import it_ from '../../../public/_locales/it/messages.json';

/** n words of average length (five letters and a space, as in English or Italian prose). */
const words = (n: number) => Array.from({ length: n }, () => 'parla').join(' ');

describe('reading minutes', () => {
  it('counts the words of long paragraphs only, inside <article> when there is one', () => {
    const doc = new JSDOM(
      `<body><p>${words(2000)}</p><article><p>${words(460)}</p><p>Short caption.</p></article></body>`,
    ).window.document;
    expect(detectPage(doc, 'https://news.example/2024/01/02/a-long-story-about-things').readingMinutes).toBe(
      2,
    );
  });
  it('is 0 on a page without running text', () => {
    const doc = new JSDOM('<body><a>Home</a></body>').window.document;
    expect(readParagraphs(doc, doc.getElementsByTagName('article')).readingChars).toBe(0);
    expect(readingMinutesFor(0)).toBe(0);
  });
});

describe('detectPage', () => {
  it('reports the detection with a reading estimate on an article, 0 minutes elsewhere', () => {
    const article = new JSDOM(
      `<head><meta property="og:type" content="article"><meta property="article:published_time" content="2024-01-01"></head>
<body><article><h1>T</h1>${`<p>${words(120)}</p>`.repeat(6)}</article></body>`,
    ).window.document;
    const url = 'https://news.example/2024/01/02/a-long-story-about-things';
    const report = detectPage(article, url);
    expect(report).toMatchObject({ type: 'detected', url, isArticle: true, readingMinutes: 3 });
    const front = new JSDOM('<body><h1>News</h1></body>').window.document;
    expect(detectPage(front, 'https://news.example/')).toMatchObject({ isArticle: false, readingMinutes: 0 });
  });
});

describe('badgeTextFor', () => {
  it.each([
    [{ isArticle: false, readingMinutes: 5 }, ''],
    [{ isArticle: true, readingMinutes: 0 }, '1m'],
    [{ isArticle: true, readingMinutes: 7.4 }, '7m'],
    [{ isArticle: true, readingMinutes: 250 }, '99+'],
  ])('%j → %j', (m, text) => expect(badgeTextFor(m)).toBe(text));
});

describe('classifyInjectionError', () => {
  it.each([
    ['Cannot access a chrome:// URL', 'restricted'],
    ['The extensions gallery cannot be scripted.', 'restricted'],
    [
      'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
      'restricted',
    ],
    ['Missing host permission for the tab', 'restricted'],
    ['No tab with id: 5.', 'failed'],
    ['Frame with ID 0 is showing error page', 'failed'],
  ])('%s → %s', (message, kind) => expect(classifyInjectionError(message)).toBe(kind));
});

describe('locales', () => {
  it('Italian has every English string, with the same substitutions', () => {
    const subs = (m: string) => (m.match(/\$\d/g) ?? []).sort().join();
    for (const [key, value] of Object.entries(en)) {
      const other = (it_ as Record<string, { message: string }>)[key];
      expect(other, key).toBeDefined();
      expect(subs(other.message), key).toBe(subs(value.message));
    }
    expect(Object.keys(it_).sort()).toEqual(Object.keys(en).sort());
  });
  it('translate passes substitutions as strings and falls back to the key when a string is missing', () => {
    const spy = vi
      .spyOn(fakeBrowser.i18n, 'getMessage')
      .mockImplementation((key: string, subs?: string | string[]) =>
        key === 'readingTime' ? `${(subs as string[])[0]} min read` : '',
      );
    expect(translate('readingTime', 4)).toBe('4 min read');
    expect(translate('actionSave')).toBe('actionSave');
    spy.mockRestore();
  });
});
