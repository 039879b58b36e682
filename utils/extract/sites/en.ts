import type { CleanRule } from '../rule';

/** English news templates: The Guardian, BBC News, Reuters, AP News, CNN, The New York Times. */
export const EN_SITES: CleanRule[] = [
  {
    id: 'site:theguardian.com/headline',
    why: 'The Guardian (DCR template) marks its parts with data-gu-name: the headline is in [data-gu-name="headline"].',
    sites: ['theguardian.com'],
    title: '[data-gu-name="headline"] h1',
  },
  {
    id: 'site:theguardian.com/epic-and-rich-links',
    why: 'The Guardian ends the body with the contributions "epic" (#slot-body-end) and drops rich-link cards into it.',
    sites: ['theguardian.com'],
    stage: 'both',
    remove: [
      '#slot-body-end',
      'gu-island[name="SlotBodyEnd"]',
      '[class*="contributions__epic"]',
      '[data-spacefinder-role="richLink"]',
      'aside[data-component="rich-link"]',
    ],
  },
  {
    id: 'site:theguardian.com/newsletter-skip-links',
    why: 'The Guardian wraps in-body newsletter promotions in skip links ("skip past newsletter promotion", "after newsletter promotion") that stay when the promotion goes.',
    sites: ['theguardian.com'],
    stage: 'both',
    remove: ['a[href^="#EmailSignup-skip-link"]', '[id^="EmailSignup-skip-link"]'],
    text: { patterns: ['skip past newsletter promotion', 'after newsletter promotion'] },
  },
  {
    id: 'site:bbc.co.uk/headline',
    why: 'BBC News names its headline h1#main-heading and its contributors [data-testid="byline-new-contributors"]; the byline block (name, then "BBC News, <place>") is read there and left out of the text.',
    sites: ['bbc.co.uk', 'bbc.com'],
    title: 'h1#main-heading',
    byline: '[data-testid="byline-new-contributors"] span[class*="Contributor"], [data-testid="byline-name"]',
    remove: ['[data-component="byline-block"]'],
  },
  {
    id: 'site:bbc.co.uk/delayed-images',
    why: 'BBC News (2015–2019 template) ships pictures as div.js-delayed-image-load with the URL in data-src at its smallest width (/news/320/); a script made them images.',
    sites: ['bbc.co.uk', 'bbc.com'],
    lazyImages: [
      {
        selector: 'div.js-delayed-image-load',
        src: 'data-src',
        alt: 'data-alt',
        replace: [['/news/320/', '/news/976/']],
      },
    ],
  },
  {
    id: 'site:bbc.co.uk/topic-blocks',
    why: 'BBC News ends the article with data-component blocks: "Related topics", tags and "Related internet links".',
    sites: ['bbc.co.uk', 'bbc.com'],
    stage: 'both',
    remove: [
      '[data-component="links-block"]',
      '[data-component="tag-list"]',
      '[data-component="topic-list"]',
      '[data-component="related-internet-links"]',
    ],
  },
  {
    id: 'site:bbc.co.uk/hidden-labels',
    why: 'BBC News prefixes picture credits and captions with screen-reader labels: "Image source, Getty Images", "Image caption, …" (since 2023), "Image copyright", "Media caption" (before), and "Media playback is unsupported on your device".',
    sites: ['bbc.co.uk', 'bbc.com'],
    stage: 'both',
    text: {
      patterns: [
        'image (?:source|copyright),? ?.{0,100}',
        '(?:image|media|video) caption,? ?.{0,280}',
        'media playback is unsupported on your device',
      ],
      maxLength: 320,
    },
  },
  {
    id: 'site:reuters.com/headline',
    why: 'Reuters names its parts with data-testid: Heading and AuthorByline.',
    sites: ['reuters.com'],
    title: 'h1[data-testid="Heading"]',
    byline: '[data-testid="AuthorByline"] a[rel="author"]',
  },
  {
    id: 'site:reuters.com/trust-and-promos',
    why: 'Reuters closes every story with "Our Standards: The Thomson Reuters Trust Principles" and puts picture counters ("Item 1 of 3") and newsletter promos in the body.',
    sites: ['reuters.com'],
    stage: 'both',
    remove: ['[data-testid="promo-box"]', '[data-testid="ReadNext"]', '[class*="trust-badge"]'],
    text: {
      patterns: [
        'our standards: the thomson reuters trust principles',
        'item \\d+ of \\d+ .{1,280}',
        '.{0,160}newsletter.{0,120}sign up here',
      ],
      maxLength: 320,
    },
  },
  {
    id: 'site:apnews.com/headline',
    why: 'AP News names its headline h1.Page-headline and its byline .Page-authors ("By …").',
    sites: ['apnews.com'],
    title: 'h1.Page-headline',
    byline: '.Page-authors',
  },
  {
    id: 'site:apnews.com/enhancements',
    why: 'AP News drops "Enhancement" modules (ads, related-coverage cards) and an actions bar between the paragraphs.',
    sites: ['apnews.com'],
    stage: 'both',
    remove: ['.Enhancement', '.Page-actions'],
  },
  {
    id: 'site:cnn.com/headline',
    why: 'CNN names headline and authors headline__text / byline__names; the byline box also holds "Updated …" and pictures.',
    sites: ['cnn.com'],
    title: 'h1.headline__text',
    byline: '.byline__names',
  },
  {
    id: 'site:cnn.com/embeds',
    why: 'CNN drops video cards (video-resource) with titles and durations, and picture credits, between the paragraphs.',
    sites: ['cnn.com'],
    stage: 'both',
    remove: ['.video-resource', '.image__credit', '.el__video--standard'],
  },
  {
    id: 'site:nytimes.com/headline',
    why: 'The New York Times names its headline and byline with data-testid ("headline", "byline").',
    sites: ['nytimes.com'],
    title: 'h1[data-testid="headline"]',
    byline: '[data-testid="byline"]',
  },
  {
    id: 'site:nytimes.com/print-line-and-notices',
    why: 'The New York Times closes with the print line ("A version of this article appears in print on …") and shows "Supported by", "Read in app" and a "trouble retrieving the article" notice.',
    sites: ['nytimes.com'],
    stage: 'both',
    remove: ['.bottom-of-article', '[data-testid="StandardAd"]', '#top-wrapper'],
    text: {
      patterns: [
        'a version of this article appears in print on .{1,300}',
        'supported by',
        'read in app',
        'we are having trouble retrieving the article content',
        'please enable javascript in your browser settings',
      ],
      maxLength: 400,
    },
  },
];
