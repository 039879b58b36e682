// An Article made to order, for the library's unit and end-to-end tests.
import type { Article } from '../utils/extract/types';

export function makeArticle(over: Partial<Article> = {}): Article {
  const text = over.text ?? 'The harbour council approved the tide barrier.\n\nWork begins in spring.';
  return {
    url: 'https://news.example/harbour/barrier.html',
    isArticle: true,
    detection: { score: 0.9, signals: ['og:type=article'] },
    title: 'Harbour council approves the tide barrier',
    byline: 'Maria Rossi',
    siteName: 'The Daily Harbour',
    lang: 'en',
    publishedTime: '2024-03-05T08:30:00Z',
    excerpt: 'The harbour council voted on Tuesday.',
    text,
    html: `<p>${text.split('\n\n').join('</p><p>')}</p>`,
    wordCount: text.split(/\s+/).length,
    readingMinutes: 1,
    quotes: [],
    speakers: [],
    removed: [],
    ...over,
  };
}
