import type { Quote, Speaker } from '../extract/types';
import { type Lexicon, lexiconFor } from './lexicon';
import { findMarkedQuotes, type MarkedQuote } from './marks';
import { type Gender, isContent, isRoleString, type Phrase, parsePhrase } from './phrases';
import { sentenceStarts, type Token, tokenize } from './tokens';

/** Where a quote's text lies: character ranges [start, end) in paragraphs, marks included. */
export interface QuoteSpan {
  p: number;
  start: number;
  end: number;
}

export interface DetailedQuote extends Quote {
  spans: QuoteSpan[];
  /** How the speaker was found: name, pronoun, role, floating (no attribution of its own), none. */
  via: string;
}

interface Entity {
  name: string;
  /** Lower-case name words. */
  words: string[];
  role: string | null;
  gender: Gender;
  /** Position of the latest mention. */
  last: number;
  /** Position of the latest mention as a subject or speaker (not inside a prepositional phrase). */
  lastSubject: number;
  /** A person named in full, a speaker, or a description standing for a person. */
  kind: 'name' | 'desc';
  /** Stands for a person (a name, or a description headed by a role such as "Polizeisprecher"). */
  person: boolean;
}

interface Attribution {
  phrase: Phrase | null;
  /** Paragraph and tokens the phrase was read from. */
  par: string;
  toks: Token[];
  /** adjacent: right next to the quote; sentence: a cue elsewhere in the sentence. */
  strength: 'adjacent' | 'sentence';
  /** Token index where the attribution ends (for interrupted quotes). */
  end: number;
}

const POS = (p: number, i: number) => p * 1_000_000 + i;

/** Direct quotations with resolved speakers. */
export function extractQuotes(
  paragraphs: string[],
  lang: string | null,
  /** Called before each paragraph; throws to stop (the extraction's time budget). */
  checkTime?: () => void,
): { quotes: Quote[]; speakers: Speaker[] } {
  const { quotes, speakers } = extractQuotesDetailed(paragraphs, lang, checkTime);
  return {
    quotes: quotes.map(({ text, speaker, role, paragraph, confidence }) => ({
      text,
      speaker,
      role,
      paragraph,
      confidence,
    })),
    speakers,
  };
}

/** extractQuotes with each quote's character ranges (for benchmarks and highlighting). */
export function extractQuotesDetailed(
  paragraphs: string[],
  lang: string | null,
  checkTime?: () => void,
): { quotes: DetailedQuote[]; speakers: Speaker[] } {
  const marked = findMarkedQuotes(paragraphs);
  // Surnames: capitalised words the article also writes alone, between lower-case words ("ha detto Giorgetti al").
  const surnames = new Set<string>();
  const alone = /(?:^|[\p{Ll},;] )(\p{Lu}[\p{Ll}'’-]+)(?=[ ,.;:]+(?:\p{Ll}|$))/gmu;
  for (const par of paragraphs)
    for (let m = alone.exec(par); m; m = alone.exec(par)) surnames.add(m[1].toLowerCase());
  const lex = { ...lexiconFor(lang), surnames };
  // Quote interiors hidden, so sentence ends inside quotes do not cut the sentence around them.
  // Interiors become spaces: same offsets, no words, no full stops.
  const interiors = new Map<number, [number, number][]>();
  for (const q of marked) {
    for (const pc of q.pieces) {
      if (!interiors.has(pc.p)) interiors.set(pc.p, []);
      interiors.get(pc.p)!.push([pc.open + 1, pc.close]);
    }
  }
  const masked = paragraphs.map((par, p) => {
    const list = interiors.get(p);
    if (!list) return par;
    const chars = par.split('');
    for (const [a, b] of list) for (let i = Math.max(0, a); i < b; i++) chars[i] = ' ';
    return chars.join('');
  });
  const ctx = new Context(paragraphs, lex);
  ctx.masked = masked;
  // Words written with a capital inside sentences: names, as opposed to any word that starts a sentence.
  const mid = /[\p{Ll},;] +(\p{Lu}[\p{L}'’-]*)/gu;
  for (const m of masked) for (let x = mid.exec(m); x; x = mid.exec(m)) ctx.midCaps.add(x[1].toLowerCase());
  const byPara = new Map<number, MarkedQuote[]>();
  for (const q of marked) {
    const p = q.pieces[0].p;
    if (!byPara.has(p)) byPara.set(p, []);
    byPara.get(p)!.push(q);
  }
  const hiddenBy = new Map<number, [number, number][]>();
  for (const q of marked) {
    for (const pc of q.pieces) {
      if (!hiddenBy.has(pc.p)) hiddenBy.set(pc.p, []);
      hiddenBy.get(pc.p)!.push([pc.open, pc.close]);
    }
  }
  for (const list of hiddenBy.values()) list.sort((x, y) => x[0] - y[0]);
  const out: DetailedQuote[] = [];
  for (let p = 0; p < paragraphs.length; p++) {
    checkTime?.();
    const par = paragraphs[p];
    const starts = sentenceStarts(par, masked[p], lex);
    const quotes = (byPara.get(p) ?? []).slice();
    // Pieces of quotes that started in an earlier paragraph are not sentence text either.
    const hidden = hiddenBy.get(p) ?? [];
    for (let s = 0; s < starts.length; s++) {
      const s0 = starts[s];
      const s1 = s + 1 < starts.length ? starts[s + 1] : par.length;
      const here = quotes.filter((q) => q.pieces[0].open >= s0 - 1 && q.pieces[0].open < s1);
      const gaps = textGaps(s0, s1, hidden);
      if (!here.length) {
        ctx.readSentence(p, gaps);
        continue;
      }
      ctx.registerNames(
        p,
        gaps.filter(([, b]) => b <= here[0].pieces[0].open + 1),
      );
      for (let k = 0; k < here.length; k++) {
        const q = here[k];
        const next = here[k + 1];
        const result = ctx.quote(q, next, starts, s0);
        if (result?.merged) {
          quotes.splice(quotes.indexOf(next), 1);
          here.splice(k + 1, 1);
        }
        if (result?.quote) out.push(result.quote);
      }
      ctx.registerNames(
        p,
        gaps.filter(([a]) => a > here[0].pieces[0].open),
      );
    }
  }
  return { quotes: out, speakers: speakersOf(out) };
}

function speakersOf(quotes: DetailedQuote[]): Speaker[] {
  const speakers: Speaker[] = [];
  const seen = new Map<string, Speaker>();
  for (const q of quotes) {
    if (!q.speaker) continue;
    let s = seen.get(q.speaker);
    if (!s) {
      s = { name: q.speaker, role: q.role, quotes: 0 };
      seen.set(q.speaker, s);
      speakers.push(s);
    }
    s.quotes++;
  }
  return speakers;
}

/** Index of the first token that starts at or after `at`. */
function lowerBound(toks: Token[], at: number): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Ranges of [s0, s1) outside the hidden ranges (quote pieces, marks included). */
function textGaps(
  s0: number,
  s1: number,
  /** Sorted by start. */
  hidden: readonly (readonly [number, number])[],
): [number, number][] {
  const out: [number, number][] = [];
  let a = s0;
  for (const [o, c] of hidden) {
    if (c < s0 || o >= s1) continue;
    if (o > a) out.push([a, Math.min(o, s1)]);
    a = Math.max(a, c + 1);
  }
  if (a < s1) out.push([a, s1]);
  return out;
}

class Context {
  entities: Entity[] = [];
  lastSpeaker: { entity: Entity; p: number } | null = null;
  /** The subject of the latest sentence without a speech cue ("Die SPD will …"), for a quote that follows. */
  lastSubject: { phrase: Phrase; p: number; pos: number } | null = null;
  /** Accepted quotes' ranges per paragraph: the left context of a quote starts after them. */
  accepted = new Map<number, number[]>();
  /** Paragraphs with quote interiors hidden. */
  masked: string[] = [];
  midCaps = new Set<string>();
  private tokenCache = new Map<number, Token[]>();

  /** Tokens of paragraph p within [a, b), quote interiors left out; each paragraph is tokenized once. */
  tokensIn(p: number, a: number, b: number): Token[] {
    let all = this.tokenCache.get(p);
    if (!all) {
      all = tokenize(this.masked[p]);
      this.tokenCache.set(p, all);
    }
    const first = lowerBound(all, a);
    let end = lowerBound(all, b);
    while (end > first && all[end - 1].end > b) end--;
    return all.slice(first, end);
  }

  constructor(
    readonly paragraphs: string[],
    readonly lex: Lexicon,
  ) {}

  /** A sentence without quotes: its names are remembered, and a speech cue makes its subject the last speaker. */
  readSentence(p: number, gaps: [number, number][]) {
    const par = this.paragraphs[p];
    this.registerNames(p, gaps);
    for (const [a, b] of gaps) {
      const toks = this.tokensIn(p, a, b);
      const cues = findCues(toks, this.lex, 0, toks.length);
      if (!cues.length) {
        const at = toks[1]?.text === ':' ? 2 : 0; // "Europapolitik: Die SPD will …"
        const subj = parsePhrase(par, toks, at, this.lex);
        const named =
          subj?.kind === 'name' &&
          subj.name &&
          (nameWords(subj.name).length >= 2 || this.findByName(nameWords(subj.name)));
        if (subj && (named || (subj.kind === 'desc' && personDesc(subj, this.lex)))) {
          this.lastSubject = { phrase: subj, p, pos: POS(p, toks[at].start) };
          this.touch(subj, POS(p, toks[at].start));
        }
        return;
      }
      const phrase = subjectAround(par, toks, cues[0], this.lex);
      const t0 = toks[cues[0]].lower;
      const source = [...this.lex.evBefore, ...this.lex.sourceCues].some((ph) => ph[0] === t0);
      if (
        !phrase ||
        phrase === IMPLICIT ||
        (phrase.kind === 'desc' && !source && !personDesc(phrase, this.lex))
      )
        return;
      const entity = this.resolve(phrase, POS(p, toks[cues[0]].start));
      if (entity) this.lastSpeaker = { entity, p };
      return;
    }
  }

  registerNames(p: number, gaps: [number, number][]) {
    const par = this.paragraphs[p];
    for (const [a, b] of gaps) {
      const toks = this.tokensIn(p, a, b);
      for (let i = 0; i < toks.length; i++) {
        const t = toks[i];
        if (!t.word || !(t.cap || this.lex.det.has(t.lower))) continue;
        const ph = parsePhrase(par, toks, i, this.lex);
        if (!ph) continue;
        const oblique =
          i > 0 &&
          toks[i - 1].word &&
          (this.lex.prep.has(toks[i - 1].lower) || this.lex.complement.has(toks[i - 1].lower));
        if (ph.kind === 'name' && ph.name && nameWords(ph.name).length >= 2)
          this.mention(ph, POS(p, t.start), false, !oblique);
        else if (ph.kind === 'desc' && ph.heads.some((h) => isRoleString(h, this.lex))) {
          // A person met before, described again by role ("the mayor"), is the latest one for the pronoun
          // that follows. (A description that matches nobody is not recorded: it often stands for a named
          // person whose first mention gave no role, "die Autorin".)
          this.touch(ph, POS(p, t.start));
        }
        i = ph.end - 1;
      }
    }
  }

  /**
   * A name without the capitalised word that only starts the sentence ("Hosting Cook at …" → "Cook"); null for
   * a lone such word ("Former officials said"). Languages that capitalise every noun keep their names as read.
   */
  cleanName(ph: Phrase): Phrase | null {
    if (!ph.name || this.lex.capitalizedNouns) return ph;
    let words = ph.name.split(/\s+/);
    const common = (w: string) => !this.midCaps.has(w.toLowerCase()) && !this.findByName(nameWords(w));
    const first = words[0].toLowerCase();
    if (
      words.length > 1 &&
      !this.midCaps.has(first) &&
      this.lex.nonNameEndings.some((e) => first.endsWith(e))
    ) {
      words = words.slice(1);
      ph = { ...ph, name: words.join(' ') };
    }
    if (words.length === 1 && common(words[0]) && !ph.role) return null; // "il sindaco Sala" is a name
    return ph;
  }

  /** Records a named person; returns the entity. */
  mention(raw: Phrase, pos: number, speaker: boolean, subject = true): Entity | null {
    const ph = this.cleanName(raw);
    if (!ph?.name) return null;
    const words = nameWords(ph.name);
    if (!words.length) return null;
    const found = this.findByName(words);
    if (found) {
      found.last = pos;
      if (subject) found.lastSubject = pos;
      if (subject && words.length > found.words.length && endsWithWords(words, found.words)) {
        found.name = ph.name;
        found.words = words;
      }
      if (!found.role && ph.role) found.role = ph.role;
      if (!found.gender && ph.gender) found.gender = ph.gender;
      return found;
    }
    if (words.length < 2 && !speaker) return null;
    const e: Entity = {
      name: ph.name,
      words,
      role: ph.role,
      gender: ph.gender,
      last: pos,
      lastSubject: subject ? pos : -1,
      kind: 'name',
      person: true,
    };
    this.entities.push(e);
    return e;
  }

  findByName(words: string[]): Entity | null {
    const last = words[words.length - 1];
    let best: Entity | null = null;
    for (const e of this.entities) {
      if (e.kind !== 'name') continue;
      const ok = e.words.includes(last) && words.every((w) => e.words.includes(w));
      const longer =
        words.length > e.words.length && e.words.every((w) => words.includes(w)) && e.words.includes(last);
      if ((ok || longer) && (!best || e.last > best.last)) best = e;
    }
    return best;
  }

  /** A person met before, named or described again as the subject of a sentence, becomes the latest one. */
  touch(ph: Phrase, pos: number) {
    let e: Entity | null = null;
    if (ph.kind === 'name' && ph.name) e = this.findByName(nameWords(ph.name));
    else if (ph.kind === 'desc') e = this.byRole(ph, pos);
    if (e) e.last = e.lastSubject = pos;
  }

  /** The named person whose role (from the first mention) has all the description's words. */
  byRole(ph: Phrase, pos: number): Entity | null {
    const heads = ph.heads.filter((h) => h.length > 2);
    if (!heads.length) return null;
    let best: Entity | null = null;
    for (const e of this.entities) {
      if (e.kind !== 'name' || !e.role || e.last > pos) continue;
      const roleWords = e.role.toLowerCase().split(/[\s,.'’-]+/);
      const syn = (w: string) => this.lex.synonyms.get(w) ?? w;
      const match = heads.every((h) =>
        roleWords.some((r) => sameStem(r, h) || (h.length >= 4 && r.endsWith(h)) || syn(r) === syn(h)),
      );
      if (match && (!best || e.last > best.last)) best = e;
    }
    return best;
  }

  /** The person a speaker phrase stands for, met before or new. */
  resolve(ph: Phrase, pos: number): Entity | null {
    if (ph.kind === 'name') {
      const clean = this.cleanName(ph);
      if (!clean) return null;
      ph = clean;
    }
    if (ph.kind === 'name') return this.mention(ph, pos, true);
    if (ph.kind === 'pronoun') {
      // An implicit subject (pro-drop, "und fügt hinzu") is the last speaker; a pronoun the latest person.
      if (ph === IMPLICIT && this.lastSpeaker) return this.lastSpeaker.entity;
      let best: Entity | null = null;
      for (const e of this.entities) {
        if (e.lastSubject > pos || e.lastSubject < 0 || !e.person) continue;
        if (ph.gender && e.gender && ph.gender !== e.gender && ph.gender !== 'p') continue;
        if (!best || e.lastSubject > best.lastSubject) best = e;
      }
      if (best) {
        best.last = best.lastSubject = pos;
        // "she said" tells the person's gender, for the pronouns after it.
        if (!best.gender && (ph.gender === 'm' || ph.gender === 'f') && best.kind === 'name')
          best.gender = ph.gender;
      }
      return best;
    }
    // A description: the person whose role (first mention) shares its words, else the description itself.
    const best = this.byRole(ph, pos);
    if (best) {
      best.last = best.lastSubject = pos;
      return best;
    }
    if (!ph.role) return null;
    const label = capitalize(ph.role);
    let e = this.entities.find((x) => x.kind === 'desc' && x.name === label) ?? null;
    if (!e) {
      e = {
        name: label,
        words: [],
        role: null,
        gender: ph.gender,
        last: pos,
        lastSubject: pos,
        kind: 'desc',
        person: personDesc(ph, this.lex),
      };
      this.entities.push(e);
    }
    e.last = e.lastSubject = pos;
    return e;
  }

  /** Reads one marked quote in its sentence; returns the quote if it is a direct quotation. */
  quote(
    q: MarkedQuote,
    next: MarkedQuote | undefined,
    starts: number[],
    s0: number,
  ): { quote: DetailedQuote | null; merged: boolean } | null {
    const lex = this.lex;
    const first = q.pieces[0];
    const last = q.pieces[q.pieces.length - 1];
    const par = this.paragraphs[first.p];
    // Quote pieces, split where an attribution sits inside the marks.
    const inner: QuoteSpan[] = [];
    let inside: Attribution | null = null;
    for (const pc of q.pieces) {
      const ppar = this.paragraphs[pc.p];
      const a = pc.open + 1;
      const b = pc.close;
      const split: { attribution: Attribution; cut: [number, number] } | null = inside
        ? null
        : insideAttribution(ppar, a, b, lex);
      if (split) {
        inside = split.attribution;
        inner.push({ p: pc.p, start: a, end: split.cut[0] }, { p: pc.p, start: split.cut[1], end: b });
      } else inner.push({ p: pc.p, start: a, end: b });
    }
    let text = joinPieces(inner.map((r) => this.paragraphs[r.p].slice(r.start, r.end)));
    if (!/[\p{L}\p{N}]/u.test(text)) return null;

    // Context: before the quote in its sentence, after it up to the next quote or the sentence end.
    const leftFrom = Math.max(
      s0,
      ...(this.accepted.get(first.p) ?? []).filter((c) => c < first.open).map((c) => c + 1),
    );
    const visible = (pp: number, a: number, b: number) => this.tokensIn(pp, a, b);
    const leftToks = first.open >= 0 ? visible(first.p, leftFrom, first.open) : [];
    const lastPar = this.paragraphs[last.p];
    let sentenceEnd = lastPar.length;
    if (last.p === first.p) sentenceEnd = starts.find((x) => x > last.close + 2) ?? lastPar.length;
    else
      sentenceEnd =
        sentenceStarts(lastPar, this.masked[last.p], lex).find((x) => x > last.close + 2) ?? lastPar.length;
    const nextOpen = next && next.pieces[0].p === last.p ? next.pieces[0].open : Number.POSITIVE_INFINITY;
    const rightTo = Math.min(sentenceEnd, nextOpen);
    const rightToks = last.close < lastPar.length ? visible(last.p, last.close + 1, rightTo) : [];
    const rightExt = last.close < lastPar.length ? visible(last.p, last.close + 1, sentenceEnd) : [];
    const words = wordCount(text);
    // A full sentence in quotes is no title, whatever word stands before it.
    const sentence = words >= 3 && /[.!?…]["'”’»]?$/.test(text);
    const titled = !sentence && titleContext(leftToks, rightToks, lex, /^\p{Lu}/u.test(text) && words <= 3);
    const nameLike = looksLikeName(text, words, lex);

    let attr: Attribution | null = inside;
    const right = rightAttribution(lastPar, rightToks, lex);
    const left = leftAttribution(par, leftToks, lex, rightExt);
    if (!attr && right) attr = right;
    if (!attr && left && left.strength === 'adjacent') attr = left;
    if (!attr && left) attr = left;
    if (!attr) attr = laterCue(lastPar, rightExt, lex, first.p === last.p ? leftToks : []);
    if (!attr && !rightExt.some((t) => t.word)) {
      // «…». Così De Laurentiis nel dopo partita. — the next sentence opens with the speaker's evidential.
      const nextToks = this.tokensIn(last.p, sentenceEnd, lastPar.length).slice(0, 12);
      if (nextToks[0]?.cap && lex.afterEv.has(nextToks[0].lower))
        attr = rightAttribution(lastPar, nextToks, lex);
    }
    if (attr && !attr.phrase && rightExt.length) {
      // "Mit den Worten „…“, richtete er …", "With the words “…”, he turned …": the subject after the quote.
      let k = 0;
      while (rightExt[k] && !rightExt[k].word) k++;
      if (rightExt[k] && !lex.pronouns.has(rightExt[k].lower)) k++;
      const ph = rightExt[k]?.word ? parsePhrase(lastPar, rightExt, k, lex) : null;
      if (ph && ph.kind !== 'desc') attr = { ...attr, phrase: ph };
    }
    if (!attr && words >= 2 && [...leftToks, ...rightExt].some((t) => lex.reported.has(t.lower))) {
      // Reported speech (German Konjunktiv I: "Der Niederländer sei „nicht aggressiv oder so“"): the last speaker.
      attr = { phrase: IMPLICIT, par, toks: leftToks, strength: 'sentence', end: 0 };
    }
    // Interrupted and resumed: “…,” she said, “…” — the next quote continues this one.
    let merged = false;
    if (next && right && next.pieces[0].p === last.p) {
      const rest = rightToks.slice(right.end).filter((t) => t.word);
      const nextText = lastPar.slice(next.pieces[0].open + 1, next.pieces[next.pieces.length - 1].close);
      const continues = /^\s*\p{Ll}/u.test(nextText) || !/[.!?…]\s*$/.test(text);
      if (
        !rest.length &&
        continues &&
        /[,:—–-]\s*$/.test(lastPar.slice(rightToks[0]?.start ?? last.close, nextOpen))
      ) {
        for (const pc of next.pieces) inner.push({ p: pc.p, start: pc.open + 1, end: pc.close });
        q = { ...q, pieces: [...q.pieces, ...next.pieces] };
        text = joinPieces(inner.map((r) => this.paragraphs[r.p].slice(r.start, r.end)));
        merged = true;
      }
    }

    // A paragraph that is only a quote is speech, carried over from the speaker before.
    const outside =
      q.pieces.length === 1 && first.open >= 0 ? par.slice(0, first.open) + par.slice(last.close + 1) : 'x';
    const wholeParagraph = words >= 3 && !/[\p{L}\p{N}]/u.test(outside);
    // A sentence that is only a quote, after an attributed one: «Ora però non dobbiamo montarci la testa».
    const wholeSentence =
      words >= 3 && /^\p{Lu}/u.test(text) && !leftToks.some((t) => t.word) && !rightExt.some((t) => t.word);
    const longQuote =
      wholeParagraph ||
      wholeSentence ||
      words >= 8 ||
      (words >= 4 && /[.!?…]["'”’]?\s*$/.test(text)) ||
      /[.!?]\s+\p{Lu}/u.test(text);
    let accept: boolean;
    if (titled) accept = false;
    else if (attr && attr.strength === 'adjacent') {
      // “Yes,” said X — a name-like quote is speech when punctuation closes it inside the marks.
      const lastInner = this.paragraphs[last.p].slice(last.open + 1, last.close).trimEnd();
      accept = !nameLike || /[,.!?…]$/.test(lastInner);
    } else if (attr) accept = !nameLike;
    else accept = longQuote && !nameLike;
    if (!accept) return { quote: null, merged: false };

    // Speaker.
    const pos = POS(first.p, Math.max(0, first.open));
    let entity: Entity | null = null;
    let via = 'none';
    if (attr?.phrase) {
      entity = this.resolve(attr.phrase, pos);
      via = attr.phrase.kind === 'desc' ? 'role' : attr.phrase.kind;
    }
    if (!entity && this.lastSpeaker && first.p - this.lastSpeaker.p <= 1) {
      entity = this.lastSpeaker.entity;
      via = 'floating';
    }
    if (!entity && leftToks.some((t) => t.word)) {
      // An embedded quote with no cue: the subject of its own sentence ("Die SPD will … („…“) belasten").
      const subj = sentenceSubject(par, leftToks, leftToks.length, lex);
      if (subj && (subj.kind === 'name' || personDesc(subj, lex))) {
        entity = this.resolve(subj, pos);
        via = 'floating';
      }
    }
    if (!entity && this.lastSubject && this.lastSubject.p === first.p) {
      entity = this.resolve(this.lastSubject.phrase, this.lastSubject.pos);
      via = 'floating';
    }
    for (const pc of q.pieces) {
      if (!this.accepted.has(pc.p)) this.accepted.set(pc.p, []);
      this.accepted.get(pc.p)!.push(pc.close);
    }
    if (entity) this.lastSpeaker = { entity, p: last.p };
    let confidence = 0.4;
    if (entity) {
      if (via === 'name') confidence = attr?.strength === 'adjacent' ? 0.95 : 0.8;
      else if (via === 'pronoun' || via === 'role') confidence = attr?.strength === 'adjacent' ? 0.85 : 0.7;
      else confidence = 0.6;
    }
    const spans: QuoteSpan[] = q.pieces.map((pc) => ({
      p: pc.p,
      start: Math.max(0, pc.open),
      end: Math.min(this.paragraphs[pc.p].length, pc.close + 1),
    }));
    return {
      quote: {
        text,
        speaker: entity?.name ?? null,
        role: entity?.kind === 'name' ? entity.role : null,
        paragraph: first.p,
        confidence,
        spans,
        via,
      },
      merged,
    };
  }
}

/** Quote text from its pieces: "Ci sono … le Pmi" + ", che hanno …" → "Ci sono … le Pmi, che hanno …". */
function joinPieces(pieces: string[]): string {
  let out = '';
  for (const raw of pieces) {
    const s = raw.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
    if (!s) continue;
    if (!out) out = s;
    else if (/^[,.;:!?…]/.test(s)) out += s;
    else out += ` ${s}`;
  }
  return out
    .replace(/\s*[,;:]$/, '')
    .replace(/\s+([,.;:!?])/g, '$1')
    .trim();
}

/** Indices of speech cues (verbs and multi-word cues) in toks[a, b). */
function findCues(toks: Token[], lex: Lexicon, a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i < b; i++) {
    const t = toks[i];
    if (!t.word) continue;
    if (lex.verbs.has(t.lower) || inversionVerb(t, lex)) {
      out.push(i);
      continue;
    }
    let found = (lex.phrasesByFirst.get(t.lower) ?? []).some((ph) =>
      ph.every((w, k) => toks[i + k]?.lower === w),
    );
    for (const particle of found ? [] : (lex.separableByVerb.get(t.lower) ?? [])) {
      // The particle closes the clause: "stellte Celebi fest,", "gab der Sprecher an, dass"
      for (let k = i + 1; k < Math.min(toks.length, i + 12) && !found; k++) {
        if (!toks[k].word) {
          if (/^[,.;:!?]$/.test(toks[k].text)) break;
          continue;
        }
        found = toks[k].lower === particle && !toks[k + 1]?.word;
      }
      if (found) break;
    }
    if (found) out.push(i);
  }
  return out;
}

/** "explique-t-il", "a-t-elle": a verb with the subject pronoun attached (French inversion). */
function inversionVerb(t: Token, lex: Lexicon): string | null {
  if (!lex.inversion.size || !t.lower.includes('-')) return null;
  const m = /^(.+?)(?:-t)?-(\p{L}+)$/u.exec(t.lower);
  if (!m || !lex.inversion.has(m[2])) return null;
  if (!lex.verbs.has(m[1]) && !lex.aux.has(m[1])) return null;
  return m[2];
}

function skipFiller(toks: Token[], i: number, lex: Lexicon): number {
  let k = i;
  while (toks[k] && (lex.aux.has(toks[k].lower) || lex.reflexives.has(toks[k].lower))) k++;
  return k;
}

/** The subject of a speech cue: the phrase before it, or after it where word order puts it there. */
function subjectAround(par: string, toks: Token[], cue: number, lex: Lexicon): Phrase | null {
  const inv = inversionVerb(toks[cue], lex);
  if (inv) return pronounPhrase(inv, cue, lex);
  // Evidentials ("according to X", "laut X"): the phrase after.
  for (const ph of lex.evBefore) {
    if (ph.every((w, k) => toks[cue + k]?.lower === w)) {
      let k = cue + ph.length;
      while (toks[k] && lex.complement.has(toks[k].lower) && !lex.det.has(toks[k].lower)) k++;
      return parsePhrase(par, toks, k, lex);
    }
  }
  // "In dem Schreiben heißt es", "si legge nella nota": the document is the source.
  for (const sc of lex.sourceCues) {
    if (!sc.every((w, k) => toks[cue + k]?.lower === w)) continue;
    for (let k = Math.max(0, cue - 8); k < Math.min(toks.length, cue + sc.length + 6); k++) {
      if (!toks[k].word || !lex.sourcePreps.has(toks[k].lower)) continue;
      const ph = parsePhrase(par, toks, k + 1, lex);
      if (ph && ph.kind !== 'pronoun') return ph;
    }
  }
  // Passive voice: "war in den Medien als „…“ bezeichnet worden", "was described as “…” by X".
  const clause = clauseAround(toks, cue);
  if (clause.some((k) => lex.passive.has(toks[k].lower))) {
    for (const preps of [lex.agentPreps, lex.sourcePreps]) {
      for (const k of clause) {
        if (!toks[k].word || !preps.has(toks[k].lower)) continue;
        const ph = parsePhrase(par, toks, k + 1, lex);
        if (ph && ph.kind !== 'pronoun') return ph;
      }
    }
  }
  // A participle at the clause end with its auxiliary earlier ("hat … erklärt", "wird … zitiert"): the
  // subject sits around the auxiliary.
  let v = cue;
  if (lex.verbFinalAux.size) {
    for (let k = cue - 1; k >= Math.max(0, cue - 12); k--) {
      if (!toks[k].word) break;
      if (lex.verbFinalAux.has(toks[k].lower)) {
        v = k;
        break;
      }
    }
  }
  let afterV = v + 1;
  if (v === cue)
    for (const ph of lex.verbPhrases)
      if (ph.every((w, k) => toks[cue + k]?.lower === w)) afterV = Math.max(afterV, cue + ph.length);
  // The word before the verb, skipping auxiliaries, a comma and a bracket.
  let j = v - 1;
  const skipBack = () => {
    for (;;) {
      if (j >= 0 && (lex.aux.has(toks[j].lower) || lex.reflexives.has(toks[j].lower))) j--;
      else if (j >= 0 && toks[j].text === ')') {
        while (j >= 0 && toks[j].text !== '(') j--;
        j--;
      } else break;
    }
  };
  skipBack();
  if (j >= 0 && toks[j].word && lex.coordinations.has(toks[j].lower))
    return sentenceSubject(par, toks, j, lex) ?? IMPLICIT;
  // A relative clause: ", die die Gefahr … beschwören" — the subject is the phrase before the comma.
  for (let r = j; r >= Math.max(1, j - 8); r--) {
    if (!toks[r].word && /^[„“”"«»‚‘’\u2063]$/.test(toks[r].text)) continue;
    if (!toks[r].word && toks[r].text !== ',') break;
    if (toks[r].word && lex.relative.has(toks[r].lower) && toks[r - 1].text === ',') {
      // The longest phrase that ends at the comma ("Rhetorik des Verbandes der Veteranen, die …").
      for (let k = Math.max(0, r - 14); k < r - 1; k++) {
        if (!toks[k].word || lex.prep.has(toks[k].lower)) continue;
        const ph = parsePhrase(par, toks, k, lex);
        if (ph && ph.end === r - 1 && ph.kind !== 'pronoun') return ph;
      }
      break;
    }
  }
  if (j >= 0 && toks[j].text === ',') {
    j--;
    skipBack();
  }
  let post: Phrase | null = null;
  {
    let k = skipFiller(toks, afterV, lex);
    while (toks[k] && lex.objectPronouns.has(toks[k].lower) && !lex.pronouns.has(toks[k].lower)) k++;
    k = skipFiller(toks, k, lex);
    const ph = parsePhrase(par, toks, k, lex);
    const oblique =
      lex.capitalizedNouns &&
      toks[k] &&
      /^(den|dem|des|einem|einen|eines|einer|dieser|diesem|diesen|seiner|seinem|seinen|ihrer|ihrem|ihren)$/.test(
        toks[k].lower,
      );
    if (ph && !oblique) post = ph;
  }
  let pre: Phrase | null = null;
  for (let k = Math.max(0, j - 16); k <= j; k++) {
    if (!toks[k].word) continue;
    if (k > 0 && !boundaryBefore(toks[k - 1], lex)) continue;
    const ph = parsePhrase(par, toks, k, lex);
    if (!ph) continue;
    // Prepositional phrases may stand between subject and verb: "X vom Institut … in Heidelberg erläutert"
    let e = ph.end;
    for (let n = 0; n < 3 && toks[e]?.word && lex.prep.has(toks[e].lower) && e <= j; n++) {
      let m = e + 1;
      while (toks[m] && lex.det.has(toks[m].lower)) m++;
      const pp = parsePhrase(par, toks, m, lex);
      if (!pp || pp.end > j + 1) break;
      e = pp.end;
    }
    if (e === j + 1 || (e === j + 2 && toks[j + 1]?.text === ',') || (e > j && e <= v)) {
      pre = ph;
      break;
    }
  }
  if (lex.capitalizedNouns && post) {
    const bare = post.kind === 'name' && !lex.det.has(toks[post.start].lower);
    if (post.kind === 'pronoun' || bare) return post;
  }
  return pre ?? post;
}

/** Token indices of the clause around toks[at]: up to the nearest comma, colon, semicolon or quote mark. */
function clauseAround(toks: Token[], at: number): number[] {
  const stop = (t: Token) => /^[,;:„“”"«»]$/.test(t.text);
  let a = at;
  while (a > 0 && !stop(toks[a - 1])) a--;
  let b = at;
  while (b + 1 < toks.length && !stop(toks[b + 1])) b++;
  const out: number[] = [];
  for (let k = a; k <= b; k++) out.push(k);
  return out;
}

/** A word after which a phrase may start (not an article, preposition, adjective or a word of the same phrase). */
function boundaryBefore(t: Token, lex: Lexicon): boolean {
  if (!t.word) return true;
  if (
    lex.det.has(t.lower) ||
    lex.prep.has(t.lower) ||
    lex.particles.has(t.lower) ||
    lex.complement.has(t.lower)
  )
    return false;
  if (lex.verbs.has(t.lower) || lex.aux.has(t.lower)) return true;
  if (t.cap && !lex.func.has(t.lower)) return false;
  return !isContent(t, lex);
}

/** The first phrase of the sentence part toks[0, j) that is not inside a prepositional phrase. */
function sentenceSubject(par: string, toks: Token[], j: number, lex: Lexicon): Phrase | null {
  let from = 0;
  for (let k = 0; k < j; k++) if (toks[k].text === ':' && toks[k + 1]?.cap) from = k + 1; // "Steuern: Die SPD will …"
  for (let k = from; k < j; k++) {
    if (!toks[k].word) continue;
    if (k > from && toks[k - 1].word && !boundaryBefore(toks[k - 1], lex)) continue;
    if (k > from && toks[k - 1].word && lex.prep.has(toks[k - 1].lower)) continue;
    const ph = parsePhrase(par, toks, k, lex);
    if (ph) return ph;
    if (lex.prep.has(toks[k].lower)) {
      // skip the prepositional phrase
      const inner = parsePhrase(par, toks, k + 1, lex);
      if (inner) k = inner.end - 1;
    }
  }
  return null;
}

function pronounPhrase(pron: string, at: number, lex: Lexicon): Phrase {
  const g = lex.pronouns.get(pron);
  return {
    start: at,
    end: at + 1,
    kind: 'pronoun',
    name: null,
    role: null,
    gender: g === 'm' || g === 'f' || g === 'p' ? g : null,
    heads: [],
  };
}

/** An implicit subject: a verb with no phrase (Italian and Spanish "ha aggiunto", "afirmó"). */
const IMPLICIT: Phrase = {
  start: 0,
  end: 0,
  kind: 'pronoun',
  name: null,
  role: null,
  gender: null,
  heads: [],
};

/** Attribution right after the closing mark: ", said X", ", X said", ", so X", ", explique-t-il", ", según X". */
function rightAttribution(par: string, toks: Token[], lex: Lexicon): Attribution | null {
  let i = 0;
  while (toks[i] && !toks[i].word && /^[,;:\-–—)(]$/.test(toks[i].text)) i++;
  if (i >= toks.length || !toks[i].word) return null;
  const text = par.slice(toks[0]?.start ?? 0, toks[toks.length - 1]?.end ?? 0).trim();
  if (/:$/.test(text)) return null; // it introduces the next quote
  const t = toks[i];
  const inv = inversionVerb(t, lex);
  if (inv) return { phrase: pronounPhrase(inv, i, lex), par, toks, strength: 'adjacent', end: i + 1 };
  // ", so X" (German), ", según X"
  if (lex.afterEv.has(t.lower)) {
    let k = i + 1;
    if (toks[k] && (lex.verbs.has(toks[k].lower) || lex.aux.has(toks[k].lower))) {
      const ph = subjectAround(par, toks, k, lex);
      if (ph) return { phrase: ph, par, toks, strength: 'adjacent', end: ph.end };
    }
    while (toks[k] && lex.complement.has(toks[k].lower) && !lex.det.has(toks[k].lower)) k++;
    const ph = parsePhrase(par, toks, k, lex);
    if (ph) return { phrase: ph, par, toks, strength: 'adjacent', end: ph.end };
  }
  for (const ev of lex.evBefore) {
    if (ev.every((w, k) => toks[i + k]?.lower === w)) {
      const ph = parsePhrase(par, toks, i + ev.length, lex);
      if (ph) return { phrase: ph, par, toks, strength: 'adjacent', end: ph.end };
    }
  }
  // Verb first: ", said X", ", ha detto X", ", hatte VW-Chef Winterkorn … erklärt", ", dijo" (no subject)
  const k = skipFiller(toks, i, lex);
  const cues = findCues(toks, lex, i, Math.min(toks.length, i + 14));
  if (cues.length && cues[0] === k) {
    let after = k + 1;
    for (const ph of lex.verbPhrases)
      if (ph.every((w, m) => toks[k + m]?.lower === w)) after = Math.max(after, k + ph.length);
    let m = skipFiller(toks, after, lex);
    while (toks[m] && lex.objectPronouns.has(toks[m].lower) && !lex.pronouns.has(toks[m].lower)) m++;
    m = skipFiller(toks, m, lex);
    // An addressee or place between verb and speaker: "spiega a Repubblica Maria Bianchi".
    if (toks[m]?.word && lex.prep.has(toks[m].lower) && !lex.det.has(toks[m].lower)) {
      let n = m + 1;
      while (toks[n] && lex.det.has(toks[n].lower)) n++;
      const pp = parsePhrase(par, toks, n, lex);
      const then = pp ? parsePhrase(par, toks, pp.end, lex) : null;
      if (pp && then && then.kind !== 'desc') m = pp.end;
      else if (pp?.kind === 'name' && pp.start === n && (pp.name ?? '').split(/\s+/).length >= 3) {
        m = n + (pp.name ?? '').split(/\s+/).length - 2; // "a Repubblica Maria Bianchi": the last two words
      }
    }
    const ph = parsePhrase(par, toks, m, lex);
    if (
      ph &&
      !(lex.capitalizedNouns && ph.kind === 'desc' && /^(den|dem|einem|einen)$/.test(toks[m].lower))
    ) {
      return { phrase: ph, par, toks, strength: 'adjacent', end: ph.end };
    }
    if (lex.dropsSubject) return { phrase: IMPLICIT, par, toks, strength: 'adjacent', end: after };
  }
  if (k > i && cues.length) {
    // An auxiliary first, the participle later: ", hatte VW-Chef Winterkorn in einem Interview erklärt"
    const ph = parsePhrase(par, toks, k, lex);
    if (ph && cues.some((c) => c >= ph.end))
      return { phrase: ph, par, toks, strength: 'adjacent', end: cues[0] + 1 };
  }
  // Subject first: ", Smith said", ", she added", ", X zufolge"
  const ph = parsePhrase(par, toks, i, lex);
  if (ph) {
    const m = skipFiller(toks, ph.end + (toks[ph.end]?.text === ',' ? 1 : 0), lex);
    if (toks[m] && (lex.verbs.has(toks[m].lower) || findCues(toks, lex, m, m + 1).length)) {
      return { phrase: ph, par, toks, strength: 'adjacent', end: m + 1 };
    }
    for (const ev of lex.evAfter) {
      if (ev.every((w, n) => toks[ph.end + n]?.lower === w))
        return { phrase: ph, par, toks, strength: 'adjacent', end: ph.end + ev.length };
    }
  }
  return null;
}

/** A cue later in the sentence after the quote: "„…“ hätten „…“, so Murtha", "„…“ gebe es auch, sagte X" (weaker). */
function laterCue(par: string, toks: Token[], lex: Lexicon, before: Token[] = []): Attribution | null {
  // "…, so Murtha": the after-quote evidential of a later quote in the same sentence.
  for (let i = 1; i < toks.length; i++) {
    if (lex.afterEv.has(toks[i].lower) && toks[i - 1].text === ',') {
      const ev = rightAttribution(par, toks.slice(i - 1), lex);
      if (ev?.phrase && ev.phrase !== IMPLICIT) return { ...ev, strength: 'sentence' };
    }
  }
  const cues = findCues(toks, lex, 0, toks.length);
  if (!cues.length) return null;
  // The subject may stand before the quote: ", die die Gefahr einer „Invasion …“ beschwören".
  const QUOTE: Token = { text: '\u2063', lower: '\u2063', start: 0, end: 0, word: false, cap: false };
  const whole = [...before, QUOTE, ...toks];
  const first = cues[0] + before.length + 1;
  return {
    phrase: subjectAround(par, whole, first, lex),
    par,
    toks: whole,
    strength: 'sentence',
    end: first + 1,
  };
}

/** Attribution before the opening mark: "X said:", "Merkel:", "Secondo X,", or a cue in the sentence. */
function leftAttribution(par: string, toks: Token[], lex: Lexicon, after: Token[] = []): Attribution | null {
  if (!toks.length) return null;
  let end = toks.length;
  while (end > 0 && !toks[end - 1].word && /^[\s,(\-–—]$/.test(toks[end - 1].text)) end--;
  const colon = end > 0 && toks[end - 1].text === ':';
  // Separable verbs may close after the quote: "wies … alle Vorwürfe als „haltlos“ zurück".
  const QUOTE: Token = { text: '\u2063', lower: '\u2063', start: 0, end: 0, word: false, cap: false };
  const cues = findCues(colon ? toks : [...toks, QUOTE, ...after], lex, 0, colon ? end - 1 : end);
  // After-evidentials: "X zufolge"
  for (let i = 0; i < end; i++) {
    for (const ev of lex.evAfter) {
      if (ev.every((w, n) => toks[i + n]?.lower === w)) {
        for (let k = Math.max(0, i - 10); k < i; k++) {
          const ph = parsePhrase(par, toks, k, lex);
          if (ph && ph.end === i) return { phrase: ph, par, toks, strength: 'adjacent', end: i + 1 };
        }
      }
    }
  }
  if (cues.length) {
    const cue = bestCue(toks, cues, lex);
    const ph = subjectAround(par, toks, cue, lex) ?? (colon ? sentenceSubject(par, toks, cue, lex) : null);
    return { phrase: ph, par, toks, strength: colon || cue >= end - 4 ? 'adjacent' : 'sentence', end };
  }
  if (colon) {
    // "Merkel: „…“": a name or description right before the colon, or the sentence subject.
    for (let k = 0; k < end - 1; k++) {
      const ph = parsePhrase(par, toks, k, lex);
      if (ph && ph.end === end - 1 && k === 0) return { phrase: ph, par, toks, strength: 'adjacent', end };
    }
    const subj = sentenceSubject(par, toks, end - 1, lex);
    return { phrase: subj, par, toks, strength: 'sentence', end };
  }
  return null;
}

/** The cue that carries the attribution: the last speech verb, else the last evidential, else the last phrase. */
function bestCue(toks: Token[], cues: number[], lex: Lexicon): number {
  const verbs = cues.filter((c) => lex.verbs.has(toks[c].lower) || inversionVerb(toks[c], lex));
  if (verbs.length) return verbs[verbs.length - 1];
  const ev = cues.filter((c) => lex.evBefore.some((ph) => ph.every((w, k) => toks[c + k]?.lower === w)));
  if (ev.length) return ev[ev.length - 1];
  return cues[cues.length - 1];
}

/** An attribution inside the marks between dashes or commas: «… - spiega X, ruolo -, …», «… —afirmó—, …». */
function insideAttribution(
  par: string,
  a: number,
  b: number,
  lex: Lexicon,
): { attribution: Attribution; cut: [number, number] } | null {
  const toks = tokenize(par, a, b);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const dash = /^[-–—]$/.test(t.text);
    const comma = t.text === ',';
    if (!dash && !comma) continue;
    if (dash && i > 0 && par[t.start - 1] !== ' ' && !/[—]/.test(t.text)) continue;
    const k = i + 1;
    const cue = findCues(toks, lex, k, Math.min(toks.length, k + 3))[0];
    if (cue === undefined) continue;
    if (comma && cue !== skipFiller(toks, k, lex)) continue;
    // The closing dash or comma.
    let close = -1;
    for (let m = cue + 1; m < Math.min(toks.length, cue + 16); m++) {
      const x = toks[m].text;
      if (dash ? /^[-–—]$/.test(x) : x === ',') {
        close = m;
        break;
      }
      if (/^[.!?;:]$/.test(x) && dash) break;
    }
    if (close < 0) continue;
    const sub = toks.slice(k, close);
    const attr = rightAttribution(par, sub, lex);
    if (attr?.strength !== 'adjacent') continue;
    if (comma && attr.phrase === IMPLICIT && sub.length > 3) continue;
    return { attribution: attr, cut: [t.start, toks[close].end] };
  }
  return null;
}

/** A title or name in quotes: “the so-called …”, „die Zeitung …“, „…“ genannt, (Motto: „…“). */
function titleContext(left: Token[], right: Token[], lex: Lexicon, shortName: boolean): boolean {
  // Inside brackets introduced by a title word: "(Motto: „…“)", "(Überschrift auf der Homepage: „…“)".
  for (let k = left.length - 1; k >= 0 && left[k].text !== ')'; k--) {
    if (left[k].text === '(') {
      if (left.slice(k + 1).some((t) => t.word && isTitleCue(t.lower, lex))) return true;
      break;
    }
  }
  let i = left.length - 1;
  if (left[i] && /^[:,(]$/.test(left[i].text)) i--;
  const before = left[i];
  if (before?.word && isTitleCue(before.lower, lex)) return true;
  // The quoted words are the source: "laut „Reuters“", "berichtete die „Automobilwoche“".
  if (i === left.length - 1 && before?.word && shortName) {
    const single = (w: string) => lex.evBefore.some((ev) => ev.length === 1 && ev[0] === w);
    if (single(before.lower)) return true;
    const prev = left[i - 1];
    if (lex.det.has(before.lower) && prev?.word && (single(prev.lower) || lex.verbs.has(prev.lower)))
      return true;
  }
  const after = right.find((t) => t.word);
  if (after && right.indexOf(after) <= 1 && lex.titleAfter.has(after.lower)) return true;
  // „People's Alliance for Democracy“ (PAD)
  if (right[0]?.text === '(' && right[1]?.word && /^\p{Lu}{2,}$/u.test(right[1].text)) return true;
  return false;
}

function isTitleCue(w: string, lex: Lexicon): boolean {
  if (lex.titleCues.has(w)) return true;
  if (!lex.capitalizedNouns) return false;
  for (const c of lex.titleCues) if (c.length >= 4 && w.endsWith(c)) return true;
  return false;
}

/** Title Case, digits and web addresses: names of things rather than speech. */
function looksLikeName(text: string, words: number, lex: Lexicon): boolean {
  if (/\.(com|org|net|de|it|fr|es|uk)\b/i.test(text)) return true;
  if (words > 10) return false;
  if (/^([IVXLC]+|\d+\.?)\s+\p{Lu}/u.test(text)) return true; // „2. Deutscher Klimakongress“, „VII Championnat“
  const ws = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (!ws.length) return true;
  const capital = ws.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
  if (words === 1) return !lex.capitalizedNouns && /^\p{Lu}/u.test(ws[0]);
  if (/[.!?]$/.test(text)) return false;
  return capital === ws.length || (lex.capitalizedNouns && words >= 4 && capital / ws.length >= 0.75);
}

/** Words of a text; in scripts written without spaces (Chinese, Japanese) two characters count as one word. */
function wordCount(text: string): number {
  const cjk = (text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu) ?? [])
    .length;
  const rest = text.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu, ' ');
  return rest.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length + Math.ceil(cjk / 2);
}

function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[\s]+/)
    .map((w) => w.replace(/[^\p{L}\p{N}'’-]/gu, ''))
    .filter((w) => w.length > 1);
}

function endsWithWords(long: string[], short: string[]): boolean {
  return short.every((w) => long.includes(w));
}

/** Same word up to its ending: direttore / direttrice, Sprecher / Sprecherin, mayor / mayors. */
function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const n = Math.min(a.length, b.length);
  if (n < 4) return false;
  let k = 0;
  while (k < n && a[k] === b[k]) k++;
  return k >= Math.max(4, Math.min(a.length, b.length) - 3);
}

/** A description that stands for a person: headed by a role ("Ein Polizeisprecher") or an acronym. */
function personDesc(ph: Phrase, lex: Lexicon): boolean {
  return ph.heads.some((h) => isRoleString(h, lex)) || (!!ph.role && /^\p{Lu}{2,}$/u.test(ph.role));
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
