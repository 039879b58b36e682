// The command line's text and Markdown renderings of an Article.
import { describe, expect, it } from 'vitest';
import { type Printed, toMarkdown, toText, wrap } from '../../../bin/lib/format-article';

const article = (over: Partial<Printed> = {}): Printed => ({
  file: 'a.html',
  url: 'https://news.example/a',
  isArticle: true,
  detection: { score: 1, signals: [] },
  title: 'Bridge reopens',
  byline: 'Ellen Marsh',
  siteName: 'The Tide',
  lang: 'en',
  publishedTime: '2024-05-04T09:00:00Z',
  excerpt: null,
  text: 'First paragraph.\n\nSecond paragraph.',
  html: '<p>First paragraph.</p><p>Second paragraph.</p>',
  wordCount: 4,
  readingMinutes: 1,
  quotes: [
    { text: 'It beats again', speaker: 'Maria Rossi', role: 'mayor', paragraph: 1, confidence: 0.9 },
    { text: '«Bene»', speaker: null, role: null, paragraph: 1, confidence: 0.5 },
  ],
  speakers: [{ name: 'Maria Rossi', role: 'mayor', quotes: 1 }],
  removed: [],
  ...over,
});

describe('toText', () => {
  it('title, facts, address, paragraphs, then quotes by speaker and unattributed last', () => {
    expect(toText(article())).toBe(
      [
        'Bridge reopens',
        '==============',
        'By Ellen Marsh · The Tide · 4 May 2024 · 1 min read',
        'https://news.example/a',
        '',
        'First paragraph.',
        '',
        'Second paragraph.',
        '',
        'Who said what',
        '-------------',
        'Maria Rossi, mayor',
        '  “It beats again”',
        '',
        'Unattributed',
        '  «Bene»',
        '',
      ].join('\n'),
    );
  });

  it('says so when there is no text, and wraps to a width', () => {
    expect(toText(article({ text: '', quotes: [], speakers: [] }))).toContain('(no article text found)');
    expect(toText(article({ publishedTime: '2024-05-04T00:30:00+02:00' }))).toContain(' · 4 May 2024 · ');
    expect(wrap('one two three four five six', 14)).toBe('one two three\nfour five six');
    expect(
      wrap('a '.repeat(30).trim(), 20, '  ')
        .split('\n')
        .every((l) => l.startsWith('  ') && l.length <= 20),
    ).toBe(true);
  });
});

describe('toMarkdown', () => {
  it('front matter, a title heading, the facts, the body', () => {
    const md = toMarkdown(article());
    expect(md).toMatch(
      /^---\ntitle: "Bridge reopens"\nbyline: "Ellen Marsh"\nsite: "The Tide"\nurl: "https:\/\/news\.example\/a"\n/,
    );
    expect(md).toContain('words: 4\nreading_minutes: 1\n---\n\n# Bridge reopens\n\n_By Ellen Marsh');
    expect(md).toContain('First paragraph.\n\nSecond paragraph.');
  });

  it('text that spells out a tag stays text in Markdown renderers', () => {
    const md = toMarkdown(
      article({
        title: '<img src=x onerror=alert(1)> news',
        html: '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
      }),
    );
    expect(md).toContain('# \\<img src=x onerror=alert(1)> news');
    expect(md).toContain('\\<script>alert(1)\\</script>');
    expect(md).toContain('title: "<img src=x onerror=alert(1)> news"'); // front matter is a JSON string
    expect(md.split('\n').filter((l) => /^[^-\\]*<(img|script)/.test(l) && !l.startsWith('title:'))).toEqual(
      [],
    );
  });
});
