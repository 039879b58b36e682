// The reader's own rules are data from a form or from a file someone shared: each is checked field by field and
// rebuilt from known fields only, so a rule can carry selectors and text patterns and nothing else (no code, no
// unknown fields, no `force` that could take the article's text with it).
import type { CleanRule } from '../extract/rule';

/** A reader's rule: the engine's rule format, limited to what a reader can write. */
export interface UserRule extends CleanRule {
  sites: string[];
}

/** Tells whether a CSS selector parses; pages with a DOM pass one, the background (no DOM) checks shape only. */
export type SelectorCheck = (selector: string) => boolean;

export function domSelectorCheck(doc: Document): SelectorCheck {
  const frag = doc.createDocumentFragment();
  return (selector) => {
    try {
      frag.querySelector(selector);
      return true;
    } catch {
      return false;
    }
  };
}

export const LIMITS = { selectors: 50, selector: 300, patterns: 20, pattern: 200, why: 300, sites: 10 };
const RULE_KEYS = new Set(['id', 'why', 'sites', 'remove', 'content', 'title', 'byline', 'date', 'text']);
const TEXT_KEYS = new Set(['patterns']);
/** Plain host names: letters, digits, dots and dashes (a base domain covers its subdomains). */
const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;
const ID = /^user:[\w.:/-]{1,120}$/;

export type RuleCheck = { ok: true; rule: UserRule } | { ok: false; errors: string[] };

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** "https://www.Example.org/a" or "www.example.org" → "example.org" (rules cover subdomains). */
export function siteOf(input: string): string | null {
  const raw = input.trim().toLowerCase();
  if (!raw) return null;
  try {
    const host = new URL(raw.includes('://') ? raw : `http://${raw}`).hostname.replace(/^www\./, '');
    return HOST.test(host) ? host : null;
  } catch {
    return null;
  }
}

/** A selector's problems, in words a reader can act on (empty when it is fine). */
export function selectorProblem(selector: string, check?: SelectorCheck): string | null {
  const s = selector.trim();
  if (!s) return 'The selector is empty.';
  if (s.length > LIMITS.selector) return `The selector is longer than ${LIMITS.selector} characters.`;
  if (/^(html|body|:root|\*)$/i.test(s)) return `"${s}" would remove the whole page.`;
  if (check && !check(s)) return `"${s}" is not a valid CSS selector.`;
  return null;
}

/** A text pattern's problems: it must compile as a regular expression (with the u flag, as the engine uses). */
export function patternProblem(pattern: string): string | null {
  if (!pattern) return 'The text pattern is empty.';
  if (pattern.length > LIMITS.pattern) return `The text pattern is longer than ${LIMITS.pattern} characters.`;
  try {
    new RegExp(pattern, 'u');
  } catch (err) {
    return `"${pattern}" is not a valid regular expression (${(err as Error).message}).`;
  }
  if (new RegExp(pattern, 'u').test(''))
    return `"${pattern}" matches empty text, so it would match everything.`;
  if (mayBacktrack(pattern))
    return `"${pattern}" could take too long on a long line (a repeated group that itself repeats or has alternatives, or more than ${MAX_OPEN_REPEATS} open-ended repeats).`;
  return null;
}

const MAX_OPEN_REPEATS = 3;

/**
 * Patterns come from shared rule files too, and run on every block of a site's pages: one that backtracks
 * exponentially ("(\w+\s?)+$", "(a|aa)+") or in a high power of the line's length would freeze the tab. Refused:
 * a group repeated by * + or {} that holds a repeat or an alternative, and more than MAX_OPEN_REPEATS of * + {n,}.
 */
function mayBacktrack(pattern: string): boolean {
  const groups: boolean[] = []; // per open group: does it hold a repeat or an alternative?
  let afterRiskyGroup = false;
  let open = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    const wasRiskyGroup = afterRiskyGroup;
    afterRiskyGroup = false;
    if (c === '\\') {
      i++;
    } else if (c === '[') {
      i++;
      if (pattern[i] === '^') i++;
      if (pattern[i] === ']') i++;
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
    } else if (c === '(') {
      groups.push(false);
    } else if (c === ')') {
      const risky = groups.pop() ?? false;
      if (risky && groups.length) groups[groups.length - 1] = true;
      afterRiskyGroup = risky;
    } else if (c === '|') {
      if (groups.length) groups[groups.length - 1] = true;
    } else if (c === '*' || c === '+' || (c === '{' && /^\{\d+(,\d*)?\}/.test(pattern.slice(i)))) {
      if (wasRiskyGroup) return true;
      const counted = c === '{' ? (pattern.slice(i).match(/^\{(\d+)(,(\d*))?\}/) as RegExpMatchArray) : null;
      if (!counted || counted[3] === '') open++;
      if (open > MAX_OPEN_REPEATS) return true;
      if (groups.length) groups[groups.length - 1] = true;
    }
  }
  return false;
}

/** A rule that only removes selectors (what the picker and the editor make), nothing else. */
export function onlyRemoves(rule: CleanRule): boolean {
  return !rule.text && !rule.content && !rule.title && !rule.byline && !rule.date;
}

function newId(site: string): string {
  return `user:${site}/${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Checks one rule (from the editor, storage or an imported file) and returns a clean copy built from known fields,
 * or every problem found. A rule needs at least one site and something to do (a selector to remove, a content
 * selector or a text pattern).
 */
export function validateRule(input: unknown, check?: SelectorCheck): RuleCheck {
  const errors: string[] = [];
  if (!isObj(input)) return { ok: false, errors: ['A rule must be an object.'] };
  for (const key of Object.keys(input)) {
    if (!RULE_KEYS.has(key))
      errors.push(`Unknown field "${key}": rules hold selectors and text patterns only.`);
  }
  const sites: string[] = [];
  if (!Array.isArray(input.sites) || input.sites.length === 0 || input.sites.length > LIMITS.sites) {
    errors.push('A rule needs a list of sites (host names such as "example.org").');
  } else {
    for (const s of input.sites) {
      const site = typeof s === 'string' ? siteOf(s) : null;
      if (site) sites.push(site);
      else errors.push(`"${String(s)}" is not a site name.`);
    }
  }
  const strings = (key: 'remove', max: number): string[] => {
    const v = input[key];
    if (v === undefined) return [];
    if (!Array.isArray(v) || v.length > max || !v.every((x) => typeof x === 'string')) {
      errors.push(`"${key}" must be a list of at most ${max} selectors.`);
      return [];
    }
    return v.map((x) => x.trim()).filter(Boolean);
  };
  const remove = strings('remove', LIMITS.selectors);
  for (const s of remove) {
    const p = selectorProblem(s, check);
    if (p) errors.push(p);
  }
  const single: Partial<Record<'content' | 'title' | 'byline' | 'date', string>> = {};
  for (const key of ['content', 'title', 'byline', 'date'] as const) {
    const v = input[key];
    if (v === undefined || v === '') continue;
    if (typeof v !== 'string') {
      errors.push(`"${key}" must be one CSS selector.`);
      continue;
    }
    const p = selectorProblem(v, check);
    if (p) errors.push(p);
    else single[key] = v.trim();
  }
  let patterns: string[] = [];
  if (input.text !== undefined) {
    const text = input.text;
    if (!isObj(text) || Object.keys(text).some((k) => !TEXT_KEYS.has(k))) {
      errors.push('"text" may hold only "patterns", a list of regular expressions.');
    } else if (
      !Array.isArray(text.patterns) ||
      text.patterns.length > LIMITS.patterns ||
      !text.patterns.every((x) => typeof x === 'string')
    ) {
      errors.push(`"text.patterns" must be a list of at most ${LIMITS.patterns} regular expressions.`);
    } else {
      patterns = text.patterns as string[];
      for (const p of patterns) {
        const problem = patternProblem(p);
        if (problem) errors.push(problem);
      }
    }
  }
  if (!remove.length && !patterns.length && !Object.keys(single).length && !errors.length) {
    errors.push('The rule does nothing: give at least one selector to remove.');
  }
  const why = input.why === undefined ? '' : input.why;
  if (typeof why !== 'string' || why.length > LIMITS.why) errors.push('"why" must be a short text.');
  const id = input.id;
  if (id !== undefined && (typeof id !== 'string' || !ID.test(id))) {
    errors.push('"id" must start with "user:" and hold only letters, digits and . : / - _.');
  }
  if (errors.length) return { ok: false, errors };
  const rule: UserRule = {
    id: typeof id === 'string' ? id : newId(sites[0]),
    why: (why as string).trim() || `Your rule for ${sites.join(', ')}`,
    sites: [...new Set(sites)],
  };
  if (remove.length) rule.remove = [...new Set(remove)];
  if (patterns.length) rule.text = { patterns };
  Object.assign(rule, single);
  return { ok: true, rule };
}
