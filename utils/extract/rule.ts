import type { LexiconKey } from './lexicon';

/**
 * One cleaning rule, as plain JSON-able data. The generic rules (rules.ts), per-site rules and the reader's own
 * rules all use this one format; applyRules() runs any mix of them and reports which fired.
 *
 * A rule removes:
 * - `remove`: every element matching one of these CSS selectors (never the page's main text: an element holding
 *   most of the page's text is kept, see `force`);
 * - `text`: every block whose WHOLE text (normalised: lower case, squeezed spaces, end punctuation dropped) equals a
 *   phrase of the named lexicon lists (any language) or matches one of the `patterns` (regular-expression
 *   sources, matched against the whole normalised block); the wrappers around such a block that hold nothing
 *   else go with it;
 * - `linkLine`: every short block that starts with one of the lexicon/prefix phrases and whose remaining text is
 *   mostly links ("Leggi anche: <a>…</a>");
 * - `heading`: every heading (or short label) equal to one of the phrases, together with the list of links that
 *   follows it or the small box that holds both (related / most-read lists); with `box`, the smallest box around
 *   the heading holding at most that many characters goes, links or not (a newsletter box and its blurb).
 *
 * Site rules may also name where the article's parts are (`content`, `title`, `byline`, `date`): the first
 * matching element wins over the generic guesses.
 */
export interface CleanRule {
  /** Stable identifier, reported in Article.removed (e.g. "ad-label", "site:ilsole24ore.com/brand-connect"). */
  id: string;
  /** Why the rule exists: its comment, shown to the reader in "what was removed". */
  why: string;
  /** Hosts or base domains the rule is for ("ilsole24ore.com" covers www.ilsole24ore.com); none: every site. */
  sites?: string[];
  /** When it runs: on the page before Readability (default), on Readability's output, or both. */
  stage?: 'before' | 'after' | 'both';
  remove?: string[];
  text?: {
    lexicon?: LexiconKey[];
    patterns?: string[];
    maxLength?: number;
    /** Also blocks made only of date words and numbers ("Updated 10:01 pm PST, November 19, 2019"). */
    dateline?: boolean;
    /** Also short blocks holding at least this many call-to-action cue words (lexicon ctaWords). */
    cta?: number;
  };
  /** Named structural detectors, for Readability's output: lists of short links, blocks that are one link. */
  structure?: ('link-list' | 'link-line' | 'link-only-block')[];
  linkLine?: { lexicon?: LexiconKey[]; prefixes?: string[]; maxLength?: number };
  heading?: { lexicon?: LexiconKey[]; phrases?: string[]; box?: number };
  /** Remove matches of `remove` even when they hold most of the page's text (site and user rules only). */
  force?: boolean;
  content?: string;
  title?: string;
  byline?: string;
  date?: string;
  /** Lazy pictures the site's template hides from the generic preparation (see LazyImage); site and user rules. */
  lazyImages?: LazyImage[];
}

/**
 * A site's own lazy-picture markup, turned into a real image before cleaning: every element matching `selector`
 * (an <img>, or a placeholder such as BBC's div.js-delayed-image-load) gets, or becomes, an <img> whose src is the
 * value of its attribute `src`, with each `replace` pair applied (a size in the URL), srcset and alt likewise.
 */
export interface LazyImage {
  selector: string;
  src: string;
  srcset?: string;
  alt?: string;
  replace?: [string, string][];
}

/** A removed block: its key (see block-key.ts) and its HTML. */
export interface RemovedBlock {
  key: string;
  html: string;
}

/**
 * What applyRules() reports: how many blocks each rule removed, and (on request) the blocks themselves. It also
 * carries, from the caller, the blocks the reader restored: a rule still finds them, but they stay in place.
 */
export interface RulesReport {
  counts: Map<string, number>;
  blocks?: Map<string, RemovedBlock[]>;
  /** Keys of blocks the reader restored, or ids of rules (all their blocks): left in place, not counted. */
  keep?: ReadonlySet<string>;
  /** With `blocks`: the restored blocks the rules found, by key, with their rule and the start of their text. */
  kept?: Map<string, { rule: string; text: string }>;
}
