import './rules.css';
import { useMemo, useState } from 'preact/hooks';
import type { Translate } from '@/utils/extension/i18n';
import { onlyRemoves, type SelectorCheck, type UserRule, validateRule } from '@/utils/rules/validate-rule';

export type PreviewState =
  | { kind: 'unavailable' }
  | { kind: 'loading' }
  | { kind: 'error'; error: string }
  /** Paragraphs of the article with the stored rules (before) and with the draft rule added (after). */
  | { kind: 'ready'; before: string[]; after: string[] };

export interface RuleEditorProps {
  t: Translate;
  /** The stored rules, one per site. */
  rules: UserRule[];
  initialSite: string;
  check: SelectorCheck;
  preview: PreviewState;
  notice: { kind: 'ok' | 'error'; lines: string[] } | null;
  /** The draft changed: a valid rule to preview, or null. */
  onDraft(rule: UserRule | null): void;
  onSave(rule: UserRule): void;
  /** Deletes one selector of a site's list of selectors. */
  onDelete(site: string, selector: string): void;
  /** Deletes a whole rule (one with more than selectors, from a shared file), by id. */
  onDeleteRule(id: string): void;
  onExport(): void;
  onImport(file: File): void;
}

function draftRule(site: string, selectors: string, check: SelectorCheck) {
  const remove = selectors
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!site.trim() && !remove.length) return { rule: null, errors: [] as string[] };
  const res = validateRule({ sites: [site], remove }, check);
  return res.ok ? { rule: res.rule, errors: [] } : { rule: null, errors: res.errors };
}

function PreviewColumn({
  name,
  title,
  paras,
  other,
  mark,
}: {
  name: 'before' | 'after';
  title: string;
  paras: string[];
  other: Set<string>;
  mark: string;
}) {
  return (
    <div class={`preview-col preview-${name}`}>
      <h3>{title}</h3>
      {paras.map((p, i) => (
        <p key={i} class={other.has(p) ? undefined : mark}>
          {p}
        </p>
      ))}
    </div>
  );
}

/** A rule from a shared file with more than selectors: its reason, each field, and one button to delete it. */
function WholeRule({ t, rule, onDelete }: { t: Translate; rule: UserRule; onDelete(): void }) {
  const fields: [string, string][] = [
    ...(['content', 'title', 'byline', 'date'] as const).flatMap((k): [string, string][] =>
      rule[k] ? [[k, rule[k]]] : [],
    ),
    ...(rule.remove ?? []).map((s): [string, string] => ['remove', s]),
    ...(rule.text?.patterns ?? []).map((p): [string, string] => ['pattern', p]),
  ];
  return (
    <li data-site={rule.sites[0]} data-rule={rule.id}>
      <strong>{rule.sites.join(', ')}</strong> {rule.why}{' '}
      <button type="button" class="link" aria-label={t('rulesDeleteRule', rule.why)} onClick={onDelete}>
        ✕
      </button>
      <ul>
        {fields.map(([k, v]) => (
          <li key={`${k}:${v}`}>
            {k}: <code>{v}</code>
          </li>
        ))}
      </ul>
    </li>
  );
}

/** The reader's own rules: type a site and selectors, see the article before and after, save; share as a file. */
export function RuleEditor(props: RuleEditorProps) {
  const { t, preview } = props;
  const [site, setSite] = useState(props.initialSite);
  const [selectors, setSelectors] = useState('');
  const draft = useMemo(() => draftRule(site, selectors, props.check), [site, selectors, props.check]);
  const update = (nextSite: string, nextSelectors: string) => {
    setSite(nextSite);
    setSelectors(nextSelectors);
    props.onDraft(draftRule(nextSite, nextSelectors, props.check).rule);
  };
  const before = preview.kind === 'ready' ? new Set(preview.before) : new Set<string>();
  const after = preview.kind === 'ready' ? new Set(preview.after) : new Set<string>();
  return (
    <section class="rule-editor" aria-labelledby="rules-title">
      <h2 id="rules-title">{t('rulesTitle')}</h2>
      <p class="muted">{t('rulesIntro')}</p>
      <div class="rule-draft">
        <label class="stack">
          {t('rulesSite')}
          <input
            name="rule-site"
            value={site}
            placeholder="example.org"
            onInput={(e) => update((e.target as HTMLInputElement).value, selectors)}
          />
        </label>
        <label class="stack">
          {t('rulesSelectors')}
          <textarea
            name="rule-selectors"
            rows={3}
            spellcheck={false}
            class="code"
            value={selectors}
            placeholder=".newsletter-box"
            onInput={(e) => update(site, (e.target as HTMLTextAreaElement).value)}
          />
        </label>
        {draft.errors.map((err) => (
          <p key={err} class="error rule-error" role="alert">
            {err}
          </p>
        ))}
        <button
          type="button"
          class="primary"
          disabled={!draft.rule}
          onClick={() => {
            if (!draft.rule) return;
            props.onSave(draft.rule);
            update(site, '');
          }}
        >
          {t('rulesSave')}
        </button>
      </div>
      <div class="rule-preview" aria-live="polite">
        {preview.kind === 'unavailable' ? (
          <p class="muted">{t('rulesPreviewUnavailable')}</p>
        ) : preview.kind === 'loading' ? (
          <p class="muted">{t('stateLoading')}</p>
        ) : preview.kind === 'error' ? (
          <p class="error">{preview.error}</p>
        ) : (
          <div class="preview-cols">
            <PreviewColumn
              name="before"
              title={t('rulesBefore')}
              paras={preview.before}
              other={after}
              mark="gone"
            />
            <PreviewColumn
              name="after"
              title={t('rulesAfter')}
              paras={preview.after}
              other={before}
              mark="added"
            />
          </div>
        )}
      </div>
      <h3>{t('rulesSaved')}</h3>
      {props.rules.length === 0 ? <p class="muted">{t('rulesNone')}</p> : null}
      <ul class="rule-list">
        {props.rules.map((r) =>
          onlyRemoves(r) ? (
            <li key={r.id} data-site={r.sites[0]}>
              <strong>{r.sites.join(', ')}</strong>
              <ul>
                {(r.remove ?? []).map((sel) => (
                  <li key={sel}>
                    <code>{sel}</code>{' '}
                    <button
                      type="button"
                      class="link"
                      aria-label={t('rulesDelete', sel)}
                      onClick={() => props.onDelete(r.sites[0], sel)}
                    >
                      ✕
                    </button>
                  </li>
                ))}
              </ul>
            </li>
          ) : (
            <WholeRule key={r.id} t={t} rule={r} onDelete={() => props.onDeleteRule(r.id)} />
          ),
        )}
      </ul>
      <div class="rule-file">
        <button type="button" onClick={props.onExport} disabled={!props.rules.length}>
          {t('rulesExport')}
        </button>
        <label class="button">
          {t('rulesImport')}
          <input
            type="file"
            name="rule-file"
            accept="application/json,.json"
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              if (file) props.onImport(file);
              input.value = '';
            }}
          />
        </label>
      </div>
      {props.notice ? (
        <div
          class={`notice notice-${props.notice.kind}`}
          role={props.notice.kind === 'error' ? 'alert' : 'status'}
        >
          {props.notice.lines.map((l) => (
            <p key={l}>{l}</p>
          ))}
        </div>
      ) : null}
    </section>
  );
}
