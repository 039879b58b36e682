// The Preact components rendered in jsdom with the real strings of public/_locales (English and Italian): the
// button names are a contract, and every key a component asks for must exist in both languages.
import { JSDOM } from 'jsdom';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OptionsForm } from '@/components/OptionsForm';
import { Popup, type PopupProps } from '@/components/Popup';
import { Reader, type ReaderProps } from '@/components/Reader';
import type { MessageKey, Translate } from '@/utils/extension/i18n';
import { TooLargeError } from '@/utils/extract/limits';
import { TIME_BUDGET_MS, TimeBudgetError } from '@/utils/extract/time-budget';
import type { Article } from '@/utils/extract/types';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import en from '../../../public/_locales/en/messages.json';
import it_ from '../../../public/_locales/it/messages.json';

const asked = new Set<string>();
/** chrome.i18n.getMessage's $1…$9 substitution over a messages.json; a missing key fails the test. */
function translator(messages: Record<string, { message: string }>): Translate {
  return (key: MessageKey, ...subs) => {
    asked.add(key);
    const m = messages[key];
    if (!m) throw new Error(`missing string ${key}`);
    return m.message.replace(/\$(\d)/g, (_, n) => String(subs[Number(n) - 1] ?? ''));
  };
}

const article: Article = {
  url: 'https://news.example/2024/03/05/story',
  isArticle: true,
  detection: { score: 6, signals: [] },
  title: 'Harbour council approves the tide barrier',
  byline: 'Maria Rossi',
  siteName: 'The Daily Harbour',
  lang: 'en',
  publishedTime: '2024-03-05T08:30:00Z',
  excerpt: null,
  text: 'First paragraph.\n\n"Quote one," said Anna Verdi.\n\nLast paragraph.',
  html: '<p>First paragraph.</p><p>"Quote one," said Anna Verdi.</p><p>Last paragraph.</p>',
  wordCount: 9,
  readingMinutes: 4,
  quotes: [
    { text: 'Quote one', speaker: 'Anna Verdi', role: 'mayor', paragraph: 1, confidence: 0.9 },
    { text: 'Quote two', speaker: 'Anna Verdi', role: 'mayor', paragraph: 2, confidence: 0.9 },
    { text: 'Quote three', speaker: null, role: null, paragraph: 2, confidence: 0.5 },
  ],
  speakers: [{ name: 'Anna Verdi', role: 'mayor', quotes: 2 }],
  removed: [],
};

let dom: JSDOM;
let root: HTMLElement;
beforeEach(() => {
  dom = new JSDOM('<!doctype html><body><div id="app"></div></body>');
  Object.assign(globalThis, { document: dom.window.document, window: dom.window });
  root = dom.window.document.getElementById('app')!;
});
afterEach(() => {
  render(null, root);
});

const noop = () => {};
const popupProps = (t: Translate, state: PopupProps['state']): PopupProps => ({
  state,
  t,
  locale: 'en',
  notice: null,
  busySaving: false,
  onOpenCleanView: noop,
  onSave: noop,
  onCopy: noop,
  onLibrary: noop,
  onOptions: noop,
  onTryAnyway: noop,
  onRetry: noop,
});
const readerProps = (t: Translate, state: ReaderProps['state']): ReaderProps => ({
  state,
  t,
  locale: 'en',
  prefs: DEFAULT_SETTINGS.reader,
  notice: null,
  busySaving: false,
  onPrefs: noop,
  speech: { available: true, status: 'playing', rate: 1 },
  onSpeech: noop,
  onSave: noop,
  onPrint: noop,
  onQuoteClick: noop,
});
const buttons = () =>
  [...root.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent);

describe('Popup', () => {
  it.each([
    ['en', en, ['Open clean view', 'Save', 'Copy', 'Library', 'Options'], '4 min read'],
    ['it', it_, ['Apri vista pulita', 'Salva', 'Copia', 'Biblioteca', 'Opzioni'], '4 min di lettura'],
  ])('shows the article and the four actions in %s', (_, messages, names, readingTime) => {
    render(<Popup {...popupProps(translator(messages), { kind: 'ready', article })} />, root);
    expect(buttons()).toEqual(names);
    expect(root.querySelector('h1')?.textContent).toBe(article.title);
    expect(root.querySelector('.reading-time')?.textContent).toBe(readingTime);
    expect(root.querySelectorAll('.clean-text p')).toHaveLength(3);
    const speakers = [...root.querySelectorAll('.speaker-name')].map((e) => e.textContent);
    expect(speakers).toHaveLength(2);
    expect(speakers[0]).toContain('Anna Verdi, mayor');
  });

  it.each([
    ['en', en, 'finding', 'Finding quotes…', 'true'],
    ['it', it_, 'finding', 'Cerco le citazioni…', 'true'],
    ['en', en, 'unavailable', 'Quotes are unavailable for this page.', null],
    ['it', it_, 'unavailable', 'Citazioni non disponibili per questa pagina.', null],
  ] as const)(
    'shows the text while the quotes are not in (%s, %s): one line instead of the list',
    (_, messages, pending, line, busy) => {
      const textOnly = { ...article, quotes: [], speakers: [] };
      render(
        <Popup
          {...popupProps(translator(messages), { kind: 'ready', article: textOnly })}
          quotesPending={pending}
        />,
        root,
      );
      expect(root.querySelectorAll('.clean-text p')).toHaveLength(3);
      const section = root.querySelector('section.quotes')!;
      expect(section.getAttribute('aria-busy')).toBe(busy);
      expect(section.querySelector('p')?.textContent).toBe(line);
      expect(section.querySelectorAll('.speaker')).toHaveLength(0);
    },
  );

  it.each([
    ['restricted', { kind: 'restricted' }, "Nitido can't read this page", ['Library', 'Options']],
    [
      'not-article',
      { kind: 'not-article', article },
      "This page doesn't look like an article",
      ['Try anyway', 'Library', 'Options'],
    ],
    [
      'failed',
      { kind: 'failed', error: 'Boom' },
      "Couldn't extract this page",
      ['Try again', 'Library', 'Options'],
    ],
  ] as const)('has a clear state: %s', (_, state, title, names) => {
    render(<Popup {...popupProps(translator(en), state as PopupProps['state'])} />, root);
    expect(root.querySelector('.state-title')?.textContent).toBe(title);
    expect(buttons()).toEqual(names);
  });
});

describe('a page too big to read', () => {
  // The engine's one-line errors reach the popup and the clean view as the failed state's text.
  it.each([
    ['too large', new TooLargeError('nodes', 100_001, 100_000).message],
    ['too long', new TimeBudgetError(TIME_BUDGET_MS).message],
  ])('%s: popup and clean view say so in plain words under "Couldn\'t extract this page"', (_, error) => {
    const t = translator(en);
    render(<Popup {...popupProps(t, { kind: 'failed', error })} />, root);
    expect(root.querySelector('.state-title')?.textContent).toBe("Couldn't extract this page");
    expect(root.querySelector('.state-body')?.textContent).toBe(error);
    render(<Reader {...readerProps(t, { kind: 'failed', error })} />, root);
    expect(root.querySelector('h1')?.textContent).toBe("Couldn't extract this page");
    expect(root.querySelector('.state p')?.textContent).toBe(error);
  });
});

describe('Reader and options', () => {
  it.each([
    ['en', en],
    ['it', it_],
  ])('render in %s with every string present', (_, messages) => {
    const t = translator(messages);
    render(<Reader {...readerProps(t, { kind: 'ready', article, html: article.html })} />, root);
    expect(root.querySelector('a.original')?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(root.querySelector('.article-body')?.innerHTML).toBe(article.html);
    render(
      <OptionsForm t={t} settings={DEFAULT_SETTINGS} shortcut="Alt+Shift+R" saved={true} onChange={noop} />,
      root,
    );
    expect(root.textContent).toContain('Alt+Shift+R');
  });

  it('asked only for strings that exist (checked above) and used most of them', () => {
    const unused = Object.keys(en).filter((k) => !asked.has(k));
    // Strings used only by the background, the manifest or pages rendered elsewhere (the reader's own rules:
    // tests/unit/rules-user/components.test.tsx).
    expect(
      unused.filter(
        (k) =>
          !/^(ext|cmd|menu|badge|library|state(Loading|NotFound|NoTab)|saved|copied|readAloud(Pause|Resume|Unavailable)|readSavedCopy|optionsShortcutNone|quotesNone|quotesCountOne|rules|removed|truncation|popup(Pick|Selection))/.test(
            k,
          ),
      ),
    ).toEqual([]);
  });
});
