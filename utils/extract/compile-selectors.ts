/**
 * Rules name what to remove with CSS selectors, but a hundred attribute selectors run one by one cost more than
 * Readability itself. Simple selectors (a tag, classes, ids, attribute tests, no combinators) are compiled here
 * into a few regular expressions tested in ONE walk over the page; the rest still go to querySelectorAll.
 */

export interface CompiledSelectors {
  /** Does the element match one of the simple selectors? Its class and id may be passed when already read. */
  test(el: Element, cls?: string | null, id?: string | null): boolean;
  /** Selectors that are not simple, for querySelectorAll. */
  complex: string[];
}

interface Condition {
  name: string;
  op: '' | '=' | '~=' | '^=' | '$=' | '*=' | '|=';
  value: string;
  insensitive: boolean;
}

const SIMPLE =
  /^([a-zA-Z][\w-]*|\*)?((?:\.[\w-]+|#[\w-]+|\[[\w-]+(?:[~^$*|]?=(?:"[^"]*"|'[^']*'|[\w-]+))?(?:\s+[iI])?\])*)$/;
const PART =
  /\.([\w-]+)|#([\w-]+)|\[([\w-]+)(?:([~^$*|]?=)(?:"([^"]*)"|'([^']*)'|([\w-]+)))?(?:\s+([iI]))?\]/g;

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function parse(sel: string): { tag: string | null; conds: Condition[] } | null {
  const m = SIMPLE.exec(sel.trim());
  if (!m) return null;
  const conds: Condition[] = [];
  for (const p of m[2].matchAll(PART)) {
    if (p[1]) conds.push({ name: 'class', op: '~=', value: p[1], insensitive: false });
    else if (p[2]) conds.push({ name: 'id', op: '=', value: p[2], insensitive: false });
    else
      conds.push({
        name: p[3].toLowerCase(),
        op: (p[4] ?? '') as Condition['op'],
        value: p[5] ?? p[6] ?? p[7] ?? '',
        insensitive: !!p[8],
      });
  }
  const tag = m[1] && m[1] !== '*' ? m[1].toLowerCase() : null;
  if (!tag && !conds.length) return null;
  return { tag, conds };
}

function testCondition(el: Element, c: Condition): boolean {
  let v = el.getAttribute(c.name);
  if (v === null) return false;
  let want = c.value;
  if (c.insensitive) {
    v = v.toLowerCase();
    want = want.toLowerCase();
  }
  switch (c.op) {
    case '':
      return true;
    case '=':
      return v === want;
    case '~=':
      return want !== '' && v.split(/\s+/).includes(want);
    case '^=':
      return want !== '' && v.startsWith(want);
    case '$=':
      return want !== '' && v.endsWith(want);
    case '*=':
      return want !== '' && v.includes(want);
    case '|=':
      return v === want || v.startsWith(`${want}-`);
  }
}

/** The regular-expression source matching an attribute value for one condition. */
function valueSource(c: Condition): string {
  const v = esc(c.value);
  switch (c.op) {
    case '~=':
      return `(?:^|\\s)${v}(?:\\s|$)`;
    case '*=':
      return v;
    case '^=':
      return `^${v}`;
    case '$=':
      return `${v}$`;
    case '|=':
      return `^${v}(?:-|$)`;
    default:
      return `^${v}$`;
  }
}

export function compileSelectors(selectors: string[]): CompiledSelectors {
  const complex: string[] = [];
  const tags = new Set<string>();
  const classParts: string[] = [];
  const idParts: string[] = [];
  const general: { tag: string | null; conds: Condition[] }[] = [];
  for (const s of selectors) {
    const p = parse(s);
    if (!p) {
      complex.push(s);
      continue;
    }
    const [c] = p.conds;
    if (!p.tag && p.conds.length === 1 && !c.insensitive && c.op && (c.name === 'class' || c.name === 'id')) {
      (c.name === 'class' ? classParts : idParts).push(valueSource(c));
    } else if (p.tag && !p.conds.length) tags.add(p.tag);
    else general.push(p);
  }
  // Single-attribute selectors without a tag ("[role=dialog]", "[hidden]", "[data-ad]"), grouped by attribute so
  // each attribute is read once per element.
  const byAttr = new Map<string, Condition[]>();
  const rest: typeof general = [];
  for (const g of general) {
    if (!g.tag && g.conds.length === 1) {
      const c = g.conds[0];
      byAttr.set(c.name, [...(byAttr.get(c.name) ?? []), c]);
    } else rest.push(g);
  }
  const attrs = [...byAttr];
  const classRe = classParts.length ? new RegExp(classParts.join('|')) : null;
  const idRe = idParts.length ? new RegExp(idParts.join('|')) : null;
  return {
    complex,
    test(el: Element, cls = el.getAttribute('class'), id = el.getAttribute('id')) {
      if (tags.has(el.localName)) return true;
      if (classRe && cls && classRe.test(cls)) return true;
      if (idRe && id && idRe.test(id)) return true;
      for (const [name, conds] of attrs) {
        if (el.getAttribute(name) !== null && conds.some((c) => testCondition(el, c))) return true;
      }
      for (const g of rest) {
        if (g.tag && g.tag !== el.localName) continue;
        if (g.conds.every((c) => testCondition(el, c))) return true;
      }
      return false;
    },
  };
}
