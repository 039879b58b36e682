// Full extraction of a tab's article, on demand. First choice: inject the unlisted extractor with
// scripting.executeScript, which the reader's gesture (popup, shortcut, menu, toolbar) allows through activeTab.
// Without a gesture (a bookmarked popup.html?tabId=N), ask our content script in that tab to load it instead.
// The tab only reads the page; the quotes are found here, in the background, where the page is not waiting and
// the tab's script need not carry (and compile) the quote finder.
import { browser } from 'wxt/browser';
import { type CleanRule, withQuotes } from '../extract';
import { startDeadline, TIME_BUDGET_MS } from '../extract/time-budget';
import { EXTRACTOR_GLOBAL, type ExtractResult, isArticleData, type RunExtractorMessage } from '../messages';
import type { PageRequest } from '../rules/page-request';
import type { InPageResult } from './run-extraction';

/** Browser pages, the web stores, other extensions' pages…: the browser refuses to script them. */
const RESTRICTED_ERROR =
  /cannot access|cannot be scripted|extensions gallery|permission|missing host|chrome:\/\/|about:|moz-extension|chrome-extension|edge:\/\//i;
/** The tab has no content script of ours (a restricted page, or one loaded before the extension). */
const NO_RECEIVER = /receiving end does not exist|could not establish connection/i;

export function classifyInjectionError(message: string): 'restricted' | 'failed' {
  return RESTRICTED_ERROR.test(message) ? 'restricted' : 'failed';
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** What the extractor in the tab is asked to do: plain rules, or a request of the reader's rules. */
type InTabRequest = CleanRule[] | PageRequest;

async function viaScripting(tabId: number, request: Promise<InTabRequest>): Promise<unknown> {
  // The extractor's file loads in the tab while the request is still being put together (read from storage).
  const [, rules] = await Promise.all([
    browser.scripting.executeScript({ target: { tabId }, files: ['/extractor.js'] }),
    request,
  ]);
  const [first] = await browser.scripting.executeScript({
    target: { tabId },
    func: (name: string, userRules: unknown) =>
      (globalThis as unknown as Record<string, (r: unknown) => unknown>)[name](userRules),
    args: [EXTRACTOR_GLOBAL, rules],
  });
  return first?.result;
}

async function viaContentScript(tabId: number, request: Promise<InTabRequest>): Promise<unknown> {
  const message: RunExtractorMessage = { type: 'run-extractor', rules: await request };
  return browser.tabs.sendMessage(tabId, message);
}

/**
 * Calls the extractor in a tab (injected, or through our content script) and returns what it answered. The
 * request may still be on its way: the extractor is injected meanwhile.
 */
export async function callInTab(
  tabId: number,
  request: InTabRequest | Promise<InTabRequest>,
): Promise<{ ok: true; raw: unknown } | { ok: false; reason: 'restricted' | 'failed'; error: string }> {
  const rules = Promise.resolve(request);
  let raw: unknown;
  try {
    raw = await viaScripting(tabId, rules);
  } catch (err) {
    const error = errorText(err);
    if (classifyInjectionError(error) !== 'restricted') return { ok: false, reason: 'failed', error };
    try {
      raw = await viaContentScript(tabId, rules);
    } catch (relayErr) {
      // No content script either: the page is one the browser keeps from extensions.
      const relayError = errorText(relayErr);
      return NO_RECEIVER.test(relayError)
        ? { ok: false, reason: 'restricted', error }
        : { ok: false, reason: 'failed', error: relayError };
    }
  }
  return { ok: true, raw };
}

/** The tab's article as the tab read it: without its quotes (see addQuotes). */
export async function readInTab(
  tabId: number,
  rules: InTabRequest | Promise<InTabRequest> = [],
): Promise<ExtractResult> {
  const called = await callInTab(tabId, rules);
  if (!called.ok) return called;
  const result = called.raw as InPageResult | undefined;
  if (!result || typeof result !== 'object') {
    return { ok: false, reason: 'failed', error: 'The page returned nothing to read.' };
  }
  if (!result.ok) return { ok: false, reason: 'failed', error: String(result.error) };
  // The page is untrusted: what comes back is checked like any other message.
  if (!isArticleData(result.article)) {
    return { ok: false, reason: 'failed', error: 'The extracted article was malformed.' };
  }
  return { ok: true, article: result.article };
}

/** Step 7 of the pipeline on what a tab sent back, within a time budget of its own: the tab's is spent. */
export function addQuotes(result: ExtractResult): ExtractResult {
  return result.ok
    ? { ok: true, article: withQuotes(result.article, startDeadline(TIME_BUDGET_MS)) }
    : result;
}

/** A tab's article with its quotes. */
export async function extractInTab(tabId: number, rules: InTabRequest = []): Promise<ExtractResult> {
  return addQuotes(await readInTab(tabId, rules));
}
