// The one typed list of messages between the content script, the background and the extension pages.
// The background validates every message with the hand-written guards below before acting on it: a message is
// data from another context (a content script lives next to hostile pages), never trusted by its type alone.
import type { CleanRule } from './extract/rule';
import type { Article, Quote, Speaker } from './extract/types';
import type { PageRequest } from './rules/page-request';
import { validateRule } from './rules/validate-rule';

/** What the content script reports after detection on a page (also after single-page navigation). */
export interface DetectedMessage {
  type: 'detected';
  url: string;
  isArticle: boolean;
  score: number;
  readingMinutes: number;
}
/** A page asks the background to extract the article of a tab (on a clone of that tab's document). */
export interface ExtractMessage {
  type: 'extract';
  tabId: number;
  /**
   * What the reader restored in the clean view ("what was removed"): rule ids (all their blocks) and block keys
   * (one block each). When present (even empty), the tab is extracted afresh instead of from the background's cache.
   */
  exclude?: string[];
  /**
   * 'later': answer with the article as soon as the tab has read it, quotes and speakers still empty (the popup
   * shows the text first); the background finds the quotes of that same extraction when a `quotes` message (or any
   * request for the whole article) first asks for them.
   */
  quotes?: 'later';
}
/** The quotes of a tab's article whose text an `extract` with quotes: 'later' already brought. */
export interface QuotesMessage {
  type: 'quotes';
  tabId: number;
}
/** The options page's live preview: the tab's article extracted with exactly these reader rules (not cached). */
export interface PreviewMessage {
  type: 'preview';
  tabId: number;
  rules: CleanRule[];
}
/** A page asks for the element picker in a tab (utils/rules/picker.ts). */
export interface StartPickerMessage {
  type: 'start-picker';
  tabId: number;
}
/** The picker in a tab the background started it in: hide what this selector matches on this tab's site. */
export interface PickedMessage {
  type: 'picked';
  selector: string;
}
/** The clean view's "remove this": find the clicked block on the tab's page and name it with a selector. */
export interface LocateMessage {
  type: 'locate';
  tabId: number;
  text: string;
}
/** The picker: open the clean view of the region it selected in this tab (the manual fallback). */
export interface ReadSelectionMessage {
  type: 'read-selection';
}
/** A page asks for the clean view of what is selected in a tab (the manual fallback). */
export interface ExtractSelectionMessage {
  type: 'extract-selection';
  tabId: number;
}
/** A page asks the background to save an article to the library. */
export interface SaveMessage {
  type: 'save';
  article: Article;
  tags: string[];
}
/** A page asks the background to open the clean view of a tab in a new tab next to it. */
export interface OpenReaderMessage {
  type: 'open-reader';
  tabId: number;
}

/**
 * Background → content script: load the extractor and run it here. Used when the tab granted no activeTab (e.g.
 * `popup.html?tabId=N` opened as a page) but our content script runs in it.
 */
export interface RunExtractorMessage {
  type: 'run-extractor';
  /**
   * The reader's own rules (engine format), applied with the built-in ones; or a request of the reader's rules
   * (utils/rules/page-request.ts: extraction with restorations and removed blocks, the selection, the picker).
   */
  rules: CleanRule[] | PageRequest;
}

/** The isolated-world global through which the injected extractor is called (set by entrypoints/extractor.ts). */
export const EXTRACTOR_GLOBAL = '__nitidoExtract';

/** Messages the background receives. */
export type Message =
  | DetectedMessage
  | ExtractMessage
  | QuotesMessage
  | SaveMessage
  | OpenReaderMessage
  | PreviewMessage
  | StartPickerMessage
  | PickedMessage
  | ReadSelectionMessage
  | LocateMessage
  | ExtractSelectionMessage;

/** Why a tab could not be read: the browser forbids it (chrome://, the web store…) or the extractor failed. */
export type ExtractFailure = 'restricted' | 'failed';
export type ExtractResult =
  | { ok: true; article: Article }
  | { ok: false; reason: ExtractFailure; error: string };
export type QuotesResult = { ok: true; quotes: Quote[]; speakers: Speaker[] } | { ok: false; error: string };
/** `skippedImages`: pictures not stored for offline reading (too large, unreachable). */
export type SaveResult = { ok: true; id: string; skippedImages: number } | { ok: false; error: string };

export interface ResponseMap {
  detected: { ok: true };
  extract: ExtractResult;
  quotes: QuotesResult;
  save: SaveResult;
  'open-reader': { ok: true } | { ok: false; error: string };
  preview: ExtractResult;
  'start-picker': { ok: true } | { ok: false; error: string };
  picked: { ok: true; site: string } | { ok: false; error: string };
  'read-selection': { ok: true } | { ok: false; error: string };
  locate: { ok: true; selector: string; count: number } | { ok: false; error: string };
  'extract-selection': ExtractResult;
}
export type ResponseFor<M extends Message> = ResponseMap[M['type']];

/** Where a message may come from: content scripts run in web pages, the rest come from our own pages. */
export const MESSAGE_ORIGIN: Record<Message['type'], 'content' | 'page'> = {
  detected: 'content',
  extract: 'page',
  quotes: 'page',
  save: 'page',
  'open-reader': 'page',
  preview: 'page',
  'start-picker': 'page',
  picked: 'content',
  'read-selection': 'content',
  locate: 'page',
  'extract-selection': 'page',
};

const MAX_URL = 8192;
/**
 * An article's text or HTML is never longer than the page it came from, and the engine takes pages up to
 * LIMITS.maxBytes (12 MB; utils/extract/limits.ts): below that, a long live blog was refused as "malformed".
 * Twice that leaves room for URLs made absolute. tests/unit/security/messages.test.ts keeps the two in step.
 */
export const MAX_STRING = 24 * 1024 * 1024;

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStr = (x: unknown, max = MAX_STRING): x is string => typeof x === 'string' && x.length <= max;
const isNullableStr = (x: unknown, max = MAX_STRING) => x === null || isStr(x, max);
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isTabId = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;
const isHttpUrl = (x: unknown): x is string => isStr(x, MAX_URL) && /^https?:\/\//i.test(x);

/** Checks the Article JSON of DESIGN.md field by field (what the library and the reader rely on). */
export function isArticleData(x: unknown): x is Article {
  if (!isObj(x)) return false;
  const d = x.detection;
  return (
    isStr(x.url, MAX_URL) &&
    typeof x.isArticle === 'boolean' &&
    isObj(d) &&
    isNum(d.score) &&
    Array.isArray(d.signals) &&
    d.signals.every((s) => isStr(s, 200)) &&
    isStr(x.title, 2000) &&
    isNullableStr(x.byline, 2000) &&
    isNullableStr(x.siteName, 2000) &&
    isNullableStr(x.lang, 64) &&
    isNullableStr(x.publishedTime, 200) &&
    isNullableStr(x.excerpt, 20_000) &&
    isStr(x.text) &&
    isStr(x.html) &&
    isNum(x.wordCount) &&
    isNum(x.readingMinutes) &&
    Array.isArray(x.quotes) &&
    x.quotes.every(
      (q) =>
        isObj(q) &&
        isStr(q.text, 20_000) &&
        isNullableStr(q.speaker, 500) &&
        isNullableStr(q.role, 500) &&
        isNum(q.paragraph) &&
        isNum(q.confidence),
    ) &&
    Array.isArray(x.speakers) &&
    x.speakers.every(
      (s) => isObj(s) && isStr(s.name, 500) && isNullableStr(s.role, 500) && isNum(s.quotes),
    ) &&
    Array.isArray(x.removed) &&
    x.removed.every((r) => isObj(r) && isStr(r.rule, 200) && isNum(r.count))
  );
}

/** Returns the message when it is one of ours and well formed, otherwise null. */
export function parseMessage(x: unknown): Message | null {
  if (!isObj(x) || typeof x.type !== 'string') return null;
  switch (x.type) {
    case 'detected':
      return isHttpUrl(x.url) &&
        typeof x.isArticle === 'boolean' &&
        isNum(x.score) &&
        isNum(x.readingMinutes) &&
        x.readingMinutes >= 0
        ? {
            type: 'detected',
            url: x.url,
            isArticle: x.isArticle,
            score: x.score,
            readingMinutes: x.readingMinutes,
          }
        : null;
    case 'extract': {
      if (!isTabId(x.tabId) || (x.quotes !== undefined && x.quotes !== 'later')) return null;
      const quotes = x.quotes === 'later' ? { quotes: 'later' as const } : {};
      if (x.exclude === undefined) return { type: 'extract', tabId: x.tabId, ...quotes };
      const ex = x.exclude;
      return Array.isArray(ex) && ex.length <= 500 && ex.every((id) => isStr(id, 220))
        ? { type: 'extract', tabId: x.tabId, exclude: ex as string[], ...quotes }
        : null;
    }
    case 'quotes':
      return isTabId(x.tabId) ? { type: 'quotes', tabId: x.tabId } : null;
    case 'preview': {
      if (!isTabId(x.tabId) || !Array.isArray(x.rules) || x.rules.length > 500) return null;
      // Rebuilt from known fields by the reader rules' validator (shape only here: the page checks selectors).
      const rules: CleanRule[] = [];
      for (const r of x.rules) {
        const res = validateRule(r);
        if (!res.ok) return null;
        rules.push(res.rule);
      }
      return { type: 'preview', tabId: x.tabId, rules };
    }
    case 'start-picker':
      return isTabId(x.tabId) ? { type: 'start-picker', tabId: x.tabId } : null;
    case 'extract-selection':
      return isTabId(x.tabId) ? { type: 'extract-selection', tabId: x.tabId } : null;
    case 'read-selection':
      return { type: 'read-selection' };
    case 'locate':
      return isTabId(x.tabId) && isStr(x.text, 5000) && x.text.trim()
        ? { type: 'locate', tabId: x.tabId, text: x.text }
        : null;
    case 'picked':
      return isStr(x.selector, 300) && x.selector.trim()
        ? { type: 'picked', selector: x.selector.trim() }
        : null;
    case 'open-reader':
      return isTabId(x.tabId) ? { type: 'open-reader', tabId: x.tabId } : null;
    case 'save': {
      const tags = x.tags ?? [];
      return isArticleData(x.article) && Array.isArray(tags) && tags.every((t) => isStr(t, 100))
        ? { type: 'save', article: x.article, tags: tags as string[] }
        : null;
    }
    default:
      return null;
  }
}

/** The content script's guard: only our own background may ask it to extract. */
export function isRunExtractor(x: unknown, sender: { id?: string } | undefined, runtimeId: string): boolean {
  return (
    isObj(x) &&
    x.type === 'run-extractor' &&
    !!sender &&
    sender.id === runtimeId &&
    !('tab' in sender && sender.tab)
  );
}

/** The parts of a runtime.MessageSender the background looks at. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/**
 * Accepts only our own extension (sender.id), content messages only from a tab, page messages only from our own
 * extension pages (extensionOrigin is e.g. "chrome-extension://<id>/").
 */
export function senderAllowed(
  message: Message,
  sender: SenderInfo,
  runtimeId: string,
  extensionOrigin: string,
): boolean {
  if (!sender || sender.id !== runtimeId) return false;
  if (MESSAGE_ORIGIN[message.type] === 'content') return typeof sender.tab?.id === 'number';
  return typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}
