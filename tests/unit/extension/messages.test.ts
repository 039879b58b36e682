import { describe, expect, it } from 'vitest';
import { isArticleData, isRunExtractor, parseMessage, senderAllowed } from '@/utils/messages';
import { SAMPLE_ARTICLE } from '../sample-article';

const article = SAMPLE_ARTICLE;

describe('parseMessage', () => {
  it.each([
    [{ type: 'detected', url: 'https://a.example/x', isArticle: true, score: 3, readingMinutes: 4 }],
    [{ type: 'extract', tabId: 12 }],
    [{ type: 'extract', tabId: 12, quotes: 'later' }],
    [{ type: 'extract', tabId: 12, exclude: ['ad-label'], quotes: 'later' }],
    [{ type: 'quotes', tabId: 12 }],
    [{ type: 'open-reader', tabId: 0 }],
    [{ type: 'save', article, tags: ['city'] }],
  ])('accepts a well-formed %j', (message) => {
    expect(parseMessage(message)).toEqual(message);
  });

  it('fills in missing tags on save', () => {
    expect(parseMessage({ type: 'save', article })).toEqual({ type: 'save', article, tags: [] });
  });

  it('drops fields that are not part of the message', () => {
    expect(parseMessage({ type: 'extract', tabId: 3, code: 'alert(1)' })).toEqual({
      type: 'extract',
      tabId: 3,
    });
  });

  it.each([
    ['not an object', 'extract'],
    ['null', null],
    ['an array', [{ type: 'extract', tabId: 1 }]],
    ['an unknown type', { type: 'eval', code: '1' }],
    ['a negative tab id', { type: 'extract', tabId: -1 }],
    ['a fractional tab id', { type: 'extract', tabId: 1.5 }],
    ['a string tab id', { type: 'open-reader', tabId: '1' }],
    ['quotes other than later', { type: 'extract', tabId: 1, quotes: 'now' }],
    ['quotes as a boolean', { type: 'extract', tabId: 1, quotes: false }],
    ['quotes of no tab', { type: 'quotes' }],
    ['quotes of a negative tab id', { type: 'quotes', tabId: -1 }],
    ['quotes of a string tab id', { type: 'quotes', tabId: '1' }],
    [
      'a non-http url',
      { type: 'detected', url: 'javascript:1', isArticle: true, score: 1, readingMinutes: 1 },
    ],
    ['a missing isArticle', { type: 'detected', url: 'https://a.example', score: 1, readingMinutes: 1 }],
    [
      'NaN minutes',
      { type: 'detected', url: 'https://a.example', isArticle: true, score: 1, readingMinutes: NaN },
    ],
    ['a malformed article', { type: 'save', article: { ...article, quotes: 'none' }, tags: [] }],
    ['non-string tags', { type: 'save', article, tags: [1] }],
  ])('rejects %s', (_, message) => {
    expect(parseMessage(message)).toBeNull();
  });
});

describe('isArticleData', () => {
  it('accepts the Article of DESIGN.md', () => expect(isArticleData(article)).toBe(true));
  it.each([
    ['title', { title: 3 }],
    ['byline', { byline: undefined }],
    ['detection', { detection: { score: 1 } }],
    ['speakers', { speakers: [{ name: 'X' }] }],
    ['removed', { removed: [{ rule: 'x', count: '1' }] }],
    ['quote speaker', { quotes: [{ ...article.quotes[0], speaker: 5 }] }],
  ])('rejects a wrong %s', (_, change) => {
    expect(isArticleData({ ...article, ...change })).toBe(false);
  });
});

describe('senderAllowed', () => {
  const ID = 'abcdefghijklmnop';
  const ORIGIN = `chrome-extension://${ID}/`;
  const detected = parseMessage({
    type: 'detected',
    url: 'https://a.example/x',
    isArticle: true,
    score: 3,
    readingMinutes: 4,
  })!;
  const extract = parseMessage({ type: 'extract', tabId: 4 })!;

  it('accepts a content script of ours in a tab', () => {
    expect(senderAllowed(detected, { id: ID, tab: { id: 4 }, url: 'https://a.example/x' }, ID, ORIGIN)).toBe(
      true,
    );
  });
  it('accepts a page message from our own pages', () => {
    expect(senderAllowed(extract, { id: ID, url: `${ORIGIN}popup.html?tabId=4` }, ID, ORIGIN)).toBe(true);
  });
  it('refuses another extension', () => {
    expect(senderAllowed(extract, { id: 'other', url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBe(false);
  });
  it('refuses a page message sent by a content script (a web page cannot ask to extract or save)', () => {
    expect(senderAllowed(extract, { id: ID, tab: { id: 4 }, url: 'https://evil.example/' }, ID, ORIGIN)).toBe(
      false,
    );
  });
  it('takes the quotes request from our own pages only, never from a web page', () => {
    const quotes = parseMessage({ type: 'quotes', tabId: 4 })!;
    expect(senderAllowed(quotes, { id: ID, url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBe(true);
    expect(senderAllowed(quotes, { id: ID, tab: { id: 4 }, url: 'https://evil.example/' }, ID, ORIGIN)).toBe(
      false,
    );
  });
  it('refuses a detection report that does not come from a tab', () => {
    expect(senderAllowed(detected, { id: ID, url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBe(false);
  });
});

describe('isRunExtractor', () => {
  it('accepts our background only', () => {
    expect(isRunExtractor({ type: 'run-extractor' }, { id: 'me' }, 'me')).toBe(true);
    expect(isRunExtractor({ type: 'run-extractor' }, { id: 'other' }, 'me')).toBe(false);
    expect(isRunExtractor({ type: 'run-extractor' }, { id: 'me', tab: { id: 3 } } as never, 'me')).toBe(
      false,
    );
    expect(isRunExtractor({ type: 'extract' }, { id: 'me' }, 'me')).toBe(false);
  });
});
