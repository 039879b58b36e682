// The background's cached extraction: the tab reads the page once (mocked here: what runExtraction gives for a page
// with quotes), the popup's text-only request gets it without quotes, and every other request, or the popup's
// `quotes` request, gets the quotes the background found in it, from the same extraction.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseHtml } from '@/bin/lib/parse-html';
import { runExtraction } from '@/utils/extension/run-extraction';
import { extractArticle } from '@/utils/extract';
import type { ExtractResult } from '@/utils/messages';

const URL = 'https://harbour.example/news/2024/03/05/tide-barrier.html';
const PAGE = `<!doctype html><html lang="en"><head><title>Harbour council approves the tide barrier</title>
<meta property="og:type" content="article"></head><body><article><h1>Harbour council approves the tide barrier</h1>
<p>The harbour council voted on Tuesday evening to approve the construction of a tide barrier across the old port,
ending a debate that has divided the town for more than a decade. The vote passed by eleven to four.</p>
<p>"This barrier will protect three thousand homes from the winter floods," said Anna Verdi, the mayor of the town,
after the vote. She added that work would begin in the spring and last two years.</p>
<p>"We are worried about the fishing boats," said Luca Bianchi, a spokesman for the fishermen's cooperative. The
cooperative had asked for a second channel for small boats, and the council promised a study of it.</p>
</article></body></html>`;

const full = extractArticle(parseHtml(PAGE, URL), URL);
const inTab = runExtraction(parseHtml(PAGE, URL), URL) as ExtractResult;
/** What the tab answers next; each call is counted. */
let answer: ExtractResult = inTab;
const readInTab = vi.fn(async (_tabId: number, _rules: unknown) => answer);
vi.mock('@/utils/extension/extract-in-tab', async (original) => ({
  ...(await original<typeof import('@/utils/extension/extract-in-tab')>()),
  readInTab: (tabId: number, rules: unknown) => readInTab(tabId, rules),
}));
const { handleMessage } = await import('@/utils/extension/start-background');

// Each test its own tab: the background's cache lives as long as the module.
let nextTab = 100;
beforeEach(() => {
  fakeBrowser.reset();
  readInTab.mockClear();
  answer = inTab;
});

const quotesOf = (r: unknown) => {
  const { article } = r as { article: { quotes: unknown; speakers: unknown } };
  return { quotes: article.quotes, speakers: article.speakers };
};

describe('the cached extraction', () => {
  it('is a fair test: the page has quotes, the tab sends none', () => {
    expect(full.quotes.length).toBe(2);
    expect(quotesOf(inTab).quotes).toEqual([]);
  });

  it('two requests at once: one extraction; the text-only one without quotes, the other with them', async () => {
    const tabId = nextTab++;
    const [text, whole] = await Promise.all([
      handleMessage({ type: 'extract', tabId, quotes: 'later' }, {}),
      handleMessage({ type: 'extract', tabId }, {}),
    ]);
    expect(readInTab).toHaveBeenCalledTimes(1);
    expect(quotesOf(text)).toEqual({ quotes: [], speakers: [] });
    expect(quotesOf(whole)).toEqual({ quotes: full.quotes, speakers: full.speakers });
  });

  it("the quotes request after a text-only request returns that article's quotes, without reading again", async () => {
    const tabId = nextTab++;
    await handleMessage({ type: 'extract', tabId, quotes: 'later' }, {});
    expect(await handleMessage({ type: 'quotes', tabId }, {})).toEqual({
      ok: true,
      quotes: full.quotes,
      speakers: full.speakers,
    });
    // The clean view opened a moment later: the same article, complete.
    expect(quotesOf(await handleMessage({ type: 'extract', tabId }, {}))).toEqual(
      quotesOf({ article: full }),
    );
    expect(readInTab).toHaveBeenCalledTimes(1);
  });

  it('a quotes request with no extraction to wait for (the page moved to another address since) says so', async () => {
    const tabId = nextTab++;
    await handleMessage({ type: 'extract', tabId, quotes: 'later' }, {});
    const report = { type: 'detected', isArticle: false, score: 0, readingMinutes: 1 } as const;
    await handleMessage(
      { ...report, url: URL.replace('tide-barrier', 'next-story') },
      { tab: { id: tabId } },
    );
    await Promise.resolve();
    expect(await handleMessage({ type: 'quotes', tabId }, {})).toMatchObject({ ok: false });
    expect(readInTab).toHaveBeenCalledTimes(1);
  });

  it("keeps an extraction of the reported address: a toolbar click can come before the page's report", async () => {
    const tabId = nextTab++;
    await handleMessage({ type: 'extract', tabId, quotes: 'later' }, {});
    const report = { type: 'detected', url: URL, isArticle: false, score: 0, readingMinutes: 1 } as const;
    await handleMessage(report, { tab: { id: tabId } });
    await Promise.resolve();
    expect(await handleMessage({ type: 'quotes', tabId }, {})).toMatchObject({ ok: true });
    expect(readInTab).toHaveBeenCalledTimes(1);
  });

  it('a failed extraction is not kept: asking again reads the tab again', async () => {
    const tabId = nextTab++;
    answer = { ok: false, reason: 'failed', error: 'boom' };
    expect(await handleMessage({ type: 'extract', tabId, quotes: 'later' }, {})).toEqual(answer);
    expect(await handleMessage({ type: 'quotes', tabId }, {})).toMatchObject({ ok: false });
    answer = inTab;
    expect(quotesOf(await handleMessage({ type: 'extract', tabId }, {}))).toEqual(
      quotesOf({ article: full }),
    );
    expect(readInTab).toHaveBeenCalledTimes(2);
  });
});
