// Finding quoted spans: every common convention of quotation marks, whatever the page language.

/** For each opening mark, the marks that may close it. */
const CLOSERS_OF: Record<string, string> = {
  '“': '”“"',
  '„': '“”"',
  '‚': '‘’',
  '‘': '’',
  '«': '»',
  '»': '«»',
  '‹': '›',
  '›': '‹›',
  '「': '」',
  '『': '』',
  '"': '"',
};
const OPENERS = new Set(Object.keys(CLOSERS_OF));
const ANY_MARK = /[“„‚‘«»‹›「『"”’」』]/;
const CLOSERS = new Set('”“"‘’»«›‹」』');
/** Marks that open and close the same way only in one direction, so spacing never decides for them. */
const GUILLEMETS = new Set('«»‹›');

/** One stretch of a quote inside one paragraph: `open` is the opening mark (-1 when the quote continues from
 * the paragraph before without a mark), `close` the closing mark (the paragraph's length when it runs on). */
export interface Piece {
  p: number;
  open: number;
  close: number;
}

export interface MarkedQuote {
  pieces: Piece[];
  mark: string;
  /** No closing mark was found anywhere. */
  unterminated: boolean;
}

const isSpace = (c: string | undefined) => c === undefined || /[\s\u00a0\u202f\u2009\u2007]/.test(c);
const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
/** Letters of scripts that write apostrophes inside words (don’t, l’esigenza); not Korean or Chinese. */
const isApostropheLetter = (c: string | undefined) =>
  c !== undefined && /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}]/u.test(c);
/** Characters after which a mark that is followed by text opens a quote. */
const isOpenContext = (c: string | undefined) =>
  isSpace(c) || (c !== undefined && /[([{\-–—/:;,.!?…>|*]/.test(c)) || (c !== undefined && OPENERS.has(c));

interface Open {
  ch: string;
  i: number;
}

/** Top-level quoted spans of one paragraph; `carry` is a quote left open by the paragraph before. */
function scanParagraph(
  par: string,
  carry: Open | null,
): { spans: { open: number; close: number; ch: string }[] } {
  const spans: { open: number; close: number; ch: string }[] = [];
  if (!carry && !ANY_MARK.test(par)) return { spans };
  const stack: Open[] = carry ? [carry] : [];
  for (let i = 0; i < par.length; i++) {
    const ch = par[i];
    if (!OPENERS.has(ch) && !CLOSERS.has(ch)) continue;
    const prev = par[i - 1];
    const next = par[i + 1];
    // An apostrophe inside a word (don’t, l’esigenza) is no mark.
    if ((ch === '’' || ch === '‘') && isApostropheLetter(prev) && isApostropheLetter(next)) continue;
    const top = stack[stack.length - 1];
    // CJK corner brackets open and close one way only, and CJK text has no spaces around them.
    const leftFlank = !isSpace(next) && (isOpenContext(prev) || ch === '「' || ch === '『');
    const spacedOpen = GUILLEMETS.has(ch) && isOpenContext(prev) && isSpace(next) && next !== undefined;
    const closesTop = top !== undefined && CLOSERS_OF[top.ch].includes(ch);
    let close = false;
    if (closesTop) {
      if (ch === '"' || (GUILLEMETS.has(ch) && ch !== top.ch)) close = true;
      else close = !(OPENERS.has(ch) && leftFlank && isSpace(prev));
    }
    if (close) {
      stack.pop();
      if (stack.length === 0) spans.push({ open: top.i, close: i, ch: top.ch });
      continue;
    }
    if (OPENERS.has(ch) && (leftFlank || spacedOpen)) {
      // “ and ’ after a letter close German and English quotes; an unmatched one opens nothing.
      if (!(ch === '“' && isLetter(prev))) {
        stack.push({ ch, i });
        continue;
      }
    }
    if (CLOSERS.has(ch)) {
      for (let k = stack.length - 2; k >= 0; k--) {
        if (CLOSERS_OF[stack[k].ch].includes(ch) && !isSpace(prev)) {
          const opened = stack[k];
          stack.length = k;
          if (k === 0) spans.push({ open: opened.i, close: i, ch: opened.ch });
          break;
        }
      }
    }
  }
  if (stack.length) spans.push({ open: stack[0].i, close: par.length, ch: stack[0].ch });
  return { spans };
}

const SAME_FAMILY: Record<string, string> = {
  '«': '«»',
  '»': '»«',
  '“': '“"„',
  '„': '„“',
  '"': '"“',
  '‘': '‘‚',
  '‚': '‚‘',
};

/** All top-level quotes of the article, joining quotes that run across paragraphs. */
export function findMarkedQuotes(paragraphs: string[]): MarkedQuote[] {
  const out: MarkedQuote[] = [];
  let running: MarkedQuote | null = null;
  for (let p = 0; p < paragraphs.length; p++) {
    const par = paragraphs[p];
    let spans = scanParagraph(par, null).spans;
    let continued = false;
    if (running) {
      const first = par.search(/\S/);
      const family = SAME_FAMILY[running.mark] ?? running.mark;
      if (first >= 0 && family.includes(par[first]) && spans.length && spans[0].open === first) {
        // English convention: the next paragraph opens the quote again.
        continued = true;
      } else {
        // The quote may close in this paragraph without opening again.
        const carried = scanParagraph(par, { ch: running.mark, i: -1 }).spans;
        if (carried.length && carried[0].open === -1 && carried[0].close < par.length) {
          spans = carried;
          continued = true;
        }
      }
      if (continued) {
        const s = spans[0];
        running.pieces.push({ p, open: s.open, close: s.close });
        if (s.close < par.length) running = null;
        spans = spans.slice(1);
      } else {
        running.unterminated = true;
        running = null;
      }
    }
    for (const s of spans) {
      const q: MarkedQuote = {
        pieces: [{ p, open: s.open, close: s.close }],
        mark: s.ch,
        unterminated: false,
      };
      out.push(q);
      if (s.close >= par.length) running = q;
    }
  }
  if (running) running.unterminated = true;
  return out;
}
