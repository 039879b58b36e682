import type { Translate } from '@/utils/extension/i18n';
import type { Article } from '@/utils/extract/types';
import { ArticleMeta } from './ArticleMeta';
import { QuoteSummary, type QuotesPending } from './QuoteSummary';
import { TruncationNotice } from './rules/TruncationNotice';

export type PopupState =
  | { kind: 'loading' }
  | { kind: 'restricted' }
  | { kind: 'no-tab' }
  | { kind: 'failed'; error: string }
  | { kind: 'not-article'; article: Article }
  | { kind: 'ready'; article: Article };

export interface Notice {
  kind: 'ok' | 'error';
  text: string;
  /** E.g. the saved copy of the article, opened in a new tab. */
  link?: { href: string; text: string };
}

export function NoticeLine({ notice }: { notice: Notice }) {
  return (
    <p class={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      {notice.text}
      {notice.link ? (
        <>
          {' '}
          <a href={notice.link.href} target="_blank" rel="noopener noreferrer">
            {notice.link.text}
          </a>
        </>
      ) : null}
    </p>
  );
}

export interface PopupProps {
  state: PopupState;
  t: Translate;
  locale: string;
  notice: Notice | null;
  busySaving: boolean;
  /** The article's quotes are still being found, or could not be (the text comes first). */
  quotesPending?: QuotesPending;
  onOpenCleanView(): void;
  onSave(): void;
  onCopy(): void;
  onLibrary(): void;
  onOptions(): void;
  onTryAnyway(): void;
  onRetry(): void;
  /** Starts the element picker in the page (the reader's own rules); absent where there is no tab. */
  onPickElement?: () => void;
}

export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

function StateMessage({
  title,
  body,
  children,
}: {
  title: string;
  body?: string;
  children?: preact.ComponentChildren;
}) {
  return (
    <div class="state" role="status">
      <h1 class="state-title">{title}</h1>
      {body ? <p class="state-body">{body}</p> : null}
      {children}
    </div>
  );
}

export function Popup(props: PopupProps) {
  const { state, t } = props;
  let body: preact.ComponentChildren;
  switch (state.kind) {
    case 'loading':
      body = (
        <div class="state" role="status" aria-busy="true">
          <p class="state-body">{t('stateLoading')}</p>
        </div>
      );
      break;
    case 'restricted':
      body = <StateMessage title={t('stateRestrictedTitle')} body={t('stateRestrictedBody')} />;
      break;
    case 'no-tab':
      body = <StateMessage title={t('stateFailedTitle')} body={t('stateNoTab')} />;
      break;
    case 'failed':
      body = (
        <StateMessage title={t('stateFailedTitle')} body={state.error}>
          <button type="button" class="secondary" onClick={props.onRetry}>
            {t('actionTryAgain')}
          </button>
        </StateMessage>
      );
      break;
    case 'not-article':
      body = (
        <StateMessage title={t('stateNotArticleTitle')} body={t('stateNotArticleBody')}>
          <button type="button" class="secondary" onClick={props.onTryAnyway}>
            {t('actionTryAnyway')}
          </button>
          <p class="state-body">{t('popupSelectionHint')}</p>
        </StateMessage>
      );
      break;
    case 'ready': {
      const { article } = state;
      body = (
        <>
          <header class="article-head">
            <h1 class="headline">{article.title}</h1>
            <ArticleMeta article={article} t={t} locale={props.locale} />
            <TruncationNotice t={t} article={article} />
          </header>
          <section
            class="clean-text"
            aria-label={t('cleanTextTitle')}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll
            tabIndex={0}
            lang={article.lang ?? undefined}
          >
            {paragraphsOf(article.text).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </section>
          <QuoteSummary
            quotes={article.quotes}
            speakers={article.speakers}
            t={t}
            pending={props.quotesPending}
          />
        </>
      );
      break;
    }
  }
  const hasArticle = state.kind === 'ready';
  return (
    <div class="popup">
      <main class="popup-body">{body}</main>
      {props.notice ? <NoticeLine notice={props.notice} /> : null}
      <footer class="actions">
        {hasArticle ? (
          <>
            <button type="button" class="primary" onClick={props.onOpenCleanView}>
              {t('actionOpenCleanView')}
            </button>
            <button type="button" onClick={props.onSave} disabled={props.busySaving}>
              {t('actionSave')}
            </button>
            <button type="button" onClick={props.onCopy}>
              {t('actionCopy')}
            </button>
            {props.onPickElement ? (
              <button type="button" class="pick-element" onClick={props.onPickElement}>
                {t('popupPickElement')}
              </button>
            ) : null}
          </>
        ) : null}
        <button type="button" onClick={props.onLibrary}>
          {t('actionLibrary')}
        </button>
        <button
          type="button"
          class="icon"
          onClick={props.onOptions}
          aria-label={t('actionOptions')}
          title={t('actionOptions')}
        >
          ⚙
        </button>
      </footer>
    </div>
  );
}
