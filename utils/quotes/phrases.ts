// Speaker phrases: a name ("Paolo Piantoni"), a pronoun ("she", "er") or a description ("il direttore",
// "Der GdP-Vorsitzende Konrad Freiberg", "John Kline, ein Repräsentant aus Minnesota"), read from tokens.
import type { Lexicon } from './lexicon';
import type { Token } from './tokens';

export type Gender = 'm' | 'f' | 'p' | null;

export interface Phrase {
  /** Token indices [start, end). */
  start: number;
  end: number;
  kind: 'name' | 'pronoun' | 'desc';
  /** The name as written ("Paolo Piantoni", "Piantoni"), for kind name. */
  name: string | null;
  /** Role or description, without a leading article ("direttore generale di Confindustria Bergamo"). */
  role: string | null;
  gender: Gender;
  /** The description's head words, lower case, for matching a role to a person met before. */
  heads: string[];
}

const MAX_ROLE_WORDS = 8;

export function isRoleWord(t: Token, lex: Lexicon): boolean {
  return isRoleString(t.lower, lex);
}

export function isRoleString(w: string, lex: Lexicon): boolean {
  if (lex.roleNouns.has(w) || (w.endsWith('s') && lex.roleNouns.has(w.slice(0, -1)))) return true;
  if (w.includes('-') && !lex.capitalizedNouns)
    return w.split('-').some((part) => part.length > 2 && isRoleString(part, lex));
  for (const s of lex.roleSuffixes) if (w.length > s.length + 1 && w.endsWith(s)) return true;
  return false;
}

/** A word that can be part of a description: not a verb, article, preposition or other grammar word. */
export function isContent(t: Token | undefined, lex: Lexicon): boolean {
  if (!t?.word) return false;
  const w = t.lower;
  return !(
    lex.func.has(w) ||
    lex.prep.has(w) ||
    lex.det.has(w) ||
    lex.aux.has(w) ||
    lex.verbs.has(w) ||
    lex.pronouns.has(w) ||
    lex.coordinations.has(w) ||
    lex.reflexives.has(w) ||
    lex.objectPronouns.has(w) ||
    /^\d+([.,]\d+)*$/.test(w)
  );
}

function capWord(t: Token | undefined, lex: Lexicon): boolean {
  if (t && /^\d+-\p{Lu}/u.test(t.text)) return true; // "58-Jährige"
  return (
    !!t &&
    t.cap &&
    !lex.func.has(t.lower) &&
    !lex.det.has(t.lower) &&
    !lex.verbs.has(t.lower) &&
    !lex.aux.has(t.lower) &&
    !lex.pronouns.has(t.lower) &&
    !lex.prep.has(t.lower)
  );
}

const isInitial = (t: Token, next: Token | undefined) => /^\p{Lu}$/u.test(t.text) && next?.text === '.';

/** Text of tokens [a, b) as written in the paragraph. */
export function span(par: string, toks: Token[], a: number, b: number): string {
  if (b <= a) return '';
  return par.slice(toks[a].start, toks[b - 1].end);
}

function genderOf(words: Token[], lex: Lexicon, roleWords: Token[]): Gender {
  for (const w of words) {
    if (lex.female.has(w.lower)) return 'f';
    if (lex.male.has(w.lower)) return 'm';
  }
  for (const w of roleWords) {
    if (isRoleWord(w, lex) && lex.femaleEndings.some((e) => w.lower.endsWith(e))) return 'f';
  }
  return null;
}

/**
 * The speaker phrase that starts at token i, or null. `par` is the paragraph the tokens come from.
 * Reads: pronoun | [det] [role words] [complement] [name] [complement] [, apposition ,]
 */
export function parsePhrase(par: string, t: Token[], i: number, lex: Lexicon): Phrase | null {
  const first = t[i];
  if (!first?.word) return null;
  if (lex.pronouns.has(first.lower)) {
    return {
      start: i,
      end: i + 1,
      kind: 'pronoun',
      name: null,
      role: null,
      gender: pronounGender(first.lower, lex),
      heads: [],
    };
  }
  let j = i;
  const markers: Token[] = [];
  const pk = particleRun(t, i, lex);
  if (pk > i && first.cap && !lex.func.has(first.lower)) {
    // A name that starts with its particle: "Von der Leyen", "De Gaulle" (but not "Der Staatsanwalt").
    if (capWord(t[pk], lex) && (pk > i + 1 || !lex.det.has(first.lower))) {
      let e = pk + 1;
      while (capWord(t[e], lex)) e++;
      return {
        start: i,
        end: e,
        kind: 'name',
        name: span(par, t, i, e),
        role: null,
        gender: null,
        heads: [],
      };
    }
  }
  let hadDet = false;
  if (lex.det.has(first.lower)) {
    hadDet = true;
    markers.push(first);
    j++;
  }
  while (t[j] && lex.honorifics.has(t[j].lower) && (capWord(t[j + 1], lex) || t[j + 1]?.text === '.')) {
    markers.push(t[j]);
    j++;
    if (t[j]?.text === '.') j++;
  }
  const role: number[] = [];
  let name: number[] = [];
  let headSeen = false;
  let complementDone = false;
  let possessor = 0;
  for (; j < t.length && j - i < 16; j++) {
    const w = t[j];
    if (!w.word) {
      // Initials inside a name: George W. Bush.
      if (w.text === '.' && name.length && isInitial(t[j - 1], w) && capWord(t[j + 1], lex)) continue;
      break;
    }
    if (isRoleWord(w, lex)) {
      if (name.length) {
        // "Human Rights Watch-Sprecher", "White House spokeswoman": the words before were part of the role.
        role.push(...name);
        name = [];
      }
      role.push(j);
      headSeen = true;
      continue;
    }
    if (capWord(w, lex)) {
      if (lex.capitalizedNouns && (hadDet || role.length) && !headSeen && !name.length) {
        role.push(j); // German: the first noun after the article is the head of the description.
        headSeen = true;
        continue;
      }
      if (
        lex.capitalizedNouns &&
        name.length === 0 &&
        role.length &&
        /s$/.test(w.lower) &&
        !capWord(t[j + 1], lex)
      ) {
        role.push(j); // a genitive after the role: "Der Innenminister Frankreichs"
        continue;
      }
      name.push(j);
      if (/['’]s$/.test(w.text) && !lex.capitalizedNouns) {
        // A possessor, not the person: "Jeanine Pirro’s lawyer", "China’s ambassador".
        role.push(...name);
        name = [];
        hadDet = true;
        possessor = role.length;
      }
      continue;
    }
    // Lower-case word.
    if (name.length) {
      // von der Leyen, da Silva, de Gaulle: a particle joins the name when one capitalised word ends it.
      const k = particleRun(t, j, lex);
      const compound = lex.capitalizedNouns && t[k]?.text.includes('-'); // "Briefe von SWR-Mitarbeitern"
      if (
        k > j &&
        !compound &&
        capWord(t[k], lex) &&
        !capWord(t[k + 1], lex) &&
        !(t[k + 1]?.word && lex.complement.has(t[k + 1].lower))
      ) {
        for (let m = j; m <= k; m++) name.push(m);
        j = k;
        continue;
      }
    }
    if (
      lex.complement.has(w.lower) &&
      (role.length || name.length) &&
      !complementDone &&
      !(name.length && lex.det.has(w.lower))
    ) {
      // "of the city", "di Confindustria Bergamo", "des Finanzministeriums", "von Human Rights Watch"
      let k = j + 1;
      while (t[k] && lex.det.has(t[k].lower)) k++;
      const from = k;
      let lower = 0;
      while (t[k]?.word && k - from < 6) {
        // A name right after the organisation: "dell'Economia Giancarlo Giorgetti" (Giorgetti is written alone too).
        if (
          k > from &&
          !name.length &&
          capWord(t[k], lex) &&
          capWord(t[k + 1], lex) &&
          lex.surnames?.has(t[k + 1].lower)
        )
          break;
        if (capWord(t[k], lex) || (/^\d+$/.test(t[k].text) && k > from && capWord(t[k - 1], lex))) k++;
        else if (
          (lex.particles.has(t[k].lower) || lex.complement.has(t[k].lower)) &&
          (!lex.det.has(t[k].lower) || lex.genitive.has(t[k].lower)) &&
          capWord(t[k + 1], lex)
        )
          k++;
        else if (!lex.capitalizedNouns && !name.length && lower < 2 && isContent(t[k], lex)) {
          lower++;
          k++;
        } else break;
      }
      if (k === from) break;
      role.push(...range(j, k));
      complementDone = true;
      if (name.length) {
        j = k;
        break;
      }
      j = k - 1;
      continue;
    }
    if (
      !name.length &&
      (hadDet || role.length || markers.length) &&
      isContent(w, lex) &&
      role.length < MAX_ROLE_WORDS &&
      !(lex.capitalizedNouns && headSeen)
    ) {
      // Adjectives, and nouns of languages that write them in lower case: "il direttore generale", "the
      // fire chief". After a role noun only adjectives that follow nouns ("generale") and more role nouns.
      const afterRole = role.some((k) => isRoleWord(t[k], lex));
      if (
        afterRole &&
        !isRoleWord(w, lex) &&
        (!lex.adjectivesAfter || role.length - role.findIndex((k) => isRoleWord(t[k], lex)) > 2)
      )
        break;
      role.push(j);
      if (!lex.capitalizedNouns) headSeen = true;
      continue;
    }
    break;
  }
  let end = j;
  if (!name.length && !role.length) return null;
  if (possessor && !name.length && role.length === possessor) return null;
  // A bare lower-case word run without article is no phrase (verbs and adverbs look like that).
  if (!name.length && !hadDet && !markers.length && !role.some((k) => isRoleWord(t[k], lex) || t[k].cap))
    return null;
  let roleText = role.length ? span(par, t, role[0], role[role.length - 1] + 1) : null;
  let nameText = name.length ? span(par, t, name[0], name[name.length - 1] + 1) : null;
  let roleTokens = role.map((k) => t[k]);
  // Apposition between commas or dashes: "Paolo Piantoni, direttore generale di Confindustria Bergamo -,"
  // "Der Innenminister Frankreichs, Nicolas Sarkozy,"
  if (t[end]?.text === ',' || t[end]?.text === '(') {
    const app = apposition(par, t, end + 1, lex, !!nameText);
    if (app) {
      if (nameText && app.role) {
        roleText = app.role;
        roleTokens = app.roleTokens;
      } else if (!nameText && app.name) {
        nameText = app.name;
      }
      end = app.end;
    }
  }
  if (roleText) roleText = stripLeadingDet(roleText, lex);
  const heads = roleTokens.filter((w) => isContent(w, lex)).map((w) => w.lower);
  const gender = genderOf(markers, lex, roleTokens);
  if (nameText) return { start: i, end, kind: 'name', name: nameText, role: roleText, gender, heads };
  return { start: i, end, kind: 'desc', name: null, role: roleText, gender, heads };
}

function apposition(par: string, t: Token[], a: number, lex: Lexicon, haveName: boolean) {
  let k = a;
  const first = t[k];
  if (!first?.word) return null;
  if (!haveName) {
    // A name after a description.
    while (
      t[k] &&
      (capWord(t[k], lex) ||
        (t[k].text === '.' && isInitial(t[k - 1], t[k])) ||
        (lex.particles.has(t[k].lower) && capWord(t[k + 1], lex)))
    )
      k++;
    if (k === a) return null;
    if (t[k]?.cap) return null;
    const inner = parsePhrase(par, t, a, lex);
    return { name: inner?.name ?? span(par, t, a, k), role: null, roleTokens: [] as Token[], end: k };
  }
  // A role after a name: starts with an article, a role word or (in languages with lower-case nouns) a
  // lower-case content word; ends at a comma, dash or bracket, or where the phrase ends.
  const startsWell =
    lex.det.has(first.lower) ||
    isRoleWord(first, lex) ||
    (!lex.capitalizedNouns && isContent(first, lex) && !first.cap);
  if (!startsWell) return null;
  while (t[k] && k - a < 14) {
    const w = t[k];
    if (!w.word) {
      if (/^[-–—,()]$/.test(w.text) || w.text === '.' || w.text === ':' || w.text === ';') break;
      if (w.text === "'" || w.text === '’' || w.text === '&' || /^[„“”"«»‚‘]$/.test(w.text)) {
        k++;
        continue;
      }
      return null;
    }
    if (
      lex.verbs.has(w.lower) ||
      lex.aux.has(w.lower) ||
      lex.pronouns.has(w.lower) ||
      lex.reflexives.has(w.lower)
    )
      break;
    if (
      lex.func.has(w.lower) &&
      !lex.coordinations.has(w.lower) &&
      !lex.prep.has(w.lower) &&
      !lex.det.has(w.lower)
    )
      return null;
    k++;
  }
  if (k === a) return null;
  const roleTokens = t.slice(a, k);
  if (!roleTokens.some((w) => isContent(w, lex))) return null;
  // Without an article, a role names a function ("direttore generale di …", "senior fellow at …"), not any words.
  if (!lex.det.has(first.lower) && !roleTokens.some((w) => isRoleWord(w, lex) || lex.complement.has(w.lower)))
    return null;
  return { name: null, role: span(par, t, a, k), roleTokens, end: k };
}

function stripLeadingDet(s: string, lex: Lexicon): string {
  const m = /^(\S+?)(['’]|\s+)(.*)$/su.exec(s);
  if (m && lex.det.has(m[1].toLowerCase() + (m[2].trim() ? "'" : ''))) return m[3];
  if (m && lex.det.has(m[1].toLowerCase())) return m[3];
  return s;
}

function pronounGender(w: string, lex: Lexicon): Gender {
  const g = lex.pronouns.get(w);
  return g === 'm' || g === 'f' || g === 'p' ? g : null;
}

/** End of the longest run of name particles at t[j] ("von der", "da"), or j when there is none. */
function particleRun(t: Token[], j: number, lex: Lexicon): number {
  for (const run of lex.particleRuns) if (run.every((w, k) => t[j + k]?.lower === w)) return j + run.length;
  return j;
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let k = a; k < b; k++) out.push(k);
  return out;
}
