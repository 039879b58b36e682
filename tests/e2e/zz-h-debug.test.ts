import { it } from 'vitest';
import { articlePage, launchExtension, servePages } from './helpers';
it('debug', async () => {
  const server = await servePages({ '/a.html': articlePage().replace('<p>Engineers estimate', `<div class="harbour-contest">Send us your best photo.</div><p>Engineers estimate`) });
  const b = await launchExtension();
  const { page, tabId } = await b.openTab(server.url('/a.html'));
  page.on('console', (m) => console.log('PAGE', m.text().slice(0, 300)));
  const pop = await b.context.newPage();
  await pop.goto(b.extensionUrl(`options.html`));
  const send = (m: any) => pop.evaluate(async (m) => (globalThis as any).chrome.runtime.sendMessage(m), m);
  console.log('PICK', JSON.stringify(await send({ type: 'start-picker', tabId })));
  await page.waitForSelector('#nitido-picker .bar');
  await page.click('.harbour-contest');
  await page.click('#nitido-picker button[data-action="hide"]');
  await page.waitForSelector('#nitido-picker[data-saved="true"]', { state: 'attached' });
  const res = await send({ type: 'extract', tabId, exclude: [] });
  console.log('USER', JSON.stringify(res.article?.removedBlocks?.filter((x: any) => x.rule.startsWith('user'))), JSON.stringify(res).slice(0, 200));
  await b.close(); await server.close();
}, 60000);
