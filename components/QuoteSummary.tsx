import type { Translate } from '@/utils/extension/i18n';
import type { Quote, Speaker } from '@/utils/extract/types';

export interface QuoteGroup {
  name: string | null;
  role: string | null;
  quotes: Quote[];
}

/** Quotes grouped by speaker in the order speakers are listed (most quoted first), unattributed ones last. */
export function groupQuotes(quotes: Quote[], speakers: Speaker[]): QuoteGroup[] {
  const groups = new Map<string | null, QuoteGroup>();
  for (const s of speakers) groups.set(s.name, { name: s.name, role: s.role, quotes: [] });
  for (const q of quotes) {
    let g = groups.get(q.speaker);
    if (!g) {
      g = { name: q.speaker, role: q.role, quotes: [] };
      groups.set(q.speaker, g);
    }
    g.quotes.push(q);
  }
  const list = [...groups.values()].filter((g) => g.quotes.length > 0);
  return [...list.filter((g) => g.name !== null), ...list.filter((g) => g.name === null)];
}

/** Quotes not in yet: still being found (the popup shows the text first), or not found at all. */
export type QuotesPending = 'finding' | 'unavailable';
const PENDING_TEXT = { finding: 'quotesFinding', unavailable: 'quotesUnavailable' } as const;

export interface QuoteSummaryProps {
  quotes: Quote[];
  speakers: Speaker[];
  t: Translate;
  /** Set while the quotes are not in: one line says why instead of the list. */
  pending?: QuotesPending;
  /** When given, each quote is a button (the clean view scrolls to it). */
  onQuoteClick?: (quote: Quote) => void;
  headingLevel?: 2 | 3;
}

export function QuoteSummary({
  quotes,
  speakers,
  t,
  pending,
  onQuoteClick,
  headingLevel = 2,
}: QuoteSummaryProps) {
  const groups = groupQuotes(quotes, speakers);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="quotes" aria-labelledby="quotes-title" aria-busy={pending === 'finding' || undefined}>
      <Heading id="quotes-title" class="section-title">
        {t('quotesTitle')}
      </Heading>
      {pending ? (
        <p class="muted quotes-pending">{t(PENDING_TEXT[pending])}</p>
      ) : groups.length === 0 ? (
        <p class="muted">{t('quotesNone')}</p>
      ) : (
        <ul class="speakers">
          {groups.map((g) => (
            <li class="speaker" key={g.name ?? '—'}>
              <p class="speaker-name">
                <strong>{g.name ?? t('quoteUnknownSpeaker')}</strong>
                {g.role ? <span class="speaker-role">, {g.role}</span> : null}
                <span class="speaker-count">
                  {' '}
                  · {g.quotes.length === 1 ? t('quotesCountOne') : t('quotesCount', g.quotes.length)}
                </span>
              </p>
              <ul class="speaker-quotes">
                {g.quotes.map((q) => (
                  <li key={`${q.paragraph}:${q.text}`}>
                    {onQuoteClick ? (
                      <button type="button" class="quote-link" onClick={() => onQuoteClick(q)}>
                        “{q.text}”
                      </button>
                    ) : (
                      <q>{q.text}</q>
                    )}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
