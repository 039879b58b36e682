// One row of the library list. Rows have a fixed height: the list draws only the rows on screen, placed by
// their index, which is what keeps 10,000 articles as fast as 10.
import type { Translate } from '@/utils/extension/i18n';
import type { IndexDoc } from '@/utils/library';

export const ROW_HEIGHT = 76;

export interface ArticleRowProps {
  id: string;
  top: number;
  /** Undefined while the row is being fetched. */
  entry: IndexDoc | undefined;
  selected: boolean;
  t: Translate;
  formatDate: (iso: string) => string;
  onSelect: (id: string, on: boolean) => void;
  onExport: (format: 'md' | 'html') => void;
  onDelete: () => void;
}

export function ArticleRow({
  id,
  top,
  entry,
  selected,
  t,
  formatDate,
  onSelect,
  onExport,
  onDelete,
}: ArticleRowProps) {
  const style = { transform: `translateY(${top}px)`, height: `${ROW_HEIGHT}px` };
  if (!entry) return <li class="lib-row placeholder" style={style} aria-busy="true" />;
  const meta = [
    entry.site,
    entry.byline,
    entry.publishedTime ? formatDate(entry.publishedTime) : null,
  ].filter(Boolean);
  return (
    <li class={`lib-row${selected ? ' selected' : ''}`} style={style} data-id={id}>
      <input
        type="checkbox"
        checked={selected}
        aria-label={t('librarySelect', entry.title)}
        onChange={(e) => onSelect(id, (e.currentTarget as HTMLInputElement).checked)}
      />
      <div class="lib-row-main">
        <a
          class="lib-row-title"
          href={`reader.html?id=${encodeURIComponent(id)}`}
          lang={entry.lang || undefined}
        >
          {entry.title || entry.url}
        </a>
        <div class="lib-row-meta">
          <span>{meta.join(' · ')}</span>
          <span class="lib-row-saved">{t('librarySaved', formatDate(entry.savedAt))}</span>
          {entry.tags.map((tag) => (
            <span class="lib-chip" key={tag}>
              {tag}
            </span>
          ))}
        </div>
      </div>
      <div class="lib-row-actions">
        <button type="button" onClick={() => onExport('md')}>
          {t('libraryMarkdown')}
        </button>
        <button type="button" onClick={() => onExport('html')}>
          {t('libraryHtml')}
        </button>
        <button
          type="button"
          class="danger"
          onClick={onDelete}
          aria-label={`${t('libraryDelete')}: ${entry.title}`}
        >
          {t('libraryDelete')}
        </button>
      </div>
    </li>
  );
}
