// Every message the background takes, forged and malformed, from every kind of sender: only well-formed
// messages of our own extension, from the context each type may come from, do anything. Complements
// tests/unit/extension/messages.test.ts (hand-picked cases) with systematic ones.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/utils/extension/start-background';
import { LIMITS } from '@/utils/extract/limits';
import {
  isArticleData,
  isRunExtractor,
  MAX_STRING,
  MESSAGE_ORIGIN,
  type Message,
  parseMessage,
  type SenderInfo,
  senderAllowed,
} from '@/utils/messages';
import { SAMPLE_ARTICLE } from '../sample-article';

const article = SAMPLE_ARTICLE;

/** One well-formed message of every type the background takes. */
const VALID: Record<Message['type'], Record<string, unknown>> = {
  detected: { type: 'detected', url: 'https://a.example/x', isArticle: true, score: 3, readingMinutes: 4 },
  extract: { type: 'extract', tabId: 12, exclude: ['ad-label'], quotes: 'later' },
  quotes: { type: 'quotes', tabId: 8 },
  save: { type: 'save', article, tags: ['city'] },
  'open-reader': { type: 'open-reader', tabId: 3 },
  preview: {
    type: 'preview',
    tabId: 4,
    rules: [{ id: 'user:a.example/1', why: 'x', sites: ['a.example'], remove: ['.promo'] }],
  },
  'start-picker': { type: 'start-picker', tabId: 5 },
  picked: { type: 'picked', selector: 'div.promo' },
  'read-selection': { type: 'read-selection' },
  locate: { type: 'locate', tabId: 7, text: 'This barrier will protect three thousand homes' },
  'extract-selection': { type: 'extract-selection', tabId: 6 },
};
/** Fields a message may leave out. */
const OPTIONAL: Record<string, string[]> = { extract: ['exclude', 'quotes'], save: ['tags'] };
const WRONG: unknown[] = [
  undefined,
  null,
  '',
  'x'.repeat(10_000),
  -1,
  1.5,
  Number.NaN,
  Infinity,
  {},
  [],
  true,
];
const kindOf = (v: unknown) =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'array'
      : typeof v === 'number' && !Number.isFinite(v)
        ? 'nonfinite'
        : typeof v;
/** Must `bad` be refused where `valid` is fine? Another kind always; within a kind, only what is out of range. */
function refusable(key: string, valid: unknown, bad: unknown): boolean {
  if (kindOf(bad) !== kindOf(valid)) return true;
  if (typeof valid === 'number') return key === 'tabId' && (bad === -1 || bad === 1.5);
  if (typeof valid === 'string') return true; // '' and 10,000 characters, for a url or a selector
  return kindOf(valid) === 'object'; // {} for an article; another list or boolean is a fine value
}

describe('every message type is validated', () => {
  it('the test knows every type the background routes (a new type must come with its cases here)', () => {
    expect(Object.keys(VALID).sort()).toEqual(Object.keys(MESSAGE_ORIGIN).sort());
  });

  it.each(Object.entries(VALID))('%s: a well-formed message passes', (_, message) => {
    expect(parseMessage(message)).not.toBeNull();
  });

  it.each(Object.entries(VALID))('%s: every field missing or of a wrong kind is refused', (type, message) => {
    const accepted: string[] = [];
    for (const key of Object.keys(message).filter((k) => k !== 'type')) {
      if (!OPTIONAL[type]?.includes(key)) {
        const { [key]: _, ...without } = message;
        if (parseMessage(without)) accepted.push(`${key} missing`);
      }
      for (const bad of WRONG) {
        if (!refusable(key, message[key], bad)) continue;
        // An optional field left out (undefined or null) is no forgery.
        if ((bad === undefined || bad === null) && OPTIONAL[type]?.includes(key)) continue;
        const parsed = parseMessage({ ...message, [key]: bad });
        if (parsed) accepted.push(`${key}=${JSON.stringify(bad)?.slice(0, 20)}`);
      }
    }
    expect(accepted).toEqual([]);
  });

  it.each(Object.entries(VALID))('%s: fields that are not part of the message are dropped', (_, message) => {
    const parsed = parseMessage({
      ...message,
      code: 'alert(1)',
      __proto__: { polluted: 1 },
    }) as unknown as Record<string, unknown>;
    expect(parsed.code).toBeUndefined();
    expect(Object.keys(parsed).every((k) => k in message)).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a JSON "__proto__" key pollutes nothing', () => {
    const forged = JSON.parse('{"type":"extract","tabId":1,"__proto__":{"polluted":1,"tabId":2}}');
    expect(parseMessage(forged)).toEqual({ type: 'extract', tabId: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['an unknown type', { type: 'eval', code: '1' }],
    ['a type with different case', { type: 'Extract', tabId: 1 }],
    ['a type that is an object', { type: { toString: (): string => 'extract' }, tabId: 1 }],
    ['the content-script-only run-extractor', { type: 'run-extractor' }],
    ['a url that is not http(s)', { ...VALID.detected, url: 'chrome://settings' }],
    ['a url that is too long', { ...VALID.detected, url: `https://a.example/${'x'.repeat(9000)}` }],
    ['negative minutes', { ...VALID.detected, readingMinutes: -1 }],
    [
      'too many restored rules',
      { ...VALID.extract, exclude: Array.from({ length: 501 }, (_, i) => `r${i}`) },
    ],
    ['a tag too long', { ...VALID.save, tags: ['x'.repeat(101)] }],
    ['an article with a string for a number', { ...VALID.save, article: { ...article, wordCount: '2' } }],
    [
      'an article quote that is markup-less junk',
      { ...VALID.save, article: { ...article, quotes: [{ text: 1 }] } },
    ],
    [
      'a preview rule with code',
      { ...VALID.preview, rules: [{ sites: ['a.example'], remove: ['.x'], onload: 'x' }] },
    ],
    [
      'a preview rule that backtracks',
      { ...VALID.preview, rules: [{ sites: ['a.example'], text: { patterns: ['(a+)+'] } }] },
    ],
    [
      'too many preview rules',
      {
        ...VALID.preview,
        rules: Array.from({ length: 501 }, () => ({ sites: ['a.example'], remove: ['.x'] })),
      },
    ],
    ['a blank selector', { type: 'picked', selector: '   ' }],
    ['a selector too long', { type: 'picked', selector: `.${'x'.repeat(400)}` }],
  ])('refuses %s', (_, message) => {
    expect(parseMessage(message)).toBeNull();
  });

  it('an article as long as the engine allows a page is not refused as malformed', () => {
    expect(MAX_STRING).toBeGreaterThanOrEqual(LIMITS.maxBytes);
    const long = 'x'.repeat(LIMITS.maxBytes);
    expect(isArticleData({ ...article, text: long, html: `<p>${long}</p>` })).toBe(true);
  });
});

describe('senders', () => {
  const ID = 'abcdefghijklmnop';
  const ORIGIN = `chrome-extension://${ID}/`;
  const SENDERS = {
    'our popup': { id: ID, url: `${ORIGIN}popup.html` },
    'our clean view in a tab': { id: ID, url: `${ORIGIN}reader.html?tabId=3`, tab: { id: 9 } },
    'our content script in a web page': { id: ID, url: 'https://evil.example/a', tab: { id: 4 } },
    'another extension': { id: 'zyxwvutsrqponmlk', url: 'chrome-extension://zyxwvutsrqponmlk/x.html' },
    'another extension posing as our page': { id: 'zyxwvutsrqponmlk', url: `${ORIGIN}popup.html` },
    'a sender without id': { url: `${ORIGIN}popup.html` },
    'a look-alike origin': { id: ID, url: `chrome-extension://${ID}.evil.example/popup.html` },
    'a web page': { url: 'https://evil.example/', tab: { id: 4 } },
  };
  const expected: Record<keyof typeof SENDERS, 'content' | 'page' | 'both' | 'none'> = {
    'our popup': 'page',
    // An extension page of ours is trusted with both kinds (sender.id and its origin say it is ours).
    'our clean view in a tab': 'both',
    'our content script in a web page': 'content',
    'another extension': 'none',
    'another extension posing as our page': 'none',
    'a sender without id': 'none',
    'a look-alike origin': 'none',
    'a web page': 'none',
  };

  it.each(Object.keys(SENDERS) as (keyof typeof SENDERS)[])(
    '%s may send only its own kind of message',
    (name) => {
      const allowed = Object.values(VALID)
        .map((m) => parseMessage(m)!)
        .filter((m) => senderAllowed(m, SENDERS[name], ID, ORIGIN))
        .map((m) => m.type)
        .sort();
      const want = Object.entries(MESSAGE_ORIGIN)
        .filter(([, origin]) => origin === expected[name] || expected[name] === 'both')
        .map(([type]) => type)
        .sort();
      expect(allowed).toEqual(want);
    },
  );

  it('the content script obeys only our background', () => {
    expect(isRunExtractor({ type: 'run-extractor', rules: [] }, { id: ID }, ID)).toBe(true);
    for (const sender of (Object.values(SENDERS) as SenderInfo[]).filter((x) => x.id !== ID || x.tab)) {
      expect(isRunExtractor({ type: 'run-extractor', rules: [] }, sender, ID)).toBe(false);
    }
    expect(isRunExtractor({ type: 'run-extractor' }, undefined, ID)).toBe(false);
  });
});

describe('the background, end to end with the fake browser', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => key);
    Object.assign(fakeBrowser.action, { setPopup: vi.fn(async () => {}) });
    Object.assign(fakeBrowser, { contextMenus: { create: vi.fn(), onClicked: { addListener: vi.fn() } } });
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
  });
  afterEach(() => vi.restoreAllMocks());

  it('forged messages from a web page’s tab or another extension get no answer and change nothing', async () => {
    startBackground();
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example/a' });
    const tabsBefore = (await fakeBrowser.tabs.query({})).length;
    const forgers = [
      { id: fakeBrowser.runtime.id, tab, url: 'https://news.example/a' }, // our content script, steered by the page
      { id: 'another-extension', url: 'chrome-extension://another-extension/page.html' },
      { tab, url: 'https://news.example/a' },
    ];
    const answers: unknown[] = [];
    for (const sender of forgers) {
      for (const type of Object.keys(MESSAGE_ORIGIN) as Message['type'][]) {
        if (MESSAGE_ORIGIN[type] !== 'page') continue;
        const message = { ...VALID[type], tabId: tab.id };
        answers.push(await fakeBrowser.runtime.onMessage.trigger(message, sender));
      }
    }
    expect(answers.flat().filter((a) => a !== undefined)).toEqual([]);
    expect((await fakeBrowser.tabs.query({})).length).toBe(tabsBefore);
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id })).toBe('');
    // A detection report from another extension sets no badge; ours does (the check above can fail).
    await fakeBrowser.runtime.onMessage.trigger(VALID.detected, forgers[1]);
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id })).toBe('');
    await fakeBrowser.runtime.onMessage.trigger(VALID.detected, forgers[0]);
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id })).toBe('4m');
  });

  it('a picked selector or selection is refused from a tab where the background started no picker', async () => {
    startBackground();
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example/a' });
    const [answer] = await fakeBrowser.runtime.onMessage.trigger(VALID.picked, {
      id: fakeBrowser.runtime.id,
      tab,
      url: 'https://news.example/a',
    });
    expect(answer).toEqual({ ok: false, error: 'No picker runs in this tab.' });
    const tabsBefore = (await fakeBrowser.tabs.query({})).length;
    const [read] = await fakeBrowser.runtime.onMessage.trigger(VALID['read-selection'], {
      id: fakeBrowser.runtime.id,
      tab,
      url: 'https://news.example/a',
    });
    expect(read).toEqual({ ok: false, error: 'No picker runs in this tab.' });
    expect((await fakeBrowser.tabs.query({})).length).toBe(tabsBefore);
  });
});
