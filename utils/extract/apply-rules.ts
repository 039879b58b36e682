import { blockKey } from './block-key';
import { type CompiledSelectors, compileSelectors } from './compile-selectors';
import { KEPT_ATTR } from './hold-kept';
import { LEXICON, type LexiconKey, normalizeBlock, phraseSource } from './lexicon';
import type { CleanRule, RulesReport } from './rule';
import type { Deadline } from './time-budget';

export interface ApplyOptions {
  /** The page's host: rules with `sites` run only there. */
  host?: string;
  /** Which stage runs: before Readability (on the page) or after (on its output). */
  stage: 'before' | 'after';
  /** Keep the outerHTML of removed blocks, grouped by rule (for "what was removed"). */
  keepRemoved?: boolean;
  /** Adds to this report instead of a new one. */
  report?: RulesReport;
  /** Checked on every element and text block: a huge page ends with a TimeBudgetError, not a frozen tab. */
  deadline?: Deadline;
}

/** Blocks longer than this are never "a whole block of boilerplate" (a label, a button, a line of links). */
const MAX_BLOCK = 200;
const MAX_LINK_LINE = 300;
const HAS_WORD = /[\p{L}\p{N}©]/u;
const STOP_TAGS = new Set(['BODY', 'HTML', 'MAIN', 'ARTICLE']);
const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'LI',
  'SECTION',
  'ASIDE',
  'FIGURE',
  'FIGCAPTION',
  'HEADER',
  'FOOTER',
  'BLOCKQUOTE',
  'DD',
  'DT',
  'TD',
  'TH',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
]);

/** Does a rule run on this host? `sites` holds hosts or base domains. */
export function ruleAppliesTo(rule: CleanRule, host: string | undefined): boolean {
  if (!rule.sites?.length) return true;
  if (!host) return false;
  const h = host.toLowerCase().replace(/^www\./, '');
  return rule.sites.some((s) => {
    const site = s.toLowerCase().replace(/^www\./, '');
    return h === site || h.endsWith(`.${site}`);
  });
}

const textOf = (n: Node) => n.textContent ?? '';

function linkTextLength(el: Element): number {
  let n = 0;
  for (const a of el.querySelectorAll('a')) n += textOf(a).trim().length;
  return n;
}

/** Alone in its parent: no running text right before or after it (so "2019 <span>AD</span>" is not a label). */
function standsAlone(el: Element): boolean {
  for (const sib of [el.previousSibling, el.nextSibling]) {
    if (sib && sib.nodeType === 3 && /[\p{L}\p{N}]/u.test(textOf(sib))) return false;
  }
  return true;
}

/**
 * Does the element hold the article's running text (then a selector named it after something else)? Paragraphs
 * decide, not length: a giant menu is long but has no paragraph of prose.
 */
function holdsRunningText(el: Element, guard: number): boolean {
  let long = 0;
  for (const p of el.querySelectorAll('p')) {
    if (textOf(p).length >= 150 && !p.closest('a')) {
      long++;
      if (long >= 3 || textOf(el).length > guard) return true;
    }
  }
  return false;
}

interface Matcher {
  rule: CleanRule;
  kind: 'text' | 'linkLine' | 'heading';
  re?: RegExp;
  test?: (text: string) => boolean;
  maxLength: number;
}

let dateWords: Set<string> | null = null;
/** A block made only of date words, times and numbers, with at least one number. */
export function isDateline(text: string): boolean {
  if (text.length > 120 || !/\d/.test(text)) return false;
  dateWords ??= new Set(Object.values(LEXICON).flatMap((l) => l.dateWords));
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.length > 0 && words.every((w) => dateWords!.has(w));
}

let ctaWords: string[] | null = null;
/** How many call-to-action cue words a block holds. */
export function ctaCount(text: string): number {
  ctaWords ??= [...new Set(Object.values(LEXICON).flatMap((l) => l.ctaWords))];
  const t = text.toLowerCase();
  let n = 0;
  for (const w of ctaWords) if (t.includes(w)) n++;
  return n;
}

const reCache = new Map<string, RegExp>();
const selectorCache = new WeakMap<CleanRule, CompiledSelectors>();

function compiledOf(rule: CleanRule): CompiledSelectors {
  let c = selectorCache.get(rule);
  if (!c) {
    c = compileSelectors(rule.remove ?? []);
    selectorCache.set(rule, c);
  }
  return c;
}

/** querySelectorAll over a list; an invalid selector (a user rule's typo) is skipped, the others still run. */
function queryAll(root: ParentNode, selectors: string[]): Element[] {
  try {
    return [...root.querySelectorAll(selectors.join(','))];
  } catch {
    const out: Element[] = [];
    for (const s of selectors) {
      try {
        out.push(...root.querySelectorAll(s));
      } catch {
        /* skipped: rules are validated where they are edited */
      }
    }
    return out;
  }
}

function phrasesRegExp(
  lexicon: LexiconKey[] = [],
  phrases: string[] = [],
  patterns: string[] = [],
  prefix = false,
) {
  const key = `${prefix}|${lexicon.join(',')}|${phrases.join('\u0001')}|${patterns.join('\u0001')}`;
  let re = reCache.get(key);
  if (re) return re;
  const alts = new Set<string>();
  for (const k of lexicon)
    for (const lang of Object.values(LEXICON)) for (const p of lang[k]) alts.add(phraseSource(p));
  for (const p of phrases) alts.add(phraseSource(p));
  const sources = [...alts].sort((a, b) => b.length - a.length);
  const body = [...sources, ...patterns].join('|') || '(?!)';
  re = new RegExp(prefix ? `^(?:${body})(?![\\p{L}\\p{N}])` : `^(?:${body})$`, 'u');
  reCache.set(key, re);
  return re;
}

function matchersOf(rules: CleanRule[]): Matcher[] {
  const out: Matcher[] = [];
  for (const rule of rules) {
    if (rule.heading)
      out.push({
        rule,
        kind: 'heading',
        re: phrasesRegExp(rule.heading.lexicon, rule.heading.phrases),
        maxLength: 80,
      });
    if (rule.text?.lexicon?.length || rule.text?.patterns?.length)
      out.push({
        rule,
        kind: 'text',
        re: phrasesRegExp(rule.text.lexicon, [], rule.text.patterns),
        maxLength: rule.text.maxLength ?? MAX_BLOCK,
      });
    if (rule.text?.dateline) out.push({ rule, kind: 'text', test: isDateline, maxLength: 120 });
    const cta = rule.text?.cta;
    if (cta)
      out.push({
        rule,
        kind: 'text',
        test: (t) => ctaCount(t) >= cta,
        maxLength: rule.text?.maxLength ?? 300,
      });
    if (rule.linkLine)
      out.push({
        rule,
        kind: 'linkLine',
        re: phrasesRegExp(rule.linkLine.lexicon, rule.linkLine.prefixes, [], true),
        maxLength: rule.linkLine.maxLength ?? MAX_LINK_LINE,
      });
  }
  return out;
}

/** The largest wrapper of `el` that holds the same text and nothing else worth keeping. */
function widen(el: Element, root: Node, text: string): Element {
  let top = el;
  for (let i = 0; i < 6; i++) {
    const p = top.parentElement;
    if (!p || p === root || STOP_TAGS.has(p.tagName)) break;
    if (normalizeBlock(textOf(p)) !== text) break;
    top = p;
  }
  return top;
}

/** A "related" heading's list: the small box holding heading and links, or the list right after it. */
function relatedBlock(heading: Element, root: Node, maxBox?: number): Element[] {
  if (maxBox) {
    let top: Element = heading;
    for (let i = 0; i < 4; i++) {
      const p = top.parentElement;
      if (!p || p === root || STOP_TAGS.has(p.tagName) || textOf(p).trim().length > maxBox) break;
      top = p;
    }
    if (top !== heading) return [top];
  }
  let box: Element = heading;
  for (let i = 0; i < 4; i++) {
    const p = box.parentElement;
    if (!p || p === root || STOP_TAGS.has(p.tagName)) break;
    const len = textOf(p).trim().length;
    if (len > 3000) break;
    box = p;
    const rest = len - textOf(heading).trim().length;
    if (rest > 0 && linkTextLength(p) / rest >= 0.6) return [p];
  }
  const next = heading.nextElementSibling;
  if (next && /^(UL|OL|DIV|SECTION)$/.test(next.tagName)) {
    const len = textOf(next).trim().length;
    if (len > 0 && len < 3000 && linkTextLength(next) / len >= 0.6) return [heading, next];
  }
  return [heading];
}

const KEPT_EXCERPT = 160;

/**
 * Removes a block a rule (or a post-clean step, by its id) matched and reports it; a block the reader restored
 * stays where it is, so it is back at its place in the article. Returns whether the block was removed.
 */
export function removeBlock(report: RulesReport, ruleId: string, el: Element): boolean {
  const restoring = !!report.keep?.size;
  // What the reader restored comes back whole: neither it nor anything inside it is removed by another rule.
  if (restoring && el.closest(`[${KEPT_ATTR}]`)) return false;
  const key = restoring || report.blocks ? blockKey(ruleId, el) : '';
  if (report.keep?.has(key) || report.keep?.has(ruleId)) {
    el.setAttribute(KEPT_ATTR, key);
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, KEPT_EXCERPT);
    report.kept?.set(key, { rule: ruleId, text });
    return false;
  }
  report.counts.set(ruleId, (report.counts.get(ruleId) ?? 0) + 1);
  if (report.blocks) {
    const list = report.blocks.get(ruleId) ?? [];
    list.push({ key, html: el.outerHTML });
    report.blocks.set(ruleId, list);
  }
  // A box around a restored block goes, the restored block stays at its place.
  const kept = restoring ? [...el.querySelectorAll(`[${KEPT_ATTR}]`)] : [];
  el.replaceWith(...kept.filter((k) => !k.parentElement?.closest(`[${KEPT_ATTR}]`)));
  return true;
}

const LEAF_BLOCK_SELECTOR = 'p, li, h2, h3, h4, h5, h6, div';
const INNER_BLOCK_SELECTOR = 'p, li, h2, h3, h4, h5, h6, div, ul, ol, table, blockquote, figure';

/** The structural detectors named by rules' `structure`. */
function sameSite(href: string | null, host: string | undefined): boolean {
  if (!href || !host) return false;
  try {
    const h = new URL(href).hostname.replace(/^www\./, '');
    const base = host.replace(/^www\./, '');
    return h === base || h.endsWith(`.${base}`) || base.endsWith(`.${h}`);
  } catch {
    return false;
  }
}

function applyStructures(
  container: Element,
  rules: CleanRule[],
  report: RulesReport,
  host: string | undefined,
) {
  for (const rule of rules) {
    for (const kind of rule.structure ?? []) {
      if (kind === 'link-list') {
        // A list whose every item is a short link: a menu, a tag cloud, a list of sections.
        for (const list of container.querySelectorAll('ul, ol')) {
          const items = list.children;
          if (items.length < 3 || !list.isConnected) continue;
          let ok = true;
          for (const li of items) {
            const t = textOf(li).trim();
            if (li.localName !== 'li' || t.length > 30 || (t && linkTextLength(li) < 0.9 * t.length)) {
              ok = false;
              break;
            }
          }
          if (ok && textOf(list).trim()) removeBlock(report, rule.id, list);
        }
      } else if (kind === 'link-line') {
        // A line made of several links and little else: "Story A [VIDEO] | Story B [INSIGHT]".
        const lines = new Set<Element>();
        for (const a of container.querySelectorAll('a')) {
          const el = a.parentElement?.closest('p, div');
          if (el && el !== container && container.contains(el)) lines.add(el);
        }
        for (const el of lines) {
          if (!el.isConnected && !container.contains(el)) continue;
          const t = textOf(el).replace(/\s+/g, ' ').trim();
          if (t.length < 20 || t.length > 400) continue;
          const links = el.getElementsByTagName('a');
          if (links.length < 2 || el.querySelector(INNER_BLOCK_SELECTOR)) continue;
          if (linkTextLength(el) < 0.8 * t.replace(/[\s|•·,;:[\]()-]+/g, ' ').trim().length) continue;
          removeBlock(report, rule.id, el);
        }
      } else if (kind === 'link-only-block') {
        // A short block that is one link and nothing else: a teaser headline pointing elsewhere on the site.
        const checked = new Set<Element>();
        for (const a of container.querySelectorAll('a')) {
          const el = a.parentElement?.closest(LEAF_BLOCK_SELECTOR);
          // Each block once: a long block with many links must not cost its text once per link.
          if (!el || checked.has(el)) continue;
          checked.add(el);
          if (!container.contains(el) || el === container) continue;
          const t = textOf(el).replace(/\s+/g, ' ').trim();
          if (!t || t.length > 150 || t.split(' ').length < 3) continue;
          if (textOf(a).replace(/\s+/g, ' ').trim() !== t || el.getElementsByTagName('a').length !== 1)
            continue;
          // Teasers point to the site's own articles; a link elsewhere ("Get it on Amazon for $39") is content.
          if (!sameSite(a.getAttribute('href'), host) || el.querySelector(INNER_BLOCK_SELECTOR)) continue;
          removeBlock(report, rule.id, el);
        }
      }
    }
  }
}

/**
 * Applies cleaning rules to `root` (a document or an element), removing what they match, and reports how many
 * blocks each rule removed. One pass of selectors per rule, then one walk over the text for the whole-block
 * text rules, link lines and related headings.
 */
export function applyRules(root: Document | Element, rules: CleanRule[], options: ApplyOptions): RulesReport {
  const report: RulesReport = options.report ?? {
    counts: new Map(),
    blocks: options.keepRemoved ? new Map() : undefined,
  };
  const active = rules
    .filter((r) => (r.stage ?? 'before') === options.stage || r.stage === 'both')
    .filter((r) => ruleAppliesTo(r, options.host));
  if (!active.length) return report;
  const container: Node = 'body' in root ? (root.body ?? root) : root;
  const totalText = textOf(container).length;
  // A selector never takes the page's main text with it: such a match is a wrapper named after something else.
  const guard = Math.max(1000, 0.3 * totalText);

  const selectorRules = active.filter((r) => r.remove?.length);
  const compiled = selectorRules.map((r) => ({ rule: r, sel: compiledOf(r) }));
  const matchers = matchersOf(active);
  const take = (rule: CleanRule, el: Element): boolean => {
    if (!rule.force && (STOP_TAGS.has(el.tagName) || holdsRunningText(el, guard))) return false;
    return removeBlock(report, rule.id, el);
  };
  // One walk over the page: every simple selector of every rule is tested on each element (a removed element's
  // subtree is not visited), and the short text nodes are collected for the text rules on the way.
  const texts: Text[] = [];
  const wantText = matchers.length > 0;
  const deadline = options.deadline;
  const walk = (parent: Element) => {
    let next: ChildNode | null;
    for (let c: ChildNode | null = parent.firstChild; c; c = next) {
      next = c.nextSibling;
      if (c.nodeType === 3) {
        if (wantText) {
          const v = (c as Text).data;
          if (v.length <= MAX_LINK_LINE && HAS_WORD.test(v)) texts.push(c as Text);
        }
        continue;
      }
      if (c.nodeType !== 1) continue;
      deadline?.check();
      const el = c as Element;
      const cls = el.getAttribute('class');
      const id = el.getAttribute('id');
      let removed = false;
      for (const k of compiled) {
        if (k.sel.test(el, cls, id)) {
          removed = take(k.rule, el);
          break;
        }
      }
      if (!removed) walk(el);
    }
  };
  walk(container as Element);
  for (const k of compiled) {
    if (!k.sel.complex.length) continue;
    for (const el of queryAll(root, k.sel.complex)) {
      if (el.parentNode && el !== container && container.contains(el)) take(k.rule, el);
    }
  }

  applyStructures(container as Element, active, report, options.host);
  if (!matchers.length) return report;
  const seen = new Set<Element>();
  const doomed = new Map<Element, CleanRule>();
  for (const node of texts) {
    deadline?.check();
    let el = node.parentElement;
    for (let depth = 0; el && depth < 4; depth++, el = el.parentElement) {
      if (el === container || STOP_TAGS.has(el.tagName)) break;
      if (seen.has(el)) break;
      seen.add(el);
      const rawText = textOf(el);
      if (rawText.length > 2 * MAX_LINK_LINE) break;
      const text = normalizeBlock(rawText);
      if (!text) continue;
      let hit: Matcher | undefined;
      for (const m of matchers) {
        if (text.length > m.maxLength) continue;
        if (m.kind === 'heading' && !(HEADING_TAGS.has(el.tagName) || BLOCK_TAGS.has(el.tagName))) continue;
        if (m.kind === 'linkLine' && !BLOCK_TAGS.has(el.tagName) && el.tagName !== 'A') continue;
        if (m.test) {
          if (!m.test(text)) continue;
          hit = m;
          break;
        }
        const match = m.re?.exec(text);
        if (!match) continue;
        if (m.kind === 'linkLine') {
          const rest = text.length - match[0].length;
          if (rest > 0 && linkTextLength(el) < 0.6 * rest) continue;
          if (rest === 0 && el.tagName !== 'A' && !el.querySelector('a')) continue;
        }
        hit = m;
        break;
      }
      if (!hit) continue;
      if (hit.kind === 'text') {
        const top = widen(el, container, text);
        // Table cells are data (a score, a count), never labels to drop.
        if (standsAlone(top) && !top.closest('td, th')) doomed.set(top, hit.rule);
      } else if (hit.kind === 'heading') {
        if (standsAlone(el))
          for (const b of relatedBlock(el, container, hit.rule.heading?.box)) doomed.set(b, hit.rule);
      } else {
        doomed.set(widen(el, container, text), hit.rule);
      }
      break;
    }
  }
  for (const [el, rule] of doomed) {
    if (el.parentNode && container.contains(el)) removeBlock(report, rule.id, el);
  }
  return report;
}
