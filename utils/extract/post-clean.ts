import { applyRules, isDateline, removeBlock } from './apply-rules';
import { cleanByline } from './clean-byline';
import { LEXICON, normalizeBlock } from './lexicon';
import type { CleanRule, RulesReport } from './rule';
import type { Deadline } from './time-budget';

export interface PostCleanContext {
  title: string | null;
  kicker: string | null;
  byline: string | null;
  host?: string;
  rules: CleanRule[];
  report: RulesReport;
  deadline?: Deadline;
}

/** Only the top of the article holds headline, kicker, standfirst and byline copies. */
const HEAD_BLOCKS = 12;

/** "by" → "[bB][yY]": the prefix in any case, the names still capitalised. */
const anyCase = (s: string) =>
  [...s]
    .map((c) => (c.toLowerCase() !== c.toUpperCase() ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c))
    .join('');

const bylineStart = (): RegExp =>
  new RegExp(
    `^(?:${[...new Set(Object.values(LEXICON).flatMap((l) => l.bylinePrefix))].map(anyCase).join('|')})\\s+\\p{Lu}[\\p{L}'.-]+(?:\\s+\\p{Lu}[\\p{L}'.-]+){0,7}$`,
    'u',
  );
let bylineRe: RegExp | null = null;

const BLOCK_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'blockquote',
  'figcaption',
  'div',
  'header',
  'section',
  'dd',
  'dt',
]);
const SHOW_ELEMENT = 1; // NodeFilter.SHOW_ELEMENT, without the global (the DOM is the document's own)

const elementsUnder = (root: Element) => root.ownerDocument.createTreeWalker(root, SHOW_ELEMENT);

/** Stops at the first block: jsdom's querySelector would match the whole subtree before answering. */
function hasBlockInside(el: Element): boolean {
  const walker = elementsUnder(el);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (BLOCK_TAGS.has((node as Element).localName)) return true;
  }
  return false;
}

/**
 * The first text-bearing blocks of the article, in order: blocks with no block inside them. Walks in document
 * order and stops at the last one needed: a querySelectorAll of every block would cost the whole article (on a
 * live blog of 28,500 updates, seconds under jsdom) to keep twelve.
 */
function headBlocks(root: Element): Element[] {
  const out: Element[] = [];
  const walker = elementsUnder(root);
  for (let node = walker.nextNode(); node && out.length < HEAD_BLOCKS; node = walker.nextNode()) {
    const el = node as Element;
    if (!BLOCK_TAGS.has(el.localName) || hasBlockInside(el)) continue;
    if (!(el.textContent ?? '').trim()) continue;
    out.push(el);
  }
  return out;
}

/** "By Justine Coleman - 11/18/19 11:04 PM EST", "By Jane Doe and John Roe | Updated …": a byline and a date. */
function isBylineLine(raw: string): boolean {
  bylineRe ??= bylineStart();
  if (raw.length > 120) return false;
  const [first, ...rest] = raw.split(/\s+[-|–—•·]\s+|,\s+(?=\d|updated|published|posted)/i);
  const names = first.replace(/\s+(?:and|&|e|et|und|y)\s+/g, ' ').replace(/,\s*/g, ' ');
  return bylineRe.test(names.trim()) && rest.every((r) => isDateline(r) || !r.trim());
}

/**
 * Step 4: what Readability leaves that is still not the article. Residual boilerplate blocks (the rules' "after"
 * stage), and at the top: copies of the headline and kicker, a byline line, and a standfirst that only repeats the
 * start of the first paragraph.
 */
export function postClean(root: Element, ctx: PostCleanContext): void {
  applyRules(root, ctx.rules, { stage: 'after', host: ctx.host, report: ctx.report, deadline: ctx.deadline });

  const title = normalizeBlock(ctx.title ?? '');
  const kicker = normalizeBlock(ctx.kicker ?? '');
  const byline = normalizeBlock(ctx.byline ?? '');
  bylineRe ??= bylineStart();
  const blocks = headBlocks(root);
  for (let i = 0; i < blocks.length; i++) {
    const el = blocks[i];
    if (!el.isConnected && !root.contains(el)) continue;
    const raw = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const t = normalizeBlock(raw);
    let id: string | null = null;
    if (title && t === title) id = 'duplicate-headline';
    else if (kicker && t === kicker && i < 3) id = 'duplicate-headline';
    else if (
      raw.length < 80 &&
      ((byline && normalizeBlock(cleanByline(raw) ?? '') === byline) ||
        bylineRe.test(raw) ||
        isBylineLine(raw)) &&
      !/[.!?]$/.test(raw)
    )
      id = 'byline-line';
    else {
      const next = blocks[i + 1];
      const nt = next ? normalizeBlock(next.textContent ?? '') : '';
      // A standfirst that is the first paragraph's opening words, word for word.
      if (t.length >= 40 && nt.length > t.length && nt.startsWith(t.replace(/[.…]+$/, '')))
        id = 'duplicate-standfirst';
    }
    if (id) removeBlock(ctx.report, id, el);
  }
}
