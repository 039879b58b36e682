import type { CleanRule } from '../rule';

/** German news templates: Der Spiegel, Die Zeit. */
export const DE_SITES: CleanRule[] = [
  {
    id: 'site:spiegel.de/headline',
    why: 'Der Spiegel puts kicker and headline as two spans of one h2 in header[data-area="intro"] (the kicker goes, the headline is read from its span); the author links to /impressum/autor-….',
    sites: ['spiegel.de'],
    title: 'header[data-area="intro"] h2 span.align-middle',
    remove: ['header[data-area="intro"] h2 > span:not(.align-middle)'],
    byline: 'header[data-area="intro"] a[href*="/impressum/autor-"]',
  },
  {
    id: 'site:spiegel.de/data-areas',
    why: 'Der Spiegel marks its boxes with data-area: related articles, teaser lists and the Spiegel+ paywall box inside the body.',
    sites: ['spiegel.de'],
    stage: 'both',
    remove: [
      '[data-area="related_articles"]',
      '[data-area="article-teaser-list"]',
      '[data-area="paywall"]',
      '[data-area="contentbox"]',
    ],
  },
  {
    id: 'site:zeit.de/headline',
    why: 'Die Zeit splits the h1 into article-heading__kicker and article-heading__title; only the title is the headline (the kicker goes).',
    sites: ['zeit.de'],
    title: '.article-heading__title',
    remove: ['.article-heading__kicker'],
  },
  {
    id: 'site:zeit.de/page-tools',
    why: 'Die Zeit adds a table of pages ("Inhalt", "Auf einer Seite lesen") and an audio player ("Artikel hören").',
    sites: ['zeit.de'],
    stage: 'both',
    remove: ['.article-toc', '.article-player', '.article-pagination'],
    text: { patterns: ['auf einer seite lesen', 'artikel hören(?: \\d+:\\d+)?'] },
  },
];
