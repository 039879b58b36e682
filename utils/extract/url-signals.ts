// The URL-borne detection signals, read without regular expressions. The content script runs this on every page,
// and in a fresh renderer process (the first page of a site) each regular expression's first use compiles it:
// about 0.05–0.25 ms apiece on our 2-core bench machine, more than all the string work below. What each check
// means is written as the pattern it replaces, and a unit test holds every check to that pattern.

/** The signals a URL can give (a subset of detect-article's Signal). */
export type UrlSignal = 'dated-url' | 'slug-url' | 'home-url' | 'listing-url';

/** Path segments of listing pages: tags, topics, sections, authors, search, archives (in our languages). */
const LISTING_SEGMENTS: ReadonlySet<string> = new Set(
  'tag tags topic topics category categories categorie categoria rubrique rubrik rubriken theme themen thema tema temas argomenti section sections author authors autore autor auteur search suche recherche cerca buscar busqueda archive archivio archiv archives page'.split(
    ' ',
  ),
);
/** Query keys of a search or tag listing. */
const LISTING_QUERY_KEYS = ['q', 's', 'query', 'search', 'tag'];
/** Query keys that name one story on a site's root path (`/?p=123`). */
const STORY_QUERY_KEYS = ['p', 'id', 'story', 'article'];
/** A site's root document (`/index.html`, `/default.aspx`, `/home.php`). */
const HOME_NAMES = ['index', 'default', 'home'];

const code = (s: string, i: number) => (i < s.length ? s.charCodeAt(i) : -1);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isAsciiLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;
/** [A-Za-z0-9_], the pattern world's \w. */
const isWordChar = (c: number) => isDigit(c) || isAsciiLetter(c) || c === 95;

/** The two-digit number at i, or -1. */
const twoDigits = (s: string, i: number) =>
  isDigit(code(s, i)) && isDigit(code(s, i + 1)) ? (code(s, i) - 48) * 10 + code(s, i + 1) - 48 : -1;

/** 19xx or 20xx at i. */
const isYearAt = (s: string, i: number) => {
  const century = twoDigits(s, i);
  return (century === 19 || century === 20) && twoDigits(s, i + 2) >= 0;
};

/** `(0?[1-9]|1[0-2])([/-]|$)` at i: a month of one or two digits, then a separator or the end. */
function isMonthAt(s: string, i: number): boolean {
  if (!isDigit(code(s, i))) return false;
  const two = isDigit(code(s, i + 1));
  const month = two ? twoDigits(s, i) : code(s, i) - 48;
  const after = code(s, i + (two ? 2 : 1));
  return month >= 1 && month <= 12 && (after === -1 || after === 47 || after === 45);
}

/** `(19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])([/_.-]|$)` at i: a compact date, then a separator or the end. */
function isCompactDateAt(s: string, i: number): boolean {
  if (!isYearAt(s, i)) return false;
  const month = twoDigits(s, i + 4);
  const day = twoDigits(s, i + 6);
  const after = code(s, i + 8);
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= 31 &&
    (after === -1 || after === 47 || after === 95 || after === 46 || after === 45)
  );
}

/**
 * A dated path: `(^|/)(19|20)\d\d[/-](0?[1-9]|1[0-2])([/-]|$)` (a year segment, then a month) or
 * `[/_-]` and a compact date (`…/story-20240312-…`).
 */
export function isDatedPath(path: string): boolean {
  for (let i = 0; i + 4 <= path.length; i++) {
    const before = code(path, i - 1);
    const yearSegment = i === 0 || before === 47;
    if (!yearSegment && before !== 95 && before !== 45) continue;
    if (!isYearAt(path, i)) continue;
    const sep = code(path, i + 4);
    if (yearSegment && (sep === 47 || sep === 45) && isMonthAt(path, i + 5)) return true;
    if (i > 0 && isCompactDateAt(path, i)) return true;
  }
  return false;
}

/** `\p{L}` for the code point at i: ASCII letters at once, others (only in unencoded URLs) by the pattern itself. */
function isLetterAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0x80) return isAsciiLetter(c);
  return /\p{L}/u.test(String.fromCodePoint(s.codePointAt(i) ?? c));
}

/**
 * An article-like last segment: four or more words (split at `-` and `_`) holding two letters in a row, or a run
 * of five digits (`/the-council-approves-the-budget`, `/story/123456`).
 */
export function isSlug(segment: string): boolean {
  let words = 0;
  let letters = 0;
  let digits = 0;
  let counted = false;
  for (let i = 0; i < segment.length; i++) {
    const c = segment.charCodeAt(i);
    if (c === 45 || c === 95) {
      letters = 0;
      digits = 0;
      counted = false;
      continue;
    }
    digits = isDigit(c) ? digits + 1 : 0;
    if (digits >= 5) return true;
    letters = isLetterAt(segment, i) ? letters + 1 : 0;
    if (letters >= 2 && !counted) {
      counted = true;
      words++;
    }
    // A character outside the Basic Multilingual Plane is two code units: one character.
    const next = code(segment, i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
  }
  return words >= 4;
}

/** `[?&](key)=` for one of the keys, letters in any case. */
function hasQueryKey(search: string, keys: readonly string[]): boolean {
  const lower = search.toLowerCase();
  return keys.some((key) => lower.includes(`?${key}=`) || lower.includes(`&${key}=`));
}

/** `^(index|default|home)\.\w+$`: a site's root document. */
function isHomeDocument(name: string): boolean {
  const dot = name.indexOf('.');
  if (dot < 0 || dot === name.length - 1 || !HOME_NAMES.includes(name.slice(0, dot).toLowerCase()))
    return false;
  for (let i = dot + 1; i < name.length; i++) if (!isWordChar(name.charCodeAt(i))) return false;
  return true;
}

/**
 * The path and the query of an absolute URL (`scheme://authority/path?query#fragment`), or null for anything else.
 * Read by hand rather than with the URL parser, whose first use in the content script's world cost more than
 * all the URL's signals together: the content script gets the browser's own location.href, already normalised.
 */
export function pathAndQuery(url: string): { path: string; search: string } | null {
  const colon = url.indexOf('://');
  if (colon < 1 || !isAsciiLetter(url.charCodeAt(0))) return null;
  for (let i = 1; i < colon; i++) {
    const c = url.charCodeAt(i);
    if (!(isAsciiLetter(c) || isDigit(c) || c === 43 || c === 46 || c === 45)) return null;
  }
  const rest = url.slice(colon + 3);
  const hash = rest.indexOf('#');
  const beforeHash = hash < 0 ? rest : rest.slice(0, hash);
  const query = beforeHash.indexOf('?');
  const beforeQuery = query < 0 ? beforeHash : beforeHash.slice(0, query);
  const slash = beforeQuery.indexOf('/');
  return {
    path: slash < 0 ? '' : beforeQuery.slice(slash),
    search: query < 0 ? '' : beforeHash.slice(query),
  };
}

/** The URL-borne signals: a dated path, an article-like slug, a home or listing page. */
export function urlSignals(url: string): UrlSignal[] {
  const parts = pathAndQuery(url);
  if (!parts) return [];
  const path = parts.path || '/';
  const search = parts.search.length > 1 ? parts.search : '';
  const out: UrlSignal[] = [];
  if (isDatedPath(path)) out.push('dated-url');
  const segments = path.split('/');
  const named = segments.filter(Boolean);
  if (isSlug(named[named.length - 1] ?? '')) out.push('slug-url');
  if (named.length === 0 || (named.length === 1 && isHomeDocument(named[0]))) {
    if (!search || !hasQueryKey(search, STORY_QUERY_KEYS)) out.push('home-url');
  } else if (
    segments.some((s) => LISTING_SEGMENTS.has(s.toLowerCase())) ||
    hasQueryKey(search, LISTING_QUERY_KEYS)
  )
    out.push('listing-url');
  return out;
}
