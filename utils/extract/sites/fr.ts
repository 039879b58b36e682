import type { CleanRule } from '../rule';

/** French news templates: Le Monde, Le Figaro. */
export const FR_SITES: CleanRule[] = [
  {
    id: 'site:lemonde.fr/headline',
    why: 'Le Monde names headline, author and date article__title / meta__author / meta__date.',
    sites: ['lemonde.fr'],
    title: 'h1.article__title',
    byline: '.meta__author',
    date: '.meta__date time[datetime]',
  },
  {
    id: 'site:lemonde.fr/inline-boxes',
    why: 'Le Monde splits its body with in-read ad slots, "Lire aussi" sibling boxes and the reactions counter.',
    sites: ['lemonde.fr'],
    stage: 'both',
    remove: ['.inread', '.dfp__inread', '.article__siblings', '.article__reactions', '.meta__social'],
  },
  {
    id: 'site:lemonde.fr/other-device',
    why: 'Le Monde shows "Lecture du Monde en cours sur un autre appareil" when the account reads on two devices.',
    sites: ['lemonde.fr'],
    stage: 'both',
    text: { patterns: ['lecture du monde en cours sur un autre appareil.{0,240}'], maxLength: 320 },
  },
  {
    id: 'site:lefigaro.fr/headline',
    why: 'Le Figaro names headline and author fig-headline / fig-content-metas__author.',
    sites: ['lefigaro.fr'],
    title: 'h1.fig-headline',
    byline: '.fig-content-metas__author',
  },
  {
    id: 'site:lefigaro.fr/body-boxes',
    why: 'Le Figaro puts "À lire aussi" link cards (fig-body-link), ad slots and its premium badge inside the body.',
    sites: ['lefigaro.fr'],
    stage: 'both',
    remove: ['.fig-body-link', '.fig-ad-content', '.fig-premium-mark', '.fig-content__tags'],
  },
];
