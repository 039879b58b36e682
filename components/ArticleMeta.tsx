import type { Translate } from '@/utils/extension/i18n';
import type { Article } from '@/utils/extract/types';

/** "5 March 2024" in the UI language; null for missing or unparsable dates. */
export function formatDate(iso: string | null, locale: string): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return d.toLocaleDateString(locale, { year: 'numeric', month: 'long', day: 'numeric' });
}

export function siteOf(article: Pick<Article, 'siteName' | 'url'>): string {
  if (article.siteName) return article.siteName;
  try {
    return new URL(article.url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

export interface ArticleMetaProps {
  article: Article;
  t: Translate;
  locale: string;
  /** The clean view links to the original; the popup shows the site only. */
  linkOriginal?: boolean;
}

export function ArticleMeta({ article, t, locale, linkOriginal }: ArticleMetaProps) {
  const date = formatDate(article.publishedTime, locale);
  const site = siteOf(article);
  const safeUrl = /^https?:\/\//i.test(article.url) ? article.url : null;
  return (
    <div class="meta">
      {article.byline ? <p class="byline">{article.byline}</p> : null}
      <p class="meta-line">
        {site ? <span class="site">{site}</span> : null}
        {date ? (
          <time class="date" dateTime={article.publishedTime ?? undefined}>
            {date}
          </time>
        ) : null}
        <span class="reading-time">{t('readingTime', article.readingMinutes)}</span>
        {linkOriginal && safeUrl ? (
          <a class="original" href={safeUrl} target="_blank" rel="noopener noreferrer">
            {t('readerOriginal')}
          </a>
        ) : null}
      </p>
    </div>
  );
}
