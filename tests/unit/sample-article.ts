// One well-formed Article, shared by the tests of the messages that carry one.
import type { Article } from '@/utils/extract/types';

export const SAMPLE_ARTICLE: Article = {
  url: 'https://news.example/2024/03/05/story',
  isArticle: true,
  detection: { score: 6, signals: ['og-article'] },
  title: 'A story',
  byline: 'Maria Rossi',
  siteName: 'Example News',
  lang: 'en',
  publishedTime: '2024-03-05T08:30:00Z',
  excerpt: null,
  text: 'One.\n\nTwo.',
  html: '<p>One.</p><p>Two.</p>',
  wordCount: 2,
  readingMinutes: 1,
  quotes: [{ text: 'Hello', speaker: 'Anna Verdi', role: 'mayor', paragraph: 1, confidence: 0.9 }],
  speakers: [{ name: 'Anna Verdi', role: 'mayor', quotes: 1 }],
  removed: [{ rule: 'ad-label', count: 1 }],
};
