import type { CleanRule } from '../rule';

/** Italian news templates: Il Sole 24 Ore, Corriere della Sera, la Repubblica. */
export const IT_SITES: CleanRule[] = [
  {
    id: 'site:ilsole24ore.com/headline',
    why: 'Il Sole 24 Ore names its headline h1.atitle and its byline p.auth ("di …"): both are read from there.',
    sites: ['ilsole24ore.com'],
    title: 'h1.atitle',
    byline: '.auth',
  },
  {
    id: 'site:ilsole24ore.com/audio-player',
    why: 'Il Sole 24 Ore puts an audio player ("Ascolta la versione audio dell’articolo") at the head of the body.',
    sites: ['ilsole24ore.com'],
    stage: 'both',
    remove: ['.aaudio', '[data-s24-audio]'],
    text: { patterns: ["ascolta la versione audio dell'articolo"] },
  },
  {
    id: 'site:corriere.it/headline',
    why: 'Corriere della Sera names its headline h1.title-art and its byline span.writer, a class no generic guess knows.',
    sites: ['corriere.it'],
    title: 'h1.title-art',
    byline: '.writer',
  },
  {
    id: 'site:corriere.it/channel-promo',
    why: 'Corriere closes its articles with a promo line for its WhatsApp channel and its newsletters.',
    sites: ['corriere.it'],
    stage: 'both',
    remove: ['.whatsapp-channel', '.box-iscrizione-nl'],
    text: {
      patterns: [
        'corriere della sera è anche su whatsapp.{0,160}',
        'se vuoi restare aggiornato.{0,120}iscriviti alla newsletter.{0,80}',
      ],
      maxLength: 300,
    },
  },
  {
    id: 'site:repubblica.it/headline',
    why: 'la Repubblica (GEDI template) names headline, author and date story__title / story__author / story__date.',
    sites: ['repubblica.it'],
    title: 'h1.story__title',
    byline: '.story__author',
    date: 'time.story__date',
  },
  {
    id: 'site:repubblica.it/toolbar',
    why: 'la Repubblica wraps the body in a toolbar (audio "Ascolta l’articolo", font size, share) and a tag strip.',
    sites: ['repubblica.it'],
    stage: 'both',
    remove: ['.story__toolbar', '.story__tags', '.story__audio'],
  },
];
