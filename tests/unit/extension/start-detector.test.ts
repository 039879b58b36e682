// The content script's work with WXT's fake browser: one report on start, one per settle delay after a
// single-page navigation, nothing once the extension is gone; and it dispatches nothing on the page.
import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startDetector } from '@/utils/extension/start-detector';

const STORY = 'https://news.example/news/2024/03/05/harbour-council-approves-tide-barrier.html';
const NEXT = 'https://news.example/news/2024/03/06/the-barrier-s-first-stones-are-laid.html';
const paragraph =
  '<p>The harbour council voted on Tuesday evening to approve the construction of a tide barrier across the old port, ending a debate that has divided the town for more than a decade.</p>';
const PAGE = `<!doctype html><html lang="en"><head><title>Harbour council approves the tide barrier</title>
<meta property="og:type" content="article"></head>
<body><article><h1>Harbour council approves the tide barrier</h1>${paragraph.repeat(8)}</article></body></html>`;

let sent: { type: string; url: string; isArticle: boolean }[];

/** The page's window, with the browser's Navigation API (a target the test fires trusted events on). */
function page() {
  const { window } = new JSDOM(PAGE, { url: STORY });
  const navigation = new EventTarget();
  Object.assign(window, { navigation, setTimeout, clearTimeout });
  const dispatched: string[] = [];
  for (const target of [window, window.document]) {
    const dispatch = target.dispatchEvent.bind(target);
    target.dispatchEvent = (e: Event) => {
      dispatched.push(e.type);
      return dispatch(e);
    };
  }
  const navigate = (url: string) => {
    const e = new Event('navigate');
    Object.defineProperties(e, { isTrusted: { value: true }, destination: { value: { url } } });
    navigation.dispatchEvent(e);
  };
  return { window, navigate, dispatched };
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
  sent = [];
  vi.spyOn(console, 'debug').mockImplementation(() => {}); // its one line for whoever debugs a page
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (m: unknown) => {
    sent.push(m as (typeof sent)[number]);
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Lets the reports' promises (settings read, message sent) settle. */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('startDetector', () => {
  it('reports on start, and again once a single-page navigation has settled', async () => {
    const { window, navigate, dispatched } = page();
    startDetector(window as unknown as Window);
    // Two idle steps (timers here, without idle callbacks): detection's, then the reading time's.
    await vi.advanceTimersByTimeAsync(2);
    expect(sent.map((m) => [m.type, m.url, m.isArticle])).toEqual([['detected', STORY, true]]);

    window.history.pushState({}, '', NEXT);
    navigate(NEXT);
    await vi.advanceTimersByTimeAsync(399);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(2);
    expect(sent.map((m) => m.url)).toEqual([STORY, NEXT]);
    await vi.advanceTimersByTimeAsync(1100);
    expect(sent.map((m) => m.url)).toEqual([STORY, NEXT, NEXT]);
    expect(dispatched).toEqual([]);
  });

  it('detects in the page’s idle moment, reads an article’s reading time in the next one, and reports other pages at once', async () => {
    const { window } = page();
    const idle: (() => void)[] = [];
    Object.assign(window, { requestIdleCallback: (callback: () => void) => idle.push(callback) });
    const debug = vi.mocked(console.debug);
    startDetector(window as unknown as Window);
    await settle();
    // Settings read; detection waits for the page's idle moment.
    expect(idle).toHaveLength(1);
    expect(debug).not.toHaveBeenCalled();
    idle[0]();
    await settle();
    // Detected: an article, whose reading time waits for the next idle moment.
    expect(sent).toEqual([]);
    expect(idle).toHaveLength(2);
    idle[1]();
    await settle();
    expect(sent).toMatchObject([{ url: STORY, isArticle: true, readingMinutes: 1 }]);

    const front = new JSDOM('<!doctype html><body><h1>News</h1><a href="/a">A story</a></body>', {
      url: 'https://news.example/',
    }).window;
    Object.assign(front, {
      navigation: new EventTarget(),
      requestIdleCallback: (callback: () => void) => idle.push(callback),
    });
    startDetector(front as unknown as Window);
    await settle();
    expect(idle).toHaveLength(3);
    idle[2]();
    await settle();
    // Not an article: reported at once, no second idle step.
    expect(idle).toHaveLength(3);
    expect(sent.map((m) => [m.url, m.isArticle])).toEqual([
      [STORY, true],
      ['https://news.example/', false],
    ]);
  });

  it('a newer navigation replaces the older one’s looks', async () => {
    const { window, navigate } = page();
    startDetector(window as unknown as Window);
    await settle();
    navigate(NEXT);
    await vi.advanceTimersByTimeAsync(300);
    navigate(STORY);
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent).toHaveLength(3); // the start, then the newer navigation's two looks only
  });

  it('once the extension is gone (updated or removed), stops watching', async () => {
    const { window, navigate } = page();
    startDetector(window as unknown as Window);
    await settle();
    const gone = vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    navigate(NEXT);
    await vi.advanceTimersByTimeAsync(2000);
    gone.mockRestore(); // even with a runtime again, the orphan no longer listens
    navigate(STORY);
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent).toHaveLength(1);
  });
});
