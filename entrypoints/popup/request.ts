// The popup's first job: ask for the tab's article. Kept apart from the UI (Preact, components, settings) so that
// the request leaves as soon as this small module has run, while the UI's code loads alongside the extraction.
// It asks for the text only: the background answers once the tab has read the page, and finds the quotes after.
import { readPageTarget } from '@/utils/extension/page-params';
import { activeTabId, sendMessage } from '@/utils/extension/send-message';
import type { ExtractResult, QuotesResult } from '@/utils/messages';

// User Timing marks read by tests/bench/browser.ts (where the popup's time goes).
const EXTRACT_START_MARK = 'nitido:extract-start';
const EXTRACT_END_MARK = 'nitido:extract-end';

export interface ArticleRequest {
  tabId: number | undefined;
  result: ExtractResult | null;
}

/** Which tab (popup.html?tabId=N, else the active tab), and its extraction. */
export async function requestArticle(): Promise<ArticleRequest> {
  const target = readPageTarget(location.search);
  const tabId = target.kind === 'tab' ? target.tabId : await activeTabId();
  if (tabId === undefined) return { tabId, result: null };
  performance.mark(EXTRACT_START_MARK);
  const result = await sendMessage({ type: 'extract', tabId, quotes: 'later' }).catch(
    (err: Error): ExtractResult => ({ ok: false, reason: 'failed', error: err.message }),
  );
  performance.mark(EXTRACT_END_MARK);
  return { tabId, result };
}

/** The quotes of the article requestArticle brought, found by the background meanwhile. */
export function requestQuotes(tabId: number): Promise<QuotesResult> {
  return sendMessage({ type: 'quotes', tabId }).catch(
    (err: Error): QuotesResult => ({ ok: false, error: err.message }),
  );
}
