// Screenshots of the popup and the clean view, light and dark, for the README (docs/*.png).
// Run after a build: NITIDO_OUT_DIR=.output-x npx tsx tests/e2e/make-screenshots.ts
import path from 'node:path';
import { articlePage, launchExtension, servePages } from './helpers';

declare const chrome: { storage: { local: { set(items: object): Promise<void> } } };

const ARTICLE = '/news/2024/03/05/harbour-council-approves-tide-barrier.html';
// A picture we draw ourselves, so the figure and its caption show in the clean view.
const PICTURE = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="600" viewBox="0 0 1200 600">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#9cc7e8"/><stop offset="1" stop-color="#e8f1f8"/></linearGradient></defs>
<rect width="1200" height="600" fill="url(#sky)"/><rect y="380" width="1200" height="220" fill="#3f7397"/>
<rect x="80" y="330" width="1040" height="60" fill="#6b6f76"/><rect x="560" y="250" width="80" height="140" fill="#4b4f56"/>
<path d="M0 420 Q150 400 300 420 T600 420 T900 420 T1200 420" stroke="#d7e8f3" stroke-width="6" fill="none"/></svg>`;

const page = articlePage().replace(
  '<p>Engineers estimate',
  `<figure><img src="/harbour.svg" alt="The old port at high tide" width="1200" height="600">
<figcaption>The old port at high tide. The barrier will close the channel between the two piers.</figcaption></figure>
<p>Engineers estimate`,
);

const server = await servePages({ [ARTICLE]: page, '/harbour.svg': PICTURE });
const b = await launchExtension();
const { tabId } = await b.openTab(server.url(ARTICLE));
const docs = path.resolve('docs');
const setTheme = (theme: string) =>
  b.sw.evaluate(
    (t) =>
      chrome.storage.local.set({
        settings: {
          detection: true,
          excludedSites: [],
          toolbarOpensCleanView: false,
          reader: { theme: t, font: 'serif', size: 19, width: 66 },
        },
      }),
    theme,
  );

for (const theme of ['light', 'dark']) {
  await setTheme(theme);
  const popup = await b.context.newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(b.extensionUrl(`popup.html?tabId=${tabId}`));
  await popup.getByRole('region', { name: 'Clean text' }).waitFor();
  // The quotes come right after the text: the screenshot shows them, not "Finding quotes…".
  await popup.locator('section.quotes:not([aria-busy])').waitFor();
  await popup.screenshot({ path: path.join(docs, `popup-${theme}.png`) });
  await popup.close();

  const reader = await b.context.newPage();
  await reader.setViewportSize({ width: 1280, height: 860 });
  await reader.goto(b.extensionUrl(`reader.html?tabId=${tabId}`));
  await reader.locator('.article-body img').waitFor();
  await reader.waitForFunction(() => [...document.images].every((i) => i.complete));
  await reader.screenshot({ path: path.join(docs, `clean-view-${theme}.png`) });
  await reader.close();
}
await setTheme('system');
await b.close();
await server.close();
if (b.errors.length) console.error(b.errors.join('\n'));
console.log(`screenshots written to ${docs}`);
