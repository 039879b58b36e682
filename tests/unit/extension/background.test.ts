// The background's wiring with WXT's fake browser: message routing (validated, sender-checked), the badge, and
// the three ways into the clean view (context menu, keyboard command, toolbar button) plus the toolbar option.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage, readerUrl, startBackground } from '@/utils/extension/start-background';
import { updateSettings } from '@/utils/settings';

type Listener = (...args: never[]) => unknown;
const captured: Record<string, Listener> = {};
const capture = (name: string) => (fn: Listener) => {
  captured[name] = fn;
};
let setPopup: ReturnType<typeof vi.fn>;
let menuCreate: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => `msg:${key}`);
  setPopup = vi.fn(async () => {});
  Object.assign(fakeBrowser.action, { setPopup });
  menuCreate = vi.fn();
  // The fake browser has no context menus; these stubs record what the background registers.
  Object.assign(fakeBrowser, {
    contextMenus: { create: menuCreate, onClicked: { addListener: capture('menu') } },
  });
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(capture('command') as never);
});
afterEach(() => vi.restoreAllMocks());

const tick = () => new Promise((r) => setTimeout(r, 20));
const readerTabs = async () =>
  (await fakeBrowser.tabs.query({})).map((t) => t.url).filter((u) => u?.includes('/reader.html'));

describe('handleMessage', () => {
  it('sets the badge of the sending tab from a detection report', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example/a' });
    const message = {
      type: 'detected',
      url: 'https://news.example/a',
      isArticle: true,
      score: 5,
      readingMinutes: 4,
    };
    await handleMessage(message as never, { tab: { id: tab.id } });
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id })).toBe('4m');
    expect(await fakeBrowser.action.getTitle({ tabId: tab.id })).toBe('msg:badgeTitleArticle');
    await handleMessage({ ...message, isArticle: false } as never, { tab: { id: tab.id } });
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id })).toBe('');
  });

  it('opens the clean view of a tab right after it', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example/a' });
    expect(await handleMessage({ type: 'open-reader', tabId: tab.id! }, {})).toEqual({ ok: true });
    expect(await readerTabs()).toEqual([readerUrl({ tabId: tab.id! })]);
    expect(readerUrl({ tabId: tab.id! })).toMatch(/\/reader\.html\?tabId=\d+$/);
    expect(readerUrl({ id: 'a b' })).toMatch(/\/reader\.html\?id=a%20b$/);
  });

  it('reports a save failure as an error message, not a crash', async () => {
    const res = await handleMessage({ type: 'save', article: {} as never, tags: [] }, {});
    expect(res).toMatchObject({ ok: false });
    expect(typeof (res as { error: string }).error).toBe('string');
  });
});

describe('save', () => {
  it('says a full disk plainly, and counts the pictures left out of a save', async () => {
    const library = await import('@/utils/library');
    const spy = vi.spyOn(library, 'saveArticle');
    spy.mockRejectedValueOnce(new library.LibraryError('storage-full', 'QuotaExceededError: quota exceeded'));
    expect(await handleMessage({ type: 'save', article: {} as never, tags: [] }, {})).toEqual({
      ok: false,
      error: 'msg:libraryErrorStorageFull',
    });
    spy.mockResolvedValueOnce({ id: 'a1', images: { stored: 1, skipped: [{}, {}] } } as never);
    expect(await handleMessage({ type: 'save', article: {} as never, tags: [] }, {})).toEqual({
      ok: true,
      id: 'a1',
      skippedImages: 2,
    });
  });
});

describe('startBackground', () => {
  it('routes only valid messages from our own extension', async () => {
    startBackground();
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example/a' });
    const report = {
      type: 'detected',
      url: 'https://news.example/a',
      isArticle: true,
      score: 5,
      readingMinutes: 2,
    };
    const own = { id: fakeBrowser.runtime.id, tab, url: 'https://news.example/a' };
    await fakeBrowser.runtime.onMessage.trigger({ ...report, readingMinutes: 'two' }, own);
    await fakeBrowser.runtime.onMessage.trigger(report, { ...own, id: 'another-extension' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id })).toBe('');
    await fakeBrowser.runtime.onMessage.trigger(report, own);
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id })).toBe('2m');
    // A web page's content script may not ask to open tabs.
    await fakeBrowser.runtime.onMessage.trigger({ type: 'open-reader', tabId: tab.id }, own);
    expect(await readerTabs()).toEqual([]);
  });

  it('adds the context menu item on install, and it opens the clean view', async () => {
    startBackground();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    expect(menuCreate).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'open-clean-view', title: 'msg:menuOpenCleanView', contexts: ['page'] }),
    );
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example/a' });
    captured.menu({ menuItemId: 'open-clean-view' } as never, tab as never);
    await tick();
    expect(await readerTabs()).toEqual([readerUrl({ tabId: tab.id! })]);
  });

  it('opens the clean view of the current tab on the keyboard command', async () => {
    startBackground();
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example/a' });
    await captured.command('open-clean-view' as never, tab as never);
    await captured.command('something-else' as never, tab as never);
    expect(await readerTabs()).toEqual([readerUrl({ tabId: tab.id! })]);
  });

  it('lets the toolbar button open the clean view when the reader chose it', async () => {
    const openPopup = vi.fn(async () => {});
    Object.assign(fakeBrowser.action, { openPopup });
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
    startBackground();
    await tick();
    // MV3: the button has no popup of its own, so that a click reaches the background first.
    expect(setPopup).toHaveBeenLastCalledWith({ popup: '' });
    await updateSettings({ toolbarOpensCleanView: true });
    await tick();
    expect(setPopup).toHaveBeenLastCalledWith({ popup: '' });
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example/a' });
    await fakeBrowser.action.onClicked.trigger(tab as never, undefined as never);
    await tick();
    expect(await readerTabs()).toEqual([readerUrl({ tabId: tab.id! })]);
    expect(openPopup).not.toHaveBeenCalled();
    // The clean view reads the article too: the click started it.
    expect(inject.mock.calls[0][0]).toMatchObject({ target: { tabId: tab.id }, files: ['/extractor.js'] });
  });

  it("starts reading the tab's article on a click, then opens the popup for that tab", async () => {
    const order: string[] = [];
    const openPopup = vi.fn(async () => {
      order.push('openPopup');
    });
    Object.assign(fakeBrowser.action, { openPopup });
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(async () => {
      order.push('executeScript');
      return [{ frameId: 0, result: { ok: false, error: 'not read in this test' } }] as never;
    });
    startBackground();
    await tick();
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example/a', windowId: 7 } as never);
    await fakeBrowser.action.onClicked.trigger(tab as never, undefined as never);
    await tick();
    expect(order[0]).toBe('executeScript');
    expect(order).toContain('openPopup');
    expect(inject.mock.calls[0][0]).toMatchObject({ target: { tabId: tab.id }, files: ['/extractor.js'] });
    expect(openPopup).toHaveBeenCalledWith({ windowId: tab.windowId });
    // The popup opened for this tab (popup.html?tabId=N); the button then has no popup again, on that tab too.
    expect(setPopup).toHaveBeenCalledWith({ tabId: tab.id, popup: `popup.html?tabId=${tab.id}` });
    expect(setPopup).toHaveBeenLastCalledWith({ tabId: tab.id, popup: '' });
    expect(await readerTabs()).toEqual([]);
  });

  // Last of its kind: the refusal is remembered for the rest of the worker's life.
  it('gives the clean view when the browser refuses to open the popup, and the button its popup back', async () => {
    Object.assign(fakeBrowser.action, {
      openPopup: vi.fn(async () => {
        throw new Error('Extension does not have permission to open the popup.');
      }),
    });
    startBackground();
    await tick();
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example/a' });
    await fakeBrowser.action.onClicked.trigger(tab as never, undefined as never);
    await tick();
    expect(await readerTabs()).toEqual([readerUrl({ tabId: tab.id! })]);
    expect(setPopup).toHaveBeenCalledWith({ tabId: tab.id, popup: 'popup.html' });
    expect(setPopup).toHaveBeenLastCalledWith({ popup: 'popup.html' });
    // From then on the button works as in Firefox's build: its own popup, or none with the clean-view option.
    await updateSettings({ toolbarOpensCleanView: true });
    await tick();
    expect(setPopup).toHaveBeenLastCalledWith({ popup: '' });
    await updateSettings({ toolbarOpensCleanView: false });
    await tick();
    expect(setPopup).toHaveBeenLastCalledWith({ popup: 'popup.html' });
  });
});

describe('ArticleCache', () => {
  it('keeps the last three tabs, most recently used last, and drops on request', async () => {
    const { ArticleCache } = await import('@/utils/extension/article-cache');
    const cache = new ArticleCache(3);
    const a = (title: string) => ({ title }) as never;
    cache.set(1, a('one'));
    cache.set(2, a('two'));
    cache.set(3, a('three'));
    expect(cache.get(1)).toEqual({ title: 'one' });
    cache.set(4, a('four'));
    expect(cache.get(2)).toBeUndefined();
    expect(cache.get(1)).toEqual({ title: 'one' });
    cache.drop(1);
    expect(cache.get(1)).toBeUndefined();
    expect(cache.get(3)).toEqual({ title: 'three' });
  });
});

describe('toCleanRules', () => {
  it("turns the settings' entries into engine rules for their sites", async () => {
    const { toCleanRules } = await import('@/utils/extension/user-rules');
    expect(
      toCleanRules([
        { site: 'example.org', remove: ['.promo', '#related'] },
        { site: 'example.org', remove: ['.more'] },
      ]),
    ).toEqual([
      {
        id: 'user:example.org',
        why: 'Your own rule, from the options page',
        sites: ['example.org'],
        remove: ['.promo', '#related'],
      },
      {
        id: 'user:example.org#2',
        why: 'Your own rule, from the options page',
        sites: ['example.org'],
        remove: ['.more'],
      },
    ]);
  });
});
