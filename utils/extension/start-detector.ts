// What the content script does on every http(s) page: report the cheap detection to the background, look again
// when a single-page site changes its address, and load the full extractor when our background asks. Plain
// listeners and timers of the isolated world: nothing is dispatched on, added to or changed in the page, and
// nothing the page sends can stop it (WXT's content-script context did both; see entrypoints/detector.ts).
import { browser } from 'wxt/browser';
import { detectQuickly } from '../extract/detect-article';
import { EXTRACTOR_GLOBAL, isRunExtractor, type RunExtractorMessage } from '../messages';
import { detectionAllowed, readSettingsLight } from '../settings';
import { detectedMessage } from './detect-page';
import { watchLocation } from './watch-location';

/** Single-page sites change the URL before the new article is in the DOM: look again once it has settled. */
const SETTLE_MS = [400, 1500];

/** The extension was updated or removed: this copy of the script is an orphan, and its runtime is gone. */
const orphaned = () => !browser.runtime?.id;

/** The page's next idle moment (a timer where there is no idle callback), at most a second away. */
function whenIdle(win: Window): Promise<void> {
  return new Promise((resolve) => {
    if (typeof win.requestIdleCallback === 'function')
      win.requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    else win.setTimeout(resolve, 0);
  });
}
const IDLE_TIMEOUT_MS = 1000;

async function report(win: Window, doc: Document, url: string): Promise<void> {
  // Without readable settings (the extension was just updated or removed), stay silent on this page.
  const settings = await readSettingsLight().catch(() => null);
  if (!settings || !detectionAllowed(settings, url)) return;
  // Detection is not urgent: it waits for the page's idle moment, after the frames and tasks that follow its load,
  // so that it neither delays them nor competes with them for the CPU. (A scratch A/B on the 2-core bench machine
  // suggested a lower p95; the full bench did not confirm it, see docs/extension.md.)
  await whenIdle(win);
  let started = performance.now();
  const found = detectQuickly(doc, url);
  // Only in the bench's own build (WXT_DETECTION_TIMING=1; production builds drop the lines): detection's time
  // and the reading time's, as the reader pays them in this isolated world, which the bench reads from the console.
  if (import.meta.env.WXT_DETECTION_TIMING)
    console.debug(
      `Nitido: detection took ${(performance.now() - started).toFixed(3)} ms${found.detection.isArticle ? ', an article' : ''}`,
    );
  // An article's badge shows its reading time, which reads the article's paragraphs: a task of its own, in the
  // page's next idle moment after detection's, so that detection's task on the page stays short.
  if (found.detection.isArticle) await whenIdle(win);
  started = performance.now();
  const message = detectedMessage(url, found);
  if (import.meta.env.WXT_DETECTION_TIMING && message.isArticle)
    console.debug(`Nitido: reading time took ${(performance.now() - started).toFixed(3)} ms`);
  // One line for whoever debugs a page (pages cannot read the console, so this tells them nothing);
  // the Firefox end-to-end test also watches for it, since it cannot see the toolbar badge.
  if (message.isArticle) console.debug(`Nitido: article detected (${message.readingMinutes} min)`);
  await browser.runtime.sendMessage(message).catch(() => {
    // The background may be restarting (extension reloaded); the next navigation reports again.
  });
}

/** On demand only: the full extractor is a separate file, loaded into this isolated world when asked. */
function relayExtractor(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isRunExtractor(message, sender, browser.runtime.id)) return undefined;
    const url = browser.runtime.getURL('/extractor.js');
    const { rules } = message as RunExtractorMessage;
    return import(/* @vite-ignore */ url).then(() =>
      (globalThis as unknown as Record<string, (r: unknown) => unknown>)[EXTRACTOR_GLOBAL](rules),
    );
  });
}

export function startDetector(win: Window = window): void {
  relayExtractor();
  const read = () => void report(win, win.document, win.location.href);
  read();
  let generation = 0;
  const stop = watchLocation(win, () => {
    if (orphaned()) return stop();
    const mine = ++generation;
    for (const delay of SETTLE_MS) {
      win.setTimeout(() => {
        if (mine === generation) read();
      }, delay);
    }
  });
}
