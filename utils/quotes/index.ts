// Quote summaries' public face: pure, paragraphs and a language in, quotes and speakers out.
export { extractQuotes } from './extract-quotes';
