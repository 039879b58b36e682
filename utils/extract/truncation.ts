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
const CONTROL = 'a, button, [role="button"], summary, label';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const phraseSource = (p: string) => normalizeBlock(p).split('#').map(escapeRe).join('\\d+(?:[.,]\\d+)?');

let compiled: { lang: string; paywall: RegExp; cut: RegExp }[] | null = null;

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

function classReasons(doc: Document, reasons: Set<string>) {
  for (const el of doc.querySelectorAll('[class], [id]')) {
    const attrs = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!MAYBE_PAYWALL.test(attrs)) continue; // most elements: one cheap test, no split
    const words = attrs.split(/\s+/);
    for (const w of words) {
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

function textReasons(doc: Document, reasons: Set<string>) {
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
    const card = el.closest('article');
    return card !== null && card !== main && !card.contains(main);
  };
  const here = pathOf(doc.URL, doc.URL);
  const seen = new Set<Element>();
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const raw = n.nodeValue ?? '';
    if (raw.length > MAX_BLOCK || !/\p{L}/u.test(raw)) continue;
    const el = n.parentElement;
    if (!el || SKIP.has(el.tagName) || seen.has(el)) continue;
    seen.add(el);
    if (aboutOther(el)) continue;
    // The block around the text: the element itself, or its parent when the text sits in an inline tag.
    const block = /^(A|SPAN|STRONG|B|EM|I)$/.test(el.tagName) && el.parentElement ? el.parentElement : el;
    const full = block.textContent ?? '';
    if (full.length > MAX_BLOCK) continue;
    const text = normalizeBlock(full);
    const own = normalizeBlock(el.textContent ?? '');
    for (const { lang, paywall, cut } of res) {
      if (paywall.test(text) || paywall.test(own)) {
        reasons.add(`text:${lang}:paywall`);
        break;
      }
      // "Continue reading" is a cut only as a control inside the article (a blog index has one under every post).
      const control = el.closest(CONTROL);
      if (
        control &&
        scope.contains(control) &&
        revealsHere(control, here) &&
        cut.test(normalizeBlock(control.textContent ?? ''))
      ) {
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
  classReasons(doc, reasons);
  textReasons(doc, reasons);
  return { truncated: reasons.size > 0, reasons: [...reasons] };
}
