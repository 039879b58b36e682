import { describe, expect, it } from 'vitest';
import { isDateline } from '../../../utils/extract/apply-rules';
import { isLexiconBlock, LEXICON, normalizeBlock } from '../../../utils/extract/lexicon';

describe('lexicon: whole blocks of boilerplate, in every language', () => {
  it.each([
    ['loading', 'Loading...'],
    ['loading', 'loading…'],
    ['loading', 'Loading comments…'],
    ['loading', 'Caricamento…'],
    ['loading', 'Chargement en cours…'],
    ['loading', 'Wird geladen...'],
    ['loading', 'Cargando...'],
    ['ad', 'Advertisement'],
    ['ad', 'ADVERTISEMENT'],
    ['ad', 'Pubblicità'],
    ['ad', 'Publicité'],
    ['ad', 'Anzeige'],
    ['ad', 'Werbung'],
    ['ad', 'Publicidad'],
    ['ad', 'Sponsored'],
    ['ad', 'Brand connect'],
    ['ad', 'Story continues below advertisement'],
    ['copyright', 'Riproduzione riservata ©'],
    ['copyright', 'All rights reserved'],
    ['copyright', 'Tous droits réservés'],
    ['copyright', 'Alle Rechte vorbehalten'],
    ['copyright', 'Todos los derechos reservados'],
    ['copyright', '© 2024 Example Media. All rights reserved.'],
    ['readingTime', "1' di lettura"],
    ['readingTime', '3 min read'],
    ['readingTime', '4 min de lecture'],
    ['readingTime', '5 Min. Lesezeit'],
    ['readingTime', '2 min de lectura'],
    ['subscribe', 'Iscriviti'],
    ['subscribe', 'Sign up'],
    ['share', 'Condividi'],
    ['share', 'Artikel verschenken'],
    ['media', 'Image 1 of 5'],
  ] as const)('%s: %j is boilerplate', (key, text) => {
    expect(isLexiconBlock(key, text)).toBe(true);
  });

  it.each([
    ['loading', 'A container ship was still loading cargo at the quay.'],
    ['loading', 'loading cargo'],
    ['ad', "The city's advertisement campaign cost more than expected."],
    ['ad', 'The campaign was sponsored by three local companies.'],
    [
      'copyright',
      'The court ruled that all rights reserved by the author remain with her heirs, a decision welcomed by lawyers.',
    ],
    ['readingTime', 'It took me 3 minutes to read the whole report, and it was not worth it.'],
    ['subscribe', 'Readers who subscribe to the paper get it at dawn.'],
  ] as const)('%s: %j is a sentence, not boilerplate', (key, text) => {
    expect(isLexiconBlock(key, text)).toBe(false);
  });

  it.each([
    ['Updated 10:01 pm PST, Tuesday, November 19, 2019', true],
    ['Nov. 20, 2019 Updated: Nov. 20, 2019 1:35 a.m.', true],
    ['Aggiornato il 12 marzo 2024 alle 10:30', true],
    ['Publié le 3 mars 2024 à 08h15', true],
    ['57 77%', false],
    ['The vote was held on November 19, 2019 in the town hall.', false],
  ])('dateline %j → %s', (text, want) => {
    expect(isDateline(text)).toBe(want);
  });

  it('normalises spacing, case and end punctuation', () => {
    expect(normalizeBlock('  LOADING…  ')).toBe('loading');
    expect(normalizeBlock('Leggi anche:')).toBe('leggi anche');
  });

  it('has the same lists for every language (a language is data only)', () => {
    const keys = Object.keys(LEXICON.en).sort();
    for (const [lang, lex] of Object.entries(LEXICON)) {
      expect(Object.keys(lex).sort(), lang).toEqual(keys);
      for (const k of keys)
        expect((lex as unknown as Record<string, string[]>)[k].length, `${lang}.${k}`).toBeGreaterThan(0);
    }
    expect(Object.keys(LEXICON)).toEqual(expect.arrayContaining(['en', 'it', 'fr', 'de', 'es']));
  });
});
