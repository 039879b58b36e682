import type { Lexicon } from './lexicon';

export interface Token {
  text: string;
  lower: string;
  /** Offsets in the paragraph. */
  start: number;
  end: number;
  word: boolean;
  /** Starts with an upper-case letter. */
  cap: boolean;
}

// A word: letters and digits, joined by inner hyphens, apostrophes and dots (u.a., U.S., Jean-Louis).
// A dot joins only short parts (u.a., U.S., z.B.), so "verschwunden.Der" with a missing space is two words.
const TOKEN =
  /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[-'’][\p{L}\p{N}][\p{L}\p{N}\p{M}]*|(?<=(?:^|[^\p{L}\p{N}])[\p{L}\p{N}]{1,3})\.[\p{L}\p{N}]{1,3}(?![\p{L}\p{N}]))*|[^\s\p{L}\p{N}]/gu;
// Elided articles and prepositions of French and Italian (l’, d’, dell’, qu’) are tokens of their own.
const ELISION = /^(l|d|j|m|n|s|t|c|qu|un|dell|dall|nell|sull|all|quest|quell|sant)(['’])(.+)$/i;

/** Tokens of par[from, to). */
export function tokenize(par: string, from = 0, to = par.length): Token[] {
  const out: Token[] = [];
  const text = par.slice(from, to);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const start = from + m.index;
    const t = m[0];
    const el = ELISION.exec(t);
    // "L’allenatore" splits at the start of a sentence too, but a name keeps its particle: "D’Alema", "L’Atalanta".
    if (el && (/^\p{Ll}/u.test(el[1]) || /^\p{Ll}/u.test(el[3]))) {
      const cut = el[1].length + 1;
      out.push(make(t.slice(0, cut), start));
      out.push(make(t.slice(cut), start + cut));
    } else out.push(make(t, start));
  }
  return out;
}

function make(text: string, start: number): Token {
  const word = /^[\p{L}\p{N}]/u.test(text);
  const lower = text.toLowerCase().replace(/’/g, "'");
  return { text, lower, start, end: start + text.length, word, cap: word && /^\p{Lu}/u.test(text) };
}

const CLOSING_MARKS = '”“"‘’»«›‹」』)';

/**
 * Sentence boundaries of a paragraph: offsets where a sentence starts. `masked` has quote interiors hidden, so
 * full stops inside a quote do not end the sentence around it; a quote that ends a sentence inside its marks
 * ("… fine.“ Er fuhr fort") ends it after the closing mark when a capital follows.
 */
export function sentenceStarts(par: string, masked: string, lex: Lexicon): number[] {
  const starts = [0];
  const re = /[.!?…]+|[”“"’»«›‹」』]/g;
  for (let m = re.exec(masked); m; m = re.exec(masked)) {
    let end = m.index + m[0].length;
    const isMark = /^[”“"’»«›‹」』]$/.test(m[0]);
    if (isMark) {
      // A closing mark ends the sentence only when the quote inside ended with . ! ? …
      let k = m.index - 1;
      while (k >= 0 && /\s/.test(par[k])) k--;
      if (k < 0 || !/[.!?…]/.test(par[k])) continue;
    } else if (m[0] === '.') {
      // The word before the full stop, read backwards (no slicing: paragraphs can be long).
      let k = m.index;
      while (k > 0 && /[\p{L}\p{N}.]/u.test(masked[k - 1])) k--;
      const before = masked.slice(k, m.index);
      const word = before.toLowerCase();
      if (word) {
        if (lex.abbreviations.has(word) || lex.honorifics.has(word)) continue;
        if (/^\p{Lu}$/u.test(before)) continue; // an initial: George W. Bush
        if (/^\d+$/.test(word) && /^\s+\p{Ll}/u.test(masked.slice(end, end + 3))) continue; // 5. Oktober
      }
    }
    while (end < masked.length && CLOSING_MARKS.includes(masked[end]) && !isMark) end++;
    let next = end;
    while (next < masked.length && /\s/.test(masked[next])) next++;
    if (next === end || next >= masked.length) continue;
    if (/[\p{Lu}\p{N}„“"«»‚‘「『(¿¡—–-]/u.test(masked[next])) starts.push(next);
  }
  return starts;
}
