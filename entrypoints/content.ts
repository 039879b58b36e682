import { browser } from 'wxt/browser';
import { detectPage } from '@/utils/extension/detect-page';
import {
  type DetectedMessage,
  EXTRACTOR_GLOBAL,
  isRunExtractor,
  type RunExtractorMessage,
} from '@/utils/messages';
import { detectionAllowed, readSettingsLight } from '@/utils/settings';

/** Single-page sites change the URL before the new article is in the DOM: look again once it has settled. */
const SETTLE_MS = [400, 1500];

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // WXT would otherwise window.postMessage a "content script started" note, with our extension id, to every page.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // On demand only: the full extractor is a separate file, loaded into this isolated world when asked.
    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      if (!isRunExtractor(message, sender, browser.runtime.id)) return undefined;
      const url = browser.runtime.getURL('/extractor.js');
      const { rules } = message as RunExtractorMessage;
      return import(/* @vite-ignore */ url).then(() =>
        (globalThis as unknown as Record<string, (r: unknown) => unknown>)[EXTRACTOR_GLOBAL](rules),
      );
    });

    let generation = 0;
    const report = async () => {
      const url = location.href;
      // Without readable settings (the extension was just updated or removed), stay silent on this page.
      const settings = await readSettingsLight().catch(() => null);
      if (!settings || !detectionAllowed(settings, url)) return;
      const message: DetectedMessage = detectPage(document, url);
      // One line for whoever debugs a page (pages cannot read the console, so this tells them nothing);
      // the Firefox end-to-end test also watches for it, since it cannot see the toolbar badge.
      if (message.isArticle) console.debug(`Nitido: article detected (${message.readingMinutes} min)`);
      await browser.runtime.sendMessage(message).catch(() => {
        // The background may be restarting (extension reloaded); the next navigation reports again.
      });
    };
    void report();
    const onNavigate = () => {
      const mine = ++generation;
      for (const delay of SETTLE_MS) {
        ctx.setTimeout(() => {
          if (mine === generation) void report();
        }, delay);
      }
    };
    // WXT's context notices URL changes made with history.pushState/replaceState (which the isolated world
    // cannot hook); popstate covers back/forward.
    ctx.addEventListener(window, 'wxt:locationchange', onNavigate);
    ctx.addEventListener(window, 'popstate', onNavigate);
  },
});
