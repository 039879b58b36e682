import createDOMPurify, { type DOMPurify } from 'dompurify';

const instances = new WeakMap<object, DOMPurify>();

const CONFIG = {
  FORBID_TAGS: [
    'script',
    'style',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'form',
    'input',
    'button',
    'select',
    'textarea',
    'option',
    'link',
    'meta',
    'base',
    'noscript',
    'template',
  ],
  FORBID_ATTR: ['style', 'srcdoc', 'formaction', 'action', 'ping'],
  ALLOW_DATA_ATTR: false,
};

/** DOMPurify bound to the document's own window: works in the page and under jsdom alike. */
function purifierFor(win: Window): DOMPurify {
  let p = instances.get(win);
  if (!p) {
    p = createDOMPurify(win as unknown as Parameters<typeof createDOMPurify>[0]);
    instances.set(win, p);
  }
  return p;
}

/** Step 6: sanitizes an element in place (no scripts, handlers, javascript: URLs, frames, objects, forms). */
export function sanitizeElement(el: Element, win: Window): void {
  purifierFor(win).sanitize(el, { ...CONFIG, IN_PLACE: true });
}

/** Sanitizes an HTML string with the given window. */
export function sanitizeHtml(html: string, win: Window): string {
  return purifierFor(win).sanitize(html, CONFIG) as unknown as string;
}

/**
 * Sanitizes many HTML strings in one sanitizer pass (the removed blocks of an article): sanitizeHtml would build a
 * parsed document and read its settings once per string, which is most of its cost on small blocks. Each string is
 * parsed on its own into its own element of one inert document (nothing in it loads or runs), so none can close
 * another's markup.
 */
export function sanitizeHtmlEach(htmls: string[], win: Window): string[] {
  // A DOMParser document, as DOMPurify parses strings in: scripting off, so <noscript> reads as markup here too.
  const doc = new (win as Window & typeof globalThis).DOMParser().parseFromString('', 'text/html');
  const slots = htmls.map((html) => {
    const slot = doc.createElement('div');
    slot.innerHTML = html;
    return slot;
  });
  const holder = doc.createElement('div');
  holder.append(...slots);
  sanitizeElement(holder, win);
  return slots.map((slot) => slot.innerHTML);
}
