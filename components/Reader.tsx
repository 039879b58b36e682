import type { Article, Quote } from '@/utils/extract/types';
import type { ReaderPrefs } from '@/utils/settings';
import { ArticleMeta } from './ArticleMeta';
import { type Notice, NoticeLine } from './Popup';
import { QuoteSummary } from './QuoteSummary';
import { ReaderToolbar, type ReaderToolbarProps } from './ReaderToolbar';
import { TruncationNotice } from './rules/TruncationNotice';

export type ReaderState =
  | { kind: 'loading' }
  | { kind: 'restricted' }
  | { kind: 'no-tab' }
  | { kind: 'not-found' }
  | { kind: 'failed'; error: string }
  /** html is the article HTML already sanitized for rendering (sanitizeForRender). */
  | { kind: 'ready'; article: Article; html: string };

export interface ReaderProps extends Omit<ReaderToolbarProps, 'prefs'> {
  state: ReaderState;
  prefs: ReaderPrefs;
  locale: string;
  notice: Notice | null;
  onQuoteClick(quote: Quote): void;
  /** "What was removed" (components/rules/RemovedPanel), shown under the article when given. */
  removed?: preact.ComponentChildren;
}

export function Reader(props: ReaderProps) {
  const { state, t, prefs } = props;
  const style = { '--reader-size': `${prefs.size}px`, '--reader-width': `${prefs.width}ch` };
  if (state.kind !== 'ready') {
    const [title, body] =
      state.kind === 'loading'
        ? [null, t('stateLoading')]
        : state.kind === 'restricted'
          ? [t('stateRestrictedTitle'), t('stateRestrictedBody')]
          : state.kind === 'not-found'
            ? [t('stateNotFoundTitle'), null]
            : state.kind === 'no-tab'
              ? [t('stateFailedTitle'), t('stateNoTab')]
              : [t('stateFailedTitle'), state.error];
    return (
      <main class={`reader font-${prefs.font}`} style={style}>
        <div class="state" role="status" aria-busy={state.kind === 'loading'}>
          {title ? <h1>{title}</h1> : null}
          {body ? <p class="muted">{body}</p> : null}
        </div>
      </main>
    );
  }
  const { article, html } = state;
  return (
    <div class={`reader-page font-${prefs.font}`} style={style}>
      <ReaderToolbar {...props} />
      {props.notice ? <NoticeLine notice={props.notice} /> : null}
      <div class="layout">
        <main class="reader">
          <article lang={article.lang ?? undefined}>
            <header class="article-head">
              <h1 class="headline">{article.title}</h1>
              <ArticleMeta article={article} t={t} locale={props.locale} linkOriginal />
              <TruncationNotice t={t} article={article} />
            </header>
            {/* Sanitized twice: by the engine, and again by sanitizeForRender right before this render. */}
            <div class="article-body" dangerouslySetInnerHTML={{ __html: html }} />
          </article>
          {props.removed ?? null}
        </main>
        {article.quotes.length > 0 ? (
          <aside class="side" aria-label={t('readerQuotes')}>
            <QuoteSummary
              quotes={article.quotes}
              speakers={article.speakers}
              t={t}
              onQuoteClick={props.onQuoteClick}
            />
          </aside>
        ) : null}
      </div>
    </div>
  );
}
