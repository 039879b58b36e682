// A selector for an element the reader picked. Class names are preferred (they name what a block is, so the rule
// keeps working on the site's other articles); ids next; a position path only when nothing names the element.

const IDENT = /^-?[A-Za-z_][\w-]*$/;
/** Generated names (css-modules hashes, counters) change from page to page: not worth a rule. */
const LOOKS_GENERATED = /\d{3,}|^[a-z]{1,3}-[A-Za-z0-9]{5,}$|^[A-Za-z0-9]{8,}$/;

const good = (name: string) => IDENT.test(name) && !LOOKS_GENERATED.test(name);

function matches(doc: Document, selector: string): Element[] {
  try {
    return [...doc.querySelectorAll(selector)];
  } catch {
    return [];
  }
}

function named(el: Element): string | null {
  const doc = el.ownerDocument;
  const tag = el.localName;
  const classes = [...el.classList].filter(good).slice(0, 3);
  if (classes.length) {
    const sel = `${tag}.${classes.join('.')}`;
    const found = matches(doc, sel);
    // A class shared by a few blocks (ad slots, promo boxes) is what a rule should name; by dozens, it is layout.
    if (found.includes(el) && found.length <= 10) return sel;
  }
  if (el.id && good(el.id) && matches(doc, `#${el.id}`).length === 1) return `#${el.id}`;
  return null;
}

export function selectorFor(el: Element): string {
  const own = named(el);
  if (own) return own;
  const parts: string[] = [];
  let cur: Element | null = el;
  for (let depth = 0; cur && depth < 6; depth++) {
    const tag: string = cur.localName;
    if (tag === 'body' || tag === 'html') {
      parts.unshift(tag);
      break;
    }
    const name = depth > 0 ? named(cur) : null;
    if (name) {
      parts.unshift(name);
      break;
    }
    const parent: Element | null = cur.parentElement;
    const same = parent ? [...parent.children].filter((c) => c.localName === tag) : [cur];
    parts.unshift(same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(cur) + 1})` : tag);
    cur = parent;
  }
  return parts.join(' > ');
}
