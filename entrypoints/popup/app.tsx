import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type Notice, Popup, type PopupState } from '@/components/Popup';
import type { QuotesPending } from '@/components/QuoteSummary';
import { translate as t, uiLanguage } from '@/utils/extension/i18n';
import { saveWithNotice } from '@/utils/extension/save-with-notice';
import { applyTheme, sendMessage } from '@/utils/extension/send-message';
import type { Article } from '@/utils/extract/types';
import { readSettingsLight } from '@/utils/settings';
import { type ArticleRequest, requestArticle, requestQuotes } from './request';

/** Marked once the clean text is on screen; tests/bench/browser.ts reads it. */
const CLEAN_TEXT_MARK = 'nitido:clean-text-visible';
const locale = uiLanguage();

/** The popup's UI, given the extraction its first module already requested. */
export function mountPopup(root: HTMLElement, firstRequest: Promise<ArticleRequest>): void {
  document.documentElement.lang = locale;
  void readSettingsLight().then((s) => applyTheme(document, s.reader.theme));
  let pending: Promise<ArticleRequest> | null = firstRequest;
  const takeRequest = () => {
    const request = pending ?? requestArticle();
    pending = null;
    return request;
  };
  render(<App takeRequest={takeRequest} />, root);
}

function App({ takeRequest }: { takeRequest: () => Promise<ArticleRequest> }) {
  const [state, setState] = useState<PopupState>({ kind: 'loading' });
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busySaving, setBusySaving] = useState(false);
  const [quotesPending, setQuotesPending] = useState<QuotesPending | undefined>('finding');
  /** The article with its quotes once they are in (or without them when they could not be found): what Save saves. */
  const complete = useRef<Promise<Article> | null>(null);
  /** The text-only article whose quotes are still to be asked for, once its text is painted. */
  const awaitingQuotes = useRef<{ id: number; article: Article } | null>(null);

  /** The text is on screen: ask for its quotes and fill them in. */
  const fillQuotes = useCallback(async (id: number, article: Article): Promise<Article> => {
    setQuotesPending('finding');
    const res = await requestQuotes(id);
    if (!res.ok) {
      setQuotesPending('unavailable');
      return article;
    }
    const full = { ...article, quotes: res.quotes, speakers: res.speakers };
    setState((s) => ('article' in s && s.article === article ? { ...s, article: full } : s));
    setQuotesPending(undefined);
    return full;
  }, []);

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    setNotice(null);
    const { tabId: id, result } = await takeRequest();
    setTabId(id);
    if (!result) return setState({ kind: 'no-tab' });
    if (!result.ok) {
      setState(
        result.reason === 'restricted' ? { kind: 'restricted' } : { kind: 'failed', error: result.error },
      );
    } else {
      setState({ kind: result.article.isArticle ? 'ready' : 'not-article', article: result.article });
      if (id !== undefined) awaitingQuotes.current = { id, article: result.article };
    }
  }, [takeRequest]);

  useEffect(() => {
    void load();
  }, [load]);

  // Effects run after the browser painted the clean text.
  useEffect(() => {
    if (state.kind === 'ready' && !performance.getEntriesByName(CLEAN_TEXT_MARK).length) {
      performance.mark(CLEAN_TEXT_MARK);
    }
    // Only now the quotes: their answer and their render must not hold up the text's first paint.
    const awaiting = awaitingQuotes.current;
    awaitingQuotes.current = null;
    if (awaiting) complete.current = fillQuotes(awaiting.id, awaiting.article);
  }, [state, fillQuotes]);

  const article = state.kind === 'ready' ? state.article : null;
  return (
    <Popup
      state={state}
      t={t}
      locale={locale}
      notice={notice}
      busySaving={busySaving}
      quotesPending={quotesPending}
      onRetry={load}
      onTryAnyway={() => state.kind === 'not-article' && setState({ kind: 'ready', article: state.article })}
      onOpenCleanView={async () => {
        if (tabId === undefined) return;
        const res = await sendMessage({ type: 'open-reader', tabId });
        if (res.ok) window.close();
        else setNotice({ kind: 'error', text: res.error });
      }}
      onSave={async () => {
        if (!article) return;
        setBusySaving(true);
        const notice = await saveWithNotice((await complete.current) ?? article);
        setBusySaving(false);
        setNotice(notice);
      }}
      onCopy={async () => {
        if (!article) return;
        try {
          await navigator.clipboard.writeText(`${article.title}\n\n${article.text}\n\n${article.url}\n`);
          setNotice({ kind: 'ok', text: t('copiedOk') });
        } catch (err) {
          setNotice({ kind: 'error', text: t('copiedError', (err as Error).message) });
        }
      }}
      onLibrary={async () => {
        await browser.tabs.create({ url: browser.runtime.getURL('/library.html') });
        window.close();
      }}
      onOptions={() => void browser.runtime.openOptionsPage()}
      onPickElement={
        tabId === undefined
          ? undefined
          : async () => {
              const res = await sendMessage({ type: 'start-picker', tabId });
              if (res.ok) window.close();
              else setNotice({ kind: 'error', text: t('removedPickFailed', res.error) });
            }
      }
    />
  );
}
