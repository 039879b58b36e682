import './rules.css';
import type { MessageKey, Translate } from '@/utils/extension/i18n';
import type { Article } from '@/utils/extract/types';

/** The engine's reason codes ("json-ld:…", "class:paywall", "text:it:paywall") in the reader's words. */
export function truncationReasonKey(reason: string): MessageKey {
  if (reason.startsWith('json-ld:')) return 'truncationMarked';
  if (reason.startsWith('class:')) return 'truncationPaywallBox';
  if (reason.endsWith(':continue-reading')) return 'truncationCut';
  return 'truncationPaywallLine';
}

/** "This article may be incomplete", with why, when the page shows signs of a paywall or a cut body. */
export function TruncationNotice({ t, article }: { t: Translate; article: Article }) {
  const tr = article.truncation;
  if (!tr?.truncated) return null;
  const why = [...new Set(tr.reasons.map(truncationReasonKey))].map((k) => t(k));
  return (
    <p class="truncation-notice" role="note" title={tr.reasons.join(', ')}>
      <strong>{t('truncationTitle')}</strong> {why.join('; ')}
    </p>
  );
}
