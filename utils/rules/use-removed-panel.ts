// The clean view's "what was removed", wired: groups from the article, restore a block or a whole rule (for this
// article, or for good on this site), "remove again", and the element picker started in the article's tab.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { RemovedPanelProps, Restoration } from '@/components/rules/RemovedPanel';
import type { Translate } from '../extension/i18n';
import { sendMessage } from '../extension/send-message';
import { toCleanRules } from '../extension/user-rules';
import { ruleOfBlockKey } from '../extract/block-key';
import type { Article } from '../extract/types';
import { getSettings } from '../settings';
import { restoredFor, ruleReasons } from './extract-options';
import { removedGroups } from './removed-groups';
import { addRemoveRule, getRestored, type RestoredRules, setRestored } from './user-rules';
import { siteOf } from './validate-rule';

/**
 * What the reader restored, to list with "Remove again": the whole rules restored, and the single blocks restored
 * that this article holds (a block remembered for the site is listed only on the pages where it is).
 */
function restorations(
  article: Article,
  restored: string[],
  remembered: Set<string>,
  reasons: Map<string, string>,
): Restoration[] {
  const rules = [...new Set(restored)].filter((k) => ruleOfBlockKey(k) === null);
  // A block back with its whole rule is undone with the rule.
  const blocks = (article.keptBlocks ?? []).filter((b) => !rules.includes(b.rule));
  return [
    ...rules.map((rule) => ({ key: rule, rule, excerpt: null, why: reasons.get(rule) ?? rule })),
    ...blocks.map((b) => ({ key: b.key, rule: b.rule, excerpt: b.text, why: reasons.get(b.rule) ?? b.rule })),
  ].map((r) => ({ ...r, remembered: remembered.has(r.key) }));
}

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

  return {
    t,
    site,
    busy,
    groups: removedGroups(article, reasons, options.sanitize),
    restored: restorations(article, [...exclude, ...forGood], forGood, reasons),
    onRestore(key, remember) {
      void (async () => {
        if (remember) setRemembered(await setRestored(site, key, true));
        await reload([...new Set([...exclude, key])]);
      })();
    },
    onRemoveAgain(key) {
      void (async () => {
        if (forGood.has(key)) setRemembered(await setRestored(site, key, false));
        await reload(exclude.filter((r) => r !== key));
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
