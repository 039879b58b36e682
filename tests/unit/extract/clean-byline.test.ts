import { describe, expect, it } from 'vitest';
import { cleanByline } from '../../../utils/extract/clean-byline';

describe('cleanByline', () => {
  it.each([
    ['di Cristiana Gamba', 'Cristiana Gamba'],
    ['By Jane Doe', 'Jane Doe'],
    ['by Jane Doe', 'Jane Doe'],
    ['BY JANE DOE', 'JANE DOE'],
    ['par Jean Dupont', 'Jean Dupont'],
    ['Par Jean Dupont', 'Jean Dupont'],
    ['von Anna Schmidt', 'Anna Schmidt'],
    ['Von Anna Schmidt', 'Anna Schmidt'],
    ['por Lucía García', 'Lucía García'],
    ['Por Lucía García', 'Lucía García'],
    ['a cura di Marco Bianchi', 'Marco Bianchi'],
    ['di Luigi Di Maio', 'Luigi Di Maio'],
    ['Di Maio', 'Di Maio'],
    ['De Luca', 'De Luca'],
    ['By Jane Doe | Updated March 3, 2024', 'Jane Doe'],
    ['Jean Dupont, publié le 3 mars 2024', 'Jean Dupont'],
    ['  By   Jane   Doe  ', 'Jane Doe'],
    ['Written by: Tom Fisher', 'Tom Fisher'],
    ['https://example.com/authors/jane', null],
    ['', null],
    [null, null],
  ])('%j → %j', (raw, want) => {
    expect(cleanByline(raw)).toBe(want);
  });
});
