import { Readability } from '@mozilla/readability';
import { applyLazyImages } from './apply-lazy-images';
import { applyRules } from './apply-rules';
import { articleText, paragraphsOf } from './article-text';
import { cleanByline } from './clean-byline';
import { detectArticle } from './detect-article';
import { clearKept, holdKept, putBackKept } from './hold-kept';
import { jsonLdObjects } from './json-ld';
import { checkLimits } from './limits';
import { postClean } from './post-clean';
import { absolutizeUrls, prepareDocument } from './prepare-document';
import { guessLang, type Metadata, readMetadata } from './read-metadata';
import type { CleanRule, RulesReport } from './rule';
import { GENERIC_RULES } from './rules';
import { sanitizeElement } from './sanitize-html';
import { rulesForHost } from './sites';
import { type Deadline, NO_DEADLINE, startDeadline } from './time-budget';
import { detectTruncation } from './truncation';
import type { Article } from './types';

export interface ExtractOptions {
  /** Extra rules (site or user) applied with the generic ones, in the same format (see rule.ts). */
  rules?: CleanRule[];
  /** Leave the generic rules out (to compare, or to restore everything they removed). */
  genericRules?: boolean;
  /** Leave the per-site rules of utils/extract/sites out (to measure what they add). */
  siteRules?: boolean;
  /** Return the removed blocks' HTML grouped by rule in Article.removedBlocks ("what was removed"). */
  keepRemoved?: boolean;
  /**
   * What the reader restored: keys of removed blocks (Article.removedBlocks[].keys), or ids of rules (every block
   * of the rule). The rules still run, but these blocks come back at their place in the article, even where
   * Readability would drop them (see hold-kept.ts); with keepRemoved they are listed in Article.keptBlocks.
   */
  keepBlocks?: string[];
  /**
   * Milliseconds the extraction may take before it ends with a TimeBudgetError (see time-budget.ts); none when
   * left out. The extension passes TIME_BUDGET_MS: there the page's own tab waits for us.
   */
  timeBudgetMs?: number;
  /** The clock for timeBudgetMs, in milliseconds (tests give their own); performance.now by default. */
  now?: () => number;
}

/** The deadline of one extraction, from its options. */
export function deadlineFor(options: ExtractOptions): Deadline {
  return options.timeBudgetMs === undefined ? NO_DEADLINE : startDeadline(options.timeBudgetMs, options.now);
}

const WORDS_PER_MINUTE = 230;
/** Below this many characters, a cleaned page that gave (almost) nothing is retried without the rules. */
const MIN_TEXT = 250;

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

function firstMatch(
  doc: Document,
  rules: CleanRule[],
  key: 'content' | 'title' | 'byline' | 'date',
): Element | null {
  for (const r of rules) {
    const sel = r[key];
    if (!sel) continue;
    try {
      const el = doc.querySelector(sel);
      if (el) return el;
    } catch {
      /* an invalid selector in a user rule gives nothing */
    }
  }
  return null;
}

/** The page's base URL: its own <base href> resolved against the URL, or the URL. */
function baseOf(doc: Document, url: string): string {
  const own = doc.querySelector('base[href]')?.getAttribute('href');
  try {
    return own ? new URL(own, url).href : url;
  } catch {
    return url; // a broken <base> is ignored, as browsers do
  }
}

/**
 * The page to work on, prepared and cleaned: a copy of the body in an inert document (nothing in it loads or
 * runs), with of the head only what Readability reads (title, meta, language, base). The body is prepared and
 * cleaned while still detached, where removing costs least, and only then put in the document.
 */
function cleanedClone(doc: Document, base: string, clean: (root: Document | Element) => void): Document {
  if (doc.body?.localName !== 'body') {
    const full = doc.cloneNode(true) as Document;
    clean(full);
    return full;
  }
  const out = doc.implementation.createHTMLDocument('');
  for (const a of doc.documentElement.attributes) {
    // The HTML parser accepts attribute names ("2x", "--") that setAttribute refuses; only lang and dir matter here.
    try {
      out.documentElement.setAttribute(a.name, a.value);
    } catch {}
  }
  out.title = doc.title;
  const baseEl = out.createElement('base');
  baseEl.setAttribute('href', base);
  out.head.append(baseEl);
  for (const m of doc.querySelectorAll('head meta[content]')) out.head.append(out.importNode(m, false));
  const body = out.importNode(doc.body, true);
  clean(body);
  out.documentElement.replaceChild(body, out.body);
  return out;
}

/** What Readability found: the article's element and the same metadata fields as the page's own (read-metadata.ts). */
type Parsed = Omit<Metadata, 'kicker'> & { content: Element | null };

function runReadability(doc: Document): Parsed | null {
  const r = new Readability<Element>(doc, { serializer: (n) => n as Element, disableJSONLD: true }).parse();
  if (!r) return null;
  return {
    content: r.content ?? null,
    title: r.title ?? null,
    byline: r.byline ?? null,
    siteName: r.siteName ?? null,
    lang: r.lang ?? null,
    publishedTime: r.publishedTime ?? null,
    excerpt: r.excerpt ?? null,
  };
}

/**
 * Steps 1–6 of DESIGN.md's pipeline: the clean Article without its quotes (quotes and speakers empty; see
 * extract-article.ts for the whole). Works on a clone: the given document is never changed. Pure: the window it
 * needs (for the sanitizer) is the document's own. Imports nothing of utils/quotes, so that a bundle which calls
 * only this (the extension's in-tab extractor) leaves the quote finder out.
 */
export function extractArticleText(
  doc: Document,
  url: string,
  options: ExtractOptions = {},
  deadline: Deadline = deadlineFor(options),
): Article {
  const view = doc.defaultView;
  if (!view) throw new Error('The document has no window to sanitize with');
  checkLimits(doc);
  const ld = jsonLdObjects(doc);
  const detection = detectArticle(doc, url, ld);
  const meta = readMetadata(doc, ld);
  const host = hostOf(url);
  // The caller's (user) rules first: for content/title/byline/date the first matching rule wins.
  const siteRules = [...(options.rules ?? []), ...(options.siteRules === false ? [] : rulesForHost(host))];
  const rules = [...(options.genericRules === false ? [] : GENERIC_RULES), ...siteRules];
  const report: RulesReport = {
    counts: new Map(),
    blocks: options.keepRemoved ? new Map() : undefined,
    keep: new Set(options.keepBlocks),
    kept: options.keepRemoved ? new Map() : undefined,
  };

  // 1 prepare, 2 clean, on a clone.
  const base = baseOf(doc, url);
  let held: Element[] = [];
  const clone = cleanedClone(doc, base, (root) => {
    applyLazyImages(root, siteRules, host);
    prepareDocument(root);
    deadline.check();
    applyRules(root, rules, { stage: 'before', host, report, deadline });
    held = holdKept(root);
  });
  const chosen = firstMatch(clone, siteRules, 'content');
  if (chosen && clone.body) clone.body.replaceChildren(chosen);

  // 3 Readability on the cleaned clone; when cleaning left it nothing, the page as it was. Its parse cannot be
  // interrupted: it starts only while time is left, on a page the node and depth limits keep bounded.
  deadline.check();
  let parsed = runReadability(clone);
  if (!parsed?.content || (parsed.content.textContent ?? '').trim().length < MIN_TEXT) {
    deadline.check();
    const plain = cleanedClone(doc, base, prepareDocument);
    const retry = runReadability(plain);
    if (
      retry?.content &&
      (retry.content.textContent ?? '').length > (parsed?.content?.textContent ?? '').length
    ) {
      parsed = retry;
      report.counts.clear();
      report.blocks?.clear();
      report.kept?.clear();
    }
  }
  const content = parsed?.content ?? clone.createElement('div');
  putBackKept(content, held);

  // 5 metadata (site rules' selectors first, then JSON-LD / meta / Readability's guesses).
  const title =
    firstMatch(doc, siteRules, 'title')?.textContent?.trim() ||
    meta.title ||
    parsed?.title ||
    doc.title ||
    '';
  const byline =
    cleanByline(firstMatch(doc, siteRules, 'byline')?.textContent) ??
    meta.byline ??
    cleanByline(parsed?.byline);

  // 4 post-clean.
  deadline.check();
  postClean(content, { title, kicker: meta.kicker, byline, host, rules, report, deadline });

  clearKept(content);
  absolutizeUrls(content, base);

  // 6 sanitize, then the text from the sanitized HTML (what the reader sees is what the text says).
  deadline.check();
  sanitizeElement(content, view);
  deadline.check();
  const html = content.innerHTML;
  const text = articleText(content);
  const paragraphs = paragraphsOf(text);
  const wordCount = text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
  const lang = meta.lang ?? parsed?.lang ?? guessLang(text);
  const publishedTime =
    firstMatch(doc, siteRules, 'date')?.getAttribute('datetime') ??
    meta.publishedTime ??
    parsed?.publishedTime ??
    null;

  const article: Article = {
    url,
    isArticle: detection.isArticle,
    detection: { score: detection.score, signals: detection.signals },
    title,
    byline,
    siteName: meta.siteName ?? parsed?.siteName ?? null,
    lang,
    publishedTime,
    excerpt: meta.excerpt ?? parsed?.excerpt ?? paragraphs[0]?.slice(0, 300) ?? null,
    text,
    html,
    wordCount,
    readingMinutes: Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE)),
    // Step 7 (article-quotes.ts) fills these in.
    quotes: [],
    speakers: [],
    removed: [...report.counts].map(([rule, count]) => ({ rule, count })),
    truncation: detectTruncation(doc, ld),
  };
  if (report.blocks) {
    article.removedBlocks = [...report.blocks].map(([rule, blocks]) => ({
      rule,
      html: blocks.map((b) => b.html),
      keys: blocks.map((b) => b.key),
    }));
    article.keptBlocks = [...(report.kept ?? [])].map(([key, { rule, text }]) => ({ rule, key, text }));
  }
  return article;
}
