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
import { addRemoveRule, getRestored, type RestoredRules, setRestored } from './user-rules';
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
  const [picking, setPicking] = useState(false);
  const [proposal, setProposal] = useState<RemovedPanelProps['proposal']>(null);
  // "Remove this" in the clean view: the next click on a block of the article proposes a rule for it.
  useEffect(() => {
    if (!picking || tabId === null) return;
    document.body.classList.add('picking');
    const onClick = (e: MouseEvent) => {
      const el = (e.target as Element | null)?.closest?.('.article-body *');
      if (!el) return;
      e.preventDefault();
      e.stopPropagation();
      const block = el.closest('p, li, h2, h3, h4, h5, h6, blockquote, figure, pre, table') ?? el;
      const text = (block.textContent ?? '').replace(/\s+/g, ' ').trim();
      setPicking(false);
      void sendMessage({ type: 'locate', tabId, text })
        .catch((err: Error) => ({ ok: false as const, error: err.message }))
        .then((res) => {
          if (res.ok) setProposal({ excerpt: text.slice(0, 120), selector: res.selector, count: res.count });
          else setPickNotice(res.error);
        });
    };
    document.addEventListener('click', onClick, true);
    return () => {
      document.body.classList.remove('picking');
      document.removeEventListener('click', onClick, true);
    };
  }, [picking, tabId]);
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
    picking,
    proposal,
    onPickHere() {
      setProposal(null);
      setPickNotice(t('removedPickHereHint'));
      setPicking(true);
    },
    onCancelProposal() {
      setProposal(null);
      setPickNotice(null);
    },
    onAcceptProposal() {
      if (!proposal) return;
      void (async () => {
        const saved = await addRemoveRule(site, proposal.selector);
        setProposal(null);
        if (!saved) return setPickNotice(t('removedPickFailed', proposal.selector));
        setPickNotice(null);
        setReasons(ruleReasons(toCleanRules((await getSettings()).userRules)));
        await reload(exclude);
      })();
    },
    rulesHref: `options.html?tabId=${tabId}&site=${encodeURIComponent(site)}`,
  };
}
