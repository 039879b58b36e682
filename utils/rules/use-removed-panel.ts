// The clean view's "what was removed", wired: groups from the article, restore (for this article, or for good on
// this site), "remove again", and the element picker started in the article's tab.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { RemovedPanelProps } from '@/components/rules/RemovedPanel';
import type { Translate } from '../extension/i18n';
import { sendMessage } from '../extension/send-message';
import { toCleanRules } from '../extension/user-rules';
import type { Article } from '../extract/types';
import { getSettings } from '../settings';
import { restoredFor, ruleReasons } from './extract-options';
import { removedGroups } from './removed-groups';
import { getRestored, type RestoredRules, setRestored } from './user-rules';
import { siteOf } from './validate-rule';

export function useRemovedPanel(options: {
  t: Translate;
  tabId: number | null;
  article: Article | null;
  sanitize(html: string): string;
  onArticle(article: Article): void;
  onError(error: string): void;
}): RemovedPanelProps | null {
  const { t, tabId, article } = options;
  const [reasons, setReasons] = useState<Map<string, string>>(() => ruleReasons());
  const [remembered, setRemembered] = useState<RestoredRules>({});
  const [exclude, setExclude] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [pickNotice, setPickNotice] = useState<string | null>(null);
  useEffect(() => {
    void getSettings().then((s) => setReasons(ruleReasons(toCleanRules(s.userRules))));
    void getRestored().then(setRemembered);
  }, []);
  const host = useMemo(() => {
    try {
      return article ? new URL(article.url).hostname : '';
    } catch {
      return '';
    }
  }, [article]);
  if (tabId === null || !article || !host) return null;
  const site = siteOf(host) ?? host;
  const forGood = new Set(restoredFor({ restored: remembered }, host));

  const reload = async (nextExclude: string[]) => {
    setBusy(true);
    const res = await sendMessage({ type: 'extract', tabId, exclude: nextExclude }).catch((err: Error) => ({
      ok: false as const,
      reason: 'failed' as const,
      error: err.message,
    }));
    setBusy(false);
    if (res.ok) {
      setExclude(nextExclude);
      options.onArticle(res.article);
    } else options.onError(res.error);
  };

  const restoredIds = [...new Set([...exclude, ...forGood])];
  return {
    t,
    site,
    busy,
    groups: removedGroups(article, reasons, options.sanitize),
    restored: restoredIds.map((rule) => ({
      rule,
      why: reasons.get(rule) ?? rule,
      remembered: forGood.has(rule),
    })),
    onRestore(rule, remember) {
      void (async () => {
        if (remember) setRemembered(await setRestored(site, rule, true));
        await reload([...new Set([...exclude, rule])]);
      })();
    },
    onRemoveAgain(rule) {
      void (async () => {
        if (forGood.has(rule)) setRemembered(await setRestored(site, rule, false));
        await reload(exclude.filter((r) => r !== rule));
      })();
    },
    onPick() {
      void sendMessage({ type: 'start-picker', tabId })
        .catch((err: Error) => ({ ok: false as const, error: err.message }))
        .then((res) => setPickNotice(res.ok ? t('removedPickStarted') : t('removedPickFailed', res.error)));
    },
    pickNotice,
    rulesHref: `options.html?tabId=${tabId}&site=${encodeURIComponent(site)}`,
  };
}
