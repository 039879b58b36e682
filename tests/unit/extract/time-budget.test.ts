// The extraction's time budget, with a clock the test drives (one millisecond per reading), so that when time
// runs out is decided here, never raced against a real clock.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../bin/lib/parse-html';
import { runExtraction } from '../../../utils/extension/run-extraction';
import { extractArticle } from '../../../utils/extract';
import { paragraphsOf } from '../../../utils/extract/article-text';
import {
  isTimeBudgetError,
  startDeadline,
  TIME_BUDGET_MS,
  TimeBudgetError,
} from '../../../utils/extract/time-budget';

const URL = 'https://harbour.example/news/2024/03/05/harbour-council-approves-tide-barrier.html';
const PAGE = `<!doctype html><html lang="en"><head><title>Harbour council approves the tide barrier</title>
<meta property="og:type" content="article"></head><body>
<nav><a href="/">Home</a> <a href="/politics">Politics</a></nav>
<article><h1>Harbour council approves the tide barrier</h1>
<div class="loading">Loading...</div>
<p>The harbour council voted on Tuesday evening to approve the construction of a tide barrier across the old port,
ending a debate that has divided the town for more than a decade. The vote passed by eleven to four.</p>
<p>"This barrier will protect three thousand homes from the winter floods," said Anna Verdi, the mayor of the town,
after the vote. She added that work would begin in the spring and last two years.</p>
<div class="ad"><span>Advertisement</span></div>
<p>"We are worried about the fishing boats," said Luca Bianchi, a spokesman for the fishermen's cooperative. The
cooperative had asked for a second channel for small boats, and the council promised a study of it.</p>
<p>Engineers estimate the barrier will cost forty million euros, most of it paid by the regional government, and
the remaining share will come from a bond the council plans to issue later this year.</p>
</article><footer>© The Daily Harbour</footer></body></html>`;

/** A clock that moves one millisecond each time it is read, and counts its readings. */
function tickingClock() {
  let t = 0;
  return { now: () => t++, readings: () => t };
}

const extract = (budgetMs: number, now: () => number) =>
  extractArticle(parseHtml(PAGE, URL), URL, { timeBudgetMs: budgetMs, now });

describe('startDeadline', () => {
  it('passes until the budget is spent, then throws one clear line', () => {
    let t = 100;
    const deadline = startDeadline(2_000, () => t);
    t = 2_100; // exactly the budget: still in time
    expect(() => deadline.check()).not.toThrow();
    t = 2_101;
    expect(() => deadline.check()).toThrow(TimeBudgetError);
    expect(() => deadline.check()).toThrow('page took too long to read: over 2 s (the time budget)');
  });

  it('names the budget in seconds, and is recognised by name across realms', () => {
    expect(new TimeBudgetError(TIME_BUDGET_MS).message).toBe(
      'page took too long to read: over 5 s (the time budget)',
    );
    expect(new TimeBudgetError(1_500).message).toContain('over 1.5 s');
    const copy = Object.assign(new Error('x'), { name: 'TimeBudgetError' });
    expect(isTimeBudgetError(copy)).toBe(true);
    expect(isTimeBudgetError(new Error('x'))).toBe(false);
  });
});

describe('extractArticle with a time budget', () => {
  // The reference run: a clock that never runs out, counting how often the pipeline looks at it.
  const clock = tickingClock();
  const full = extract(Number.MAX_SAFE_INTEGER, clock.now);
  const checks = clock.readings() - 1; // the first reading starts the deadline
  const paragraphs = paragraphsOf(full.text).length;

  it('reads the page whole when time is left, and looks at the clock all along the pipeline', () => {
    expect(full.text).toContain('The vote passed by eleven to four.');
    expect(full.text).not.toContain('Loading...');
    expect(full.quotes.map((q) => q.speaker)).toEqual(['Anna Verdi', 'Luca Bianchi']);
    // Between stages, on every element the rules look at, before every paragraph of the quote finder.
    expect(checks).toBeGreaterThan(20 + paragraphs);
  });

  it('without a budget, never reads a clock', () => {
    let read = 0;
    const article = extractArticle(parseHtml(PAGE, URL), URL, { now: () => read++ });
    expect(read).toBe(0);
    expect(article.text).toBe(full.text);
  });

  it('time running out at any check before the article is read ends with TimeBudgetError, nothing else', () => {
    // The quote finder's checks are the last ones, one per paragraph; every check before them ends the extraction.
    const outcomes = new Set<string>();
    for (let k = 1; k <= checks - paragraphs; k++) {
      try {
        extract(k - 1, tickingClock().now);
        outcomes.add('article');
      } catch (e) {
        outcomes.add(e instanceof TimeBudgetError ? e.message : `other: ${String(e)}`);
      }
    }
    expect([...outcomes]).toEqual(['page took too long to read: over 0 s (the time budget)']);
  });

  it('time running out in the quote finder keeps the article, without quotes', () => {
    const article = extract(checks - paragraphs + 1, tickingClock().now);
    expect(article.text).toBe(full.text);
    expect(article.html).toBe(full.html);
    expect(article.quotes).toEqual([]);
    expect(article.speakers).toEqual([]);
  });
});

describe('runExtraction (the extension, in the tab)', () => {
  it('has the time budget on: a slow page gets the one-line message the popup and clean view show', () => {
    let t = 0;
    const result = runExtraction(parseHtml(PAGE, URL), URL, [], {
      // Each reading of the clock is a second later: the budget is spent at the first check.
      now: () => (t += 1_000),
    });
    expect(result).toEqual({
      ok: false,
      error: `page took too long to read: over ${TIME_BUDGET_MS / 1000} s (the time budget)`,
    });
  });

  it('a page read in time is unchanged', () => {
    const result = runExtraction(parseHtml(PAGE, URL), URL, [], { now: () => 0 });
    expect(result.ok && result.article.text).toContain('The vote passed by eleven to four.');
  });
});
