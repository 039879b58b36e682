import { render } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Notice } from '@/components/Popup';
import { paragraphsOf } from '@/components/Popup';
import { Reader, type ReaderState } from '@/components/Reader';
import { RemovedPanel } from '@/components/rules/RemovedPanel';
import { findQuoteElement } from '@/utils/extension/find-quote';
import { translate as t, uiLanguage } from '@/utils/extension/i18n';
import { readPageTarget } from '@/utils/extension/page-params';
import { ReadAloud, type ReadAloudStatus } from '@/utils/extension/read-aloud';
import { sanitizeForRender } from '@/utils/extension/sanitize-for-render';
import { saveWithNotice } from '@/utils/extension/save-with-notice';
import { applyTheme, sendMessage } from '@/utils/extension/send-message';
import type { Article } from '@/utils/extract/types';
import { getArticle } from '@/utils/library';
import { useRemovedPanel } from '@/utils/rules/use-removed-panel';
import {
  DEFAULT_SETTINGS,
  getSettings,
  type ReaderPrefs,
  updateSettings,
  watchSettings,
} from '@/utils/settings';
import './style.css';

const locale = uiLanguage();
document.documentElement.lang = locale;
const target = readPageTarget(location.search);
/** reader.html?tabId=N&selection=1: the clean view of what is selected in the tab (the manual fallback). */
const selectionOnly = new URLSearchParams(location.search).get('selection') === '1';
const speechAvailable =
  typeof speechSynthesis !== 'undefined' && typeof SpeechSynthesisUtterance !== 'undefined';

async function loadArticle(): Promise<ReaderState> {
  let article: Article | undefined;
  if (target.kind === 'none') return { kind: 'no-tab' };
  if (target.kind === 'saved') {
    article = await getArticle(target.id);
    if (!article) return { kind: 'not-found' };
  } else {
    const result = await sendMessage(
      selectionOnly
        ? { type: 'extract-selection', tabId: target.tabId }
        : { type: 'extract', tabId: target.tabId },
    );
    if (!result.ok)
      return result.reason === 'restricted'
        ? { kind: 'restricted' }
        : { kind: 'failed', error: result.error };
    article = result.article;
  }
  return { kind: 'ready', article, html: sanitizeForRender(article.html, window) };
}

function App() {
  const [state, setState] = useState<ReaderState>({ kind: 'loading' });
  const [prefs, setPrefs] = useState<ReaderPrefs>(DEFAULT_SETTINGS.reader);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busySaving, setBusySaving] = useState(false);
  const [speechStatus, setSpeechStatus] = useState<ReadAloudStatus>('idle');
  const [rate, setRate] = useState(1);
  const reader = useRef<ReadAloud | null>(null);

  useEffect(() => {
    void getSettings().then((s) => setPrefs(s.reader));
    // Another clean view or the options page changed the defaults: follow them.
    const unwatch = watchSettings((s) => setPrefs(s.reader));
    loadArticle()
      .then((next) => {
        setState(next);
        if (next.kind === 'ready') document.title = next.article.title || document.title;
      })
      .catch((err: Error) => setState({ kind: 'failed', error: err.message }));
    return () => {
      unwatch();
      reader.current?.stop();
    };
  }, []);

  useEffect(() => applyTheme(document, prefs.theme), [prefs.theme]);

  const article = state.kind === 'ready' ? state.article : null;
  const removed = useRemovedPanel({
    t,
    tabId: target.kind === 'tab' && !selectionOnly ? target.tabId : null,
    article,
    sanitize: (html) => sanitizeForRender(html, window),
    onArticle: (next) =>
      setState({ kind: 'ready', article: next, html: sanitizeForRender(next.html, window) }),
    onError: (error) => setNotice({ kind: 'error', text: error }),
  });
  const speech = useMemo(
    () => (article ? { available: speechAvailable, status: speechStatus, rate } : null),
    [article, speechStatus, rate],
  );

  const onSpeech = useCallback(
    (action: 'play' | 'pause' | 'stop' | { rate: number }) => {
      if (!article || !speechAvailable) return;
      reader.current ??= new ReadAloud(
        { synth: speechSynthesis, Utterance: SpeechSynthesisUtterance },
        [article.title, ...paragraphsOf(article.text)],
        article.lang,
        setSpeechStatus,
      );
      if (action === 'play') reader.current.play();
      else if (action === 'pause') reader.current.pause();
      else if (action === 'stop') reader.current.stop();
      else {
        setRate(action.rate);
        reader.current.setRate(action.rate);
      }
    },
    [article],
  );

  return (
    <Reader
      state={state}
      t={t}
      locale={locale}
      prefs={prefs}
      notice={notice}
      busySaving={busySaving}
      onPrefs={(change) => {
        setPrefs((p) => ({ ...p, ...change }));
        void updateSettings({ reader: change });
      }}
      speech={speech}
      onSpeech={onSpeech}
      onPrint={() => window.print()}
      removed={removed ? <RemovedPanel {...removed} /> : null}
      onSave={
        article && target.kind === 'tab'
          ? async () => {
              setBusySaving(true);
              const notice = await saveWithNotice(article);
              setBusySaving(false);
              setNotice(notice);
            }
          : null
      }
      onQuoteClick={(quote) => {
        const body = document.querySelector('.article-body');
        const el = body && findQuoteElement(body, quote.text);
        if (!el) return;
        el.scrollIntoView({ behavior: 'smooth', block: 'center' });
        el.classList.add('flash');
        setTimeout(() => el.classList.remove('flash'), 2000);
      }}
    />
  );
}

render(<App />, document.getElementById('app') as HTMLElement);
