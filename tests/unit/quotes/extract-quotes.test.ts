import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../utils/quotes';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const fixtures = join(root, 'tests/fixtures');

interface Expected {
  lang: string;
  /** Article text from elsewhere (a shared sample), relative to the project root. */
  source?: string;
  quotes: { text: string; speaker: string | null; role: string | null; paragraph?: number }[];
  speakers?: { name: string; role: string | null; quotes: number }[];
}

const paragraphsOf = (text: string) => text.split(/\n\s*\n/).filter((p) => p.trim());

const cases = readdirSync(fixtures)
  .filter((d) => d.startsWith('quotes-'))
  .map((name) => {
    const expected: Expected = JSON.parse(readFileSync(join(fixtures, name, 'expected.json'), 'utf8'));
    const file = expected.source ? resolve(root, expected.source) : join(fixtures, name, 'article.txt');
    return { name, expected, file };
  });

describe('quote fixtures (exact texts, speakers, roles)', () => {
  it.each(cases)('$name', ({ expected, file }) => {
    if (!existsSync(file)) throw new Error(`missing article: ${file}`);
    const { quotes, speakers } = extractQuotes(paragraphsOf(readFileSync(file, 'utf8')), expected.lang);
    expect(quotes.map(({ text, speaker, role }) => ({ text, speaker, role }))).toEqual(
      expected.quotes.map(({ text, speaker, role }) => ({ text, speaker, role })),
    );
    for (const [i, q] of expected.quotes.entries()) {
      if (q.paragraph !== undefined) expect(quotes[i].paragraph).toBe(q.paragraph);
    }
    if (expected.speakers) expect(speakers).toEqual(expected.speakers);
    for (const q of quotes) expect(q.confidence).toBeGreaterThan(0);
  });
});

// Every common convention of quotation marks, whatever the page language.
const marks: [string, string, string][] = [
  ['en', 'The minister said: “We will not raise taxes this year.”', 'We will not raise taxes this year.'],
  ['en', 'She told the BBC: ‘We will not raise taxes this year.’', 'We will not raise taxes this year.'],
  ['en', 'He said: "We will not raise taxes this year."', 'We will not raise taxes this year.'],
  ['it', 'Il ministro ha detto: «Non alzeremo le tasse quest’anno».', 'Non alzeremo le tasse quest’anno'],
  [
    'fr',
    'Le ministre a déclaré : « Nous n’augmenterons pas les impôts cette année ».',
    'Nous n’augmenterons pas les impôts cette année',
  ],
  [
    'fr',
    'Le ministre a déclaré\u00a0:\u00a0«\u00a0Nous n’augmenterons pas les impôts\u00a0».',
    'Nous n’augmenterons pas les impôts',
  ],
  [
    'de',
    'Der Minister sagte: „Wir werden die Steuern nicht erhöhen.“',
    'Wir werden die Steuern nicht erhöhen.',
  ],
  [
    'de',
    'Der Minister sagte: „Wir werden die Steuern nicht erhöhen.”',
    'Wir werden die Steuern nicht erhöhen.',
  ],
  [
    'de',
    'Der Minister sagte: ‚Wir werden die Steuern nicht erhöhen.‘',
    'Wir werden die Steuern nicht erhöhen.',
  ],
  [
    'de',
    'Der Minister sagte: »Wir werden die Steuern nicht erhöhen.«',
    'Wir werden die Steuern nicht erhöhen.',
  ],
  ['es', 'El ministro dijo: «No subiremos los impuestos este año».', 'No subiremos los impuestos este año'],
  ['en', 'The minister said: 「We will not raise taxes this year.」', 'We will not raise taxes this year.'],
  ['en', 'The minister said: 『We will not raise taxes this year.』', 'We will not raise taxes this year.'],
  [
    'ja',
    '大臣は「今年は増税しないことを約束します。国民の皆様に感謝します」と述べた。',
    '今年は増税しないことを約束します。国民の皆様に感謝します',
  ],
];

describe('quotation marks of every convention', () => {
  it.each(marks)('%s: %s', (lang, sentence, text) => {
    const { quotes } = extractQuotes([sentence], lang);
    expect(quotes.map((q) => q.text)).toEqual([text]);
  });
});

// Attribution after, before and inside the quote, French inversion and evidentials.
const attributions: [string, string[], string, string | null][] = [
  ['en', ['“We are ready,” said John Smith, the city’s police chief.'], 'John Smith', 'city’s police chief'],
  ['en', ['“We are ready,” John Smith said.'], 'John Smith', null],
  ['en', ['John Smith, the police chief, said: “We are ready.”'], 'John Smith', 'police chief'],
  ['en', ['According to John Smith, “the city is ready for the storm”.'], 'John Smith', null],
  ['en', ['Jane Roe runs the shelter.', '“We are ready,” she said.'], 'Jane Roe', null],
  [
    'en',
    [
      'Tom Reed coaches the team.',
      '“We were lucky,” he said.',
      'Anna Cole captains it.',
      '“We earned it,” she said.',
      '“Lucky or not, we won,” he said.',
    ],
    'Tom Reed',
    null,
  ],
  [
    'it',
    ['«Siamo pronti», ha detto Marco Rossi, assessore alla Sicurezza.'],
    'Marco Rossi',
    'assessore alla Sicurezza',
  ],
  ['it', ['Secondo Marco Rossi, «la città è pronta».'], 'Marco Rossi', null],
  [
    'it',
    ['«Siamo pronti - spiega Marco Rossi, assessore alla Sicurezza -, e lo saremo anche domani».'],
    'Marco Rossi',
    'assessore alla Sicurezza',
  ],
  ['fr', ['Marie Dupont dirige le centre.', '« Nous sommes prêts », explique-t-elle.'], 'Marie Dupont', null],
  [
    'fr',
    ['Marie Dupont dirige le centre.', '« Nous sommes prêts », a-t-elle déclaré.'],
    'Marie Dupont',
    null,
  ],
  ['fr', ['Selon Marie Dupont, « la ville est prête ».'], 'Marie Dupont', null],
  [
    'de',
    ['„Wir sind bereit“, sagte Anna Schmidt, Sprecherin der Stadt.'],
    'Anna Schmidt',
    'Sprecherin der Stadt',
  ],
  ['de', ['„Wir sind bereit“, so Anna Schmidt.'], 'Anna Schmidt', null],
  ['de', ['Laut Anna Schmidt ist die Stadt „auf alles vorbereitet“.'], 'Anna Schmidt', null],
  ['de', ['Anna Schmidt zufolge ist die Stadt „auf alles vorbereitet“.'], 'Anna Schmidt', null],
  ['de', ['Merkel: „Wir schaffen das.“'], 'Merkel', null],
  ['de', ['Anna Schmidt hat am Montag gesagt: „Wir sind bereit.“'], 'Anna Schmidt', null],
  ['de', ['„Wir sind bereit“, hatte Anna Schmidt im Mai erklärt.'], 'Anna Schmidt', null],
  ['de', ['„Wir sind bereit“, stellte Anna Schmidt fest.'], 'Anna Schmidt', null],
  ['en', ['“We are ready,” John Smith has said.'], 'John Smith', null],
  ['en', ['John Smith told Reuters: “We are ready.”'], 'John Smith', null],
  ['it', ['«Siamo pronti», dice Marco Rossi.'], 'Marco Rossi', null],
  ['it', ['«Siamo pronti», disse Marco Rossi.'], 'Marco Rossi', null],
  ['fr', ['« Nous sommes prêts », a déclaré Marie Dupont.'], 'Marie Dupont', null],
  ['fr', ['« Nous sommes prêts », déclara Marie Dupont.'], 'Marie Dupont', null],
  ['es', ['«Estamos preparados», ha dicho Ana García.'], 'Ana García', null],
  ['it', ['«Non ci fermeremo – ha detto il sindaco Sala –, e lo faremo presto».'], 'Sala', 'sindaco'],
  [
    'it',
    ['«La squadra c’è, il risultato è bugiardo». Così Aurelio De Laurentiis nel dopo partita.'],
    'Aurelio De Laurentiis',
    null,
  ],
  ['es', ['«Estamos preparados», afirma Ana García.'], 'Ana García', null],
  [
    'es',
    ['«Estamos preparados», dijo Ana García, portavoz del Ayuntamiento.'],
    'Ana García',
    'portavoz del Ayuntamiento',
  ],
  ['es', ['Según Ana García, «la ciudad está preparada».'], 'Ana García', null],
  ['fr', ['Marc Petit dirige la société.', 'Selon lui, « la reprise est là ».'], 'Marc Petit', null],
  ['de', ['Karl Berg leitet die Firma.', 'Laut ihm ist die Erholung „endlich da“.'], 'Karl Berg', null],
  [
    'es',
    ['La alcaldesa de Vigo, Ana Ruiz, habló ayer.', '«Estamos listos», añadió.'],
    'Ana Ruiz',
    'alcaldesa de Vigo',
  ],
];

describe('attribution patterns', () => {
  it.each(attributions)('%s: %j', (lang, paragraphs, speaker, role) => {
    const { quotes } = extractQuotes(paragraphs, lang);
    const q = quotes[quotes.length - 1]; // the last quote of the case is the one under test
    expect(q.speaker).toBe(speaker);
    expect(q.role).toBe(role);
  });
});

// Scare quotes, titles and names in quotes are not quotations.
const notQuotes: [string, string][] = [
  ['en', 'The so-called “green corridor” will be extended next year.'],
  ['en', 'Her new book, titled “The Long Road Home”, was published in May.'],
  ['en', 'The ship “Ocean Star” left the harbour on Monday.'],
  ['it', 'Il cosiddetto «bonus facciate» non sarà rinnovato.'],
  ['it', 'Il libro «La lunga strada» è uscito a maggio.'],
  ['fr', 'Le soi-disant « plan Marshall » des banlieues n’a pas été évoqué.'],
  ['de', 'Von der vielbeschworenen „Zeitenwende“ ist im Alltag wenig zu spüren.'],
  ['de', 'Das berichtete die „Süddeutsche Zeitung“ am Montag.'],
  ['de', 'Laut „Reuters“ wurden drei Menschen verletzt.'],
  ['es', 'El llamado «plan de choque» incluye dos mil nuevas plazas.'],
];

describe('not quotations', () => {
  it.each(notQuotes)('%s: %s', (lang, sentence) => {
    expect(extractQuotes([sentence], lang).quotes).toEqual([]);
  });
});

describe('output', () => {
  it('groups speakers in order of appearance with their counts', () => {
    const { speakers } = extractQuotes(
      [
        '“First,” said Ann Lee, a teacher.',
        '“Second,” said Bob Stone, a nurse.',
        '“Third point, and an important one,” Lee added.',
      ],
      'en',
    );
    expect(speakers).toEqual([
      { name: 'Ann Lee', role: 'teacher', quotes: 2 },
      { name: 'Bob Stone', role: 'nurse', quotes: 1 },
    ]);
  });

  it('works without a language and on empty input', () => {
    expect(extractQuotes([], null)).toEqual({ quotes: [], speakers: [] });
    expect(extractQuotes(['„Wir sind bereit“, sagte Anna Schmidt.'], null).quotes[0].speaker).toBe(
      'Anna Schmidt',
    );
  });
});

describe('robustness', () => {
  it('never throws on random text full of marks, and returns well-formed quotes', () => {
    const words = [
      'the',
      'said',
      'Tuesday',
      'città',
      'Straße',
      '東京',
      '😀',
      '“',
      '”',
      '„',
      '«',
      '»',
      '"',
      "'",
      '’',
      '‘',
      '‚',
      '「',
      '」',
      '\u200b',
      '\u202e',
      '-',
      '—',
      ',',
      '.',
      ':',
      'sagte',
      'er',
      'ha detto',
      'explique-t-il',
      'Merkel:',
      'Mr.',
      '(',
      ')',
      'Anna Schmidt',
    ];
    let seed = 20240504;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    for (let c = 0; c < 400; c++) {
      const paragraphs = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () =>
        Array.from({ length: Math.floor(rnd() * 60) }, () => words[Math.floor(rnd() * words.length)]).join(
          rnd() < 0.8 ? ' ' : '',
        ),
      );
      const lang = ['en', 'de', 'it', 'fr', 'es', null, 'ja'][Math.floor(rnd() * 7)];
      const { quotes, speakers } = extractQuotes(paragraphs, lang);
      for (const q of quotes) {
        expect(typeof q.text).toBe('string');
        expect(q.paragraph).toBeGreaterThanOrEqual(0);
        expect(q.paragraph).toBeLessThan(paragraphs.length);
      }
      expect(speakers.reduce((n, s) => n + s.quotes, 0)).toBe(quotes.filter((q) => q.speaker).length);
    }
  });
});
