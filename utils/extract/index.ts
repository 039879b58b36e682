// The engine's public face: pure, a Document and a URL in, data out. Never touches browser.*.
export { detectArticle } from './detect-article';
export { type ExtractOptions, extractArticle } from './extract-article';
export type { Article, Detection, Quote, Speaker } from './types';
