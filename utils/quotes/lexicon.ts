import languages from './languages.json';

/** One language's data as written in languages.json (every field a list of lower-case words or phrases). */
export interface LanguageData {
  speechVerbs: string[];
  auxiliaries: string[];
  evidentialsBefore: string[];
  evidentialsAfter: string[];
  afterQuoteEvidentials: string[];
  inversionPronouns: string[];
  pronouns: Record<string, string>;
  determiners: string[];
  prepositions: string[];
  functionWords: string[];
  honorifics: string[];
  roleNouns: string[];
  roleSuffixes: string[];
  nameParticles: string[];
  titleCues: string[];
  titleCuesAfter: string[];
  sentenceAbbreviations: string[];
  complementPrepositions: string[];
  reflexives: string[];
  coordinations: string[];
  objectPronouns: string[];
  capitalizedNouns: boolean;
  femaleMarkers: string[];
  maleMarkers: string[];
  femaleRoleEndings: string[];
  verbFinalAuxiliaries: string[];
  reportedSpeechMarkers: string[];
  genitiveDeterminers: string[];
  relativePronouns: string[];
  sourceCues: string[];
  sourcePrepositions: string[];
  adjectivesFollowNoun: boolean;
  nonNameEndings: string[];
  dropsSubject: boolean;
  passiveMarkers: string[];
  agentPrepositions: string[];
  roleSynonyms?: string[][];
}

/** The merged, look-up-ready form of one or more languages' data. */
export interface Lexicon {
  verbs: Set<string>;
  /** Multi-word speech cues ("fuhr fort", "according to"), as token lists. */
  verbPhrases: string[][];
  /** Separable verbs whose particle closes the clause: "stellte … fest" as ["stellte", "fest"]. */
  separable: [string, string][];
  /** Multi-word cues (verb phrases, evidentials, source cues) by their first word. */
  phrasesByFirst: Map<string, string[][]>;
  /** Particles of separable verbs by the verb. */
  separableByVerb: Map<string, string[]>;
  aux: Set<string>;
  evBefore: string[][];
  evAfter: string[][];
  afterEv: Set<string>;
  inversion: Set<string>;
  pronouns: Map<string, string>;
  det: Set<string>;
  prep: Set<string>;
  func: Set<string>;
  honorifics: Set<string>;
  roleNouns: Set<string>;
  roleSuffixes: string[];
  particles: Set<string>;
  titleCues: Set<string>;
  titleAfter: Set<string>;
  abbreviations: Set<string>;
  complement: Set<string>;
  reflexives: Set<string>;
  coordinations: Set<string>;
  objectPronouns: Set<string>;
  capitalizedNouns: boolean;
  /** Per article: capitalised words the article also writes alone (surnames), to split "dell'Economia Giancarlo Giorgetti". */
  surnames?: Set<string>;
  female: Set<string>;
  male: Set<string>;
  femaleEndings: string[];
  verbFinalAux: Set<string>;
  reported: Set<string>;
  genitive: Set<string>;
  /** Name particles as word sequences, longest first: ["von", "der"], ["da"]. */
  particleRuns: string[][];
  relative: Set<string>;
  sourceCues: string[][];
  sourcePreps: Set<string>;
  /** Adjectives may follow the noun ("direttore generale"); otherwise a description ends at its role noun. */
  adjectivesAfter: boolean;
  /** Endings of capitalised words that start a sentence rather than a name ("Hosting Cook at …"). */
  nonNameEndings: string[];
  /** The language may leave the subject out ("«…», ha aggiunto"), so a lone verb is an attribution. */
  dropsSubject: boolean;
  /** Passive voice ("als … bezeichnet worden"): the speaker is the agent (von, by) or the source (in). */
  passive: Set<string>;
  agentPreps: Set<string>;
  /** Words for the same role ("allenatore", "tecnico"), each mapped to its group's first word. */
  synonyms: Map<string, string>;
}

const DATA = languages as unknown as Record<string, LanguageData>;
const cache = new Map<string, Lexicon>();

/** The languages that have data, by their primary subtag. */
export const supportedLanguages = Object.keys(DATA);

/** Lexicon for a page language ("it", "it-IT", "de_CH"); all languages merged when it is unknown or missing. */
export function lexiconFor(lang: string | null): Lexicon {
  const primary = (lang ?? '').toLowerCase().split(/[-_]/)[0];
  const key = DATA[primary] ? primary : '*';
  let lex = cache.get(key);
  if (!lex) {
    lex = build(key === '*' ? Object.values(DATA) : [DATA[key]]);
    cache.set(key, lex);
  }
  return lex;
}

function build(list: LanguageData[]): Lexicon {
  const all = (f: (l: LanguageData) => string[] | undefined) =>
    list.flatMap((l) => (f(l) ?? []).map((w) => w.toLowerCase()));
  const single = (ws: string[]) => new Set(ws.filter((w) => !w.includes(' ')));
  const phrases = (ws: string[]) =>
    ws.filter((w) => w.includes(' ') && !w.includes('…')).map((w) => w.split(/\s+/));
  const separable = (ws: string[]) =>
    ws.filter((w) => w.includes('…')).map((w) => w.split(/\s*…\s*/) as [string, string]);
  const verbsAll = all((l) => l.speechVerbs);
  const byFirst = (lists: string[][][]) => {
    const m = new Map<string, string[][]>();
    for (const ph of lists.flat()) m.set(ph[0], [...(m.get(ph[0]) ?? []), ph]);
    return m;
  };
  const seps = separable(verbsAll);
  const sepIndex = new Map<string, string[]>();
  for (const [v, p] of seps) sepIndex.set(v, [...(sepIndex.get(v) ?? []), p]);
  const pronouns = new Map<string, string>();
  for (const l of list) for (const [w, g] of Object.entries(l.pronouns ?? {})) pronouns.set(w, g);
  return {
    verbs: single(verbsAll),
    verbPhrases: phrases(verbsAll),
    separable: seps,
    phrasesByFirst: byFirst([
      phrases(verbsAll),
      all((l) => l.evidentialsBefore).map((w) => w.split(/\s+/)),
      all((l) => l.sourceCues).map((w) => w.split(/\s+/)),
    ]),
    separableByVerb: sepIndex,
    aux: new Set(all((l) => l.auxiliaries)),
    evBefore: all((l) => l.evidentialsBefore).map((w) => w.split(/\s+/)),
    evAfter: all((l) => l.evidentialsAfter).map((w) => w.split(/\s+/)),
    afterEv: new Set(all((l) => l.afterQuoteEvidentials)),
    inversion: new Set(all((l) => l.inversionPronouns)),
    pronouns,
    det: new Set(all((l) => l.determiners)),
    prep: new Set(all((l) => l.prepositions)),
    func: new Set(all((l) => l.functionWords)),
    honorifics: new Set(all((l) => l.honorifics)),
    roleNouns: new Set(all((l) => l.roleNouns)),
    roleSuffixes: all((l) => l.roleSuffixes).sort((a, b) => b.length - a.length),
    particles: new Set(all((l) => l.nameParticles).filter((w) => !w.includes(' '))),
    titleCues: new Set(all((l) => l.titleCues)),
    titleAfter: new Set(all((l) => l.titleCuesAfter)),
    abbreviations: new Set(all((l) => l.sentenceAbbreviations)),
    complement: new Set(all((l) => l.complementPrepositions)),
    reflexives: new Set(all((l) => l.reflexives)),
    coordinations: new Set(all((l) => l.coordinations)),
    objectPronouns: new Set(all((l) => l.objectPronouns)),
    capitalizedNouns: list.every((l) => l.capitalizedNouns),
    female: new Set(all((l) => l.femaleMarkers)),
    male: new Set(all((l) => l.maleMarkers)),
    femaleEndings: all((l) => l.femaleRoleEndings),
    verbFinalAux: new Set(all((l) => l.verbFinalAuxiliaries)),
    reported: new Set(all((l) => l.reportedSpeechMarkers)),
    relative: new Set(all((l) => l.relativePronouns)),
    sourceCues: all((l) => l.sourceCues).map((w) => w.split(/\s+/)),
    sourcePreps: new Set(all((l) => l.sourcePrepositions)),
    adjectivesAfter: list.some((l) => l.adjectivesFollowNoun),
    nonNameEndings: all((l) => l.nonNameEndings),
    dropsSubject: list.some((l) => l.dropsSubject),
    passive: new Set(all((l) => l.passiveMarkers)),
    agentPreps: new Set(all((l) => l.agentPrepositions)),
    synonyms: new Map(
      list.flatMap((l) =>
        (l.roleSynonyms ?? []).flatMap((group) =>
          group.map((w) => [w.toLowerCase(), group[0]] as [string, string]),
        ),
      ),
    ),
    genitive: new Set(all((l) => l.genitiveDeterminers)),
    particleRuns: all((l) => l.nameParticles)
      .map((w) => w.split(/\s+/))
      .sort((a, b) => b.length - a.length),
  };
}
