import './rules.css';
import { useState } from 'preact/hooks';
import type { Translate } from '@/utils/extension/i18n';

export interface RemovedGroup {
  rule: string;
  /** The rule's reason (its `why`), or the id when unknown. */
  why: string;
  count: number;
  /** The removed blocks: key (to restore that block alone) and HTML, already sanitized for rendering. */
  blocks: { key: string; html: string }[];
}

/** Something restored in this view or for good on this site: a whole rule, or one block (with its text). */
export interface Restoration {
  /** A rule id, or a block key. */
  key: string;
  rule: string;
  why: string;
  /** The start of a restored block's text; null for a whole rule. */
  excerpt: string | null;
  remembered: boolean;
}

export interface RemovedPanelProps {
  t: Translate;
  site: string;
  groups: RemovedGroup[];
  restored: Restoration[];
  busy: boolean;
  /** Restores a whole rule (by id) or one block (by key), for this view or, with `remember`, on this site. */
  onRestore(key: string, remember: boolean): void;
  onRemoveAgain(key: string): void;
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

/**
 * "What was removed": every block the rules took out of this article, by rule and reason; each block restorable
 * alone (back at its place in the article), or the whole rule.
 */
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
          {g.blocks.map((b) => (
            <div key={b.key} class="removed-item" data-key={b.key}>
              {/* Sanitized by the caller (sanitizeForRender), like the article body. */}
              <div class="removed-block" dangerouslySetInnerHTML={{ __html: b.html }} />
              <button
                type="button"
                class="removed-restore-block"
                disabled={props.busy}
                onClick={() => props.onRestore(b.key, remember)}
              >
                {t('removedRestore')}
              </button>
            </div>
          ))}
          <button
            type="button"
            class="removed-restore-all"
            disabled={props.busy}
            onClick={() => props.onRestore(g.rule, remember)}
          >
            {t('removedRestoreAll')}
          </button>
        </details>
      ))}
      {restored.length ? (
        <>
          <h3>{t('removedRestoredTitle')}</h3>
          <ul class="removed-restored">
            {restored.map((r) => (
              <li key={r.key} data-rule={r.rule} data-key={r.key}>
                {r.why} {r.excerpt !== null ? <q class="removed-excerpt">{r.excerpt}</q> : null}{' '}
                {r.remembered ? <em>({t('removedRemembered')})</em> : null}{' '}
                <button type="button" disabled={props.busy} onClick={() => props.onRemoveAgain(r.key)}>
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
