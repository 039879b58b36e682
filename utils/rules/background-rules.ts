// The background's side of the reader's rules: what an extraction request carries (the reader's rules and the
// restorations remembered per site), the element picker's tabs, and saving what the picker picked.
import { browser } from 'wxt/browser';
import { callInTab } from '../extension/extract-in-tab';
import { toCleanRules } from '../extension/user-rules';
import { getSettings } from '../settings';
import type { PageRequest } from './page-request';
import { addRemoveRule, getRestored } from './user-rules';

/** The context menu item on a selection: "Clean view of the selection". */
export const MENU_CLEAN_SELECTION = 'clean-selection';

export async function rulesRequest(
  kind: 'extract' | 'selection',
  exclude: string[] = [],
): Promise<PageRequest> {
  const { userRules } = await getSettings();
  return { kind, rules: toCleanRules(userRules), restored: await getRestored(), exclude };
}

/** Tabs where the background started the picker: only they may send `picked`. */
const pickerTabs = new Set<number>();

export async function startPickerIn(tabId: number): Promise<{ ok: true } | { ok: false; error: string }> {
  const called = await callInTab(tabId, { kind: 'pick' });
  if (!called.ok) return { ok: false, error: called.error };
  const raw = called.raw as { ok?: boolean; error?: unknown } | undefined;
  if (!raw?.ok) return { ok: false, error: String(raw?.error ?? 'The picker did not start.') };
  pickerTabs.add(tabId);
  return { ok: true };
}

/** Saves the picked selector for the site of the tab that sent it (taken from the sender, never the message). */
export async function pickedIn(
  sender: { tab?: { id?: number }; url?: string },
  selector: string,
): Promise<{ ok: true; site: string } | { ok: false; error: string }> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !pickerTabs.has(tabId))
    return { ok: false, error: 'No picker runs in this tab.' };
  let host = '';
  try {
    const u = new URL(sender.url ?? '');
    if (u.protocol === 'http:' || u.protocol === 'https:') host = u.hostname;
  } catch {
    /* no site: refused below */
  }
  const site = host ? await addRemoveRule(host, selector) : null;
  if (!site) return { ok: false, error: `"${selector}" cannot be saved as a rule.` };
  pickerTabs.delete(tabId);
  return { ok: true, site };
}

/** The picker's "Clean view of this part": the region is selected in the tab; open its clean view next to it. */
export async function readSelectionFor(sender: {
  tab?: { id?: number; index?: number; windowId?: number };
}): Promise<{ ok: true } | { ok: false; error: string }> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !pickerTabs.has(tabId))
    return { ok: false, error: 'No picker runs in this tab.' };
  pickerTabs.delete(tabId);
  const { index, windowId } = sender.tab ?? {};
  await browser.tabs.create({
    url: selectionReaderUrl(tabId),
    ...(index !== undefined ? { index: index + 1 } : {}),
    ...(windowId !== undefined ? { windowId } : {}),
  });
  return { ok: true };
}

/** The clean view's "remove this": the page finds the block by its text and proposes a selector for it. */
export async function locateIn(
  tabId: number,
  text: string,
): Promise<{ ok: true; selector: string; count: number } | { ok: false; error: string }> {
  const called = await callInTab(tabId, { kind: 'locate', text });
  if (!called.ok) return { ok: false, error: called.error };
  const raw = called.raw as
    | { ok?: unknown; selector?: unknown; count?: unknown; error?: unknown }
    | undefined;
  // The page's answer is checked like any message: a short string and a number, or an error.
  if (
    raw?.ok === true &&
    typeof raw.selector === 'string' &&
    raw.selector.length <= 300 &&
    typeof raw.count === 'number'
  ) {
    return { ok: true, selector: raw.selector, count: raw.count };
  }
  return { ok: false, error: String(raw?.error ?? 'The block was not found on the page.').slice(0, 300) };
}

export function forgetPickerTab(tabId: number): void {
  pickerTabs.delete(tabId);
}

export function selectionReaderUrl(tabId: number): string {
  return browser.runtime.getURL(`/reader.html?tabId=${tabId}&selection=1` as '/reader.html');
}
