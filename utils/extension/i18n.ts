// UI strings come from public/_locales (English and Italian); components receive a Translate function as a prop
// so that they stay free of browser.* calls and can be rendered in tests with any strings.
import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;
export type Translate = (key: MessageKey, ...substitutions: (string | number)[]) => string;

export const translate: Translate = (key, ...subs) =>
  browser.i18n.getMessage(key as Parameters<typeof browser.i18n.getMessage>[0], subs.map(String)) || key;

/** The UI language for <html lang>, so screen readers and hyphenation use the right language. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage?.() || 'en';
}
