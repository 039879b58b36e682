/**
 * Signs that the page holds only part of the article: a paywall, a "continue reading" cut, a collapsed body.
 * Pure and read-only: it looks at the page as served, never changes it. The reader is told "this article may be
 * incomplete"; the reasons say why, so a false alarm can be traced.
 */
import { type JsonLdObject, jsonLdObjects } from './json-ld';
import { normalizeBlock } from './lexicon';

export interface Truncation {
  truncated: boolean;
  /** Why, one entry per kind of sign: "json-ld:isAccessibleForFree=false", "class:paywall", "text:it:…". */
  reasons: string[];
}

/**
 * Paywall and cut lines, as data: a short block STARTING with one of these phrases (normalised like the cleaning
 * lexicon: lower case, squeezed spaces, `#` a number) is a sign. Starting, not containing: "readers who subscribe
 * to read the print edition" in a sentence is not a paywall. Bare badges ("Article réservé aux abonnés") are left
 * out: they also mark teasers of OTHER articles; only phrases about this text count.
 */
export const TRUNCATION_LEXICON: Record<string, { paywall: string[]; cut: string[] }> = {
  en: {
    paywall: [
      'subscribe to continue reading',
      'subscribe to read',
      'subscribe to keep reading',
      'subscribe now to continue reading',
      'to continue reading, subscribe',
      'to continue reading this article',
      'this article is for subscribers only',
      'this article is only available to subscribers',
      'this content is for subscribers only',
      'this story is only available to subscribers',
      "you've reached your limit of free articles",
      'you have reached your limit of free articles',
      "you've read all your free articles",
      'you have read all your free articles',
      'create a free account to continue reading',
      'register to continue reading',
      'sign in to continue reading',
      'log in to continue reading',
    ],
    cut: [
      'continue reading',
      'continue reading the full article',
      'read the full article',
      'read full article',
      'read the full story',
      'read full story',
      'show full article',
      'show the full article',
      'expand article',
      'see full article',
    ],
  },
  it: {
    paywall: [
      'per continuare a leggere',
      'abbonati per continuare a leggere',
      'abbonati per leggere',
      'questo articolo è riservato agli abbonati',
      'articolo riservato agli abbonati',
      'contenuto riservato agli abbonati',
      'questo contenuto è riservato agli abbonati',
      'per leggere questo articolo abbonati',
      'sblocca l’articolo',
      "sblocca l'articolo",
      'hai raggiunto il limite di articoli gratuiti',
      'leggi l’articolo completo abbonandoti',
    ],
    cut: [
      'continua a leggere',
      'leggi tutto l’articolo',
      "leggi tutto l'articolo",
      'mostra tutto l’articolo',
    ],
  },
  fr: {
    paywall: [
      'il vous reste #% de cet article à lire',
      'il vous reste # % de cet article à lire',
      'la suite est réservée aux abonnés',
      'cet article est réservé aux abonnés',
      'abonnez-vous pour lire la suite',
      'pour lire la suite, abonnez-vous',
      'lisez la suite en vous abonnant',
      'contenu réservé aux abonnés',
    ],
    cut: [
      'lire la suite de l’article',
      "lire la suite de l'article",
      'afficher tout l’article',
      'continuer la lecture',
    ],
  },
  de: {
    paywall: [
      'jetzt weiterlesen mit',
      'weiterlesen mit spiegel+',
      'weiterlesen mit z+',
      'dieser artikel ist nur für abonnenten',
      'dieser artikel ist abonnenten vorbehalten',
      'dieser inhalt ist abonnenten vorbehalten',
      'um diesen artikel zu lesen',
      'lesen sie diesen artikel mit',
      'jetzt abonnieren und weiterlesen',
      'sie haben bereits ein abonnement',
    ],
    cut: ['weiterlesen', 'artikel weiterlesen', 'ganzen artikel lesen', 'mehr anzeigen'],
  },
  es: {
    paywall: [
      'suscríbete para seguir leyendo',
      'suscríbete para continuar leyendo',
      'para seguir leyendo',
      'este contenido es exclusivo para suscriptores',
      'este artículo es exclusivo para suscriptores',
      'contenido exclusivo para suscriptores',
      'has alcanzado el límite de artículos gratuitos',
    ],
    cut: ['seguir leyendo', 'continuar leyendo', 'leer el artículo completo', 'ver artículo completo'],
  },
};

/** Class or id words of paywall and collapsed-body containers (whole words of the attribute). */
const PAYWALL_WORDS =
  /^(?:paywall|paywalled|paywall-container|paywall-box|paywall-overlay|premium-content|premium-paywall|article-paywall|article-truncated|article--truncated|truncated-article|is-truncated|subscriber-only|subscribers-only|subscriber-content|locked-content|content-locked|piano-paywall|tp-paywall|regwall|article-body--truncated|article-body--collapsed|collapsed-article|article-collapsed)$/i;

const MAYBE_PAYWALL = /paywall|premium|truncat|subscriber|locked|regwall|collapsed/i;

/** A short block: a paywall line or a button, not a paragraph of running text. */
const MAX_BLOCK = 250;
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE']);
const CONTROL_TAGS = new Set(['A', 'BUTTON', 'SUMMARY', 'LABEL']);
const INLINE = /^(?:A|SPAN|STRONG|B|EM|I|SMALL|BUTTON|LABEL)$/;
const INNER_BLOCKS = new Set(
  'P DIV SECTION ARTICLE UL OL LI TABLE H1 H2 H3 H4 H5 H6 BLOCKQUOTE FIGURE MAIN HEADER FOOTER ASIDE NAV'.split(
    ' ',
  ),
);
const MAX_CHILDREN = 12;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const phraseSource = (p: string) => normalizeBlock(p).split('#').map(escapeRe).join('\\d+(?:[.,]\\d+)?');

let compiled: { lang: string; paywall: RegExp; cut: RegExp }[] | null = null;
let anyPhrase: RegExp | null = null;

/** Any phrase anywhere in the page's text: most pages have none, and then no element is looked at. */
function anyPhraseRe(): RegExp {
  // Tested on the raw text (lower-casing a megabyte costs more than the whole test): any case, any spaces.
  anyPhrase ??= new RegExp(
    Object.values(TRUNCATION_LEXICON)
      .flatMap((l) => [...l.paywall, ...l.cut])
      .map((p) => phraseSource(p).replace(/ /g, '\\s+').replace(/'/g, "['’`]"))
      .join('|'),
    'giu',
  );
  return anyPhrase;
}

function lexiconRes() {
  compiled ??= Object.entries(TRUNCATION_LEXICON).map(([lang, l]) => ({
    lang,
    // Paywall lines start with the phrase; a cut is a control whose whole text is the phrase.
    paywall: new RegExp(`^(?:${l.paywall.map(phraseSource).join('|')})(?![\\p{L}\\p{N}])`, 'u'),
    cut: new RegExp(`^(?:${l.cut.map(phraseSource).join('|')})$`, 'u'),
  }));
  return compiled;
}

const isFalse = (v: unknown) => v === false || (typeof v === 'string' && v.trim().toLowerCase() === 'false');

function jsonLdReasons(doc: Document, objects: JsonLdObject[], reasons: Set<string>) {
  for (const o of objects) {
    if (isFalse(o.isAccessibleForFree)) reasons.add('json-ld:isAccessibleForFree=false');
    const parts = Array.isArray(o.hasPart) ? o.hasPart : o.hasPart ? [o.hasPart] : [];
    for (const p of parts) {
      if (!p || typeof p !== 'object') continue;
      const part = p as JsonLdObject;
      const sel = typeof part.cssSelector === 'string' ? part.cssSelector : null;
      if (!sel || !isFalse(part.isAccessibleForFree)) continue;
      try {
        // The marked part is on the page: the paywalled text is there, hidden or cut.
        if (doc.querySelector(sel)) reasons.add(`json-ld:hasPart ${sel}`);
      } catch {
        /* an invalid selector in the page's JSON-LD says nothing */
      }
    }
  }
}

interface Scan {
  /** Elements whose class or id has a paywall-ish word. */
  marked: Element[];
  /** Short text nodes outside scripts and styles: the only ones a paywall line or a button can be made of. */
  texts: Node[];
}

/**
 * One walk over the page, by hand (a TreeWalker, or querySelectorAll with attribute tests, costs several times
 * more in jsdom): the elements marked like a paywall and the short text nodes.
 */
function scan(body: Element): Scan {
  const out: Scan = { marked: [], texts: [] };
  const stack: Node[] = [body];
  while (stack.length) {
    const node = stack.pop() as Node;
    if (node.nodeType === 3) {
      const raw = node.nodeValue ?? '';
      if (raw.length <= MAX_BLOCK && /\p{L}/u.test(raw)) out.texts.push(node);
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (SKIP.has(el.tagName)) continue;
    const cls = el.getAttribute('class');
    const id = el.getAttribute('id');
    if ((cls && MAYBE_PAYWALL.test(cls)) || (id && MAYBE_PAYWALL.test(id))) out.marked.push(el);
    // Children pushed last to first, so that text nodes come out in document order.
    for (let c = el.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return out;
}

function classReasons(marked: Element[], reasons: Set<string>) {
  for (const el of marked) {
    for (const w of `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.split(/\s+/)) {
      // An empty paywall container is where a script would put a box: free articles have one too.
      if (w && PAYWALL_WORDS.test(w) && (el.textContent ?? '').trim()) {
        reasons.add(`class:${w.toLowerCase()}`);
        break;
      }
    }
  }
}

function pathOf(href: string, base: string): string | null {
  try {
    const u = new URL(href, base);
    return u.origin + u.pathname.replace(/\/$/, '');
  } catch {
    return null;
  }
}

/** A control that unfolds this page (a button, "#", "javascript:", this very URL), not a link to another article. */
function revealsHere(control: Element, here: string | null): boolean {
  if (control.localName !== 'a') return true;
  const href = (control.getAttribute('href') ?? '').trim();
  if (!href || href.startsWith('#') || /^javascript:/i.test(href)) return true;
  return here !== null && pathOf(href, here) === here;
}

/** The nearest ancestor-or-self that is a control (a link, a button), within a few levels. */
function controlOf(el: Element): Element | null {
  let e: Element | null = el;
  for (let i = 0; e && i < 5; i++, e = e.parentElement) {
    if (CONTROL_TAGS.has(e.tagName) || e.getAttribute('role') === 'button') return e;
  }
  return null;
}

function articleOf(el: Element): Element | null {
  for (let e: Element | null = el; e; e = e.parentElement) if (e.tagName === 'ARTICLE') return e;
  return null;
}

/** A block with no block inside and few children: a line, a button, a label (looked at with a small budget). */
function isLeafBlock(e: Element): boolean {
  if (e.childElementCount > MAX_CHILDREN) return false;
  const stack: Element[] = [e];
  let budget = 40;
  while (stack.length) {
    const x = stack.pop() as Element;
    for (let c = x.firstElementChild; c; c = c.nextElementSibling) {
      if (--budget < 0 || INNER_BLOCKS.has(c.tagName)) return false;
      stack.push(c);
    }
  }
  return true;
}

function textReasons(doc: Document, nodes: Node[], reasons: Set<string>) {
  // All the short texts searched in one go (most pages stop here); only the nodes where a phrase starts are looked
  // at further.
  const values = nodes.map((n) => n.nodeValue ?? '');
  const starts: number[] = [];
  let offset = 0;
  for (const v of values) {
    starts.push(offset);
    offset += v.length + 1;
  }
  const candidates = new Set<Node>();
  for (const m of values.join(' ').matchAll(anyPhraseRe())) {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= m.index) lo = mid;
      else hi = mid - 1;
    }
    candidates.add(nodes[lo]);
  }
  if (!candidates.size) return;
  const res = lexiconRes();
  // The article: the <article> with the most text (the others are teaser cards, whose badges and "continue
  // reading" links are about other articles), else the <main>, else the page.
  let main: Element | null = null;
  let most = -1;
  for (const a of doc.querySelectorAll('article')) {
    const n = (a.textContent ?? '').length;
    if (n > most) {
      main = a;
      most = n;
    }
  }
  const scope = main?.closest('main') ?? main ?? doc.querySelector('main') ?? doc.body;
  if (!scope) return;
  const aboutOther = (el: Element) => {
    const card = articleOf(el);
    return card !== null && card !== main && !card.contains(main);
  };
  const here = pathOf(doc.URL, doc.URL);
  // The normalised text of a small block, or null for anything bigger: computed once per element, and never for
  // a container (one with a block inside), so a page of 100,000 nodes costs one pass, not one pass per node.
  const small = new Map<Element, string | null>();
  const smallText = (e: Element): string | null => {
    let v = small.get(e);
    if (v !== undefined) return v;
    v = null;
    if (isLeafBlock(e)) {
      const t = e.textContent ?? '';
      if (t.length <= MAX_BLOCK) v = normalizeBlock(t);
    }
    small.set(e, v);
    return v;
  };
  const seen = new Set<Element>();
  for (const n of candidates) {
    const el = n.parentElement;
    if (!el || seen.has(el)) continue;
    seen.add(el);
    const own = smallText(el);
    if (own === null || aboutOther(el)) continue;
    // The block around the text: the element itself, or its parent when the text sits in an inline tag.
    const block = INLINE.test(el.tagName) && el.parentElement ? el.parentElement : el;
    const text = block === el ? own : smallText(block);
    const control = controlOf(el);
    const controlText =
      control && scope.contains(control) && revealsHere(control, here) ? smallText(control) : null;
    for (const { lang, paywall, cut } of res) {
      if ((text !== null && paywall.test(text)) || paywall.test(own)) {
        reasons.add(`text:${lang}:paywall`);
        break;
      }
      // "Continue reading" is a cut only as a control inside the article (a blog index has one under every post).
      if (controlText !== null && cut.test(controlText)) {
        reasons.add(`text:${lang}:continue-reading`);
        break;
      }
    }
  }
}

/** Signs that the page shows only part of the article. */
export function detectTruncation(doc: Document, ld: JsonLdObject[] = jsonLdObjects(doc)): Truncation {
  const reasons = new Set<string>();
  jsonLdReasons(doc, ld, reasons);
  if (doc.body) {
    const { marked, texts } = scan(doc.body);
    classReasons(marked, reasons);
    textReasons(doc, texts, reasons);
  }
  return { truncated: reasons.size > 0, reasons: [...reasons] };
}
