// The engine's public face: pure, a Document and a URL in, data out. Never touches browser.*.
export { applyRules, ruleAppliesTo } from './apply-rules';
export { withQuotes } from './article-quotes';
export { blockKey, ruleOfBlockKey } from './block-key';
export { cleanByline } from './clean-byline';
export { detectArticle } from './detect-article';
export { extractArticle } from './extract-article';
export { type ExtractOptions, extractArticleText } from './extract-article-text';
export { type LanguageLexicon, LEXICON } from './lexicon';
export type { CleanRule } from './rule';
export { GENERIC_RULES } from './rules';
export { sanitizeHtml, sanitizeHtmlEach } from './sanitize-html';
export { rulesForHost, SITE_RULES } from './sites';
export { detectTruncation, TRUNCATION_LEXICON, type Truncation } from './truncation';
export type { Article, Detection, Quote, Speaker } from './types';
