// Step 7 of the pipeline: the quotes and speakers of an article already read. Apart from steps 1–6 so that the
// extension can run it where the page is not waiting: its background, on the article the tab sent back.
import { extractQuotes } from '../quotes';
import { paragraphsOf } from './article-text';
import { type Deadline, NO_DEADLINE } from './time-budget';
import type { Article } from './types';

type ArticleQuotes = Pick<Article, 'quotes' | 'speakers'>;

/**
 * The article's quotes, found in its text's paragraphs (the ones Quote.paragraph counts). A failure in the quote
 * finder must not cost the reader the article: the article comes without quotes. So does running out of time in
 * it: the article is read by then, and it is what the reader asked for.
 */
function findArticleQuotes(article: Article, deadline: Deadline = NO_DEADLINE): ArticleQuotes {
  try {
    return extractQuotes(paragraphsOf(article.text), article.lang, deadline.check);
  } catch {
    return { quotes: [], speakers: [] };
  }
}

/** The article with its quotes (its fields keep their order: quotes and speakers are already there, empty). */
export function withQuotes(article: Article, deadline: Deadline = NO_DEADLINE): Article {
  return { ...article, ...findArticleQuotes(article, deadline) };
}
