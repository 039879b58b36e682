// The one typed list of messages between the content script, the background and the extension pages.
// The background validates every message with the hand-written guards below before acting on it: a message is
// data from another context (a content script lives next to hostile pages), never trusted by its type alone.
import type { CleanRule } from './extract/rule';
import type { Article } from './extract/types';

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
  /** The reader's own rules (engine format), applied with the built-in ones. */
  rules: CleanRule[];
}

/** The isolated-world global through which the injected extractor is called (set by entrypoints/extractor.ts). */
export const EXTRACTOR_GLOBAL = '__nitidoExtract';

/** Messages the background receives. */
export type Message = DetectedMessage | ExtractMessage | SaveMessage | OpenReaderMessage;

/** Why a tab could not be read: the browser forbids it (chrome://, the web store…) or the extractor failed. */
export type ExtractFailure = 'restricted' | 'failed';
export type ExtractResult =
  | { ok: true; article: Article }
  | { ok: false; reason: ExtractFailure; error: string };
export type SaveResult = { ok: true; id: string } | { ok: false; error: string };

export interface ResponseMap {
  detected: { ok: true };
  extract: ExtractResult;
  save: SaveResult;
  'open-reader': { ok: true } | { ok: false; error: string };
}
export type ResponseFor<M extends Message> = ResponseMap[M['type']];

/** Where a message may come from: content scripts run in web pages, the rest come from our own pages. */
export const MESSAGE_ORIGIN: Record<Message['type'], 'content' | 'page'> = {
  detected: 'content',
  extract: 'page',
  save: 'page',
  'open-reader': 'page',
};

const MAX_URL = 8192;
const MAX_STRING = 5_000_000;

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
    case 'extract':
      return isTabId(x.tabId) ? { type: 'extract', tabId: x.tabId } : null;
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
