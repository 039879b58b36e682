// Typed sending of the messages in utils/messages.ts from the extension pages.
import { browser } from 'wxt/browser';
import type { Message, ResponseFor } from '../messages';

export function sendMessage<M extends Message>(message: M): Promise<ResponseFor<M>> {
  return browser.runtime.sendMessage(message) as Promise<ResponseFor<M>>;
}

/** The tab the popup belongs to when no ?tabId= is given. */
export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Applies the reader's theme to an extension page (<html data-theme>; "system" follows prefers-color-scheme). */
export function applyTheme(doc: Document, theme: string): void {
  doc.documentElement.dataset.theme = theme;
}
