// The library page: list (virtualized), search as you type, sort, filters, selection, tags, delete with undo,
// export and import. Talks to utils/library only (IndexedDB); strings come in through `t`, so no browser.*.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { MessageKey, Translate } from '@/utils/extension/i18n';
import {
  articlesToHtml,
  articlesToMarkdown,
  countArticles,
  type DeletedArticles,
  defaultDescending,
  deleteArticles,
  exportLibrary,
  fileNameFor,
  firstEntries,
  getEntries,
  getRows,
  getStoredArticle,
  type IndexDoc,
  importLibrary,
  LibraryError,
  libraryDb,
  libraryIndex,
  listFacets,
  listIds,
  onLibraryChanged,
  parseBackup,
  persistIndex,
  resolveImages,
  type SavedArticle,
  type SortKey,
  storageUsed,
  tagArticles,
  untagArticles,
} from '@/utils/library';
import { ArticleRow, ROW_HEIGHT } from './ArticleRow';

export interface LibraryAppProps {
  t: Translate;
  /** The UI language, for numbers, dates and language names. */
  locale: string;
}

interface Query {
  sort: SortKey;
  descending: boolean;
  search: string;
  site: string;
  tag: string;
  lang: string;
}

interface Notice {
  kind: 'info' | 'error';
  text: string;
  details?: string[];
  undo?: DeletedArticles;
}

/** Rows drawn above and below the visible ones, so a fast scroll does not show blanks. */
const OVERSCAN = 8;

/** A timing the benchmark reads (performance.measure); harmless in normal use. */
function measure(name: string, start: number, detail?: unknown) {
  try {
    performance.measure(name, { start, end: performance.now(), detail });
  } catch {
    // Older engines without measure options: the benchmark simply finds no entry.
  }
}

function download(name: string, type: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function LibraryApp({ t, locale }: LibraryAppProps) {
  const [query, setQuery] = useState<Query>({
    sort: 'savedAt',
    descending: true,
    search: '',
    site: '',
    tag: '',
    lang: '',
  });
  // ids: the articles of the list in order; length: how many there are. While the whole order loads after the
  // first screen, ids holds only the first rows and length the real count (the rest draw as placeholders).
  const [shown, setShown] = useState<{ ids: string[]; length: number } | null>(null);
  const ids = shown?.ids ?? null;
  const [total, setTotal] = useState(0);
  const [facets, setFacets] = useState<{ sites: string[]; tags: string[]; langs: string[] }>({
    sites: [],
    tags: [],
    langs: [],
  });
  const [storage, setStorage] = useState<number | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState<Notice | null>(null);
  const [tagText, setTagText] = useState('');
  const [busy, setBusy] = useState(false);
  const [scroll, setScroll] = useState({ top: 0, height: 800 });
  const [, setCacheVersion] = useState(0);
  const cache = useRef(new Map<string, IndexDoc>());
  /** Once the index is loaded, rows come from memory instead of IndexedDB. */
  const indexReady = useRef(false);
  const indexMeasured = useRef(false);
  const persistTimer = useRef<ReturnType<typeof setTimeout>>();
  const pending = useRef(new Set<string>());
  const seq = useRef(0);
  const listRef = useRef<HTMLDivElement>(null);
  /** When the current refresh was asked for (input event time), to measure search and first render. */
  const timing = useRef<{ name: string; start: number; detail?: unknown } | null>({
    name: 'nitido-library-first-render',
    start: 0,
  });

  const numbers = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  const plural = useMemo(() => new Intl.PluralRules(locale), [locale]);
  const dates = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }), [locale]);
  const languages = useMemo(() => {
    try {
      return new Intl.DisplayNames([locale], { type: 'language' });
    } catch {
      return null;
    }
  }, [locale]);

  const visibleRange = useCallback(
    (count: number, top = scroll.top, height = scroll.height) => {
      const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
      const last = Math.min(count, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
      return [first, last] as const;
    },
    [scroll],
  );

  /** Fetches the rows of these ids that are not cached yet (one bulkGet). */
  const load = useCallback(async (wanted: string[]) => {
    const missing = wanted.filter((id) => !cache.current.has(id) && !pending.current.has(id));
    if (missing.length === 0) return;
    for (const id of missing) pending.current.add(id);
    const rows = indexReady.current ? await getRows(missing) : await getEntries(missing);
    for (const id of missing) pending.current.delete(id);
    for (const row of rows) cache.current.set(row.id, row);
    setCacheVersion((v) => v + 1);
  }, []);

  const refresh = useCallback(
    async (q: Query, options: { invalidate?: boolean } = {}) => {
      const mine = ++seq.current;
      if (options.invalidate) cache.current.clear();
      const top = listRef.current?.scrollTop ?? 0;
      const plain = !q.search.trim() && !q.site && !q.tag && !q.lang;
      if (plain && top === 0 && !shown) {
        // The first screen without reading every key; the full order follows.
        performance.mark('nitido-library-query-start');
        await libraryDb().open();
        performance.mark('nitido-library-db-open');
        const [count, rows] = await Promise.all([
          countArticles(),
          firstEntries(q.sort, q.descending, visibleRange(Number.MAX_SAFE_INTEGER, 0)[1]),
        ]);
        performance.mark('nitido-library-first-rows-read');
        if (mine !== seq.current) return;
        if (rows) {
          for (const row of rows) cache.current.set(row.id, row);
          setTotal(count);
          setShown({ ids: rows.map((r) => r.id), length: count });
          // Let those rows reach the screen before the search index loads: reading its snapshot holds the
          // main thread for tens of milliseconds at 10,000 articles.
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        }
      }
      const list = await listIds({
        sort: q.sort,
        descending: q.descending,
        search: q.search,
        site: q.site || undefined,
        tag: q.tag || undefined,
        lang: q.lang || undefined,
      });
      indexReady.current = true;
      if (!indexMeasured.current) {
        indexMeasured.current = true;
        measure('nitido-library-index-ready', 0);
      }
      if (mine !== seq.current) return;
      const [first, last] = visibleRange(list.length, top);
      await load(list.slice(first, last));
      if (mine !== seq.current) return;
      setShown({ ids: list, length: list.length });
      setSelected((old) => {
        if (old.size === 0) return old;
        const still = new Set(list);
        return new Set([...old].filter((id) => still.has(id)));
      });
    },
    [load, visibleRange, shown],
  );

  const refreshTotals = useCallback(async () => {
    const [count, f, used] = await Promise.all([countArticles(), listFacets(), storageUsed()]);
    setTotal(count);
    setFacets(f);
    setStorage(used?.usage ?? null);
  }, []);

  // The search index is stored again once enough changed since its snapshot (saves made elsewhere, an
  // import), a moment after the page settles, so the next opening loads it as it is.
  const persistSoon = useCallback(() => {
    clearTimeout(persistTimer.current);
    persistTimer.current = setTimeout(async () => {
      const index = await libraryIndex();
      if (index.pending >= 20) await persistIndex(index).catch(() => {});
    }, 1500);
  }, []);

  // The list first, then the totals and filters (they are not needed to draw the first rows). A layout effect:
  // the first query starts right after the first commit, not after a frame.
  useLayoutEffect(() => {
    void refresh(query)
      .then(refreshTotals)
      .then(() => persistSoon());
    // Once at open: later changes of the query call refresh themselves.
  }, []);

  // Another page or the background saved, deleted or imported: show it.
  useEffect(
    () =>
      onLibraryChanged(() => {
        void refresh(queryRef.current, { invalidate: true }).then(refreshTotals);
      }),
    [refresh, refreshTotals],
  );
  const queryRef = useRef(query);
  queryRef.current = query;

  // Measures the time from the input (or the page start) to the frame that shows the rows: the layout effect
  // runs once they are in the document, and its animation-frame callback just before that frame is painted.
  useLayoutEffect(() => {
    if (ids === null || !timing.current) return;
    const { name, start, detail } = timing.current;
    timing.current = null;
    requestAnimationFrame(() => {
      measure(name, start, detail);
      // The same, counted from when the page's script started (set by the entrypoint): what our code costs,
      // apart from the browser loading the page.
      const started = performance.getEntriesByName('nitido-library-start')[0]?.startTime;
      if (start === 0 && started !== undefined) measure(`${name}-app`, started);
    });
  }, [shown]);

  // Rows scrolled into view are fetched as they come.
  useEffect(() => {
    if (!ids) return;
    const [first, last] = visibleRange(ids.length);
    void load(ids.slice(first, last));
  }, [ids, visibleRange, load]);
  const complete = shown !== null && shown.ids.length === shown.length;

  useEffect(() => {
    const el = listRef.current;
    if (!el) return;
    const update = () => setScroll({ top: el.scrollTop, height: el.clientHeight || 800 });
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const change = (patch: Partial<Query>, event?: Event) => {
    const next = { ...query, ...patch };
    setQuery(next);
    timing.current = {
      name: 'search' in patch ? 'nitido-library-search' : 'nitido-library-query',
      start: event?.timeStamp ?? performance.now(),
      detail: next.search,
    };
    if (listRef.current) listRef.current.scrollTop = 0;
    void refresh(next);
  };

  const showError = (error: unknown) => {
    const code = error instanceof LibraryError ? error.code : 'write-refused';
    const key: MessageKey =
      code === 'invalid-backup'
        ? 'libraryErrorBackup'
        : code === 'storage-full'
          ? 'libraryErrorStorageFull'
          : 'libraryErrorWrite';
    const message = error instanceof Error ? error.message : String(error);
    const details = error instanceof LibraryError ? [message, ...error.details] : [message];
    setNotice({ kind: 'error', text: t(key), details });
  };

  const afterWrite = async () => {
    await refresh(query, { invalidate: true });
    await refreshTotals();
  };

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const countText = (n: number) =>
    t(plural.select(n) === 'one' ? 'libraryCountOne' : 'libraryCountOther', numbers.format(n));

  const sizeText = (bytes: number) => {
    const [value, unit] =
      bytes >= 1e9
        ? [bytes / 1e9, 'gigabyte']
        : bytes >= 1e6
          ? [bytes / 1e6, 'megabyte']
          : [bytes / 1e3, 'kilobyte'];
    return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
  };

  const selectedIds = () => (ids ?? []).filter((id) => selected.has(id));

  const exportBackup = () =>
    run(async () => {
      const backup = await exportLibrary();
      download(
        `nitido-library-${backup.exportedAt.slice(0, 10)}.json`,
        'application/json',
        JSON.stringify(backup, null, 1),
      );
    });

  const exportArticles = (which: string[], format: 'md' | 'html') =>
    run(async () => {
      const articles = (await Promise.all(which.map(getStoredArticle))).filter(
        (a): a is SavedArticle => a !== undefined,
      );
      if (articles.length === 0) return;
      const name =
        articles.length === 1 ? fileNameFor(articles[0], format) : `nitido-${articles.length}.${format}`;
      if (format === 'md') {
        download(name, 'text/markdown', articlesToMarkdown(articles));
      } else {
        // Standalone: the stored pictures go inside the file.
        const parts = await Promise.all(
          articles.map(async (article) => ({
            article,
            html: (await resolveImages(article.html, article.id, article.url)).html,
          })),
        );
        download(name, 'text/html', articlesToHtml(parts, t('libraryTitle')));
      }
    });

  const importFile = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    void run(async () => {
      setNotice({ kind: 'info', text: t('libraryImporting') });
      try {
        const backup = parseBackup(await file.text());
        const report = await importLibrary(backup);
        // The index takes the imported articles as they are, instead of reading thousands back, and is
        // stored at once: the next opening of the page finds it ready.
        const index = await libraryIndex(new Map((report.written ?? []).map((a) => [a.id, a])));
        // Only a cache: if it cannot be stored, the next opening rebuilds it from the change log.
        await persistIndex(index).catch(() => {});
        setNotice({
          kind: 'info',
          text: t(
            'libraryImportDone',
            numbers.format(report.added),
            numbers.format(report.updated),
            numbers.format(report.skipped),
          ),
        });
        await afterWrite();
      } finally {
        input.value = '';
      }
    });
  };

  const remove = (which: string[]) =>
    run(async () => {
      const deleted = await deleteArticles(which);
      setSelected(new Set());
      setNotice({ kind: 'info', text: t('libraryDeleted', numbers.format(deleted.count)), undo: deleted });
      await afterWrite();
    });

  const undo = (deleted: DeletedArticles) =>
    run(async () => {
      const n = await deleted.undo();
      setNotice({ kind: 'info', text: t('libraryRestored', numbers.format(n)) });
      await afterWrite();
    });

  const retag = (add: boolean) =>
    run(async () => {
      const tag = tagText.trim();
      if (!tag) return;
      await (add ? tagArticles : untagArticles)(selectedIds(), [tag]);
      await afterWrite();
    });

  const toggle = (id: string, on: boolean) =>
    setSelected((old) => {
      const next = new Set(old);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const list = ids ?? [];
  const length = shown?.length ?? 0;
  const [first, last] = visibleRange(length);
  const slots = Array.from({ length: Math.max(0, last - first) }, (_, i) => first + i);
  const filtered = query.search.trim() !== '' || query.site !== '' || query.tag !== '' || query.lang !== '';
  const sorts: [SortKey, MessageKey][] = [
    ['savedAt', 'librarySortSaved'],
    ['published', 'librarySortPublished'],
    ['site', 'librarySortSite'],
    ['title', 'librarySortTitle'],
  ];

  return (
    <div class="library">
      <header class="lib-head">
        <h1>{t('libraryTitle')}</h1>
        <p class="lib-count" aria-live="polite">
          <span data-testid="library-count">{countText(total)}</span>
          {filtered && ids && <span> · {t('libraryMatches', numbers.format(length))}</span>}
          {storage !== null && <span> · {t('libraryStorage', sizeText(storage))}</span>}
        </p>
        <div class="lib-io">
          <button type="button" onClick={exportBackup} disabled={busy} title={t('libraryExportHint')}>
            {t('libraryExport')}
          </button>
          <label class="lib-import">
            {t('libraryImport')}
            <input type="file" accept="application/json,.json" onChange={importFile} disabled={busy} />
          </label>
        </div>
      </header>

      <div class="lib-tools">
        <input
          type="search"
          class="lib-search"
          aria-label={t('librarySearch')}
          placeholder={t('librarySearch')}
          value={query.search}
          onInput={(e) => change({ search: (e.currentTarget as HTMLInputElement).value }, e)}
        />
        <label>
          {t('librarySortBy')}{' '}
          <select
            value={query.sort}
            onChange={(e) => {
              const sort = (e.currentTarget as HTMLSelectElement).value as SortKey;
              change({ sort, descending: defaultDescending(sort) }, e);
            }}
          >
            {sorts.map(([key, label]) => (
              <option key={key} value={key}>
                {t(label)}
              </option>
            ))}
          </select>
        </label>
        <select
          aria-label={t('libraryFilterSite')}
          value={query.site}
          onChange={(e) => change({ site: (e.currentTarget as HTMLSelectElement).value }, e)}
        >
          <option value="">{t('libraryFilterSite')}</option>
          {facets.sites.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <select
          aria-label={t('libraryFilterTag')}
          value={query.tag}
          onChange={(e) => change({ tag: (e.currentTarget as HTMLSelectElement).value }, e)}
        >
          <option value="">{t('libraryFilterTag')}</option>
          {facets.tags.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <select
          aria-label={t('libraryFilterLang')}
          value={query.lang}
          onChange={(e) => change({ lang: (e.currentTarget as HTMLSelectElement).value }, e)}
        >
          <option value="">{t('libraryFilterLang')}</option>
          {facets.langs.map((s) => (
            <option key={s} value={s}>
              {languages?.of(s) ?? s}
            </option>
          ))}
        </select>
      </div>

      <div class="lib-select">
        <button type="button" onClick={() => setSelected(new Set(list))} disabled={!complete || length === 0}>
          {t('librarySelectAll')}
        </button>
        {selected.size > 0 && (
          <>
            <span class="lib-selected">{t('librarySelected', numbers.format(selected.size))}</span>
            <button type="button" onClick={() => setSelected(new Set())}>
              {t('libraryClearSelection')}
            </button>
            <input
              type="text"
              class="lib-tag"
              aria-label={t('libraryTagName')}
              placeholder={t('libraryTagName')}
              list="lib-tags"
              value={tagText}
              onInput={(e) => setTagText((e.currentTarget as HTMLInputElement).value)}
            />
            <datalist id="lib-tags">
              {facets.tags.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
            <button type="button" onClick={() => retag(true)} disabled={busy || !tagText.trim()}>
              {t('libraryAddTag')}
            </button>
            <button type="button" onClick={() => retag(false)} disabled={busy || !tagText.trim()}>
              {t('libraryRemoveTag')}
            </button>
            <button type="button" onClick={() => exportArticles(selectedIds(), 'md')} disabled={busy}>
              {t('libraryMarkdown')}
            </button>
            <button type="button" onClick={() => exportArticles(selectedIds(), 'html')} disabled={busy}>
              {t('libraryHtml')}
            </button>
            <button type="button" class="danger" onClick={() => remove(selectedIds())} disabled={busy}>
              {t('libraryDelete')}
            </button>
          </>
        )}
      </div>

      {notice && (
        <div class={`lib-notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <span>{notice.text}</span>
          {notice.undo && (
            <button type="button" onClick={() => notice.undo && undo(notice.undo)} disabled={busy}>
              {t('libraryUndo')}
            </button>
          )}
          {notice.details && notice.details.length > 0 && (
            <ul>
              {notice.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}

      <div
        class="lib-list"
        ref={listRef}
        aria-busy={ids === null}
        onScroll={(e) => {
          const el = e.currentTarget as HTMLDivElement;
          setScroll({ top: el.scrollTop, height: el.clientHeight || 800 });
        }}
      >
        {ids !== null && length === 0 && (
          <p class="lib-empty">{total === 0 && !filtered ? t('libraryEmpty') : t('libraryNoMatch')}</p>
        )}
        <ul class="lib-rows" style={{ height: `${length * ROW_HEIGHT}px` }}>
          {slots.map((index) => (
            <ArticleRow
              key={list[index] ?? `slot-${index}`}
              id={list[index] ?? ''}
              top={index * ROW_HEIGHT}
              entry={list[index] ? cache.current.get(list[index]) : undefined}
              selected={selected.has(list[index])}
              t={t}
              formatDate={(iso) => {
                const d = new Date(iso);
                return Number.isNaN(d.getTime()) ? '' : dates.format(d);
              }}
              onSelect={toggle}
              onExport={(format) => exportArticles([list[index]], format)}
              onDelete={() => remove([list[index]])}
            />
          ))}
        </ul>
      </div>
    </div>
  );
}
