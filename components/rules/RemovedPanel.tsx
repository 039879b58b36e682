import './rules.css';
import { useState } from 'preact/hooks';
import type { Translate } from '@/utils/extension/i18n';

export interface RemovedGroup {
  rule: string;
  /** The rule's reason (its `why`), or the id when unknown. */
  why: string;
  count: number;
  /** The removed blocks' HTML, already sanitized for rendering. */
  blocks: string[];
}

export interface RemovedPanelProps {
  t: Translate;
  site: string;
  groups: RemovedGroup[];
  /** Rules restored in this view or for good on this site, with their reason. */
  restored: { rule: string; why: string; remembered: boolean }[];
  busy: boolean;
  onRestore(rule: string, remember: boolean): void;
  onRemoveAgain(rule: string): void;
  /** Starts the element picker in the article's tab; null where there is no live tab. */
  onPick: (() => void) | null;
  /** The options page's rule editor for this site (with this tab's preview). */
  rulesHref: string | null;
  /** What the picker said (started, or why not). */
  pickNotice: string | null;
  /** "Remove this" in the clean view: waiting for the click, then the proposed rule. */
  picking: boolean;
  proposal: { excerpt: string; selector: string; count: number } | null;
  onPickHere(): void;
  onAcceptProposal(): void;
  onCancelProposal(): void;
}

/** "What was removed": every block the rules took out of this article, by rule and reason, each group restorable. */
export function RemovedPanel(props: RemovedPanelProps) {
  const { t, groups, restored } = props;
  const [remember, setRemember] = useState(false);
  const total = groups.reduce((n, g) => n + g.count, 0);
  return (
    <section class="removed-panel" aria-label={t('removedTitle')}>
      <h2>{t('removedTitle')}</h2>
      <p class="muted">{total ? t('removedSummary', total, groups.length) : t('removedNone')}</p>
      <p class="removed-actions">
        <button type="button" class="removed-pick-here" disabled={props.picking} onClick={props.onPickHere}>
          {t('removedPickHere')}
        </button>{' '}
        {props.onPick ? (
          <button type="button" class="removed-pick" onClick={props.onPick}>
            {t('removedPick')}
          </button>
        ) : null}{' '}
        {props.rulesHref ? (
          <a href={props.rulesHref} target="_blank" rel="noopener noreferrer">
            {t('removedEditRules', props.site)}
          </a>
        ) : null}
      </p>
      {props.proposal ? (
        <div class="removed-proposal" role="dialog" aria-label={t('removedPickHere')}>
          <p>
            {t('removedProposal', props.proposal.count, props.site)} <q>{props.proposal.excerpt}</q>
          </p>
          <p>
            <code>{props.proposal.selector}</code>
          </p>
          <button type="button" class="primary" disabled={props.busy} onClick={props.onAcceptProposal}>
            {t('removedHide')}
          </button>{' '}
          <button type="button" onClick={props.onCancelProposal}>
            {t('removedCancel')}
          </button>
        </div>
      ) : null}
      {props.pickNotice ? (
        <p class="muted" role="status">
          {props.pickNotice}
        </p>
      ) : null}
      {groups.length ? (
        <label class="removed-remember">
          <input
            type="checkbox"
            checked={remember}
            onChange={(e) => setRemember((e.target as HTMLInputElement).checked)}
          />{' '}
          {t('removedRemember', props.site)}
        </label>
      ) : null}
      {groups.map((g) => (
        <details key={g.rule} class="removed-group" data-rule={g.rule}>
          <summary>
            <span class="removed-why">{g.why}</span> <span class="removed-count">({g.count})</span>
          </summary>
          <p class="removed-id">
            <code>{g.rule}</code>
          </p>
          {g.blocks.map((html, i) => (
            // Sanitized by the caller (sanitizeForRender), like the article body.
            <div key={i} class="removed-block" dangerouslySetInnerHTML={{ __html: html }} />
          ))}
          <button type="button" disabled={props.busy} onClick={() => props.onRestore(g.rule, remember)}>
            {t('removedRestore')}
          </button>
        </details>
      ))}
      {restored.length ? (
        <>
          <h3>{t('removedRestoredTitle')}</h3>
          <ul class="removed-restored">
            {restored.map((r) => (
              <li key={r.rule} data-rule={r.rule}>
                {r.why} {r.remembered ? <em>({t('removedRemembered')})</em> : null}{' '}
                <button type="button" disabled={props.busy} onClick={() => props.onRemoveAgain(r.rule)}>
                  {t('removedRemoveAgain')}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
