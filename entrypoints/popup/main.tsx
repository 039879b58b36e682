import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type Notice, Popup, type PopupState } from '@/components/Popup';
import { translate as t, uiLanguage } from '@/utils/extension/i18n';
import { readPageTarget } from '@/utils/extension/page-params';
import { activeTabId, applyTheme, sendMessage } from '@/utils/extension/send-message';
import { getSettings } from '@/utils/settings';
import './style.css';

const locale = uiLanguage();
document.documentElement.lang = locale;
void getSettings().then((s) => applyTheme(document, s.reader.theme));

function App() {
  const [state, setState] = useState<PopupState>({ kind: 'loading' });
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busySaving, setBusySaving] = useState(false);

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    setNotice(null);
    const target = readPageTarget(location.search);
    const id = target.kind === 'tab' ? target.tabId : await activeTabId();
    setTabId(id);
    if (id === undefined) return setState({ kind: 'no-tab' });
    const result = await sendMessage({ type: 'extract', tabId: id }).catch((err: Error) => ({
      ok: false as const,
      reason: 'failed' as const,
      error: err.message,
    }));
    if (!result.ok) {
      setState(
        result.reason === 'restricted' ? { kind: 'restricted' } : { kind: 'failed', error: result.error },
      );
    } else {
      setState({ kind: result.article.isArticle ? 'ready' : 'not-article', article: result.article });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const article = state.kind === 'ready' ? state.article : null;
  return (
    <Popup
      state={state}
      t={t}
      locale={locale}
      notice={notice}
      busySaving={busySaving}
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
        const res = await sendMessage({ type: 'save', article, tags: [] }).catch((err: Error) => ({
          ok: false as const,
          error: err.message,
        }));
        setBusySaving(false);
        setNotice(
          res.ok ? { kind: 'ok', text: t('savedOk') } : { kind: 'error', text: t('savedError', res.error) },
        );
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
    />
  );
}

render(<App />, document.getElementById('app') as HTMLElement);
