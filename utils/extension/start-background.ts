// Everything the background does, wired in one place: message routing (validated), the badge, the context menu,
// the keyboard shortcut and the toolbar button. The entrypoint only calls startBackground().
import { browser } from 'wxt/browser';
import { LibraryError, saveArticle } from '../library';
import {
  type DetectedMessage,
  type ExtractResult,
  type Message,
  parseMessage,
  type QuotesResult,
  type ResponseMap,
  type SaveResult,
  senderAllowed,
} from '../messages';
import {
  forgetPickerTab,
  locateIn,
  MENU_CLEAN_SELECTION,
  pickedIn,
  readSelectionFor,
  rulesRequest,
  selectionReaderUrl,
  startPickerIn,
} from '../rules/background-rules';
import { watchRestored } from '../rules/user-rules';
import { getSettings, type Settings, watchSettings } from '../settings';
import { ArticleCache, type CachedExtraction } from './article-cache';
import { COMMAND_OPEN_CLEAN_VIEW, MENU_OPEN_CLEAN_VIEW } from './commands';
import { badgeTextFor } from './detect-page';
import { addQuotes, extractInTab, readInTab } from './extract-in-tab';

const BADGE_COLOR = '#1f5f8b';
const articles = new ArticleCache<CachedExtraction>();

/** The tab's extraction, cached (perhaps still running) or started now: its text first, then its quotes. */
function extraction(tabId: number): CachedExtraction {
  const cached = articles.get(tabId);
  if (cached) return cached;
  // The reader's rules, restorations remembered per site, and the removed blocks for "what was removed".
  const text = readInTab(tabId, rulesRequest('extract'));
  let full: Promise<ExtractResult> | undefined;
  const entry: CachedExtraction = {
    text,
    // Found when first asked for: by the clean view at once, by the popup once its text is painted (found while
    // the popup renders, the quotes would take the CPU from it).
    full: () => {
      full ??= text.then(addQuotes);
      return full;
    },
  };
  articles.set(tabId, entry);
  // A failure is not kept: asking again tries again.
  const forget = () => articles.dropIf(tabId, entry);
  void text.then((result) => {
    if (!result.ok) forget();
  }, forget);
  return entry;
}

/**
 * A detection report follows every load and every in-page navigation. An extraction of another address is stale.
 * One of the reported address is of this same document (a load drops the tab's extraction when it starts, see
 * tabs.onUpdated), made when a toolbar click came before the report: it is kept for the popup that click opened.
 */
function forgetIfMoved(tabId: number, url: string): void {
  const entry = articles.get(tabId);
  if (!entry) return;
  const forget = () => articles.dropIf(tabId, entry);
  void entry.text.then((result) => {
    if (!result.ok || result.article.url !== url) forget();
  }, forget);
}

/** The quotes of the article whose text a request with quotes: 'later' brought (the popup's second request). */
async function quotesOf(tabId: number): Promise<QuotesResult> {
  const cached = articles.get(tabId);
  // Nothing pending: the tab loaded or navigated since, and its new article is not the one the asker shows.
  if (!cached) return { ok: false, error: 'The article of this tab is no longer in memory.' };
  const result = await cached.full();
  return result.ok
    ? { ok: true, quotes: result.article.quotes, speakers: result.article.speakers }
    : { ok: false, error: result.error };
}

/** MV3 has `action`; Firefox's MV2 build has `browserAction` with the same methods. */
function toolbar() {
  return (browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction)!;
}

export function readerUrl(query: { tabId: number } | { id: string }): string {
  const q = 'tabId' in query ? `tabId=${query.tabId}` : `id=${encodeURIComponent(query.id)}`;
  return browser.runtime.getURL(`/reader.html?${q}` as '/reader.html');
}

export async function openReader(tabId: number): Promise<void> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  await browser.tabs.create({
    url: readerUrl({ tabId }),
    ...(tab ? { index: tab.index + 1, windowId: tab.windowId } : {}),
  });
}

async function setBadge(tabId: number, message: DetectedMessage): Promise<void> {
  const text = badgeTextFor(message);
  const bar = toolbar();
  await bar.setBadgeText({ tabId, text });
  if (text) {
    await bar.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
    await bar.setTitle({
      tabId,
      title: browser.i18n.getMessage('badgeTitleArticle', [String(Math.max(1, message.readingMinutes))]),
    });
  }
}

async function save(message: Extract<Message, { type: 'save' }>): Promise<SaveResult> {
  try {
    const saved = await saveArticle(message.article, { tags: message.tags });
    return { ok: true, id: saved.id, skippedImages: saved.images?.skipped.length ?? 0 };
  } catch (err) {
    // A full disk is the reader's to fix: say it plainly (nothing already saved was touched).
    if (err instanceof LibraryError && err.code === 'storage-full')
      return { ok: false, error: browser.i18n.getMessage('libraryErrorStorageFull') };
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

export async function handleMessage(
  message: Message,
  sender: { tab?: { id?: number; index?: number; windowId?: number }; url?: string },
): Promise<ResponseMap[Message['type']]> {
  switch (message.type) {
    case 'detected':
      forgetIfMoved(sender.tab!.id!, message.url);
      await setBadge(sender.tab!.id!, message);
      return { ok: true };
    case 'extract':
      // Restorations from the clean view: extracted afresh, not cached (the cache holds the article as ruled).
      if (message.exclude) return extractInTab(message.tabId, await rulesRequest('extract', message.exclude));
      return message.quotes === 'later' ? extraction(message.tabId).text : extraction(message.tabId).full();
    case 'quotes':
      return quotesOf(message.tabId);
    case 'preview':
      return extractInTab(message.tabId, {
        kind: 'extract',
        rules: message.rules,
        restored: {},
        exclude: [],
      });
    case 'extract-selection':
      return extractInTab(message.tabId, await rulesRequest('selection'));
    case 'start-picker':
      return startPickerIn(message.tabId);
    case 'picked':
      return pickedIn(sender, message.selector);
    case 'read-selection':
      return readSelectionFor(sender);
    case 'locate':
      return locateIn(message.tabId, message.text);
    case 'save':
      return save(message);
    case 'open-reader':
      try {
        await openReader(message.tabId);
        return { ok: true };
      } catch (err) {
        return { ok: false, error: err instanceof Error ? err.message : String(err) };
      }
  }
}

/**
 * MV3's toolbar button can open its popup itself (action.openPopup, Chrome 127+). There the button has no popup
 * of its own: a click comes here first, and the tab starts reading the article while the browser opens the popup,
 * instead of after the popup has loaded and asked (see onToolbarClicked). Firefox's MV2 build keeps its
 * browserAction popup and comes here only with the clean-view option.
 */
let popupFromClick = typeof browser.action?.openPopup === 'function';

/** The popup the toolbar button opens by itself: none when a click is to come to onToolbarClicked. */
const buttonPopup = (opensCleanView: boolean) => (opensCleanView || popupFromClick ? '' : 'popup.html');

/** With the option on, the toolbar button opens the clean view; otherwise it shows the popup. */
async function applyToolbarMode(settings: Settings): Promise<void> {
  await toolbar().setPopup({ popup: buttonPopup(settings.toolbarOpensCleanView) });
}

/**
 * A click on the toolbar button (or its shortcut) when the button has no popup of its own: the clean view, or
 * the popup. Either one reads the tab's article, so the extraction starts first, and the page opened finds it in
 * the cache, still running or done.
 */
export async function onToolbarClicked(tab: { id?: number; windowId?: number }): Promise<void> {
  const tabId = tab.id;
  if (tabId === undefined) return;
  // The click grants activeTab: the extractor can be injected now, while the browser builds the popup or tab.
  void extraction(tabId);
  // Where the button keeps a popup of its own (Firefox's MV2 build, or a browser that refused openPopup), a click
  // comes here only with the clean-view option on: no need to read it.
  if (!popupFromClick) return openReader(tabId);
  const opensCleanView = await getSettings().then(
    (s) => s.toolbarOpensCleanView,
    () => false,
  );
  if (opensCleanView) return openReader(tabId);
  const action = browser.action;
  let opened = false;
  try {
    // For this tab, and only while it opens: the next click comes here again.
    await action.setPopup({ tabId, popup: `popup.html?tabId=${tabId}` });
    await action.openPopup(tab.windowId === undefined ? undefined : { windowId: tab.windowId });
    opened = true;
  } catch {
    // A browser that refuses (Chrome before 127 let only policy-installed extensions open their popup): from
    // now on the button opens its popup itself, and this click gets the article in the clean view.
    popupFromClick = false;
  }
  // The clean-view option is off here: the button's popup is its own one, or none.
  await action.setPopup({ tabId, popup: buttonPopup(false) }).catch(() => {});
  if (!opened) {
    await action.setPopup({ popup: buttonPopup(false) });
    await openReader(tabId);
  }
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function startBackground(): void {
  const extensionOrigin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    const message = parseMessage(raw);
    if (!message || !senderAllowed(message, sender, browser.runtime.id, extensionOrigin)) return undefined;
    return handleMessage(message, sender);
  });

  // Status and removal events need no `tabs` permission (only URLs and titles do).
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'loading') return;
    articles.drop(tabId);
    forgetPickerTab(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    articles.drop(tabId);
    forgetPickerTab(tabId);
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: MENU_OPEN_CLEAN_VIEW,
      title: browser.i18n.getMessage('menuOpenCleanView'),
      contexts: ['page'],
      documentUrlPatterns: ['http://*/*', 'https://*/*'],
    });
    // The manual fallback: the clean view of what the reader selected, when detection or extraction got it wrong.
    browser.contextMenus.create({
      id: MENU_CLEAN_SELECTION,
      title: browser.i18n.getMessage('menuCleanSelection'),
      contexts: ['selection'],
      documentUrlPatterns: ['http://*/*', 'https://*/*'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_OPEN_CLEAN_VIEW && tab?.id !== undefined) void openReader(tab.id);
    if (info.menuItemId === MENU_CLEAN_SELECTION && tab?.id !== undefined) {
      void browser.tabs.create({
        url: selectionReaderUrl(tab.id),
        index: tab.index + 1,
        windowId: tab.windowId,
      });
    }
  });
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== COMMAND_OPEN_CLEAN_VIEW) return;
    const tabId = tab?.id ?? (await activeTabId());
    if (tabId !== undefined) await openReader(tabId);
  });
  toolbar().onClicked.addListener((tab) => void onToolbarClicked(tab));
  // The end-to-end tests and the bench cannot click the browser's toolbar: they call the same handler from here.
  (globalThis as { nitidoToolbarClicked?: typeof onToolbarClicked }).nitidoToolbarClicked = onToolbarClicked;

  void getSettings().then(applyToolbarMode);
  watchSettings((settings) => {
    // New rules may change any article: extract afresh.
    articles.clear();
    void applyToolbarMode(settings);
  });
  watchRestored(() => articles.clear());
}
